# dict: insertion order, access, update, deletion.
d = {'b': 1, 'a': 2}
d['c'] = 3
d['b'] = 10
print(d, list(d), len(d), d['a'], 'a' in d, 'z' not in d)
del d['b']
d['b'] = 0
print(d)
print(dict(a=1, b=2), dict([('x', 1), ('y', 2)]), dict({'k': 'v'}, extra=1), dict(zip('abc', range(3))), dict())
try:
    d['missing']
except KeyError as e:
    print('KeyError', e, repr(e))
try:
    del d['missing']
except KeyError as e:
    print('KeyError', e)
try:
    {[]: 1}
except TypeError as e:
    print('TypeError', e)
print({1: 'a', 1.0: 'b', True: 'c'}, {(1, 2): 'tuple key'}, {None: 0}[None])
print(d == {'c': 3, 'a': 2, 'b': 0}, d != {}, {'a': 1} == {'a': 1.0})
print({**d, 'z': 26}, d | {'a': 99}, {1: 2}.__len__())
e = {'x': 1}
e |= {'y': 2}
print(e)

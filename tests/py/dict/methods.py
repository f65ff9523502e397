# Every dict method.
d = {'one': 1, 'two': 2, 'three': 3}
print(d.get('one'), d.get('four'), d.get('four', 4), d.setdefault('four', 4), d.setdefault('one', 100), d)
print(d.pop('four'), d.pop('nope', 'default'), d.popitem(), d)
d.update({'five': 5}, six=6)
d.update([('seven', 7)])
print(d, d.copy(), d.copy() is d)
print(dict.fromkeys('abc'), dict.fromkeys(range(3), 0), list(d.keys()), list(d.values()), list(d.items()))
print(list(reversed(d)), list(reversed(d.items()))[:2])
c = d.copy()
c.clear()
print(c, len(d))
try:
    {}.popitem()
except KeyError as e:
    print('KeyError', e)
try:
    d.pop('zzz')
except KeyError as e:
    print('KeyError', e)
try:
    d.update(1)
except TypeError as e:
    print('TypeError', e)
try:
    d.update([(1, 2, 3)])
except ValueError as e:
    print('ValueError', e)

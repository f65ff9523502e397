# reversed() over dicts and views, view reprs, update sources and CPython's error messages.
d = dict(a=1, b=2)
d.update([('c', 3)], d=4)
d.update({'e': 5}.items())
print(d, list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(d.keys(), d.values(), d.items(), dict.fromkeys('xy', 0), dict.fromkeys(range(3)))
del d['b']
d['b'] = 9
print(d, d.popitem(), d.setdefault('z', []), d.get('nope'), d.get('nope', 7), d.pop('a'), d.pop('q', None))
class M:
    def keys(self): return ['k1', 'k2']
    def __getitem__(self, k): return k.upper()
print(dict(M()), {**M()}, dict({1: 2}, x=3), d | {'new': 1}, {'new': 1} | d)
e = {1: 'a'}
e |= [(2, 'b')]
print(e, {1: 2} == {1: 2.0}, {1: 2} != {1: 3}, {} == dict())
for bad in ["dict([1])", "dict([[1, 2, 3]])", "dict([(1, 2)], [3])", "{}.popitem()", "{}['k']", "{}.pop(1)",
            "{[]: 1}", "{}.setdefault([])", "{} < {}", "{} | [1]", "dict.fromkeys(1)", "{**1}", "{}.update(1)",
            "iter({1: 2}).__next__() and None", "{}.get()", "{}.keys() & 1", "dict(1, 2)"]:
    try:
        r = eval(bad)
        print(bad, '->', r)
    except Exception as ex:
        print(bad, '->', type(ex).__name__, ex)
k = {1: 2, 3: 4}.keys()
print(k & {1}, k | [5], k - {1}, k ^ {3, 9}, {1} & k, [9] | k, {1: 0}.items() & {(1, 0)}, k == {1, 3}, k < {1, 3, 5})
f = {1: 1}
it = iter(f)
f[2] = 2
try:
    next(it)
except RuntimeError as ex:
    print('RuntimeError', ex)
g = {1: 1, 2: 2}
it = iter(g)
del g[1]
g[3] = 3
try:
    print(list(it))
except RuntimeError as ex:
    print('RuntimeError', ex)

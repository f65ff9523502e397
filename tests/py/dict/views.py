# Dict views are live, set-like for keys/items.
d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
d['d'] = 4
print(k, v, it, len(k), 'a' in k, 2 in v, ('a', 1) in it, ('a', 2) in it)
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}), k == {'a', 'b', 'c', 'd'})
print(sorted(it & {('a', 1), ('b', 0)}), k.isdisjoint({'x'}), k <= {'a', 'b', 'c', 'd', 'e'})
print(k.mapping == d if hasattr(k, 'mapping') else None, list(reversed(v)))
try:
    for key in d:
        d[key + key] = 0
except RuntimeError as e:
    print('RuntimeError', e)
try:
    v & v
except TypeError as e:
    print('TypeError', e)
print(d.keys() == d.keys(), d.values() == d.values())

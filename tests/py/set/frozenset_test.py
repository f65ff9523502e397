# frozenset is hashable and immutable; mixing with set.
f = frozenset([3, 1, 2])
print(f, type(f | {4}).__name__, type({4} | f).__name__, f & {1, 9}, f - {1}, frozenset(), hash(f) == hash(frozenset({1, 2, 3})))
d = {f: 'frozen'}
print(d[frozenset([1, 2, 3])], f == {1, 2, 3}, {frozenset({1}), frozenset({1})} == {frozenset([1])})
try:
    f.add(4)
except AttributeError as e:
    print('AttributeError', e)
s = {frozenset({1, 2}), frozenset({2, 1}), frozenset()}
print(len(s), sorted(map(sorted, s)))
try:
    hash({1})
except TypeError as e:
    print('TypeError', e)
print(frozenset('abc') == frozenset('cba'), sorted(frozenset('hello')), f.copy() is f)

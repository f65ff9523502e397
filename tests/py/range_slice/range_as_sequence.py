# range supports the Sequence protocol: in, index, count, slicing to ranges, comparisons and bool.
import collections.abc as cabc
r = range(3, 30, 4)
print(isinstance(r, cabc.Sequence), 7 in r, 8 in r, r.index(11), r.count(11), r.count(12), bool(range(0)), bool(r))
print(r[1:-1], r[::2], r[::-1][0], list(r[-2:]), r[2:2], len(r[100:]))
print(list(map(lambda x: x // 4, r)), sorted(r, reverse=True)[:3], tuple(range(2)), [*range(2, -2, -1)])
try:
    r.index(8)
except ValueError as e:
    print('ValueError', e)
try:
    r[0] = 1
except TypeError as e:
    print('TypeError', e)

# Tuples as dict keys, in sorting, comparison with mixed types, and tuple() of iterators.
points = [(3, 'c'), (1, 'z'), (1, 'a'), (2, 'b')]
print(sorted(points), max(points), min(points, key=lambda p: p[1]))
grid = {(x, y): x * y for x in range(3) for y in range(3)}
print(grid[(2, 2)], grid[1, 2], len(grid))
try:
    (1, 'a') < ('a', 1)
except TypeError as e:
    print('TypeError', e)
print(tuple(x * 2 for x in range(3)), tuple({'k': 1}), tuple(reversed((1, 2, 3))), (1, 2) * 2, (1,) + tuple('ab'))
a = (1, 2, 3)
print(a[::-1], a[1:], a[-1], len(a * 100), a.count(2), 2 in a, a.__getitem__(0), a.index(3))
t = tuple(range(5))
print(t == tuple(list(t)), hash(t) == hash(tuple(range(5))))

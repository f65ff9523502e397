# range: iteration, indexing, slicing, containment, len, equality.
for r in (range(5), range(2, 10, 3), range(10, 0, -2), range(0), range(-5, 5), range(0, 10 ** 20, 10 ** 19)):
    print(r, list(r)[:12], len(r), r[0] if r else None, r[-1] if r else None, r[1:3], r[::-1], 3 in r, r.count(4))
print(range(3) == range(0, 3, 1), range(0) == range(5, 5), range(1, 4)[::2], range(10).index(7), hash(range(3)) == hash(range(0, 3)))
print(range(10 ** 30)[10 ** 29], 10 ** 29 in range(0, 10 ** 30, 7), len(range(0, 10 ** 18, 3)))
r = range(1, 20, 4)
print(r.start, r.stop, r.step, list(reversed(r)), sum(r), max(r), sorted(r, reverse=True))
for bad in (lambda: range(1, 2, 0), lambda: range(5)[5], lambda: range(1.5), lambda: range(3).index(9)):
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    len(range(10 ** 20))
except OverflowError as e:
    print('OverflowError', e)

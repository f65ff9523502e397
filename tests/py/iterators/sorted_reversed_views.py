# reversed() and sorted() over dict views, strings, ranges and sets of small ints.
d = {'x': 3, 'a': 1, 'm': 2}
print(list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())), sorted(d.items(), key=lambda kv: kv[1]))
print(sorted({5, 1, 3}), sorted(frozenset({9, -1})), sorted('zyx'), list(reversed(range(0, 10, 4))), sorted(range(3), reverse=True))
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r), list(r))
import operator
print(operator.length_hint(reversed([1, 2, 3])), operator.length_hint(reversed(range(4))))

# range objects: repr of steps, reversed on big ranges, slicing and equality semantics.
print(repr(range(0, 10, 1)), repr(range(-3)), repr(range(1, 10, 2)), range(5)[::-1], range(0, 10, 3)[1:])
big = range(10 ** 20, 10 ** 20 + 10, 3)
print(list(big), list(reversed(big)), big[-1], big.index(10 ** 20 + 6), len(big))
print(range(0, 3) == range(0, 4)[:3], range(0, 6, 2) == range(0, 5, 2), range(0) == range(1, 1), range(1) != range(2))
print(sum(range(1, 1001)), list(range(10))[slice(*range(1, 8, 2)[:3])] if False else list(range(10))[1:5:3])
it = iter(range(3))
print(type(it).__name__, next(it), list(it), list(range(5, 0, -2)), list(range(-5, -1)))
print(2.0 in range(3), 2.5 in range(3), True in range(2), '1' in range(3))

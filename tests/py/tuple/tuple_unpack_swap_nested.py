# Tuple swaps, rotations and nested unpacking with starred names inside nested targets.
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
x = [1, 2, 3]
x[0], x[2] = x[2], x[0]
print(x)
(p, *q), r = 'abc', 'd'
print(p, q, r)
for (k, v), n in zip({'a': 1, 'b': 2}.items(), range(2)):
    print(k, v, n)
data = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in data])
i = 0
lst = [10, 20]
i, lst[i] = 1, 99
print(i, lst)

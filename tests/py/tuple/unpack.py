# Tuple packing and unpacking in all forms.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = range(5)
*init, last = 'hello'
h, *mid, t = [1, 2]
print(first, rest, init, last, h, mid, t)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x, y)
[p, q] = 'pq'
print(p, q)
try:
    a, b = 1, 2, 3
except ValueError as e:
    print('ValueError', e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print('ValueError', e)
try:
    a, *b, c = [1]
except ValueError as e:
    print('ValueError', e)
try:
    a, b = 5
except TypeError as e:
    print('TypeError', e)
print(*[1, 2], *'ab', sep='|')
print((*range(3), *[4]), [*'ab', *(1,)], {**{'a': 1}, 'b': 2})

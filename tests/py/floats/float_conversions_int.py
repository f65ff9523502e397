# float <-> int exactness at the 53-bit boundary and int/float comparisons of big values.
for n in (2 ** 53 - 1, 2 ** 53, 2 ** 53 + 1, 2 ** 53 + 2, 2 ** 64 - 1, 10 ** 22, 10 ** 23):
    f = float(n)
    print(n, repr(f), int(f) == n, f == n, f < n, f > n, n < f)
print(float(2 ** 1023) * 2 == float('inf'), 2 ** 1024 > float('inf'), -(2 ** 1024) < float('-inf'))
try:
    float(2 ** 1024)
except OverflowError as e:
    print('OverflowError', e)
print((2 ** 1024) / (2 ** 1023), (2 ** 2000) // (2 ** 1990), 7 ** 500 / 7 ** 499)

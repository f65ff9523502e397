# Building large strings in various ways gives identical results.
n = 2000
a = ''.join(str(i % 10) for i in range(n))
b = ''
for i in range(n):
    b += str(i % 10)
c = ''.join(map(str, (i % 10 for i in range(n))))
d = '%s' * n % tuple(str(i % 10) for i in range(n))
print(len(a), a == b == c == d, a[:30], a[-10:], hash(a) == hash(b))
lines = ['line %d' % i for i in range(5)]
print('\n'.join(lines))
print(repr('\n'.join([])), repr('-'.join(['only'])))

# Iterators exhaust; iterables can be re-iterated; for-else and break.
it = iter(range(3))
print(list(it), list(it), sum(iter([1, 2])))
g = (x * x for x in range(4))
print(3 in g, list(g))
for x in range(3):
    pass
else:
    print('else after full loop', x)
for x in range(10):
    if x == 4:
        break
else:
    print('not printed')
print('broke at', x)
while False:
    pass
else:
    print('while else')
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    print('even', n)
d = {'a': 1}
it = iter(d)
d['b'] = 2
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)

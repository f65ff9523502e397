# Generator expressions: laziness, scoping, passing as sole argument.
print(sum(x * x for x in range(10)), max(len(w) for w in ['a', 'bbb']), ''.join(c.upper() for c in 'abc'))
g = (x for x in range(3))
print(next(g), list(g), list(g))
def noisy(n):
    print('range created')
    return range(n)
g2 = (x for x in noisy(2))
print('before iteration')
print(list(g2))
try:
    (1 / x for x in [0])
    print('no error yet')
    list(1 / x for x in [0])
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
nested = ((i, j) for i in range(2) for j in range(i, 2))
print(list(nested), type(x for x in '').__name__)

# Lambdas: expressions, defaults, closures, immediate calls.
sq = lambda x: x * x
add = lambda a, b=10, *c, **d: (a + b, c, d)
print(sq(7), add(1), add(1, 2, 3, k=4), (lambda: 'now')(), (lambda *a: a)(1, 2))
print(sorted(['bb', 'a', 'ccc'], key=lambda s: -len(s)), list(map(lambda x: x % 3, range(7))))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda y: y + 1)(4), sq.__name__, (lambda: 0).__qualname__)
print((lambda x: (lambda y: x + y))(3)(4), (lambda: (yield))  .__code__.co_flags & 0x20 != 0)

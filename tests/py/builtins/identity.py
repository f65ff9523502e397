# Identity with `is`: singletons, small ints, interned names, copies (never printing id()).
a = []
b = a
c = list(a)
print(a is b, a is c, a == c, None is None, ... is Ellipsis, NotImplemented is NotImplemented)
print(True is (1 == 1), type(1) is int, int is int, type(None)() is None)
x = (1, 2)
print(tuple(x) is x, x[:] is x, str('abc') is 'abc'[:] if False else 'skip', frozenset(frozenset([1])) is not None)
s = 'hello'
print(s[:] is s, s + '' is s or True, id(a) == id(b), id(a) != id(c))
def f(): pass
print(f is f, f.__code__ is f.__code__, (lambda: 0) is not (lambda: 0))
class K: pass
print(K() is not K(), type(K()) is K)

# Default arguments are evaluated once, at definition time.
def f(a, b=2, c=[]):
    c.append(a)
    return a, b, c
print(f(1), f(2, 3), f(3, c=[]), f(4))
x = 10
def g(v=x):
    return v
x = 20
print(g(), g.__defaults__, f.__defaults__[0])
def h(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(h(1), h(2))
g.__defaults__ = (99,)
print(g())

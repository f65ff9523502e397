# Closures created in loops, nested scopes with the same names, and cell sharing.
def make():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        def g():
            return i
        fs.append((f, g))
    return fs
print([(f(), g()) for f, g in make()])
def shared():
    x = 0
    def inc():
        nonlocal x
        x += 1
        return x
    def get():
        return x
    return inc, get
inc, get = shared()
inc(); inc()
print(get(), inc.__closure__[0] is get.__closure__[0])
def counter_gen():
    n = 0
    def bump():
        nonlocal n
        n += 1
    for _ in range(3):
        bump()
        yield n
print(list(counter_gen()))
x = 'global'
def a():
    x = 'a'
    def b():
        def c():
            return x
        return c()
    return b()
print(a())

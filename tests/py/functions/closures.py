# Closures capture variables (cells), not values.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(10), c2())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def outer():
    x = 'outer'
    def mid():
        def inner():
            return x
        return inner
    r = mid()
    x = 'changed'
    return r
print(outer()())
print(c1.__code__.co_freevars, make_counter.__code__.co_cellvars, type(c1.__closure__[0]).__name__, c1.__closure__[0].cell_contents)
def later():
    def f():
        return y
    try:
        f()
    except NameError as e:
        print('NameError', e)
    y = 1
    return f()
print(later())

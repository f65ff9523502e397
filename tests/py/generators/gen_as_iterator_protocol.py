# Generators are their own iterators; iter(g) is g; gi_yieldfrom shows the delegate.
def g():
    yield from [1, 2]
    yield 3
x = g()
print(iter(x) is x, hasattr(x, '__next__'), next(x), x.gi_yieldfrom is not None, list(x))
def inner(): yield 'i'
def outer():
    yield from inner()
o = outer()
next(o)
print(type(o.gi_yieldfrom).__name__, o.gi_yieldfrom.__name__)
def running():
    yield r.gi_running
r = running()
print(next(r), r.gi_running)
try:
    def reenter():
        yield next(me)
    me = reenter()
    next(me)
except ValueError as e:
    print('ValueError', e)

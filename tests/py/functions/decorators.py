# Decorators: plain, with arguments, stacked, class decorators, functools.wraps.
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        print('call', fn.__name__, a, k)
        return fn(*a, **k)
    return wrapper
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@trace
@repeat(3)
def greet(who):
    'docstring'
    return 'hi ' + who
print(greet('bob'), greet.__name__, greet.__doc__, greet.__wrapped__.__name__)
def register(cls):
    cls.registered = True
    return cls
@register
class C:
    pass
print(C.registered)
order = []
def mark(tag):
    order.append('make ' + tag)
    def d(f):
        order.append('apply ' + tag)
        return f
    return d
@mark('a')
@mark('b')
def f(): pass
print(order)
@lambda f: f() 
def immediate():
    return 'ran'
print(immediate)

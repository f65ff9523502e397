# Keyword-only and positional-only parameters.
def f(a, b, /, c, *, d, e=5):
    return a, b, c, d, e
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6))
for call in (lambda: f(1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4), lambda: f(1, 2, 3), lambda: f(1, 2, 3, d=4, z=0)):
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
def g(a, /, **kw):
    return a, kw
print(g(1, a=2))
def h(*, only):
    return only
print(h(only=1))
try:
    h(1)
except TypeError as e:
    print('TypeError', e)
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__kwdefaults__)
import inspect
print(inspect.signature(f), inspect.signature(g), inspect.signature(h))

# *args and **kwargs, and call-site unpacking.
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, *[2, 3], *'ab', k=1, **{'z': 2}))
def g(a, b, *rest, c=3, **kw):
    return a, b, rest, c, kw
print(g(1, 2), g(1, 2, 3, 4, c=5, d=6), g(*range(5)), g(**{'a': 1, 'b': 2, 'e': 7}))
for call in (lambda: g(1), lambda: g(1, 2, a=3), lambda: f(**{1: 2}), lambda: g(1, 2, **{'c': 1}, c=2)):
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
def h(**kw):
    kw['new'] = 1
    return kw
d = {'a': 0}
print(h(**d), d)

# globals, locals, vars, dir.
top = 1
print('top' in globals(), globals()['__name__'], globals() is vars())
def f(a, b=2):
    c = 3
    return sorted(locals().items())
print(f(1))
def g():
    x = 1
    locals()['x'] = 99
    return x
print(g())
class C:
    z = 1
    def m(self): pass
    print(sorted(k for k in locals() if not k.startswith('__')))
print([n for n in dir(C) if not n.startswith('__')], 'm' in dir(C()), dir(C) == sorted(dir(C)))
o = C()
o.inst = 5
print(vars(o), 'inst' in dir(o))
try:
    vars(5)
except TypeError as e:
    print('TypeError', e)
class D:
    def __dir__(self): return ['b', 'a', 'c']
print(dir(D()))
import math
print('sqrt' in dir(math), [n for n in dir() if not n.startswith('_')][:5])

# Weakref callbacks receive the dead ref; WeakMethod; ref equality and hashing.
import gc, weakref
class A:
    def method(self): return 'method'
log = []
a = A()
r1 = weakref.ref(a, lambda r: log.append(('r1', r() is None)))
r2 = weakref.ref(a)
print(r1 == r2, r1 is not r2, hash(r1) == hash(r2), weakref.getweakrefcount(a), len(weakref.getweakrefs(a)))
wm = weakref.WeakMethod(a.method)
print(wm()())
del a
gc.collect()
print(log, wm(), r2())
b = A()
rb = weakref.ref(b)
del b
gc.collect()
try:
    hash(rb)
    print('hash of a ref first taken after death')
except TypeError as e:
    print('TypeError', e)

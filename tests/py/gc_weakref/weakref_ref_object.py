# _weakref.ref: identity reuse, equality/hash, subclasses with slots, counts, errors, proxy.
import _weakref
class A:
    def __repr__(self): return 'A()'
a = A()
r = _weakref.ref(a)
r2 = _weakref.ref(a)
r3 = _weakref.ref(a, lambda w: None)
print(r is r2, r() is a, r == r3, r != r3, hash(r) == hash(a), _weakref.getweakrefcount(a), len(_weakref.getweakrefs(a)))
print(r3.__callback__ is not None, r.__callback__, type(r).__name__, _weakref.ref is _weakref.ReferenceType)
class KeyedRef(_weakref.ref):
    __slots__ = ('key',)
    def __new__(type, ob, callback, key):
        self = _weakref.ref.__new__(type, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
k = KeyedRef(a, None, 'kk')
print(k.key, k() is a, type(k).__name__, isinstance(k, _weakref.ref), k == r, k is not r)
def f(): return 42
print(_weakref.ref(f)() is f, _weakref.ref(A)() is A, _weakref.getweakrefcount(1))
for v in (1, 'x', [], {}, (), None, 2.5):
    try:
        _weakref.ref(v)
    except TypeError as e:
        print(e)
p = _weakref.proxy(a)
print(str(p), type(p).__name__)
pf = _weakref.proxy(f)
print(pf(), type(pf).__name__)
d = {1: r}
_weakref._remove_dead_weakref(d, 1)
_weakref._remove_dead_weakref(d, 2)
print(d == {1: r}, {r: 1}[r3])

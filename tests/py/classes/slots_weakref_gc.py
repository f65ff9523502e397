# Objects with __slots__ in reference cycles are collected; weakrefs need __weakref__ slot.
import gc, weakref
class S:
    __slots__ = ('other', '__weakref__')
a, b = S(), S()
a.other, b.other = b, a
r = weakref.ref(a)
del a, b
gc.collect()
print(r())
class NoWeak:
    __slots__ = ('x',)
try:
    weakref.ref(NoWeak())
except TypeError as e:
    print('TypeError', e)

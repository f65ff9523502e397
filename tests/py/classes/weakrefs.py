# weakref.ref, callbacks, WeakValueDictionary, WeakSet, finalize.
import gc, weakref
class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return f'Obj({self.n})'
o = Obj(1)
r = weakref.ref(o)
print(r() is o, r().n)
events = []
r2 = weakref.ref(o, lambda ref: events.append('callback'))
del o
gc.collect()
print(r(), r2(), events)
d = weakref.WeakValueDictionary()
keep = Obj(2)
d['keep'] = keep
d['drop'] = Obj(3)
gc.collect()
print(sorted(d.keys()), d['keep'])
ws = weakref.WeakSet()
a = Obj(4)
ws.add(a)
ws.add(Obj(5))
gc.collect()
print(len(ws), list(ws))
f = weakref.finalize(a, events.append, 'finalized')
print(f.alive)
del a
gc.collect()
print(events, f.alive)
p_target = Obj(6)
p = weakref.proxy(p_target)
print(p.n)
del p_target
gc.collect()
try:
    p.n
except ReferenceError as e:
    print('ReferenceError', e)
try:
    weakref.ref(1)
except TypeError as e:
    print('TypeError', e)

# __del__ of objects in a cycle runs once each; finalize callbacks run at collection and at exit.
import gc, weakref
log = []
class D:
    def __init__(self, n): self.n = n
    def __del__(self): log.append(self.n)
x, y = D(1), D(2)
x.o, y.o = y, x
del x, y
gc.collect()
print(sorted(log))
class Holder: pass
h = Holder()
weakref.finalize(h, print, 'finalize at collection')
del h
gc.collect()
obj = Holder()
weakref.finalize(obj, print, 'finalize at exit')
print('end of program')

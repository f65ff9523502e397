# __del__ runs when an object becomes unreachable (forced with gc.collect()).
import gc
log = []
class R:
    def __init__(self, name): self.name = name
    def __del__(self): log.append('del ' + self.name)
r = R('a')
del r
gc.collect()
print(log)
def scope():
    x = R('local')
scope()
gc.collect()
print(log)
a, b = R('cycle1'), R('cycle2')
a.other, b.other = b, a
del a, b
gc.collect()
print(sorted(log))
class Resurrect:
    saved = None
    def __del__(self):
        Resurrect.saved = self
o = Resurrect()
del o
gc.collect()
print(Resurrect.saved is not None, type(Resurrect.saved).__name__)

# WeakKeyDictionary and WeakValueDictionary drop entries when referents die.
import gc, weakref
class K:
    def __init__(self, n): self.n = n
wk = weakref.WeakKeyDictionary()
keys = [K(i) for i in range(5)]
for k in keys:
    wk[k] = k.n * 10
print(len(wk), sorted(wk.values()))
del keys[1:3]
gc.collect()
print(len(wk), sorted(wk.values()))
wv = weakref.WeakValueDictionary()
vals = {i: K(i) for i in range(4)}
wv.update(vals)
del vals[0]
gc.collect()
print(sorted(wv.keys()), wv.get(0), wv[3].n)

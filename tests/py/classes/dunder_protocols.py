# Container protocols: __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__, __call__, __index__.
class Grid:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d.get(k, 0)
    def __setitem__(self, k, v):
        print('set', k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print('del', k)
        del self.d[k]
    def __len__(self):
        return len(self.d)
    def __contains__(self, k):
        return k in self.d
    def __iter__(self):
        return iter(sorted(self.d))
    def __call__(self, *a, **k):
        return ('called', a, k)
g = Grid()
g[1, 2] = 'a'
g[0, 0] = 'b'
print(g[1, 2], g[5, 5], len(g), (0, 0) in g, (9, 9) in g, list(g), g(1, x=2))
del g[0, 0]
print(len(g), bool(g))
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], 'abcd'[Idx():], bin(Idx()), range(10)[Idx()], (5).__pow__(Idx()), hex(Idx()))
class Len:
    def __len__(self): return 5
print(len(Len()))
class BadLen:
    def __len__(self): return 'x'
try:
    len(BadLen())
except TypeError as e:
    print('TypeError', e)
class Conv:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __complex__(self): return 1j
    def __bool__(self): return False
    def __round__(self, n=None): return 'rounded'
    def __trunc__(self): return 3
    def __floor__(self): return 'floor'
    def __ceil__(self): return 'ceil'
import math
c = Conv()
print(int(c), float(c), complex(c), bool(c), round(c), round(c, 2), math.trunc(c), math.floor(c), math.ceil(c))

# Binary operators, reflected forms and NotImplemented.
class V:
    def __init__(self, *c): self.c = c
    def __repr__(self): return 'V' + repr(self.c)
    def __add__(self, o):
        if isinstance(o, V): return V(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)): return V(*(a + o for a in self.c))
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, o): return V(*(a - o for a in self.c))
    def __rsub__(self, o): return V(*(o - a for a in self.c))
    def __mul__(self, k): return V(*(a * k for a in self.c))
    def __rmul__(self, k): return V(*(k * a for a in self.c))
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __truediv__(self, k): return V(*(a / k for a in self.c))
    def __floordiv__(self, k): return V(*(a // k for a in self.c))
    def __mod__(self, k): return V(*(a % k for a in self.c))
    def __pow__(self, k, mod=None): return V(*(pow(a, k, mod) for a in self.c))
    def __rpow__(self, b): return 'rpow ' + str(b)
    def __lshift__(self, k): return 'lshift'
    def __rrshift__(self, k): return 'rrshift'
    def __and__(self, o): return 'and'
    def __ror__(self, o): return 'ror'
    def __xor__(self, o): return 'xor'
    def __neg__(self): return V(*(-a for a in self.c))
    def __pos__(self): return 'pos'
    def __abs__(self): return 'abs'
    def __invert__(self): return 'invert'
    def __divmod__(self, o): return 'divmod'
    def __rdivmod__(self, o): return 'rdivmod'
v, w = V(1, 2), V(10, 20)
print(v + w, v + 1, 1 + v, v - 1, 10 - v, v * 3, 3 * v, v @ w, v / 2, w // 3, w % 3, pow(v, 2), pow(v, 2, 3), 2 ** v)
print(v << 1, 1 >> v, v & 1, 1 | v, v ^ 0, -v, +v, abs(v), ~v, divmod(v, 1), divmod(1, v))
try:
    v + 'str'
except TypeError as e:
    print('TypeError', e)
try:
    'str' - v
except TypeError as e:
    print('TypeError', e)
class Sub(V):
    def __radd__(self, o): return 'Sub.__radd__ wins'
print(V(1) + Sub(2))

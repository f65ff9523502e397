# sum() over floats, ints, mixed, Fractions, Decimals and custom __add__/__radd__.
from fractions import Fraction
from decimal import Decimal
print(sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]), sum([1, 2.5, True]), sum(range(10 ** 6)))
print(sum([Fraction(1, 3)] * 3), sum([Decimal('0.1')] * 3), sum([1j, 2, 3.5]), sum([], 0.0), sum([[1], [2]], start=[0]))
class V:
    def __init__(self, v): self.v = v
    def __add__(self, o): return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.v)
    def __repr__(self): return f'V({self.v})'
print(sum([V(1), V(2), V(3)]), sum([V(1)], V(10)))
try:
    sum([b'a'], b'')
except TypeError as e:
    print('TypeError', e)

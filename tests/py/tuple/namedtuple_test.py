# collections.namedtuple.
from collections import namedtuple
Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._fields, Point._make([7, 8]), tuple(p), p == (1, 2))
x, y = p
print(x, y, len(p), repr(Point(x=-1, y=0)), isinstance(p, tuple), hash(p) == hash((1, 2)))
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[0, 9])
print(P3(1), P3(1, 2, 3), P3._field_defaults)
try:
    p.x = 3
except AttributeError as e:
    print('AttributeError', e)
try:
    Point(1)
except TypeError as e:
    print('TypeError', e)
class V(namedtuple('V', 'a b')):
    __slots__ = ()
    def total(self):
        return self.a + self.b
print(V(2, 3).total(), V(2, 3))

# __slots__: no __dict__, fixed attributes, inheritance.
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(1, 2)
print(p.x, p.y, hasattr(p, '__dict__'), P.__slots__, type(P.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError', e)
del p.x
try:
    p.x
except AttributeError as e:
    print('AttributeError', e)
class Q(P):
    pass
q = Q(3, 4)
q.z = 5
print(q.z, q.__dict__)
class R(P):
    __slots__ = ('w', '__dict__')
r = R(1, 2)
r.w = 0
r.anything = 1
print(r.w, r.anything)
class W:
    __slots__ = ('__weakref__', 'v')
import weakref
w = W()
print(weakref.ref(w)() is w)
try:
    class Conflict:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print('ValueError', e)

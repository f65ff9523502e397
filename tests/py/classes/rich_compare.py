# Rich comparisons, reflection, and NotImplemented fallbacks.
class N:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print('eq', self.v)
        return isinstance(o, N) and self.v == o.v
    def __lt__(self, o):
        print('lt', self.v)
        return self.v < o.v
    def __le__(self, o):
        return NotImplemented
    __hash__ = None
a, b = N(1), N(2)
print(a == b, a != b, a < b, b > a)
try:
    a <= b
except TypeError as e:
    print('TypeError', e)
class Any:
    def __eq__(self, o): return 'truthy'
print(Any() == 1, 1 == Any(), [Any()] == [2], Any() != 1)
class NoEq: pass
x = NoEq()
print(x == x, x == NoEq(), x != x)
try:
    x < x
except TypeError as e:
    print('TypeError', e)
class Sub(N):
    def __gt__(self, o):
        print('Sub.gt')
        return True
print(N(1) < Sub(5))
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 != 2, 'a' < 'b' <= 'b')

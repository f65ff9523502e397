# A Fraction-like class with full operator support, compared against fractions.Fraction.
from fractions import Fraction
from math import gcd
class Q:
    def __init__(self, n, d=1):
        if d == 0: raise ZeroDivisionError('Q denominator')
        g = gcd(n, d) * (1 if d > 0 else -1)
        self.n, self.d = n // g, d // g
    @staticmethod
    def of(x): return x if isinstance(x, Q) else Q(x) if isinstance(x, int) else NotImplemented
    def __add__(s, o):
        o = Q.of(o)
        return NotImplemented if o is NotImplemented else Q(s.n * o.d + o.n * s.d, s.d * o.d)
    __radd__ = __add__
    def __sub__(s, o): return s + -Q.of(o)
    def __rsub__(s, o): return Q.of(o) - s
    def __mul__(s, o):
        o = Q.of(o)
        return NotImplemented if o is NotImplemented else Q(s.n * o.n, s.d * o.d)
    __rmul__ = __mul__
    def __truediv__(s, o): o = Q.of(o); return Q(s.n * o.d, s.d * o.n)
    def __rtruediv__(s, o): return Q.of(o) / s
    def __neg__(s): return Q(-s.n, s.d)
    def __abs__(s): return Q(abs(s.n), s.d)
    def __pow__(s, k): return Q(s.n ** k, s.d ** k) if k >= 0 else Q(s.d ** -k, s.n ** -k)
    def __eq__(s, o): o = Q.of(o); return (s.n, s.d) == (o.n, o.d)
    def __lt__(s, o): o = Q.of(o); return s.n * o.d < o.n * s.d
    def __le__(s, o): return s == o or s < o
    def __hash__(s): return hash(Fraction(s.n, s.d))
    def __float__(s): return s.n / s.d
    def __repr__(s): return f'{s.n}/{s.d}'
a, b = Q(1, 3), Q(-2, 4)
fa, fb = Fraction(1, 3), Fraction(-2, 4)
for name, r, f in [('+', a + b, fa + fb), ('-', a - b, fa - fb), ('*', a * b, fa * fb), ('/', a / b, fa / fb), ('1+', 1 + a, 1 + fa), ('2-', 2 - a, 2 - fa), ('3/', 3 / b, 3 / fb), ('**', b ** -3, fb ** -3), ('neg', -b, -fb), ('abs', abs(b), abs(fb))]:
    print(name, r, f, str(r) == f'{f.numerator}/{f.denominator}')
print(a < b, b < a, a <= Q(2, 6), sorted([a, b, Q(0)]), float(b), hash(Q(1, 2)) == hash(0.5), {Q(2, 4): 'half'}[Q(1, 2)])

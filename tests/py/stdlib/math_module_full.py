# math: integer functions on big ints, CPython's domain/range errors, float helpers.
import math
print(math.floor(-0.5), math.ceil(0.5), math.trunc(-2.7), math.gcd(), math.lcm(), math.gcd(2**100, 2**80 * 3))
print(math.factorial(30), math.comb(100, 50), math.perm(10), math.perm(10, 3), math.isqrt(2**200 + 1))
print(math.prod(range(1, 10)), math.prod([]), math.prod([2, 3], start=0.5))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([0.1] * 10), math.fsum([]))
for fn, a in [(math.sqrt, -1), (math.log, 0), (math.log, -1), (math.acos, 2), (math.exp, 1000),
              (math.gamma, 0), (math.lgamma, -1), (math.factorial, -1), (math.factorial, 1.5),
              (math.isqrt, -1), (math.log1p, -1), (math.cosh, 1000), (math.atanh, 1), (math.floor, 'x')]:
    try:
        print(fn(a))
    except Exception as e:
        print(fn.__name__, type(e).__name__, e)
for fn, a, b in [(math.pow, 0, -1), (math.pow, -1, 0.5), (math.pow, 10, 400), (math.fmod, 1, 0),
                 (math.fmod, 5, math.inf), (math.remainder, 5, 0), (math.ldexp, 1.0, 2000),
                 (math.comb, -1, 2), (math.comb, 5, -1), (math.copysign, 1, -0.0), (math.atan2, 1, 0),
                 (math.pow, 2, 0.5), (math.remainder, 7, 3), (math.fmod, -7, 3)]:
    try:
        print(fn(a, b))
    except Exception as e:
        print(fn.__name__, type(e).__name__, e)
print(math.log(2**10000), math.log2(2**5000), math.log10(10**500), math.log(8, 2), math.log(100, 10))
print(math.frexp(0.0), math.frexp(-3.5), math.modf(-2.5), math.modf(math.inf), math.ulp(1.0), math.nextafter(1, 2))
print(math.isclose(1, 1.0000001, rel_tol=1e-6), math.hypot(), math.hypot(1, 2, 3, 4), math.dist([1, 2, 3], [4, 5, 6]))
print(math.erf(0.5), math.erfc(0.5), math.gamma(5.5), math.gamma(10), math.expm1(1e-10), math.log1p(1e-10))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, math.degrees(1), math.radians(90))
print(math.floor(10**30), math.ceil(2.0**70), math.sqrt(10**30), math.exp(2), math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan))
class F:
    def __floor__(self): return 'floored'
    def __ceil__(self): return 'ceiled'
    def __float__(self): return 2.5
print(math.floor(F()), math.ceil(F()), math.sqrt(F()), math.floor(True), type(math.floor(2)).__name__)
for bad in [lambda: math.isclose(1, 2, rel_tol=-1), lambda: math.dist([1], [1, 2]), lambda: math.trunc('x'),
            lambda: math.ldexp(1.0, 1.5), lambda: math.gcd(1.5), lambda: math.floor(math.inf), lambda: math.floor(math.nan)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# Infinities and NaN: comparisons, arithmetic, conversions.
import math
inf, nan = float('inf'), float('nan')
print(inf, -inf, nan, repr(inf), str(-nan))
print(inf + 1, inf - inf, inf * 0, inf / inf, -inf * -1)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 10 ** 400, -inf < -(10 ** 400))
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1e308), math.isfinite(inf))
print(float('Infinity'), float('-INF'), float('nAn'), float(' inf '))
for v in (inf, nan):
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
x = [nan]
print(nan in x, x == x, [nan] == [nan], x.count(nan), x.index(nan))
print(max(1.0, nan), max(nan, 1.0), min(inf, 5), sorted([3.0, -inf, inf, 0.0]))
print(math.copysign(1, -0.0), math.copysign(1, 0.0), -0.0 == 0.0, hash(inf), hash(-inf))

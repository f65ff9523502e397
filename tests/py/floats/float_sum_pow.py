# Accumulation error, fsum, and pow edge cases.
import math
xs = [0.1] * 10 + [1e100, -1e100, 1e-100]
print(sum(xs), math.fsum(xs), sum(sorted(xs)))
print(pow(0.0, 0.0), pow(-1.0, 0.5) if False else 'skip', (-1.0) ** 2.0, 1.0 ** float('nan'), float('nan') ** 0, pow(2.0, -1074), pow(2.0, -1075))
try:
    (-8.0) ** 0.5 + 0
    print(type((-8.0) ** 0.5).__name__, (-8.0) ** 0.5)
except ValueError as e:
    print('ValueError', e)
try:
    0.0 ** -1.5
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print(math.pow(2, 10), math.sqrt(1e-300), math.hypot(1e200, 1e200), math.exp(-1000), math.log1p(1e-20), math.expm1(1e-20))

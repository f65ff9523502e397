# math module functions on floats (results with exact reprs).
import math
print(math.sqrt(2), math.sqrt(16), math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), math.atan2(1, 1) * 4, math.pi, math.e, math.tau)
print(math.floor(3.7), math.ceil(3.2), math.fabs(-3), math.fmod(-7, 3), math.remainder(7, 3))
print(math.hypot(3, 4), math.dist((0, 0), (3, 4)), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4), math.degrees(math.pi), math.radians(180))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.prod([1.5, 2, 4]))
try:
    math.sqrt(-1)
except ValueError as e:
    print('ValueError', e)
try:
    math.log(0)
except ValueError as e:
    print('ValueError', e)
try:
    math.exp(1000)
except OverflowError as e:
    print('OverflowError', e)

# round(): banker's rounding, ndigits, and the exactness of decimal representation.
for v in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 12345.6789, -2.5):
    print(v, round(v), round(v, 2), round(v, 1), round(v, -1), round(v, 0))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(1e300, -299), round(123.456, 10), round(5e-324, 400))
for bad in (float('inf'), float('nan')):
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float('inf'), 2), round(float('nan'), 2))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), int(-2.5))

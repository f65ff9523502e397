# OverflowError and friends at the edges of fixed-size conversions.
import math
tests = [lambda: 2.0 ** 10000, lambda: math.exp(1000), lambda: float(10 ** 400), lambda: int(float('inf')),
         lambda: 'x' * (2 ** 64), lambda: [0] * (-1), lambda: range(2 ** 64)[2 ** 63:][0] > 0, lambda: chr(2 ** 40),
         lambda: (1).to_bytes(-1, 'big'), lambda: 10 ** 400 * 1.0, lambda: round(1.5, 2 ** 70)]
for t in tests:
    try:
        print(repr(t()))
    except (OverflowError, ValueError, MemoryError) as e:
        print(type(e).__name__, e)

# str(float) <-> float(str) round trips and int/float conversions.
import random
r = random.Random(3)
ok = 0
for _ in range(2000):
    x = r.uniform(-1e6, 1e6) * 10 ** r.randint(-30, 30)
    ok += float(repr(x)) == x
print(ok)
vals = [0.1, 1 / 7, 1e-7, 123e45, 2 ** -20, 1.5e-300, 7e22]
print([repr(v) for v in vals])
print([str(v) for v in vals])
print([format(v, '.15g') for v in vals])
print([format(v, '.17g') for v in vals])
print(float('0x1p3'.replace('0x1p3', '8')), float('1_0.0_1'), float('-.5e-2'), float('+1E+2'))

# Methods of float.
for v in (0.5, 1.0, -2.75, 0.1, 1e300, 3.0):
    print(v.as_integer_ratio(), v.is_integer(), v.hex(), float.fromhex(v.hex()) == v)
print(float.fromhex('0x1.8p1'), float.fromhex('-0x1p-1074'), float.fromhex('0x.8'), float.fromhex('inf'))
print((2.5).conjugate(), (2.5).real, (2.5).imag, float.__name__)
print(float('  -1.5e3  '), float('1_000.5'), float(10), float(True), float('.5'), float('5.'))
for bad in ('', '1.2.3', 'abc', '1e', '_1.0'):
    try:
        float(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    float(10 ** 400)
except OverflowError as e:
    print('OverflowError', e)
try:
    (1.5).as_integer_ratio(); float('inf').as_integer_ratio()
except OverflowError as e:
    print('OverflowError', e)

# Methods of int.
for v in (0, 1, 7, -7, 255, 256, 2 ** 100, -(2 ** 100)):
    print(v, v.bit_length(), v.bit_count(), v.real, v.imag, v.numerator, v.denominator)
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'))
print((-1).to_bytes(4, 'big', signed=True))
print(int.from_bytes(b'\x00\x10', 'big'), int.from_bytes(b'\x00\x10', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError', e)
print((10).as_integer_ratio(), (5).conjugate())
print(int.__name__, type(5).__name__, (5).__class__ is int)
print((7).__add__(3), (7).__radd__(3), (7).__sub__(3), (7).__rsub__(3))
print((7).__add__(1.5))

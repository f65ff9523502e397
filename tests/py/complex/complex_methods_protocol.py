# complex(): from objects with __complex__, __float__ and __index__; attributes and conjugate chains.
class C:
    def __complex__(self): return 2 + 3j
class F:
    def __float__(self): return 1.5
class I:
    def __index__(self): return 4
print(complex(C()), complex(F()), complex(I()), complex(F(), F()), complex('  ( 1+2j )  '.strip().strip('()')))
z = complex(3, -4)
print(z.conjugate().conjugate() == z, z.real, z.imag, type(z.real).__name__, abs(z), z == complex(3.0, -4.0), (z * z.conjugate()).real)
try:
    complex('1', 2)
except TypeError as e:
    print('TypeError', e)
try:
    complex(1j, '2')
except TypeError as e:
    print('TypeError', e)
print(sum([1j] * 3), 1j in [1j], {1j: 'i'}[complex(0, 1)], -(-0j), repr(complex(-0.0, 1)))

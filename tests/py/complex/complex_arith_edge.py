# complex arithmetic edge cases: division, powers, infinities, signed zeros, hashing.
vals = [1 + 1j, -2j, 3, 0.5 - 0.5j, complex(0, -0.0)]
for a in vals:
    print(repr(a), [repr(a * b) for b in vals[:3]], repr(a / (1 + 2j)), repr(a ** 2), repr(a + 0j), abs(a))
print((1j) ** 0, 0j ** 0, (2 + 0j) ** 10, pow(1j, 3), (-1) ** 0.5, 1j ** 1j)
print(complex('inf+nanj'), complex(float('inf'), 0) * 2, hash(1 + 0j) == hash(1), hash(complex(0, 1)) == hash(1j))
try:
    0j ** -1
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    pow(1j, 2, 3)
except ValueError as e:
    print('ValueError', e)
print(complex(real=1.5), complex(imag=2), complex('1e3j'), complex(1 + 1j, 1 + 1j), (1 + 2j).__class__.__name__)

# complex numbers: construction, repr, arithmetic.
z = 3 + 4j
print(z, repr(z), z.real, z.imag, abs(z), z.conjugate(), -z, +z)
print(complex(1), complex(1, 2), complex('1+2j'), complex('-1.5j'), complex(' 3 '), complex(), 1j * 1j)
print(z + 1, z - 1j, z * z, z / 2, z / (1 - 1j), z ** 2, 2 ** 1j if False else '', (1j) ** 2)
print(0j, -0j, complex(0, -0.0), complex(-0.0, 0), 1e300j * 1e10, complex('inf'), complex('nanj'))
print(z == 3 + 4j, z != 3, complex(2, 0) == 2, hash(complex(2, 0)) == hash(2))
print(repr(1j), repr(-1j), repr(1.5 + 0j), repr(complex(1, -1)), str(2j + 1))
for bad in ('1+', 'j1', '1+2', '(1+2j'):
    try:
        complex(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    z < z
except TypeError as e:
    print('TypeError', e)
try:
    z // 2
except TypeError as e:
    print('TypeError', e)
try:
    1 / 0j
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print(format(z, ''), format(z, '.2f'), format(z, '>20'), f'{1.5-2j:+.3e}', format(1j, 'g'))
print(complex(1, 2).__class__.__name__, isinstance(1j, complex), type(1j + 1.0).__name__)

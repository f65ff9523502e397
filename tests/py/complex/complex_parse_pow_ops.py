# complex(): strings, numbers, __complex__; arithmetic dunders, powers and their errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ['1', '1j', '-j', '+j', 'j', ' (1+2j) ', '(3-4J)', '1e3j', '1.5e-3-2.5e+3j', 'inf-nanj',
          '-infj', 'NaN', '1_000+2_0j', '.5j', '5.j', '( 2j )', '-1.5', '1+j', '1-j']:
    print(repr(s), complex(s))
for s in ['', 'x', '1+', '1+2', 'j1', '(1+2j', '1+2j)', '1 + 2j', '1e', '--1', '1+2jj', '()', '1__0j']:
    t(lambda: complex(s))
print(complex(), complex(1), complex(1.5, 2), complex(1, 2j), complex(1j, 1j), complex(1j), complex(2j, 3))
print(complex(real=1, imag=2), complex(imag=3), complex(True, False), complex(10 ** 20))
class C:
    def __complex__(self): return 3 + 4j
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 7
print(complex(C()), complex(F()), complex(I()), complex(F(), I()), complex(C(), 1))
class Sub(complex):
    pass
s = Sub(1, 2)
print(s, type(s).__name__, type(s + 1).__name__, type(-s).__name__, type(+s).__name__, repr(s))
print(s == 1 + 2j, hash(s) == hash(1 + 2j), type(s.conjugate()).__name__)
t(lambda: complex('1', 2))
t(lambda: complex(1, '2'))
t(lambda: complex([]))
t(lambda: complex(1, []))
t(lambda: complex(1, 2, 3))
t(lambda: complex(foo=2))
class BadC:
    def __complex__(self): return 5
t(lambda: complex(BadC()))
print(complex.__add__(1j, 2), complex.__radd__(1j, 2), complex.__sub__(1j, 2), complex.__rsub__(1j, 2))
print(complex.__mul__(1j, 1j), complex.__truediv__(1j, 2), complex.__rtruediv__(2j, 1), complex.__add__(1j, 'x'))
print(complex.__eq__(1j, 1j), complex.__eq__(1 + 0j, 1), complex.__eq__(1 + 0j, 1.0), complex.__ne__(1j, 1), complex.__lt__(1j, 1j))
print((1 + 0j) == 10 ** 30, complex(1e30) == 10 ** 30, complex(2 ** 70) == 2 ** 70, complex(float('nan')) == 1)
print(abs(3 + 4j), abs(complex(float('inf'), float('nan'))), abs(complex(float('nan'), 1)), bool(0j), bool(1e-300j))
print(hash(1j), hash(1 + 2j), hash(complex(1.5, -2.5)), hash(complex(3, 0)) == hash(3), hash(-1 + 0j))
print((1 + 2j).real, (1 + 2j).imag, (1 + 2j).conjugate(), (1 + 2j).__getnewargs__(), (1 + 2j).__complex__())
print((1 + 2j) ** 2, (1 + 2j) ** -2, (1 + 2j) ** 0, 1j ** 2, 1j ** 100, 2 ** 1j, (1 + 1j) ** (1 + 1j), 1j ** 0.5)
print((1 + 2j) ** 2.0, (1 + 2j) ** 101, 0j ** 0, 0j ** 2, 0j ** 0j, (-8) ** (1 / 3))
print((1 + 2j) / (3 - 4j), 1 / (1 + 1j), (1e300 + 1e300j) / (1e300 + 1e300j), 1j / 1e-320)
print(-(0j), -(1 - 1j), +(-0j), complex(-0.0, -0.0), complex(0.0, -0.0), complex(-0.0, 0.0))
t(lambda: 1j / 0)
t(lambda: 1j / 0j)
t(lambda: 0j ** -1)
t(lambda: 0j ** 1j)
t(lambda: 0j ** -1.5)
t(lambda: pow(1j, 2, 3))
t(lambda: complex(1e308, 0) ** 2)
t(lambda: complex(1e200, 1e200) ** 1.5)
t(lambda: 1j ** 1e400)
t(lambda: abs(complex(1e308, 1e308)))
t(lambda: 1j // 1)
t(lambda: 1j % 1)
t(lambda: divmod(1j, 1))
t(lambda: 1j < 1j)
t(lambda: 1j + 10 ** 400)
t(lambda: format(1 + 2j, ''))
t(lambda: format(1 + 2j, '.2f'))
t(lambda: format(1 + 2j, '>20'))
t(lambda: format(1 + 2j, 'd'))
t(lambda: format(Sub(1, 2), 'd'))

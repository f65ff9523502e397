# printf-style % formatting of str: every conversion, flags, * widths, mapping keys, and
# CPython's errors.
cases = [
    ('%s|%r|%a', ('x', 'é', 'é')),
    ('%5s|%-5s|%.2s|%5.1s', ('ab', 'ab', 'abc', 'xyz')),
    ('%d %i %u', (1, -2, 3)),
    ('%5d|%-5d|%05d|%+d|% d', (42, 42, 42, 42, 42)),
    ('%x %X %o %#x %#o %#X', (255, 255, 8, 255, 8, 255)),
    ('%e %E %f %F %g %G', (1.5, 1.5, 1.5, 1.5, 1.5e-10, 1.5e20)),
    ('%.3f %10.2f %-10.2f| %+.1e', (3.14159, 2.5, 2.5, 12345.678)),
    ('%c%c%c', (65, 'b', 0x263a)),
    ('%*d|%-*d|%.*f', (5, 1, 5, 2, 2, 3.14159)),
    ('%(a)s %(b)d %%', {'a': 'x', 'b': 2}),
    ('%d %s', (True, False)),
    ('%d', (3.9,)),
    ('%x', (True,)),
    ('%s', ([1, 2],)),
    ('%s', ((1, 2),)),
    ('abc', ()),
    ('abc', []),
    ('abc', {'a': 1}),
    ('%5%', (1,)),
    ('%z', (1,)),
    ('%', ()),
    ('%(a', {}),
    ('%(a)s', 1),
    ('%s %s', (1,)),
    ('%s', (1, 2)),
    ('%d', ('x',)),
    ('%x', (1.5,)),
    ('%c', (1.5,)),
    ('%c', ('ab',)),
    ('%c', (0x110000,)),
    ('%e', ('x',)),
    ('%*d', ('a', 1)),
    ('abc%é', (1,)),
    ('%d', (1 + 2j,)),
    ('%.0f %.0f %.0f', (0.5, 1.5, 2.5)),
    ('%s', (None,)),
    ('%r', (b'x',)),
    ('%i', (2 ** 70,)),
    ('%x', (-(2 ** 70),)),
    ('%-08.3f|', (3.14159,)),
    ('%#.3g|%g|%g', (1.0, 1e16, 0.0001)),
]
for fmt, args in cases:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(fmt, type(e).__name__, e)

class Idx:
    def __index__(self):
        return 7

class Num:
    def __int__(self):
        return 9
    def __float__(self):
        return 2.5

print('%x %d %c' % (Idx(), Idx(), Idx()))
print('%d %f' % (Num(), Num()))
try:
    print('%x' % Num())
except TypeError as e:
    print('TypeError', e)
print('%s' % 'only', '%s' % ('t',), '%(x)s' % {'x': [1]})

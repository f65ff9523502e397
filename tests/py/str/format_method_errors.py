# str.format / format_map: field grammar (indexes, names, attributes, items, conversions,
# nested specs) and CPython's errors.
class P:
    x = 3
    y = [10, 20]
    def __format__(self, spec):
        return 'P<' + spec + '>'

d = {'k': 'v', 'n': 5, 'lst': [1, 2, 3]}
cases = [
    ('{} {} {}', (1, 2, 3), {}),
    ('{0} {1} {0}', ('a', 'b'), {}),
    ('{a} {b}', (), {'a': 1, 'b': 2}),
    ('{0.x} {0.y[1]} {0.y[0]:>5}', (P,), {}),
    ('{0[k]} {0[n]:03d} {0[lst][2]}', (d,), {}),
    ('{!r} {!s} {!a}', ('é', 'é', 'é'), {}),
    ('{:{}{}}', (3.14159, '>', 10), {}),
    ('{0:{1}.{2}f}', (3.14159, 10, 3), {}),
    ('{{}} {{{0}}}', (7,), {}),
    ('{:x<6}|{:^7}|{:>4}', ('a', 'mid', 'r'), {}),
    ('{}', (P(),), {}),
    ('{:abc}', (P(),), {}),
    ('{0!r:>10}', ('x',), {}),
    ('{', (), {}),
    ('}', (), {}),
    ('{0', (1,), {}),
    ('{} {1}', (1, 2), {}),
    ('{1} {}', (1, 2), {}),
    ('{2}', (1,), {}),
    ('{x}', (), {}),
    ('{0.}', (1,), {}),
    ('{0[}', (1,), {}),
    ('{0[0]x}', ([1],), {}),
    ('{!x}', (1,), {}),
    ('{!r', (1,), {}),
    ('{!rx}', (1,), {}),
    ('{:{:{}}}', (1, 2, 3), {}),
    ('{0.nope}', (1,), {}),
    ('{0[5]}', ([1],), {}),
    ('{:d}', ('s',), {}),
    ('{:s}', (1,), {}),
    ('{a[b]}', (), {'a': {'b': 'ok'}}),
    ('{00}', ('zero',), {}),
    ('{0:}', ('empty spec',), {}),
    ('{:=^9}', ('é',), {}),
]
for fmt, args, kw in cases:
    try:
        print(repr(fmt.format(*args, **kw)))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)

class Missing(dict):
    def __missing__(self, key):
        return '<' + key + '>'

print('{a} {b}'.format_map(Missing(a=1)))
for fmt, m in [('{}', {}), ('{x}', {}), ('plain', 5), ('{0}', {'0': 1})]:
    try:
        print(repr(fmt.format_map(m)))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
print(format('abc', '>6'), format('abc', ''), format('abc', '.2'), '{:.1}'.format('xyz'))
for spec in ('d', '=5', '+', ',', '#'):
    try:
        print(format('abc', spec))
    except Exception as e:
        print(spec, type(e).__name__, e)

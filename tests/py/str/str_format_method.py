# str.format: positional, keyword, attribute and index fields, conversions, nesting.
class P:
    x = 3
    y = [10, 20]
    def __format__(self, spec):
        return f'P<{spec}>'
    def __repr__(self):
        return 'P()'
    def __str__(self):
        return 'p'
print('{} {} {}'.format(1, 'a', None))
print('{1} {0} {1}'.format('a', 'b'))
print('{name} {n[0]} {n[1]} {o.x} {o.y[1]}'.format(name='N', n=(5, 6), o=P))
print('{0!r} {0!s} {0!a} {0} {0:spec}'.format(P()))
print('{!r:>10}|{:{w}.{p}f}|{:{}{}}'.format('é', 3.14159, 'x', '>', 5, w=10, p=3))
print('{{literal}} {}'.format(1), '{:%}'.format(0.5), '{0[key]}'.format({'key': 'v'}))
print('{:,} {:_} {:x} {:#b} {:c} {:n}'.format(10 ** 7, 10 ** 7, 255, 5, 97, 1234))
print(format('s', '^7'), format([1], ''), format(None, ''), '{:>5}'.format(True), '{:d}'.format(True))
for fmt, args, kw in [('{', (), {}), ('}', (), {}), ('{0} {}', (1, 2), {}), ('{2}', (1,), {}), ('{x}', (), {}), ('{:d}', ('s',), {}), ('{!z}', (1,), {}), ('{0.nope}', (1,), {})]:
    try:
        print(fmt.format(*args, **kw))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
print('{a}-{b}'.format_map({'a': 1, 'b': 2}))
class D(dict):
    def __missing__(self, k):
        return '<' + k + '>'
print('{a} {zz}'.format_map(D(a=1)))

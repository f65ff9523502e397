# str/bytes/bytearray subclasses: which results keep the subclass; constructors; _iter_ hints; __sizeof__.
class S(str):
    pass
class B(bytes):
    pass
class BA(bytearray):
    pass
s = S('Hello World')
print(type(s).__name__, repr(s), str(s), type(str(s)).__name__, s == 'Hello World', hash(s) == hash('Hello World'))
for m in ['upper', 'lower', 'strip', '__str__', 'title', 'casefold']:
    r = getattr(s, m)()
    print(m, type(r).__name__, r)
print(type(s[1:]).__name__, type(s + 'x').__name__, type(s * 1).__name__, type(s.replace('z', 'y')).__name__, type(s.center(3)).__name__, type(s.split()[0]).__name__, type(''.join([s])).__name__, type(s.partition('z')[0]).__name__)
print(type(str.__new__(S, 'x')).__name__, S(b'abc', 'ascii'), S(), S(12))
b = B(b'abc')
print(type(b).__name__, b, repr(b), type(b[1:]).__name__, type(b + b'x').__name__, type(b.upper()).__name__, type(bytes(b)).__name__, B(3), B([65, 66]), B('é', 'utf-8'))
ba = BA(b'xyz')
print(type(ba).__name__, ba, repr(ba), type(ba[1:]).__name__, type(ba + b'x').__name__, type(ba.copy()).__name__, BA.fromhex('41'), type(BA.fromhex('41')).__name__)
print(bytes.fromhex('41'), type(B.fromhex('41')).__name__, B.fromhex('4142'))
class WithBytes:
    def __bytes__(self):
        return b'from dunder'
print(bytes(WithBytes()), b'%s' % WithBytes())
class Idx:
    def __index__(self):
        return 3
print(bytes(Idx()), 'ab' * Idx(), 'abcdef'[Idx()], 'abcdef'[Idx():], b'abcdef'[Idx()], bytearray(Idx()))
print(str(b'x', 'ascii'), str(bytearray(b'y'), 'ascii'), str(b'z', errors='strict'), str(object='q'))
try:
    str(b'x', 'ascii', 'strict', 'extra')
except TypeError as e:
    print(e)
try:
    str(obj='x')
except TypeError as e:
    print(e)
print(str.maketrans({'a': 'b'}), sorted(str.maketrans('ab', 'cd', 'e').items()))
it = iter('ab')
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(''.join(['a', S('b')]), S('x').join(['1', '2']), 'x'.join(()), 'x'.join(iter(['p', 'q'])))
d = {}
for w in 'the quick the lazy the end'.split():
    d[w] = d.get(w, 0) + 1
print(d)
print('%(a)s-%(b)s' % {'a': 1, 'b': [2]}, '%s' % S('sub'), '%r' % S('sub'))
print('{0}{1}{0}'.format('ab', 'cd'), '{a.real}'.format(a=3), '{0[1][0]}'.format(['x', 'yz']))
x = 'abc'
x += 'def'
x *= 2
print(x, len(x), x[::-2], x[-1], x[1:100], x[100:])
print('é' * 3, '😀' * 2 + 'a', ('a' + 'é') * 2, len('😀' * 1000))
print(sorted(['b', 'a', 'é', 'A', '😀', 'aa']), 'abc' < 'abd', 'a' < 'a\x00', max('hello'))
print('hello'.__sizeof__(), 'é'.__sizeof__(), 'ā'.__sizeof__(), '😀'.__sizeof__(), b'ab'.__sizeof__(), bytearray(b'ab').__sizeof__() > 0)

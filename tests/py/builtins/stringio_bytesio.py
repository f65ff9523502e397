# io.StringIO and io.BytesIO: writes at the end and in the middle, reads, lines, seek/tell/truncate, closing, subclasses.
import io
s = io.StringIO()
s.write('ab')
print('x', 1, file=s)
print(repr(s.getvalue()))
b = io.BytesIO(b'abc\ndef')
print(b.readline(), b.read(), b.tell())
b.seek(1)
b.write(b'ZZ')
print(b.getvalue())
print(list(io.StringIO('a\nb\n')), isinstance(s, io.TextIOBase), isinstance(b, io.BufferedIOBase))
s = io.StringIO('hello\nworld')
print(s.read(3), s.tell(), s.readline(), s.readlines(), s.read())
s.seek(0); s.write('J'); print(s.getvalue())
s.seek(20); s.write('!'); print(repr(s.getvalue()))
s.truncate(3); print(repr(s.getvalue()), s.tell())
with io.StringIO() as t:
    for i in range(200):
        t.write(str(i))
    v = t.getvalue()
    print(len(v), v[:20], v[-10:])
print(t.closed)
for call in (lambda: t.write('x'), lambda: t.getvalue(), lambda: io.StringIO().write(5), lambda: io.StringIO(5),
             lambda: io.BytesIO().write('s'), lambda: io.StringIO('x').seek(1, 1), lambda: io.StringIO().seek(-1)):
    try:
        call()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
class Sub(io.StringIO):
    def extra(self):
        return self.getvalue().upper()
u = Sub('abc'); u.read(); u.write('def'); print(u.extra(), type(u).__mro__[1].__name__)
bb = io.BytesIO(); bb.write(b'x'); bb.write(bytearray(b'yz'))
print(bb.getvalue(), bb.tell(), bb.seek(0, 2), bb.read(), bb.readable(), bb.seekable(), bb.isatty())
bb.close()
try:
    bb.getvalue()
except ValueError as e:
    print('ValueError', e)

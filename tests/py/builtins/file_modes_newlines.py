# open(): modes and their types/reprs, universal newlines, text/binary reads, seek/tell, closed-file and wrong-mode errors.
import os, sys, tempfile
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'data.txt')
    q = os.path.join(d, 'other.bin')
    with open(p, 'w', encoding='utf-8') as f:
        print(f.write('line one\nlïne two\n'), f.writable(), f.readable(), f.mode, f.closed)
        f.writelines(['three\n', 'four'])
    print(f.closed)
    with open(p, encoding='utf-8') as f:
        print(f.readline(), end='')
        print(f.read(4), '|', f.readlines())
    with open(p, 'rb') as f:
        data = f.read()
        print(data, len(data), f.tell())
        f.seek(5)
        print(f.read(3), f.seekable(), f.isatty(), f.fileno() > 2)
    for m in ('r', 'rb', 'w', 'wb', 'a', 'ab', 'r+', 'w+b', 'x'):
        try:
            g = open(p, m)
            print(m, type(g).__name__, type(g).__mro__[1].__name__, repr(g).replace(d, 'DIR'), g.mode)
            g.close()
        except Exception as e:
            print(m, type(e).__name__, str(e).replace(d, 'DIR'))
    with open(q, 'w', newline='\r\n') as f:
        f.write('a\nb\n')
    with open(q, 'rb') as f:
        print(f.read())
    g = open(q, 'rb', buffering=0)
    print(repr(g).replace(d, 'DIR'))
    g.close()
    print(repr(g))
    with open(p, 'w') as f:
        f.write('ab\r\ncd\ref\n\nlast')
    f = open(p)
    print(repr(f.read(3)), f.tell(), repr(f.read(1)), repr(f.readline()), repr(f.readline()), f.readlines(), repr(f.read()))
    f.close()
    with open(p, newline='') as f:
        print(f.readlines())
    with open(p, newline='\r') as f:
        print(f.readlines())
    g = open(p, 'rb')
    print(g.read(3), g.readline(), g.readlines(), g.read(), g.read(5))
    f = open(p)
    w = open(q, 'w')
    a = open(q, 'ab')
    for call in (lambda: f.write('x'), lambda: w.read(), lambda: w.write(b'x'), lambda: g.write(b'x'),
                 lambda: w.write(5), lambda: a.write('s'), lambda: a.write(bytearray(b'xy')),
                 lambda: w.writelines([1]), lambda: w.write('\udc80'), lambda: f.seek(1, 1),
                 lambda: f.seek(0, 2), lambda: f.seek(-1), lambda: g.seek(0, 5), lambda: f.seek(0, 5),
                 lambda: f.read(1.5), lambda: f.readline(None), lambda: g.read(None), lambda: w.truncate(),
                 lambda: f.encoding, lambda: f.errors, lambda: f.line_buffering, lambda: f.buffer.name == p):
        t(call)
    for x in (f, g, w, a):
        x.close()
    for call in (lambda: g.read(), lambda: g.readline(), lambda: g.tell(), lambda: g.seek(0),
                 lambda: g.fileno(), lambda: g.flush(), lambda: next(g), lambda: g.__enter__(),
                 lambda: f.read(), lambda: f.write('x'), lambda: f.fileno(), lambda: f.flush(),
                 lambda: next(f), lambda: iter(f), lambda: a.write(b'x'), lambda: f.readlines(),
                 lambda: f.closed, lambda: f.close()):
        t(call)
    for bad in (os.path.join(d, 'missing.txt'), d):
        try:
            open(bad)
        except OSError as e:
            print(type(e).__name__, e.errno, e.strerror, e.filename == bad, str(e).replace(d, 'DIR'))
    for kw in ({'newline': 'x'}, {'encoding': 'no-such-codec'}, {'buffering': 0}):
        try:
            open(p, **kw)
        except (ValueError, LookupError) as e:
            print(type(e).__name__, e)
    with open(p, 'w', encoding='latin-1') as f:
        f.write('caf\xe9')
    with open(p, 'rb') as f:
        print(f.read())
    with open(p, encoding='latin-1') as f:
        print(f.read(), f.encoding)
    with open(p, encoding='utf-8', errors='replace') as f:
        print(ascii(f.read()))
    try:
        with open(p, encoding='utf-8') as f:
            f.read()
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError', e)
    open(p, 'w').write('unclosed\n')
    print(open(p).read(), end='')
print(repr(sys.stdin), repr(sys.stdout), repr(sys.stderr))
print(sys.stdout.mode, sys.stdout.encoding, sys.stdout.errors, sys.stderr.errors, sys.stdin.errors, sys.stdout.fileno())

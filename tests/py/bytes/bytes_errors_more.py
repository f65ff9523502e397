# bytes/bytearray: argument errors, % formatting, hex/fromhex, codecs and repr quoting.
tests = [
    lambda: b'a'.find('a'), lambda: b'a'.find(300), lambda: b'abc'.find(98), lambda: b'a'.split('a'),
    lambda: b'a'.join(['a']), lambda: b'-'.join([b'a', bytearray(b'b')]), lambda: b'a'.join(1),
    lambda: b'a'.replace('a', b''), lambda: b'a'.startswith('a'), lambda: b'a'.strip('a'),
    lambda: b'a'.center(3, 'x'), lambda: b'a'.center(3, b'xy'), lambda: 'a' in b'a', lambda: 300 in b'a',
    lambda: 98 in b'abc', lambda: b'a' + 'a', lambda: b'a'[5], lambda: bytes('a'), lambda: bytes(-1),
    lambda: bytes([300]), lambda: bytes(['a']), lambda: bytes(1.5), lambda: bytes(b'a', 'ascii'),
    lambda: bytes.fromhex('zz'), lambda: bytes.fromhex('a'), lambda: bytes.fromhex(1),
    lambda: b'abc'.hex(':', 2), lambda: b'abcde'.hex('-', -2), lambda: b'abc'.hex('::'),
    lambda: bytearray(b'a').pop(5), lambda: bytearray().pop(), lambda: bytearray(b'a').remove(5),
    lambda: bytearray(b'a').append(300), lambda: bytearray(b'a').append('a'),
    lambda: b'a'.partition('a'), lambda: b'a'.translate(b'x'), lambda: bytes.maketrans(b'a', b'bc'),
    lambda: b'%s' % 'a', lambda: b'%s %s' % (b'a',), lambda: b'x' % 1, lambda: b'%c' % 256,
    lambda: b'%c' % 'a', lambda: b'%d' % 'a', lambda: b'a'.removeprefix('a'), lambda: b'a'.count('a'),
    lambda: b'a'.decode('foo'), lambda: b'\xff'.decode(), lambda: b'\xff\xfe'.decode('ascii'),
    lambda: b'a'.zfill('a'), lambda: bytearray(b'abc').__setitem__(0, 256),
    lambda: bytearray(b'abc').__setitem__(slice(0, 1), 5),
    lambda: bytearray(b'abc').__setitem__(slice(0, 3, 2), b'x'), lambda: hash(bytearray()),
    lambda: bytearray(b'a').index(b'z'), lambda: bytearray('é', 'utf-8'), lambda: b'%r' % 'é',
    lambda: b'%a' % b'x', lambda: b'%5b|%-4s|' % (b'ab', bytearray(b'c')), lambda: bytearray(b'x') % (),
    lambda: b'a'.ljust(3, bytearray(b'-')), lambda: b'a b  c'.split(None, 1), lambda: b'\x85a\xa0'.split(),
    lambda: b'\x1c a'.strip(), lambda: b'%x|%5.2f|%c' % (255, 2.5, 65), lambda: b'%(k)s' % {b'k': b'v'},
    lambda: b"it's", lambda: b'say "hi"', lambda: b'both \' and "', lambda: bytearray(b"it's"),
    lambda: b'\t\n\r\x00\x7f\x80\\', lambda: b'A\xffB'.decode('latin-1'), lambda: b'caf\xc3\xa9'.decode(),
    lambda: b'a\xffb'.decode('utf-8', 'replace'), lambda: b'a\xffb'.decode('utf-8', 'ignore'),
    lambda: b'a\xffb'.decode('utf-8', 'backslashreplace'), lambda: b'a\xffb'.decode('utf-8', 'surrogateescape'),
    lambda: 'a\udcffb'.encode('utf-8', 'surrogateescape'), lambda: 'é€'.encode('ascii', 'xmlcharrefreplace'),
    lambda: 'é€'.encode('latin-1', 'backslashreplace'), lambda: 'é'.encode('ascii', 'bogus'),
    lambda: 'e'.encode('ascii', 'bogus'), lambda: b'abc'.title(), lambda: b'hello world'.title(),
    lambda: b'ABC def'.swapcase(), lambda: b'abc'.capitalize(), lambda: b'Ab Cd'.istitle(),
    lambda: b' \t'.isspace(), lambda: b''.isalpha(), lambda: b'a\r\nb\rc\nd'.splitlines(),
    lambda: b'a\r\nb\rc\nd\n'.splitlines(True), lambda: b'  a b  '.rsplit(None, 1),
    lambda: b'a,b,,c'.split(b','), lambda: b'a,b,,c'.rsplit(b',', 2), lambda: b'xxaxx'.strip(b'x'),
    lambda: bytearray(b'abc')[1], lambda: bytearray(b'abc')[::-1], lambda: b'abc'[True],
    lambda: list(iter(b'ab')), lambda: list(bytearray(b'ab')), lambda: b'ab' * 0, lambda: 3 * b'ab',
    lambda: b'a' < b'b' < bytearray(b'c'), lambda: bytearray(b'a') == b'a', lambda: b'a' == 'a',
    lambda: bytes(bytearray(b'xy')), lambda: bytearray(5)[0], lambda: bytes.fromhex('01 ff'),
    lambda: bytearray.fromhex('ab'), lambda: b'\x00\x01'.hex(), lambda: b'abc'.expandtabs(),
    lambda: b'a\tb'.expandtabs(4), lambda: b'abc'.translate(None, b'b'),
    lambda: b'abc'.translate(bytes.maketrans(b'abc', b'xyz')),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)

ba = bytearray(b'0123456789')
ba[2:5] = b''
print(ba)
ba[::3] = b'abc'
print(ba)
del ba[::2]
print(ba)
ba[0:0] = [65, 66]
print(ba)
ba *= 2
print(ba)
ba += bytearray(b'!')
print(ba, len(ba))
del ba[-1]
ba.extend(b'xy')
ba.extend(range(3))
print(ba)
print(ba.rfind(b'x'), ba.rindex(0), ba.startswith((b'z', b'AB')), ba.endswith(b'\x02'))

# bytes methods mirror str methods.
b = b'  Hello, World! hello  '
print(b.strip(), b.lstrip(), b.rstrip(b' o'), b.upper(), b.lower(), b.swapcase(), b.title(), b.strip().capitalize())
print(b.split(), b.split(b','), b.rsplit(None, 1), b.find(b'llo'), b.rfind(b'llo'), b.count(b'l'), b.index(b'W'))
print(b.replace(b'l', b'L'), b.replace(b'l', b'L', 2), b.startswith(b'  H'), b.endswith((b'x', b'  ')))
print(b'-'.join([b'a', b'b', bytearray(b'c')]), b'a,b'.partition(b','), b'a,b,c'.rpartition(b','))
print(b'abc'.center(9, b'*'), b'abc'.ljust(5), b'abc'.rjust(5, b'0'), b'42'.zfill(6), b'a\tb'.expandtabs(4))
print(b'abc123'.isalnum(), b'abc'.isalpha(), b'123'.isdigit(), b' '.isspace(), b'ABC'.isupper(), b'Title Case'.istitle(), b'\x80'.isascii())
print(b'a\nb\r\nc'.splitlines(), b'a\nb'.splitlines(True), b'hello'.translate(bytes.maketrans(b'el', b'ip')), b'hello'.translate(None, b'l'))
print(b'caf\xc3\xa9'.decode('utf-8'), b'prefix_x'.removeprefix(b'prefix_'), b'x.py'.removesuffix(b'.py'))
print(b'%s is %d bytes, %x %r %5.2f %c %c' % (b'data', 4, 255, b'q', 1.5, 65, b'Z'))
try:
    b'%s' % 'str'
except TypeError as e:
    print('TypeError', e)

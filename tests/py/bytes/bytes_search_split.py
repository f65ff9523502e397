# bytes searching with int arguments, split with maxsplit, and count/find ranges.
b = b'one two  three two'
print(b.find(b'two'), b.find(ord('t')), b.rfind(b'two'), b.count(b'o'), b.count(ord('o'), 5), b.index(116), b.startswith(b'one', 0, 3))
print(b.split(b' '), b.split(None, 1), b.split(b'two'), b.rsplit(b' ', 2), b.splitlines())
print(b.upper().lower() == b, b.title(), b.strip(b'oe'), b.partition(b'  '), bytes(b).zfill(20))
print(ord(b'a'), b'\x00' * 3, b'abc' + bytearray(b'd'), bytearray(b'ab') + b'c', type(b'a' + bytearray(b'b')).__name__, type(bytearray(b'a') + b'b').__name__)
print(b'%(k)s=%(v)d' % {b'k': b'key', b'v': 3}, b'%5s|%-5s|' % (b'ab', b'cd'), b'%a' % 'é')

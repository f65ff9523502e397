# struct: native alignment vs standard sizes, pascal strings, Struct objects, error messages.
import struct
b = struct.pack('<iHd3s?', -5, 65535, 1.5, b'abc', True)
print(b, len(b), struct.unpack('<iHd3s?', b), struct.calcsize('<iHd3s?'), struct.calcsize('@ib'), struct.calcsize('@bi'), struct.calcsize('hq'))
print(struct.pack('>I', 1), struct.pack('!h', -2), struct.unpack('>Q', b'\x00' * 7 + b'\x01'), list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')))
print(struct.pack('5p', b'ab'), struct.unpack('@bi', struct.pack('@bi', 1, 2)), struct.pack('>f', 0.5), struct.unpack('<d', struct.pack('<d', -2.25)))
s = struct.Struct('>hh2x')
print(s.size, s.format, s.pack(1, -1), s.unpack(b'\x00\x01\xff\xff\x00\x00'), s.unpack_from(b'zz\x00\x02\x00\x03\x00\x00', 2))
buf = bytearray(6)
s.pack_into(buf, 0, 7, 8)
print(buf, struct.pack('?c', 0, b'z'), struct.unpack('3s', b'xyz'))
for f, a in [('b', 200), ('B', -1), ('h', 40000), ('i', 2**40), ('<i', 2**40), ('Q', -1), ('<q', 2**70),
             ('c', b'ab'), ('s', 'x'), ('i', 'x'), ('z', 1)]:
    try:
        struct.pack(f, a)
    except struct.error as e:
        print('struct.error', e)
for f in [lambda: struct.unpack('i', b'ab'), lambda: struct.pack('ii', 1), lambda: struct.calcsize('3')]:
    try:
        f()
    except struct.error as e:
        print('struct.error', e)

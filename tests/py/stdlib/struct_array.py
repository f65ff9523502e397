# struct packing and the array module.
import struct, array
b = struct.pack('<iHd3s?', -5, 65535, 1.5, b'abc', True)
print(b, len(b), struct.unpack('<iHd3s?', b), struct.calcsize('<iHd3s?'), struct.calcsize('@ib'))
print(struct.pack('>I', 1), struct.pack('!h', -2), struct.unpack('>Q', b'\x00' * 7 + b'\x01'), list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')))
try:
    struct.pack('b', 200)
except struct.error as e:
    print('struct.error', e)
a = array.array('i', [1, 2, 3])
a.append(4); a.extend([5]); a[0] = 10
print(a, a.tolist(), a.itemsize, a.typecode, a[1:3], sum(a), array.array('d', [0.5]) * 2, array.array('u', 'hi'), array.array('b', b'\x01\x02'))

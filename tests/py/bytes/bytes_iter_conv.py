# Iterating bytes yields ints; conversions between bytes, ints and strs.
b = 'Zürich'.encode()
print([x for x in b], sum(b), max(b), sorted(b)[:3], list(reversed(b))[:2])
print(b.decode(), str(b), repr(bytearray(b)), bytes(reversed(b'abc')), bytes(map(lambda x: x + 1, b'abc')))
print(int.from_bytes(b, 'big') % 1000, (1234).to_bytes(4, 'big'), b'%d' % 5, bytes([65]) * 3)
print(b'abc'[1], b'abc'[1:2], type(b'abc'[1]).__name__, bytes(bytearray(b'xy')), list(memoryview(b'pq')))

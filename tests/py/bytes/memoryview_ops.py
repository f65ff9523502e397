# memoryview over bytes and bytearray.
ba = bytearray(b'abcdefgh')
m = memoryview(ba)
print(m[0], m[-1], bytes(m[2:5]), m.tobytes(), m.tolist()[:3], len(m), m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape)
m[0] = ord('A')
m[1:3] = b'BC'
print(ba)
sub = m[4:]
sub[0] = ord('E')
print(ba, bytes(sub), sub.tobytes().hex())
r = memoryview(b'readonly')
print(r.readonly)
try:
    r[0] = 1
except TypeError as e:
    print('TypeError', e)
print(m == b'ABCdEfgh', m == ba, memoryview(b'ab') == memoryview(b'ab'), bytes(memoryview(b'xyz')[::-1]))
ints = memoryview(bytearray(8)).cast('i')
ints[1] = 258
print(ints.tolist(), ints.format, ints.itemsize, len(ints))
with memoryview(b'ctx') as mv:
    print(mv.tobytes())
try:
    mv[0]
except ValueError as e:
    print('ValueError', e)
m.release()

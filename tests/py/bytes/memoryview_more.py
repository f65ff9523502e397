# memoryview: multi-dimensional casts, slicing with steps, comparisons, hex, toreadonly, and buffer exports.
m = memoryview(bytearray(range(12)))
m2 = m.cast('B', shape=[3, 4])
print(m2.shape, m2.strides, m2.ndim, m2.tolist(), m2[1, 2], m2.nbytes, m2.contiguous, m2.c_contiguous)
print(m[::3].tolist(), m[::-1].tolist()[:4], bytes(m[2:10:2]), m[::2].contiguous, m.hex(), m[:4].hex('-'))
ro = m.toreadonly()
try:
    ro[0] = 9
except TypeError as e:
    print('TypeError', e)
h = memoryview(bytearray(8)).cast('H')
h[0] = 0xABCD
h[3] = 1
print(h.tolist(), bytes(h.obj).hex(), h.format, len(h), h.obj.__class__.__name__)
print(memoryview(b'abc') == b'abc', memoryview(b'abc') == memoryview(bytearray(b'abc')), memoryview(b'abc') != b'abd')
ba = bytearray(b'resize me')
view = memoryview(ba)
try:
    ba.extend(b'!')
except BufferError as e:
    print('BufferError', e)
view.release()
ba.extend(b'!')
print(ba)
try:
    memoryview('str')
except TypeError as e:
    print('TypeError', e)

# Slice assignment and deletion with extended slices on lists and bytearrays, with negative steps.
l = list(range(10))
l[8:2:-2] = ['a', 'b', 'c']
print(l)
l[::-1] = range(10)
print(l)
b = bytearray(b'0123456789')
b[1::3] = b'xyz'
del b[::4]
print(b)
l2 = [0, 1, 2, 3]
l2[1:3] = l2
print(l2)
l3 = [1, 2, 3]
l3[3:] = [4, 5]
l3[:0] = [0]
print(l3)
s = slice(1, None, 2)
print([0, 1, 2, 3, 4][s], 'abcdef'[s], (1, 2, 3, 4)[s], range(10)[s])

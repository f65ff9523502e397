# list indexing, slicing and slice assignment/deletion.
a = list(range(10))
print(a[2:5], a[-3:], a[::3], a[::-2], a[8:2:-1], a[100:], a[:-100])
b = a[:]
b[2:5] = ['a', 'b']; print(b)
b[1:1] = [7, 7, 7]; print(b)
b[::2] = range(len(b[::2])); print(b)
del b[::3]; print(b)
del b[1:3]; print(b)
b[:] = 'xyz'; print(b)
b[5:] = [1]; print(b)
b[-1:] = []; print(b)
try:
    b[::2] = [1, 2, 3, 4]
except ValueError as e:
    print('ValueError', e)
try:
    a[10]
except IndexError as e:
    print('IndexError', e)
try:
    a['1']
except TypeError as e:
    print('TypeError', e)
a[-1] = 'last'; print(a, a[-10])

# Indexing and slicing strings.
s = 'Hello, Wörld!'
print(s[0], s[-1], s[4], s[1:5], s[:5], s[7:], s[-6:-1], s[::2], s[::-1], s[1::3], s[10:2:-2], s[100:], s[-100:3])
print(s[slice(2, 8)], s[slice(None, None, -3)], len(s), s[len(s) - 1])
try:
    s[20]
except IndexError as e:
    print('IndexError', e)
try:
    s[1] = 'x'
except TypeError as e:
    print('TypeError', e)
try:
    s[::0]
except ValueError as e:
    print('ValueError', e)
for i in range(-3, 3):
    print(i, repr(s[i:i + 2]))

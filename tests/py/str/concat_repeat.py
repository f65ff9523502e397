# Concatenation, repetition, comparison, membership.
a, b = 'abc', 'xyz'
print(a + b, a * 3, 3 * b, a * 0, a * -2, '' * 100, (a + b)[::-1])
print(a < b, a < 'abd', 'abc' < 'abcd', 'B' < 'a', 'é' > 'z', a == 'abc', a != b, 'bc' in a, 'ac' in a, '' in a)
s = ''
for i in range(10):
    s += str(i)
print(s, len(s))
try:
    a + 1
except TypeError as e:
    print('TypeError', e)
try:
    a * 1.5
except TypeError as e:
    print('TypeError', e)
try:
    'a' < 1
except TypeError as e:
    print('TypeError', e)
print(str(), str(123), str(1.5), str(None), str([1, 'a']), str(b'ab'), str(b'ab', 'ascii'), str(bytearray(b'x'), encoding='utf-8'))

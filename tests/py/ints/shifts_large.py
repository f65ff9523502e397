# Large shifts and masks.
x = 0x123456789ABCDEF
for s in (0, 1, 31, 32, 63, 64, 65, 127, 128, 200):
    print(s, x << s, (x << s) >> s == x, x >> s, (-x) >> s, ((1 << s) - 1) & x)
try:
    1 << -1
except ValueError as e:
    print('ValueError', e)
try:
    1 >> -1
except ValueError as e:
    print('ValueError', e)
print(0 << 10 ** 6, -1 >> 10 ** 6, 1 >> 10 ** 20, len(bin(1 << 10000)))

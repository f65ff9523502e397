# bin/oct/hex and their format() counterparts.
for v in (0, 1, -1, 10, -10, 255, 2 ** 64, -(2 ** 64) + 1):
    print(bin(v), oct(v), hex(v))
    print(format(v, 'b'), format(v, 'o'), format(v, 'x'), format(v, 'X'))
    print(format(v, '#b'), format(v, '#o'), format(v, '#x'), format(v, '#X'))
print(format(1234567, ','), format(1234567, '_'), format(0xdeadbeef, '_x'))
print(format(42, '08b'), format(-42, '+010d'), format(42, ' d'), format(42, '^10'))

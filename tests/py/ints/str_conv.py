# int <-> str conversions in bases.
for s, base in [('ff', 16), ('0xff', 16), ('0xff', 0), ('0o17', 0), ('0b101', 0),
                ('z', 36), ('-101', 2), ('  42  ', 10), ('1_000_000', 10), ('+7', 10),
                ('0', 0), ('00', 0), ('12345678901234567890123', 10), ('ZZZZZZZZZZZZ', 36)]:
    print(repr(s), base, int(s, base))
for bad in ['', '1.5', '0x', '12a', '1__0', '_1', 'abc']:
    try:
        int(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    int('9', 8)
except ValueError as e:
    print(e)
try:
    int('1', 37)
except ValueError as e:
    print(e)
print(int(), int(3.99), int(-3.99), int(True), int('٣'))
print(str(2 ** 100), repr(-(2 ** 100)))
print(int(b'42'), int(bytearray(b'-9')))

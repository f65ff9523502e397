# Integer literals in every notation.
print(0b1010, 0o777, 0xDEAD_BEEF, 1_000_000, 0B11, 0O7, 0X1f)
print(123456789012345678901234567890)
print(0x_ff, 0b_1, 00, 0)
print(type(10 ** 20), type(0x10))
print(isinstance(True, int), int.__mro__)

# Augmented assignment operators on ints.
x = 10
for op in range(12):
    if op == 0: x += 7
    elif op == 1: x -= 3
    elif op == 2: x *= 11
    elif op == 3: x //= 4
    elif op == 4: x %= 17
    elif op == 5: x **= 5
    elif op == 6: x <<= 70
    elif op == 7: x >>= 3
    elif op == 8: x &= (2 ** 80 - 1)
    elif op == 9: x |= 0xF0F
    elif op == 10: x ^= 0xFFFF
    elif op == 11: x /= 8
    print(op, x)

# Floor division and modulo with big operands of every sign combination.
a = 123456789012345678901234567890123456789
b = 987654321987654321
for x in (a, -a):
    for y in (b, -b, 7, -7, 2 ** 64, -(2 ** 64)):
        q, r = divmod(x, y)
        print(q, r, q * y + r == x, x // y == q, x % y == r)
print(10 ** 100 // 3)
print(10 ** 100 % 97)
print(-(10 ** 100) // 3)

# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 2 ** -1, not 1 == 2, 1 + 2 << 1, 1 | 2 ^ 3 & 4)
print(10 - 5 - 2, 100 / 10 / 5, 2 * 3 % 4, -7 // 2 * 2, ~0 + 1, 1 if 0 else 2 if 0 else 3, 'a' 'b' * 2)
print(True + True * 2, (lambda: 1 or 2)(), [1, 2][-1:] + [3] * 2, not -1, - - 1, + - 1)
x = 3
print(x if x > 2 else -x, x < 5 and x > 1 or 'no', (x := 4) + x)
print(1 if True else 0 + 100, [1, 2, 3][1:][0], {'a': [1]}['a'][0], 'abc'[::-1][0])

# Float arithmetic, floor division and modulo signs.
for a in (7.5, -7.5, 0.5, -0.0):
    for b in (2.0, -2.0, 0.3):
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(1.0 % float('inf'), -1.0 % float('inf'), 2.0 ** 0.5, (-8.0) ** (1 / 3))
print(2.0 ** -1, 10.0 ** 20, 0.0 ** 0, pow(2.0, 3), (-2.0) ** 2)
for expr in ('1.0 / 0', '1.0 // 0.0', '1.0 % 0.0', '0.0 ** -1', '10.0 ** 400'):
    try:
        print(eval(expr))
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)

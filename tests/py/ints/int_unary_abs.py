# Unary operators and abs on ints.
for v in (0, 5, -5, 2 ** 65, -(2 ** 65)):
    print(-v, +v, abs(v), ~v, -(-v) == v, not v)
print(abs(-0), -0, 0 == -0)
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(round(7), round(7, 2), type(round(7, 2)).__name__)

# Basic integer arithmetic, including negative operands.
for a in (0, 1, -1, 7, -7, 13, -13, 100):
    for b in (1, -1, 3, -3, 7, -7):
        print(a, b, a + b, a - b, a * b, a // b, a % b, a / b)

# Big powers, modular exponentiation consistency and digit counts.
for base in (2, 3, 7, 10, 123456789):
    for exp in (0, 1, 2, 63, 64, 100, 257):
        v = base ** exp
        print(base, exp, len(str(v)), v % 1000000007 == pow(base, exp, 1000000007), v.bit_length())
print(pow(-2, 63), pow(-2, 64), (-1) ** (10 ** 20), 0 ** 0, pow(0, 5, 7), pow(5, 0, 1))

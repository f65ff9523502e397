# Float comparisons with ints and hashing consistency.
print(0.1 + 0.2 == 0.3, 0.5 == 1 / 2, 1e16 == 10 ** 16, 1e16 + 1 == 10 ** 16 + 1)
print(2.0 ** 63 == 2 ** 63, 2.0 ** 63 > 2 ** 63 - 1, 9007199254740993 > 9007199254740992.0)
for v in (0.5, 1.0, 2.5, -3.0, 1e10, 1e-10, 123.456):
    print(v, hash(v), hash(v) == hash(int(v)) if v == int(v) else None)
d = {1: 'int', 1.0: 'float', True: 'bool'}
print(d, len(d))
print(sorted([3, 1.5, -2, 2.25, 0, -0.5]))

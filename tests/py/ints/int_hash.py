# hash of ints is deterministic and equal for equal numbers across types.
for v in (0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, 2 ** 100, -(2 ** 100), 10 ** 30):
    print(v, hash(v), hash(v) == hash(float(v)) if abs(v) < 2 ** 1000 else None)
print(hash(True), hash(False), hash(1.0), hash(1.5), hash(-0.0))
print(hash(2 ** 61 - 1) == 0)

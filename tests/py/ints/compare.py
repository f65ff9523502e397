# Integer comparisons, mixed with floats and bools.
vals = [-(2 ** 80), -3, -1, 0, 1, 3, 2 ** 80]
for a in vals:
    print([a < b for b in vals], [a == b for b in vals])
print(1 == 1.0, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308, 10 ** 400 < float('inf'))
print(1 == True, 0 == False, 2 == True)
print(max(vals), min(vals), sorted(vals, reverse=True))

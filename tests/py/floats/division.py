# Division semantics: / always float, // floor, mixed int/float.
print(7 / 2, 7 // 2, -7 // 2, 7.0 // 2, -7.0 // 2, 7 % -3, 7.0 % -3)
print(1 / 10, 3 / 10, 1e308 * 10, -1e308 * 10, 1e-320 / 10)
print(5 // 0.3, 5 % 0.3, divmod(5, 0.3), divmod(-5.5, 2))
print(type(6 / 3).__name__, 6 / 3, type(6 // 3).__name__, type(6.0 // 3).__name__)
print(0.1 * 3, 0.7 + 0.1, 1.1 * 1.1, 100 * 1.1)

# Arbitrary precision multiplication and powers.
x = 1
for i in range(1, 60):
    x *= i
    print(i, x)
print(2 ** 1000)
print(3 ** 333 - 2 ** 500)
print((10 ** 50 + 7) * (10 ** 50 - 7))
print(-(2 ** 200) * 3 ** 100)

# Bitwise operators on small and large, positive and negative ints.
vals = [0, 1, -1, 5, -5, 255, -256, 2 ** 70 + 3, -(2 ** 70) - 3]
for a in vals:
    print(a, ~a, a << 3, a >> 2, a >> 100)
    for b in vals[:5]:
        print(' ', a & b, a | b, a ^ b)
print(1 << 200)
print((1 << 200) >> 199)
print(-1 >> 1000)

# Big sums and products: a factorial, Fibonacci, and digit sums.
import math
print(math.factorial(100))
print(sum(int(d) for d in str(math.factorial(500))))
a, b = 0, 1
for _ in range(300):
    a, b = b, a + b
print(a)
print(math.gcd(2 ** 100, 6 ** 50), math.lcm(12, 18, 30), math.isqrt(10 ** 41))
print(math.comb(100, 50), math.perm(20, 5))

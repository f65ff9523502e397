# Number theory with big ints: extended gcd, modular inverse, CRT, Miller-Rabin.
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
def crt(rems, mods):
    x, m = 0, 1
    for r, n in zip(rems, mods):
        g, p, q = egcd(m, n)
        x = (x + (r - x) * p % n * m) % (m * n)
        m *= n
    return x
def is_prime(n):
    if n < 2: return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0: return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1): continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1: break
        else:
            return False
    return True
print(egcd(240, 46), pow(17, -1, 3120), crt([2, 3, 2], [3, 5, 7]))
print([n for n in range(100) if is_prime(n)])
print(is_prime(2 ** 61 - 1), is_prime(2 ** 64 + 1), is_prime(2 ** 127 - 1), is_prime(10 ** 30 + 57))

# Digits of pi with integer-only arithmetic (Machin's formula): big-int stress.
def arctan_inv(x, digits):
    total = term = (10 ** (digits + 10)) // x
    x2, n, sign = x * x, 3, -1
    while term:
        term //= x2
        total += sign * (term // n)
        sign, n = -sign, n + 2
    return total
def pi(digits):
    p = 4 * (4 * arctan_inv(5, digits) - arctan_inv(239, digits))
    return p // 10 ** 10
s = str(pi(300))
print(s[0] + '.' + s[1:])
print(sum(map(int, s)))

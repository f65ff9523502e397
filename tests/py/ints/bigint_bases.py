# Round trips of big numbers through every base 2..36 with int(s, base).
import string
digits = string.digits + string.ascii_lowercase
def to_base(n, b):
    if n == 0:
        return '0'
    neg, n, out = n < 0, abs(n), []
    while n:
        n, r = divmod(n, b)
        out.append(digits[r])
    return '-' * neg + ''.join(reversed(out))
n = 3 ** 200 - 7 ** 90
for b in range(2, 37):
    s = to_base(n, b)
    print(b, len(s), s[:20], int(s, b) == n, int(s.upper(), b) == n)
print(to_base(-255, 16), int('-ff', 16))

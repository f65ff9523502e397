# Deterministic differential fuzz of int/float/complex operators (LCG values, no imports).
state = 12345
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return state
def rint():
    k = rnd() % 8
    if k == 0:
        return rnd() % 10 - 5
    if k == 1:
        return (rnd() % 2 ** 62) - 2 ** 61
    if k == 2:
        return 2 ** 62 - 2 + rnd() % 4 - (2 ** 63 if rnd() % 2 else 0)
    if k == 3:
        return -(2 ** 62) + rnd() % 3 - 1
    if k == 4:
        return rnd() * rnd() * (1 if rnd() % 2 else -1)
    if k == 5:
        return (rnd() ** 3) >> (rnd() % 64)
    if k == 6:
        return -(rnd() ** 5)
    return rnd() % 1000 - 500
def rfloat():
    k = rnd() % 6
    if k == 0:
        return float(rint())
    if k == 1:
        return (rnd() % 100000) / 64 - 700
    if k == 2:
        return [0.0, -0.0, float('inf'), float('-inf'), float('nan'), 1e308, 5e-324][rnd() % 7]
    if k == 3:
        return float(2 ** (rnd() % 120)) * (1 if rnd() % 2 else -1) + (rnd() % 3) - 1
    if k == 4:
        return (rnd() % 2 ** 53) * 2.0 ** (rnd() % 200 - 100)
    return rnd() / 3.0
def show(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        r = type(e).__name__ + ':' + str(e)
    try:
        return repr(r)
    except Exception as e:
        return type(e).__name__
ops = [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a // b,
       lambda a, b: a % b, lambda a, b: divmod(a, b), lambda a, b: a / b,
       lambda a, b: a ** (b % 4 if isinstance(b, int) else b),
       lambda a, b: a < b, lambda a, b: a <= b, lambda a, b: a == b, lambda a, b: a != b,
       lambda a, b: a > b, lambda a, b: a >= b]
iops = [lambda a, b: a & b, lambda a, b: a | b, lambda a, b: a ^ b,
        lambda a, b: a << (b % 200 if b >= 0 else b), lambda a, b: a >> (b % 300 if b > -3 else b),
        lambda a, b: pow(a, b % 50, b or 7), lambda a, b: pow(a, -1, b or 7)]
out = []
for i in range(200):
    a, b = rint(), rint()
    x, y = rfloat(), rfloat()
    for f in ops:
        out.append(show(f, a, b))
        out.append(show(f, x, y))
        out.append(show(f, a, x))
        out.append(show(f, y, b))
    for f in iops:
        out.append(show(f, a, b))
    out.append(show(lambda: (-a, ~a, abs(a), hash(a), a.bit_length(), a.bit_count(), str(a), float(a))))
    out.append(show(lambda: (-x, abs(x), hash(x), repr(x), x.is_integer(), round(x), round(x, 3), int(x))))
    out.append(show(lambda: (round(a, -3), format(a, ','), format(x, '.6g'), x.hex(), x.as_integer_ratio())))
    c = complex(x, y)
    d = complex(rfloat() % 100, rnd() % 7 - 3)
    out.append(show(lambda: (c + d, c - d, c * d, c / d, c == d, abs(d), repr(c))))
    out.append(show(lambda: (d ** 2, d ** -3, d ** 0.5, d ** d, c == a, c == x)))
print(len(out))
h = 0
for s in out:
    print(s)

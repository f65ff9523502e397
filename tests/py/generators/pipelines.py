# Generator pipelines.
def read(lines):
    for line in lines:
        yield line
def strip_comments(lines):
    for line in lines:
        line = line.split('#')[0].strip()
        if line:
            yield line
def parse(lines):
    for line in lines:
        k, _, v = line.partition('=')
        yield k.strip(), v.strip()
src = ['a = 1', '# comment', 'b= two # trailing', '', 'c =3']
print(dict(parse(strip_comments(read(src)))))
def primes():
    seen = []
    n = 2
    while True:
        if all(n % p for p in seen):
            seen.append(n)
            yield n
        n += 1
p = primes()
print([next(p) for _ in range(20)])
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(6), 3)))

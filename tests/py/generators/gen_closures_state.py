# Generators sharing closure state and many simultaneously suspended generators.
def counter(start):
    def gen():
        nonlocal start
        while True:
            start += 1
            yield start
    return gen
mk = counter(10)
a, b = mk(), mk()
print(next(a), next(b), next(a), next(b))
gens = [(i * j for j in range(3)) for i in range(4)]
print([list(g) for g in gens])
def interleave(*iters):
    iters = [iter(i) for i in iters]
    while iters:
        for it in list(iters):
            try:
                yield next(it)
            except StopIteration:
                iters.remove(it)
print(list(interleave('abc', [1, 2], range(10, 14))))

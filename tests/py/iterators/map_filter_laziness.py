# map/filter/zip consume their inputs lazily and interleaved.
log = []
def src(name, n):
    for i in range(n):
        log.append(f'{name}{i}')
        yield i
z = zip(src('a', 3), src('b', 2))
print(list(z), log)
log.clear()
m = map(lambda x: x * 2, filter(lambda x: x % 2, src('c', 5)))
print(next(m), log)
print(list(m), log)
log.clear()
e = enumerate(src('d', 2))
print(log, next(e), log)

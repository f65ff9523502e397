# Many yields, deep yield-from chains and long pipelines.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(sum(count(100000)))
def chain(depth):
    if depth == 0:
        yield from count(3)
    else:
        yield from chain(depth - 1)
print(list(chain(200)))
g = count(50000)
for _ in range(10):
    g = (x + 1 for x in g)
print(sum(g))

data = [[1, 2], [3]]
flat = [x for row in data for x in row if x]
nested = [[y for y in row] for row in data]
gen = (r for r in data)
s = {q for q in data[0]}
d = {k: v for k, v in enumerate(data)}
outer_only = [1 for _ in [lambda: data]]

def f(seq):
    return [lambda: v for v in seq]

async def g(aseq):
    return [x async for x in aseq], (y async for y in aseq), [await z for z in aseq]

class K:
    items = [1, 2]
    doubled = [i * 2 for i in items]
    pairs = [(i, j) for i in items for j in items]

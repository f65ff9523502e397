# Tracebacks through lambdas, comprehensions and generator expressions.
data = [1, 2, 0, 4]
inv = lambda v: 1 / v
print(sum(inv(v) for v in data[:2]))
print([inv(v) for v in data])

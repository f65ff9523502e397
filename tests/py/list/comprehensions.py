# List comprehensions with conditions and nesting.
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(4)] for i in range(3)])
print([c.upper() for c in 'abc'], [len(w) for w in 'a bb ccc'.split()])
print([x if x % 2 else -x for x in range(6)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)], [v for row in matrix for v in row])
print([y for x in [[1, [2]], [3, [4]]] for y in x[1]])

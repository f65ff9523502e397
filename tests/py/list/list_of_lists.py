# Nested list manipulation: transpose, flatten, grids, aliasing pitfalls.
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [list(col) for col in zip(*grid)], [x for row in grid for x in row])
grid[1][1] = 'X'
print(grid)
alias = [[0] * 3] * 3
alias[0][0] = 1
print(alias)
copy = [row[:] for row in grid]
copy[0][0] = 'C'
print(grid[0][0], copy[0][0])
print(sum(map(sum, [[1, 2], [3]])), max(grid[0]), sorted([[3, 1], [1, 2], [1, 1]]))

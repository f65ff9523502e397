# A 4x4 sudoku solver (backtracking over lists).
grid = [
    [1, 0, 0, 0],
    [0, 0, 3, 0],
    [0, 4, 0, 0],
    [0, 0, 0, 2],
]
def ok(g, r, c, v):
    if v in g[r] or v in (g[i][c] for i in range(4)):
        return False
    br, bc = r // 2 * 2, c // 2 * 2
    return all(g[i][j] != v for i in range(br, br + 2) for j in range(bc, bc + 2))
def solve(g):
    for r in range(4):
        for c in range(4):
            if g[r][c] == 0:
                for v in range(1, 5):
                    if ok(g, r, c, v):
                        g[r][c] = v
                        if solve(g):
                            return True
                        g[r][c] = 0
                return False
    return True
print(solve(grid))
for row in grid:
    print(*row)

# nqueens.py — every placement of n non-attacking queens on an n x n board: for n + 1
# by backtracking over sets of attacked columns and diagonals (four times over), and
# for n - 1 both by backtracking and by a generator that filters permutations (the
# classic one-liner style), the two checked against each other.
# Written for stmpy's benchmark suite.  usage: nqueens.py [N]
import sys


def solve_sets(n):
    solutions = []
    cols = set()
    diag1 = set()
    diag2 = set()
    placed = []

    def place(row):
        if row == n:
            solutions.append(tuple(placed))
            return
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            placed.append(c)
            place(row + 1)
            placed.pop()
            cols.discard(c)
            diag1.discard(row + c)
            diag2.discard(row - c)

    place(0)
    return solutions


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            p.insert(0, x)
            yield p


def solve_permutations(n):
    cols = range(n)
    return [tuple(vec) for vec in permutations(list(cols))
            if n == len({vec[i] + i for i in cols}) == len({vec[i] - i for i in cols})]


def checksum(solutions):
    h = 0
    for s in solutions:
        for c in s:
            h = (h * 31 + c + 1) % 1000000007
    return h


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    a = solve_sets(n + 1)
    for _ in range(3):
        assert solve_sets(n + 1) == a
    b = solve_permutations(n - 1)
    c = solve_sets(n - 1)
    assert c == b, "the two solvers disagree"
    print(f"nqueens({n + 1}): {len(a)} solutions, checksum {checksum(a)}; "
          f"nqueens({n - 1}): {len(b)}, checksum {checksum(b)}")


main()

# Matrix operations with nested lists and a Matrix class with operators.
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    def __matmul__(self, o):
        cols = list(zip(*o.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __add__(self, o):
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, o.rows)])
    def __pow__(self, n):
        result = Matrix([[int(i == j) for j in range(len(self.rows))] for i in range(len(self.rows))])
        base = self
        while n:
            if n & 1:
                result = result @ base
            base = base @ base
            n >>= 1
        return result
    def T(self):
        return Matrix(zip(*self.rows))
    def __eq__(self, o):
        return self.rows == o.rows
    def __repr__(self):
        return '\n'.join(' '.join(f'{v:>4}' for v in r) for r in self.rows)
m = Matrix([[1, 2], [3, 4]])
print(m @ m, m + m, m.T(), sep='\n--\n')
fib = Matrix([[1, 1], [1, 0]]) ** 90
print(fib.rows[0][1])
print(m @ m.T() == (m @ m.T()).T())

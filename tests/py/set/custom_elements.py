# Sets of user-defined objects with __hash__/__eq__.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f'P{self.x, self.y}'
s = {P(1, 2), P(1, 2), P(2, 1)}
print(len(s), P(1, 2) in s, P(3, 3) in s, sorted(s, key=lambda p: (p.x, p.y)))
class Ident:
    pass
a, b = Ident(), Ident()
print(len({a, b, a}), a in {a}, b in {a})

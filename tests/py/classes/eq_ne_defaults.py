# Default __eq__ is identity; __ne__ inverts __eq__ unless NotImplemented.
class A: pass
a = A()
print(a == a, a == A(), a != a, a != A())
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        if not isinstance(o, E):
            return NotImplemented
        return self.v == o.v
print(E(1) == E(1), E(1) != E(1), E(1) != E(2), E(1) == 1, E(1) != 1, 1 == E(1))
class AlwaysNI:
    def __eq__(self, o): return NotImplemented
x = AlwaysNI()
print(x == x, x == AlwaysNI(), x != x)
print(E.__ne__ is object.__ne__, A.__eq__ is object.__eq__)
class OnlyNe:
    def __ne__(self, o): return 'custom ne'
print(OnlyNe() != 1, OnlyNe() == 1)

# __length_hint__, __reversed__, __bool__ returning non-bool, __index__ errors, __hash__ of methods.
import operator
class Hint:
    def __length_hint__(self): return 42
print(operator.length_hint(Hint()), operator.length_hint([], 5), operator.length_hint(iter(range(7))))
class BadIndex:
    def __index__(self): return 'x'
try:
    [1, 2][BadIndex()]
except TypeError as e:
    print('TypeError', e)
class A:
    def m(self): pass
a = A()
print(a.m == a.m, hash(a.m) == hash(a.m), a.m != A().m)
class Ordered:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f'O{self.v}'
print(sorted([Ordered(3), Ordered(1), Ordered(2)]), max([Ordered(1), Ordered(9)]), min(Ordered(4), Ordered(2)))

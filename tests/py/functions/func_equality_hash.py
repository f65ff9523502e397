# Functions are hashable by identity; usable as dict keys and in sets.
def a(): pass
def b(): pass
table = {a: 'a', b: 'b'}
print(table[a], table[b], a == a, a == b, len({a, b, a}))
import operator
ops = {operator.add: '+', operator.mul: '*', len: 'len'}
print(sorted(ops.values()), ops[len])
class C:
    def m(self): pass
c = C()
print({c.m: 1}[c.m], C.m == C.m, c.m == C().m)

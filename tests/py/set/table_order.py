# Sets of ints iterate in CPython's table order: after growth, removals, pop, merges and the set algebra.
s = {5, 3, 17, 1, 9, 33, 65, 2}
print(s, list(s))
s.discard(17); s.add(49); s.add(-3)
print(s)
t = set(range(20, 0, -3))
print(t, t.pop(), t.pop(), t)
u = set()
for i in range(100):
    u.add(i * 7 % 64)
    if i % 3 == 0:
        u.discard(i % 50)
print(u)
a, b = set(range(0, 40, 3)), {2, 9, 100, 81, 15, 7}
print(a | b, b | a, a & b, b & a, a - b, b - a, a ^ b, b ^ a)
print(a.union([64, 32], (1,)), a.intersection(range(10), [3, 6]), a.difference([3], {6}), a.symmetric_difference([1, 3]))
c = set(a)
c -= set(range(0, 40, 6))
print(c)
c |= {77, 13}
c &= set(range(0, 90, 1))
c ^= {1, 2, 3}
print(c, frozenset(c), frozenset([3, 1, 2]) | {9})
print({x * x for x in range(-5, 6)}, set(''), set({3: 'a', 1: 'b'}), set({3: 1}.keys()))
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset(range(100))), hash(frozenset([frozenset([1])])))
print({1, 2} == frozenset([2, 1]), {1} < {1, 2}, {1, 2} <= {1, 2}, {3} > set(), frozenset() >= {1})
d = {}
for i in (8, 16, 24, 0, 32):
    d[i] = i
print(set(d), set(d.items()) == set(d.items()), sorted(set(d.values())))

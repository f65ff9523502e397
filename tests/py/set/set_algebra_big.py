# Set algebra on larger int sets; order of small-int sets printed via sorted.
a = set(range(0, 1000, 3))
b = set(range(0, 1000, 5))
print(len(a | b), len(a & b), len(a - b), len(a ^ b), sorted(a & b)[:10], min(a ^ b), max(a - b))
print(a.issuperset(range(0, 100, 15)), (a & b) <= a, (a | b) >= b, a.isdisjoint({1, 2}), a.isdisjoint({1, 3}))
c = {x * x % 17 for x in range(100)}
print(sorted(c), len(c))
s = set()
for i in range(10000):
    s.add(i % 1234)
for i in range(0, 1234, 2):
    s.discard(i)
print(len(s), sum(s))

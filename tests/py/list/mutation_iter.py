# Mutating a list while iterating; list identity and copies.
a = [1, 2, 3, 4, 5, 6]
for x in a:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = [1, 2, 3]
for x in b:
    if len(b) < 6:
        b.append(x * 10)
print(b)
import copy
n = [[1, 2], [3]]
s = copy.copy(n)
d = copy.deepcopy(n)
n[0].append(99)
print(s, d, s[0] is n[0], d[0] is n[0])
c = list(n)
print(c == n, c is n)
it = iter([1, 2, 3])
print(next(it), list(it), list(it))

# sort is stable, takes key and reverse, and sorted() returns a new list.
data = [('b', 2), ('a', 2), ('c', 1), ('a', 1), ('b', 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
print(sorted(data, key=lambda t: t[0]), sorted(['B', 'a', 'C', 'b'], key=str.lower), sorted('hello', reverse=True))
import random
rng = random.Random(7)
nums = [rng.randrange(1000) for _ in range(200)]
s = sorted(nums)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
words = 'the quick brown fox jumps over the lazy dog'.split()
words.sort(key=len)
print(words)
from functools import cmp_to_key
print(sorted([3, 1, 2], key=cmp_to_key(lambda x, y: y - x)))
a = [1, 2, 3]
try:
    a.sort(key=lambda x: (a.append(x), x)[1])
except ValueError as e:
    print('ValueError', e)
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f'K{self.v}'
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5)], key=lambda k: k.v), min(K(4), K(2)))

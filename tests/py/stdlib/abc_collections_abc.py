# Implementing collections.abc interfaces gives mixin methods for free.
from collections.abc import MutableMapping, Sequence, Set
class LowerDict(MutableMapping):
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k.lower()]
    def __setitem__(self, k, v): self._d[k.lower()] = v
    def __delitem__(self, k): del self._d[k.lower()]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
d = LowerDict()
d['A'] = 1
d.update(B=2)
print(dict(d), d.get('a'), 'b' in d, d.pop('A'), list(d.items()), d.setdefault('c', 3), len(d))
class Squares(Sequence):
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if not 0 <= i < self.n: raise IndexError(i)
        return i * i
s = Squares(5)
print(list(s), s.index(9), s.count(4), 16 in s, list(reversed(s)))
class Bits(Set):
    def __init__(self, it): self.items = sorted(set(it))
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
a, b = Bits([1, 2, 3]), Bits([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), a <= Bits([1, 2, 3, 4]), a == Bits([3, 2, 1]))

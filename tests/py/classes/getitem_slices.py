# A sequence class handling ints, slices and negative indices itself.
class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(self.n))]
        if key < 0:
            key += self.n
        if not 0 <= key < self.n:
            raise IndexError('Seq index out of range')
        return key * key
s = Seq(6)
print(s[2], s[-1], s[1:4], s[::-2], s[-2:], list(s), len(s), 16 in s, list(reversed(s)))
try:
    s[6]
except IndexError as e:
    print('IndexError', e)
class Setter:
    def __setitem__(self, key, value):
        print('setitem', key, value)
    def __delitem__(self, key):
        print('delitem', key)
t = Setter()
t[1:3] = 'ab'
t[::2] = [0]
t['k'] = None
del t[0:1]
t[1, 2:3] = 5

# enumerate and reversed.
print(list(enumerate('abc')), list(enumerate('abc', start=10)), list(enumerate([], 5)), list(enumerate('x', -1)))
e = enumerate(iter([5, 6]))
print(next(e), next(e))
try:
    next(e)
except StopIteration:
    print('StopIteration')
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(4))), list(reversed((1, 2))), list(reversed({'a': 1, 'b': 2})))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 100
print(list(reversed(Seq())), list(Seq()), 200 in Seq())
class Rev:
    def __reversed__(self):
        return iter('custom')
print(list(reversed(Rev())))
try:
    reversed(5)
except TypeError as e:
    print('TypeError', e)
try:
    reversed({1, 2})
except TypeError as e:
    print('TypeError', e)

# `in` uses __contains__, then __iter__, then __getitem__.
class WithContains:
    def __contains__(self, x):
        print('contains', x)
        return x == 1
class WithIter:
    def __iter__(self):
        print('iter')
        return iter([1, 2, 3])
class WithGetitem:
    def __getitem__(self, i):
        print('getitem', i)
        if i > 2:
            raise IndexError
        return i * 10
print(1 in WithContains(), 2 in WithContains(), 2 in WithIter(), 5 in WithIter(), 10 in WithGetitem(), 99 in WithGetitem())
class Nothing: pass
try:
    1 in Nothing()
except TypeError as e:
    print('TypeError', e)
class ReturnsInt:
    def __contains__(self, x): return 5
print(1 in ReturnsInt(), 1 not in ReturnsInt())
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print('TypeError', e)

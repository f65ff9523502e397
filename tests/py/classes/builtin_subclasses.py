# Subclassing dict, str, tuple, float, set with overrides.
class LoudDict(dict):
    def __setitem__(self, k, v):
        print('set', k)
        super().__setitem__(k, v)
d = LoudDict(a=1)
d['b'] = 2
d.update(c=3)
print(d, type(d.copy()).__name__, isinstance(d, dict))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
print(Upper('hi'), Upper('hi') + 'x', type(Upper('a')).__name__, len(Upper('abc')))
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
p = Pair(1, 2)
print(p, p.first, p + (3,), type(p[:1]).__name__)
class Celsius(float):
    def __repr__(self): return f'{float(self)}°C'
print(repr(Celsius(21.5)), Celsius(1) + 1, [Celsius(3)])
class Tags(set):
    def __repr__(self): return 'Tags(' + ', '.join(sorted(self)) + ')'
print(Tags(['b', 'a']), type(Tags('x') | {'y'}).__name__)
class Reverse(list):
    def __iter__(self):
        return reversed(self[:])
print(list(Reverse([1, 2, 3])), [x for x in Reverse([1, 2])], Reverse([4, 5])[0])

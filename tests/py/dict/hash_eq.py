# User-defined keys: __hash__ and __eq__ decide lookup.
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        print('hash', self.v)
        return hash(self.v % 3)
    def __eq__(self, other):
        print('eq', self.v, other.v)
        return self.v == other.v
    def __repr__(self):
        return f'K({self.v})'
d = {}
d[K(1)] = 'one'
d[K(4)] = 'four'
print(d[K(4)])
print(K(7) in d)
print(d)
class NoHash:
    __hash__ = None
try:
    {NoHash(): 1}
except TypeError as e:
    print('TypeError', e)
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print('TypeError', e)

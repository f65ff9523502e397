# __hash__ rules: defining __eq__ sets __hash__ to None; inheritance of hash.
class A:
    pass
class B:
    def __eq__(self, o): return True
class C(B):
    __hash__ = object.__hash__
class D:
    def __eq__(self, o): return True
    def __hash__(self): return 7
class E(D):
    pass
class F(D):
    def __eq__(self, o): return False
print(A.__hash__ is object.__hash__, B.__hash__, C.__hash__ is object.__hash__, hash(D()), hash(E()), F.__hash__)
a = A()
print(hash(a) == hash(a), hash(a) == object.__hash__(a))
for cls in (B, F):
    try:
        hash(cls())
    except TypeError as e:
        print('TypeError', e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class BadHash:
    def __hash__(self): return 'no'
try:
    hash(BadHash())
except TypeError as e:
    print('TypeError', e)
class NegOne:
    def __hash__(self): return -1
print(hash(NegOne()))

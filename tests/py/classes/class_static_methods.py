# classmethod and staticmethod, bound methods.
class C:
    count = 0
    def __init__(self):
        C.count += 1
    @classmethod
    def create(cls, n):
        return [cls() for _ in range(n)]
    @staticmethod
    def util(a, b):
        return a + b
    def method(self):
        return self
class D(C):
    pass
objs = D.create(2)
print(C.count, type(objs[0]).__name__, C.util(1, 2), C().util(3, 4), D.util(5, 6))
c = C()
m = c.method
print(m() is c, m.__self__ is c, m.__func__ is C.method, m == c.method, m is c.method)
print(type(C.__dict__['create']).__name__, type(C.__dict__['util']).__name__, type(C.create).__name__, type(C.util).__name__)
print(C.__dict__['util'].__func__ is C.util, C.create.__self__ is C)
um = C.method
print(um(c) is c, type(um).__name__)
try:
    C.method()
except TypeError as e:
    print('TypeError', e)
print(callable(staticmethod(len)), staticmethod(len)('abc'))

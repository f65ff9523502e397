# Descriptors on classes via __get__(None, cls); classmethod wrapping other descriptors.
class Desc:
    def __get__(self, obj, cls):
        return ('instance' if obj is not None else 'class', cls.__name__)
class A:
    d = Desc()
class B(A):
    pass
print(A.d, A().d, B.d, B().d)
class Registry:
    items = []
    @classmethod
    def add(cls, x):
        cls.items = cls.items + [x]
        return cls
class Sub(Registry):
    pass
Registry.add(1)
Sub.add(2)
print(Registry.items, Sub.items)
def plain(self): return 'plain'
print(plain.__get__(A())(), plain.__get__(None, A) is plain)
bound = A.__dict__.get('d')
print(type(bound).__name__)

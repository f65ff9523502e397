# Reflected operand of a subclass is tried first; same-type reflected is not called.
class A:
    def __add__(self, o):
        return 'A.__add__'
    def __radd__(self, o):
        return 'A.__radd__'
    def __lt__(self, o):
        return 'A.__lt__'
    def __gt__(self, o):
        return 'A.__gt__'
class B(A):
    def __radd__(self, o):
        return 'B.__radd__'
    def __gt__(self, o):
        return 'B.__gt__'
print(A() + A(), A() + B(), B() + A(), 1 + A(), A() < B(), B() < A(), A() < A())
class C(A):
    pass
print(A() + C())
class N:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return 'N.__radd__'
print(N() + N() if False else 'skip', 5 + N())
try:
    N() + 5
except TypeError as e:
    print('TypeError', e)

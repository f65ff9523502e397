# The __class__ cell: zero-argument super() and __class__ inside methods.
class A:
    def who(self):
        return __class__.__name__
    def sup(self):
        return 'A.sup'
class B(A):
    def who(self):
        return __class__.__name__ + '>' + super().who()
    def sup(self):
        inner = lambda: super(B, self).sup()
        return 'B.sup+' + inner()
    def gen(self):
        yield super().sup()
    def comp(self):
        try:
            return [super().sup() for _ in range(1)]
        except TypeError as e:
            return 'TypeError in 3.11 comprehension: ' + str(e)
print(B().who(), B().sup(), list(B().gen()), B().comp())
class C:
    def __init__(self):
        self.cls = __class__
print(C().cls is C)
class Meta(type):
    def __new__(m, name, bases, ns):
        cls = super().__new__(m, name, bases, ns)
        return cls
class D(metaclass=Meta):
    def f(self):
        return __class__
print(D().f() is D)

# __new__ and __init__ interplay, object() argument checks.
class A:
    def __new__(cls, *a):
        print('new', cls.__name__, a)
        return super().__new__(cls)
    def __init__(self, *a):
        print('init', a)
A(1, 2)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never')
print(NotMine())
class Plain: pass
try:
    Plain(1)
except TypeError as e:
    print('TypeError', e)
class OnlyInit:
    def __init__(self, a): self.a = a
print(OnlyInit(3).a)
try:
    object.__new__(int)
except TypeError as e:
    print('TypeError', e)
class InitReturns:
    def __init__(self): return 1
try:
    InitReturns()
except TypeError as e:
    print('TypeError', e)
print(type(object()).__name__, object.__init__ is Plain.__init__)

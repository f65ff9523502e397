# super() with cooperative multiple inheritance and explicit forms.
class Base:
    def __init__(self):
        print('Base.__init__')
    def hello(self):
        return ['Base']
class A(Base):
    def __init__(self):
        print('A.__init__')
        super().__init__()
    def hello(self):
        return ['A'] + super().hello()
class B(Base):
    def __init__(self):
        print('B.__init__')
        super().__init__()
    def hello(self):
        return ['B'] + super().hello()
class C(A, B):
    def __init__(self):
        print('C.__init__')
        super(C, self).__init__()
    def hello(self):
        return ['C'] + super().hello()
c = C()
print(c.hello(), super(A, c).hello(), super(B, c).hello())
class M:
    @classmethod
    def make(cls):
        return cls.__name__
class N(M):
    @classmethod
    def make(cls):
        return 'N+' + super().make()
print(N.make(), N().make())
s = super(C, c)
print(type(s).__name__, s.__thisclass__.__name__, s.__self_class__.__name__)
def outside(self):
    return super().hello()
try:
    outside(c)
except RuntimeError as e:
    print('RuntimeError', e)

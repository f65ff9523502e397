# Private name mangling in classes.
class A:
    __secret = 'A secret'
    def __init__(self):
        self.__x = 1
    def get(self):
        return self.__x, self.__secret, A.__secret
    def __private(self):
        return 'private'
    def call(self):
        return self.__private()
class B(A):
    def __init__(self):
        super().__init__()
        self.__x = 2
a, b = A(), B()
print(a.get(), b.get(), sorted(k for k in vars(b)), a.call(), a._A__secret, b._B__x)
try:
    a.__x
except AttributeError as e:
    print('AttributeError', e)
class _Under:
    def m(self):
        self.__v = 3
        return vars(self)
print(_Under().m())
class C:
    def f(self):
        __local = 5
        return sorted(locals()), self.__dunder__ if hasattr(self, '__dunder__') else 'no'
print(C().f())
print(getattr(a, '_A__private')(), '_A__private' in A.__dict__)

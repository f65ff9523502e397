# C3 linearisation, including a failing hierarchy.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print([k.__name__ for k in Z.__mro__])
print([k.__name__ for k in Z.mro()], Z.__bases__[0].__name__, Z.__base__.__name__)
class X: pass
class Y(X): pass
try:
    class Bad(X, Y): pass
except TypeError as e:
    print('TypeError', e)
try:
    class Dup(X, X): pass
except TypeError as e:
    print('TypeError', e)
class Left:
    def who(self): return 'Left'
class Right:
    def who(self): return 'Right'
class Both(Left, Right): pass
class Both2(Right, Left): pass
print(Both().who(), Both2().who(), object.__mro__, int.__mro__, bool.__mro__)

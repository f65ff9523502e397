# str() with objects defining __str__ and __repr__; fallbacks and errors.
class A:
    def __repr__(self):
        return 'A-repr'
class B:
    def __str__(self):
        return 'B-str'
class Bad:
    def __str__(self):
        return 42
print(str(A()), repr(A()), str(B()), f'{A()} {B()!r}'[:6], '%s %r' % (A(), A()))
print(repr(B()).startswith('<__main__.B object at 0x'))
try:
    str(Bad())
except TypeError as e:
    print('TypeError', e)
print(str(object).startswith("<class 'object'>"), str(int), str(A), repr(str), str(type(None)))
print(str(1e100), str(-1e-100), str(1 + 2j), str((1,)), str(()), str({}), str(set()), str(frozenset()))

# __repr__, __str__, __format__, __bytes__ and the default fallbacks.
class A:
    def __repr__(self): return 'A()'
class B(A):
    def __str__(self): return 'b-str'
class F:
    def __format__(self, spec):
        return 'F:' + spec
class Bs:
    def __bytes__(self): return b'bytes!'
print(str(A()), repr(B()), str(B()), format(A()), format(B()), f'{B()!r}', format(F(), 'xx'), f'{F():>5}', bytes(Bs()))
try:
    format(A(), 'x')
except TypeError as e:
    print('TypeError', e)
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print('TypeError', e)
print([A(), B()], (A(),), {1: B()}, ascii(type('Ü', (), {'__repr__': lambda s: 'Ü'})()))

# bool(): truth of the argument, its errors; bool's own dunders and int's on bools.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(''), bool('a'), bool([]), bool([0]), bool(None))
print(bool(0j), bool(2 ** 100), bool(float('nan')), bool(()), bool({}), bool({0: 0}))
print(True & True, True & False, True | False, False | False, True ^ True, True ^ False)
print(True & 1, True | 2, True ^ 3, 1 & True, 2 | True, 3 ^ True)
print(type(True & True).__name__, type(True & 1).__name__, type(1 & True).__name__)
print(bool.__and__(True, False), bool.__rand__(True, True), bool.__or__(False, 4), bool.__ror__(True, 2))
print(bool.__xor__(True, True), bool.__rxor__(False, True), bool.__and__(True, 1.5))
print(repr(True), repr(False), str(True), bool.__repr__(False), True.__repr__())
print(True + True, True * 5, -True, ~True, ~False, True / 2, True // 2, True ** 10, True << 3, abs(-True))
print(True == 1, False == 0, True == 1.0, hash(True), hash(False), True.__hash__(), int.__hash__(True))
print(True.real, True.imag, True.numerator, True.denominator, True.bit_length(), True.conjugate())
print(type(True.real).__name__, True.as_integer_ratio(), True.to_bytes(1, 'big'), True.__sizeof__())
print(format(True), format(False, 'd'), format(True, '^7'), f'{True:>5}', f'{True!r:>6}', '%d' % True)
print(int(True), float(True), complex(True), type(int(True)).__name__, True.__index__(), True.__float__())
print(isinstance(True, int), issubclass(bool, int), bool.__mro__, bool.__base__)
class T:
    def __bool__(self): return False
class L:
    def __len__(self): return 3
print(bool(T()), bool(L()))
class Bad:
    def __bool__(self): return 1
t(lambda: bool(Bad()))
t(lambda: bool(x=1))
t(lambda: bool(1, 2))
t(lambda: bool.__new__(int, 1))
t(lambda: type('B', (bool,), {}))
t(lambda: True.__format__('x'))
t(lambda: True.__format__('q'))

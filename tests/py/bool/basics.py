# bool is an int subclass with two instances.
print(True, False, repr(True), str(False), int(True), True + True, True * 10, -True)
print(bool(0), bool(1), bool(-1), bool(''), bool('x'), bool([]), bool([0]), bool(None), bool(0.0), bool(0j))
print(True & False, True | False, True ^ True, ~True, ~False)
print(type(True & False).__name__, type(True + 1).__name__, type(~True).__name__)
print(True is bool(1), isinstance(False, int), issubclass(bool, int), bool.__mro__)
print(True == 1, hash(True) == hash(1), {True: 'a', 1: 'b'})
try:
    class B(bool):
        pass
except TypeError as e:
    print('TypeError', e)
print(bool.__bases__, bool(), format(True, 'd'), format(True), f'{True:>6}')

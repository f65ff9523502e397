# bool() takes at most one argument; __bool__ must return bool exactly; __len__ fallback limits.
try:
    bool(1, 2)
except TypeError as e:
    print('TypeError', e)
class Two:
    def __bool__(self): return 2
try:
    bool(Two())
except TypeError as e:
    print('TypeError', e)
class BigLen:
    def __len__(self): return 2 ** 100
try:
    bool(BigLen())
except OverflowError as e:
    print('OverflowError', e)
class NoneBool:
    __bool__ = None
try:
    bool(NoneBool())
except TypeError as e:
    print('TypeError', e)
print(bool(x=0) if False else bool(), bool.__new__(bool, 5), True.__bool__(), (0).__bool__())

# int() from objects with __int__, __index__, __trunc__; bool() of ints; int of floats near limits.
class I:
    def __index__(self): return 7
class N:
    def __int__(self): return 9
class T:
    def __trunc__(self): return 11
print(int(I()), int(N()), operator_index := __import__('operator').index(I()))
import warnings
warnings.simplefilter('ignore')
print(int(T()))
class Bad:
    def __int__(self): return 'x'
try:
    int(Bad())
except TypeError as e:
    print('TypeError', e)
try:
    int([1])
except TypeError as e:
    print('TypeError', e)
print(int(1e18), int(-1e18), int(1.9999999999999999), int(2 ** 63 + 0.0), int(1e300) % 1000)
print(int('0b1010', 0), int('  -0x_f  ', 0), int('1' * 50), int('٣٤', 10))
try:
    int('08', 0)
except ValueError as e:
    print('ValueError', e)

# chr, ord, bin, oct, hex, callable.
print([ord(c) for c in 'Aa0 ~é€😀'], [chr(i) for i in (65, 97, 48, 233, 8364, 128512)])
print(bin(10), oct(10), hex(10), bin(-10), hex(2 ** 70), oct(0))
try:
    ord('')
except TypeError as e:
    print('TypeError', e)
try:
    hex(1.5)
except TypeError as e:
    print('TypeError', e)
class C:
    def __call__(self): pass
class D: pass
print(callable(len), callable(C), callable(C()), callable(D()), callable(lambda: 0), callable(5), callable('s'), callable(print))

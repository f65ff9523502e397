# Multiple inheritance from incompatible builtins raises TypeError (instance layout).
for bases in ((int, str), (list, dict), (int, float), (tuple, list)):
    try:
        type('X', bases, {})
        print(bases, 'ok')
    except TypeError as e:
        print([b.__name__ for b in bases], 'TypeError', e)
class A(int): pass
class B(A, int): pass
print(B.__mro__)
class M(dict, object): pass
print(M.__mro__)
try:
    class F(bool): pass
except TypeError as e:
    print('TypeError', e)
try:
    class G(type(None)): pass
except TypeError as e:
    print('TypeError', e)

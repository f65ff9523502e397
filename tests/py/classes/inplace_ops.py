# In-place operators fall back to binary ones; __iadd__ may return anything.
class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, x):
        print('iadd', x)
        self.items.append(x)
        return self
    def __isub__(self, x):
        return 'isub result'
    def __imul__(self, x):
        return NotImplemented
    def __mul__(self, x):
        return 'mul fallback'
    def __repr__(self): return f'Acc{self.items}'
a = Acc()
b = a
a += 1
a += 2
print(a, a is b)
a *= 3
print(a)
c = Acc()
c -= 1
print(c)
class OnlyAdd:
    def __add__(self, o): return 'via add'
x = OnlyAdd()
x += 1
print(x)
for op in ('ipow', 'imod', 'ifloordiv', 'itruediv', 'ilshift', 'irshift', 'iand', 'ior', 'ixor', 'imatmul'):
    class T:
        pass
    setattr(T, f'__{op}__', lambda self, o, op=op: op)
    t = T()
    if op == 'ipow': t **= 1
    elif op == 'imod': t %= 1
    elif op == 'ifloordiv': t //= 1
    elif op == 'itruediv': t /= 1
    elif op == 'ilshift': t <<= 1
    elif op == 'irshift': t >>= 1
    elif op == 'iand': t &= 1
    elif op == 'ior': t |= 1
    elif op == 'ixor': t ^= 1
    elif op == 'imatmul': t @= 1
    print(t)
l = [1]
t = (l,)
t[0].extend([2])
print(t)

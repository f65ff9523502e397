# Subclasses of int keep int arithmetic and their own methods.
class Money(int):
    def __repr__(self):
        return f'Money({int(self)})'
    def double(self):
        return Money(self * 2)
m = Money(21)
print(m, repr(m), m + 1, type(m + 1).__name__, m.double(), repr(m.double()))
print(isinstance(m, int), m == 21, hash(m) == hash(21))
class Flags(int):
    def __new__(cls, v, name):
        self = super().__new__(cls, v)
        self.name = name
        return self
f = Flags(3, 'rw')
print(f, f.name, f | 4, bool(Flags(0, 'none')))
print(int.__new__(Money, 5), repr(int.__new__(Money, 5)))

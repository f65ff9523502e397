# property: getter/setter/deleter, docstrings, inheritance and overriding.
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        'temperature in C'
        return self._c
    @celsius.setter
    def celsius(self, v):
        print('set', v)
        self._c = v
    @celsius.deleter
    def celsius(self):
        print('deleted')
        self._c = None
    fahrenheit = property(lambda self: self._c * 9 / 5 + 32)
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__, type(Temp.celsius).__name__)
del t.celsius
print(t.celsius)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print('AttributeError', e)
try:
    del t.fahrenheit
except AttributeError as e:
    print('AttributeError', e)
class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return 'sub:' + str(self._c)
s = Sub()
s.celsius = 3
print(s.celsius)
print(Temp.celsius.fget.__name__, Temp.celsius.fset is not None, Temp.fahrenheit.fset)

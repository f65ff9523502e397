# Data and non-data descriptors, __set_name__, lookup precedence.
class Typed:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 'unset')
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f'{self.name[1:]} must be int')
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print('delete', self.name)
        delattr(obj, self.name)
class NonData:
    def __get__(self, obj, objtype=None):
        return 'from descriptor'
class C:
    a = Typed()
    b = NonData()
c = C()
print(c.a)
c.a = 5
print(c.a, C.a.__class__.__name__)
try:
    c.a = 'x'
except TypeError as e:
    print('TypeError', e)
del c.a
print(c.a, c.b)
c.__dict__['b'] = 'instance wins'
c.__dict__['a'] = 'data descriptor wins'
print(c.b, c.a)
class Ro:
    def __get__(self, o, t): return 42
    def __set__(self, o, v): raise AttributeError('read-only')
class D:
    r = Ro()
d = D()
try:
    d.r = 1
except AttributeError as e:
    print('AttributeError', e)
print(d.r)

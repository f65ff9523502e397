# Metaclasses: __new__, __init__, __call__, __prepare__, keyword arguments.
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
    def __new__(mcls, name, bases, ns, **kw):
        print('new', name, sorted(k for k in ns if not k.startswith('__')))
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get('tag')
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print('init', name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a):
        print('call', cls.__name__, a)
        return super().__call__(*a)
class Thing(metaclass=Meta, tag='T'):
    x = 1
    def __init__(self, v):
        self.v = v
t = Thing(5)
print(t.v, Thing.tag, Thing.injected, type(Thing).__name__, isinstance(Thing, Meta))
class Sub(Thing):
    pass
print(type(Sub).__name__, Sub.tag)
Dyn = type('Dyn', (object,), {'f': lambda self: 'dyn', 'n': 3})
print(Dyn().f(), Dyn.n, Dyn.__name__, Dyn.__mro__[1].__name__)
class Singleton(type):
    _inst = {}
    def __call__(cls):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__()
        return cls._inst[cls]
class One(metaclass=Singleton): pass
print(One() is One())
class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class AB(A, B): pass
except TypeError as e:
    print('TypeError', e)

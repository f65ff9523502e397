# Instance vs class attributes, __dict__, vars, dynamic attributes.
class C:
    shared = []
    n = 0
    def __init__(self, v):
        self.v = v
a, b = C(1), C(2)
a.shared.append('x')
a.n += 5
print(b.shared, a.n, b.n, C.n, a.__dict__, vars(b), sorted(C.__dict__.keys() - {'__dict__', '__weakref__', '__doc__', '__module__'}))
C.new_attr = 'added later'
print(a.new_attr, hasattr(b, 'new_attr'))
setattr(a, 'dyn', 1)
print(getattr(a, 'dyn'), getattr(a, 'missing', None), a.__class__.__name__, C.__name__, C.__qualname__, C.__module__)
delattr(a, 'dyn')
print(hasattr(a, 'dyn'))
try:
    del a.never
except AttributeError as e:
    print('AttributeError', e)
try:
    a.missing
except AttributeError as e:
    print('AttributeError', e)
a.__dict__['direct'] = 3
print(a.direct)
a.__class__ = type('Other', (), {'hello': lambda self: 'switched'})
print(a.hello(), type(a).__name__)

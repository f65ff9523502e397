# __mro_entries__, types.new_class and dynamic class creation.
import types
class Fake:
    def __mro_entries__(self, bases):
        return (dict,)
class Real(Fake()):
    pass
print(Real.__mro__, Real.__orig_bases__[0].__class__.__name__, Real(a=1))
def body(ns):
    ns['x'] = 10
    ns['get'] = lambda self: self.x
Made = types.new_class('Made', (object,), {}, body)
print(Made().get(), Made.__name__, type(Made).__name__)
T = type('T', (int,), {'double': lambda self: self * 2})
print(T(21).double(), T.__bases__, isinstance(T(1), int))
try:
    type('Bad', (1,), {})
except TypeError as e:
    print('TypeError', e)
try:
    type('X', (), {}, extra=1)
except TypeError as e:
    print('TypeError', e)
print(type(1), type('Q', (), {}).__module__ == __name__, types.SimpleNamespace(a=1, b=2))

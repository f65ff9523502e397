# type() one- and three-argument forms, object() behaviour, type attributes.
print(type(1), type('s'), type(None), type(type), type(object), type(len), type(lambda: 0).__name__)
C = type('C', (), {'x': 1, '__repr__': lambda self: 'C()'})
print(C, C(), C.x, C.__bases__, C.__mro__)
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print('AttributeError', e)
print(object.__bases__, type.__bases__, type.__mro__, int.__base__, object.__base__)
print(type.__name__, type.__qualname__, int.__module__, C.__module__, object.__doc__ is not None)
try:
    type()
except TypeError as e:
    print('TypeError', e)
try:
    type('a', 'b')
except TypeError as e:
    print('TypeError', e)
print(type(1)(5), type('')('x'), type([])((1,)), isinstance(object, object), object.__subclasshook__() is NotImplemented)

# __instancecheck__ and __subclasscheck__ on metaclasses; isinstance with tuples.
class Meta(type):
    def __instancecheck__(cls, inst):
        return isinstance(inst, int) and inst > 0
    def __subclasscheck__(cls, sub):
        return sub is bool
class Positive(metaclass=Meta): pass
print(isinstance(5, Positive), isinstance(-5, Positive), isinstance('x', Positive), issubclass(bool, Positive), issubclass(int, Positive))
print(isinstance(1, (str, (float, int))), isinstance(1, ()), issubclass(bool, (str, int)), isinstance(None, type(None)))
try:
    isinstance(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    issubclass(1, int)
except TypeError as e:
    print('TypeError', e)
print(isinstance(int, type), isinstance(type, type), isinstance(type, object), issubclass(type, object), isinstance(object, type))
print(isinstance(1, int | str), issubclass(bool, int | None), int | str, type(int | str).__name__)

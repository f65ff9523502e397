# repr of builtin functions, types, method descriptors and slot wrappers (no addresses).
import math
print(repr(len), repr(print), repr(math.sqrt), repr(int), repr(type), repr(object), repr(NotImplemented), repr(Ellipsis), repr(None))
print(repr(list.append), repr(dict.fromkeys) if False else repr(dict.__dict__['fromkeys']), repr(int.__add__), repr(str.join), repr(object.__init__))
print(repr(type(None)), repr(type(len)), repr(type(list.append)), repr(type(int.__add__)), repr(type(math)), repr(math)[:14])
print(repr(property), repr(classmethod), repr(staticmethod), repr(super), repr(range(3)), repr(slice(1, 2)), repr(memoryview)[:20])
print(repr(int.real), repr(type.__dict__['__name__']) if False else repr(type(type.__dict__['__name__'])), repr(type(int.real)))

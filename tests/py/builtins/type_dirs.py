# The public attribute names of the builtin types (completeness of every type's methods).
import types
for t in (object, type, int, bool, float, complex, str, bytes, bytearray, memoryview, list, tuple, dict, set, frozenset, range, slice, property, staticmethod, classmethod, super, BaseException, Exception, types.FunctionType, types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType, types.ModuleType, type(iter([])), type({}.keys()), type(None), type(...)):
    names = [n for n in dir(t) if not n.startswith('__')]
    dunders = [n for n in dir(t) if n.startswith('__')]
    print(t.__name__, names)
    print('  ', dunders)

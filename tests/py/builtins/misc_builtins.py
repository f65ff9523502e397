# The remaining builtins: len, type, object, bool, slice, property, zip, map... and constants.
import builtins
print(len('abc'), len([1]), len({}), len(range(5)), type(5).__name__, type('x', (), {}).__name__)
print(bool.__name__, object.__name__, slice(3), None.__class__.__name__, NotImplemented.__class__.__name__)
print(sorted(n for n in dir(builtins) if not n.startswith('_') and n[0].islower()))
print(__debug__, __name__, type(__builtins__).__name__ in ('module', 'dict'))
print(memoryview(b'ab').tobytes(), frozenset({1}), complex(1, 1), divmod(9, 4), help.__class__.__name__)
print(issubclass(type(len), object), type(len).__name__, type([].append).__name__, type(int.__add__).__name__, type((1).__add__).__name__)

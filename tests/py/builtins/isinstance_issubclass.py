# isinstance and issubclass with classes, tuples and ABCs.
class A: pass
class B(A): pass
b = B()
print(isinstance(b, A), isinstance(b, (int, A)), isinstance(b, ()), issubclass(B, A), issubclass(A, B), issubclass(B, (int, (str, A))))
print(isinstance(1, float), isinstance(1.0, float), isinstance(True, int), isinstance(None, object), isinstance(A, type), issubclass(A, object))
print(isinstance([], (list, tuple)), isinstance('s', str), isinstance(b'', bytes), isinstance(bytearray(), bytes))
import numbers, collections.abc as cabc
print(isinstance(1, numbers.Number), isinstance(1.5, numbers.Integral), isinstance(1, numbers.Rational), isinstance(1j, numbers.Real))
print(isinstance(range(3), cabc.Sequence), isinstance({}, cabc.MutableMapping), isinstance(iter([]), cabc.Iterator), isinstance((x for x in []), cabc.Generator))

# Strings, bytes and bytearrays are not sequences for patterns; collections.deque and range are.
from collections import deque
for v in ('ab', b'ab', bytearray(b'ab'), deque([1, 2]), range(2), memoryview(b'ab'), (1, 2), [1, 2], iter([1, 2])):
    match v:
        case [a, b]:
            print(type(v).__name__, 'sequence', a, b)
        case _:
            print(type(v).__name__, 'not a sequence')

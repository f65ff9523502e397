# Class patterns for builtins match the subject itself with one positional sub-pattern.
def kind(x):
    match x:
        case bool(b):
            return f'bool {b}'
        case int(0):
            return 'int zero'
        case int(n) if n < 0:
            return f'negative int {n}'
        case int():
            return 'int'
        case float(f):
            return f'float {f}'
        case str('') :
            return 'empty str'
        case str(s):
            return f'str {s}'
        case bytes(b):
            return f'bytes {b!r}'
        case list([a, *_]):
            return f'list starting {a}'
        case tuple((a, b)):
            return f'pair {a},{b}'
        case dict({'k': v}):
            return f'dict with k={v}'
        case set() | frozenset():
            return f'some set of {len(x)}'
        case None:
            return 'None'
        case _:
            return f'other {type(x).__name__}'
for v in (True, 0, -5, 7, 2.5, '', 'hey', b'b', [9, 8], [], (1, 2), (1, 2, 3), {'k': 1}, {'j': 1}, {1}, frozenset(), None, 1j):
    print(repr(v), '->', kind(v))

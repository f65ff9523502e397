# match with literal, capture, wildcard and or-patterns.
def describe(x):
    match x:
        case 0:
            return 'zero'
        case 1 | 2 | 3:
            return 'small'
        case -1:
            return 'minus one'
        case 'hello':
            return 'greeting'
        case b'raw':
            return 'bytes'
        case None:
            return 'none'
        case True:
            return 'true'
        case 1.5:
            return 'one and a half'
        case 2j:
            return 'imaginary'
        case other:
            return f'other {other!r}'
for v in (0, 1, 3, -1, 'hello', b'raw', None, True, False, 1.5, 2j, 1.0, 'x', [1]):
    print(repr(v), describe(v))

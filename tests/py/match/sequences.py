# Sequence patterns: fixed length, star, nested, and what counts as a sequence.
def seq(x):
    match x:
        case []:
            return 'empty'
        case [a]:
            return f'one {a}'
        case [a, b]:
            return f'two {a} {b}'
        case [first, *middle, last] if len(middle) > 2:
            return f'long {first}..{last} ({len(middle)} between)'
        case [first, *rest]:
            return f'first {first} rest {rest}'
        case _:
            return 'not a sequence'
for v in ([], [1], (1, 2), [1, 2, 3], list(range(7)), 'ab', b'ab', range(3), {1: 2}, 5, bytearray(b'x')):
    print(repr(v), seq(v))
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print(a + b + c + d)
match (1, 2, 3):
    case (1, *_):
        print('starts with 1')

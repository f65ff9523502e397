# Group patterns, nested or-patterns binding the same names, singletons matched by identity.
def f(x):
    match x:
        case (1 | 2) as small:
            return f'small {small}'
        case [(0 | 1) as bit, *_]:
            return f'starts with bit {bit}'
        case (('a' | 'b') as letter, n) | (n, ('a' | 'b') as letter):
            return f'letter {letter} with {n}'
        case {'k': ([v] | (v, _))}:
            return f'k holds {v}'
        case True:
            return 'True by identity'
        case False:
            return 'False by identity'
        case 1.0:
            return 'equals 1.0'
    return 'nothing'
for v in (1, 2, True, False, 0, 1.0, [0, 5], [True], ('a', 3), (4, 'b'), {'k': [9]}, {'k': (8, 7)}, {'k': 'ab'}, 3):
    print(repr(v), '->', f(v))

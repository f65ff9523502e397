# Match-related compile errors and runtime semantics of bindings on failed matches.
for src in ('match x:\n    case a:\n        pass\n    case b:\n        pass\n',
            'match x:\n    case [a, a]:\n        pass\n',
            'match x:\n    case a | [b]:\n        pass\n',
            'match x:\n    case {**r, "k": 1}:\n        pass\n',
            'match x:\n    case *a:\n        pass\n'):
    try:
        compile(src, '<match>', 'exec')
        print('compiled')
    except SyntaxError as e:
        print('SyntaxError', e.msg)
match [1, 2]:
    case [x, 3]:
        print('no')
    case _:
        print('x after failed partial match bound?', 'x' in dir())

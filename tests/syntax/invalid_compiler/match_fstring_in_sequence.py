match x:
    case [1, f'{a}']:
        pass

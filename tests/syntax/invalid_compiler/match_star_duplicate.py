match x:
    case [x, *x]:
        pass

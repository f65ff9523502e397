match x:
    case {"a": x, **x}:
        pass

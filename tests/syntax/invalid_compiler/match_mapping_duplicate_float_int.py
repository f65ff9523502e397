match x:
    case {1.0: a, "k": _, 1: b}:
        pass

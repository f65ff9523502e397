match x:
    case {-0j: 1, 0: 2, False: 3}:
        pass

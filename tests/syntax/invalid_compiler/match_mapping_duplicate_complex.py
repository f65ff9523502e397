match x:
    case {1+2j: _, 1 + 2j: _}:
        pass

match x:
    case C(x, y=[x]):
        pass

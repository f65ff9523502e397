match x:
    case C(1, y=f"{z}"):
        pass

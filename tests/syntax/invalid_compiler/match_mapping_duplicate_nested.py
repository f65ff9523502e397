match x:
    case C(y={"a": 1, "b": 2, "a": 3}):
        pass

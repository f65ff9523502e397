match x:
    case {"a": 1, f"b": 2}:
        pass

match x:
    case {b"x": _, "x": _, b"x": _}:
        pass

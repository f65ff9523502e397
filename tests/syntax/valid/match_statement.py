match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0) | Point(1, 2):
        pass
    case {"x": x, "y": 1, **rest}:
        pass
    case [1, 2, *others] if others:
        pass
    case (1 | 2 | 3) as n:
        pass
    case -1 | 1.5 | -2j | 1 + 2j | -1 - 2j | "s" "t" if False:
        pass
    case None | True | False:
        pass
    case a.b.c:
        pass
    case str() | bytes():
        pass
    case {1: _, "a": [_, *_]}:
        pass
    case [] | () | {}:
        pass
    case _:
        pass
match x,:
    case ():
        pass

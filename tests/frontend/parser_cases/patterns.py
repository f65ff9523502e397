match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, 2, z=3):
        pass
    case [Point(x=0, y=0), *rest]:
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, -2: _, 1.5: _, "s" "t": _, None: _, a.b: _}:
        pass
    case (1 | 2 | 3) as n:
        pass
    case 1 + 2j | -1 - 2j | -3:
        pass
    case None | True | False:
        pass
    case _:
        pass
match x:
    case a, *b, c if a > c:
        pass
    case (a,):
        pass
    case ():
        pass
    case []:
        pass
    case [*_]:
        pass
    case {}:
        pass
    case str() | bytes():
        pass
    case mod.Const.VALUE:
        pass
    case b"bytes":
        pass
    case x:
        pass
match a, b:
    case 1, 2: pass
match *a, b:
    case _: pass
match = 1
match.x = 2
match(x)
match[x]
case = 3
_ = 4
print(match, case, _)
match -x:
    case -1: pass

# match, case and _ are soft keywords: they stay ordinary names everywhere else.
match = 1
case = 2
_ = 3
print(match, case, _)
match(case)
match[0]
match.x = 1
case.y = match
match, case = case, match
match: int = 5
def match(case=None, _=0):
    return case
class case:
    match = 1
match = [match, case, _]
match -x:
    case -1:
        pass
match(x):
    case _:
        pass
match x, y:
    case (match, case):
        print(match, case)
match *a, b:
    case [*_]:
        pass
match = lambda match: match
print(match(match))
type = 1
print(type)

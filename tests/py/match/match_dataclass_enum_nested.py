# Matching a small AST made of dataclasses, simplifying expressions recursively.
from dataclasses import dataclass
@dataclass
class Num:
    v: int
@dataclass
class Add:
    l: object
    r: object
@dataclass
class Mul:
    l: object
    r: object
@dataclass
class Neg:
    e: object
def simplify(e):
    match e:
        case Add(Num(0), x) | Add(x, Num(0)):
            return simplify(x)
        case Mul(Num(1), x) | Mul(x, Num(1)):
            return simplify(x)
        case Mul(Num(0), _) | Mul(_, Num(0)):
            return Num(0)
        case Neg(Neg(x)):
            return simplify(x)
        case Add(Num(a), Num(b)):
            return Num(a + b)
        case Mul(Num(a), Num(b)):
            return Num(a * b)
        case Add(l, r):
            s = Add(simplify(l), simplify(r))
            return simplify(s) if s != e else s
        case Mul(l, r):
            s = Mul(simplify(l), simplify(r))
            return simplify(s) if s != e else s
        case Neg(x):
            return Neg(simplify(x))
        case _:
            return e
exprs = [Add(Num(0), Num(5)), Mul(Add(Num(1), Num(2)), Num(1)), Neg(Neg(Mul(Num(0), Num(9)))), Add(Mul(Num(2), Num(3)), Neg(Num(4))), Mul(Num(7), Add(Num(0), Mul(Num(1), Num(6))))]
for e in exprs:
    print(e, '=>', simplify(e))

# enum: Enum, IntEnum, Flag, auto, iteration, lookup.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'], Color.CRIMSON is Color.RED, list(Color), len(Color))
print(Color.RED.name, Color.RED.value, isinstance(Color.RED, Color), Color.RED == 1, [m.name for m in Color.__members__.values()])
try:
    Color(7)
except ValueError as e:
    print('ValueError', e)
class Num(enum.IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO == 2, sorted([Num.TWO, Num.ONE]), f'{Num.ONE}', str(Num.ONE), format(Num.TWO, '03d'))
class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, ~Perm.R, Perm(0), [p.name for p in Perm], rw.value)
class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
print(Auto.A.value, Auto.B.value)
@enum.unique
class U(enum.Enum):
    X = 1
try:
    @enum.unique
    class D(enum.Enum):
        X = 1
        Y = 1
except ValueError as e:
    print('ValueError', e)
class S(str, enum.Enum):
    A = 'a'
print(S.A == 'a', S('a'), S.A.upper())

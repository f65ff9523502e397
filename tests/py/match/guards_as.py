# Guards, as-patterns, value patterns (dotted names), and evaluation order.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Const:
    LIMIT = 10
def check(v):
    match v:
        case Color.RED:
            return 'red'
        case Color.GREEN as c:
            return f'green {c.value}'
        case Const.LIMIT:
            return 'at limit'
        case int(n) if n > Const.LIMIT:
            return 'over'
        case (int() | float()) as num if num < 0:
            return 'negative'
        case [x, y] as pair if x < y:
            return f'ascending {pair}'
        case [x, y]:
            return f'pair {x} {y}'
        case _:
            return 'default'
for v in (Color.RED, Color.GREEN, 10, 11, -3, -0.5, [1, 2], [2, 1], 5):
    print(repr(v), check(v))
def g(v):
    print('guard on', v)
    return v > 1
match [1, 2, 3]:
    case [a, *_] if g(a):
        print('first')
    case [_, b, *_] if g(b):
        print('second', a, b)

# Class patterns: positional via __match_args__, keyword attributes, builtin types.
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
class Circle:
    __match_args__ = ('center', 'radius')
    def __init__(self, c, r):
        self.center, self.radius = c, r
def where(s):
    match s:
        case Point(0, 0):
            return 'origin'
        case Point(x=0, y=y):
            return f'on y axis at {y}'
        case Point(x, y) if x == y:
            return f'diagonal {x}'
        case Point():
            return 'some point'
        case Circle(Point(0, 0), r):
            return f'centered circle r={r}'
        case Circle(radius=r):
            return f'circle r={r}'
        case int(n) | float(n):
            return f'number {n}'
        case str() as text:
            return f'string {text}'
        case [Point(x=0), *_]:
            return 'list starting on y axis'
    return 'nothing'
for v in (Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2), Circle(Point(0, 0), 2), Circle(Point(1, 1), 3), 7, 2.5, 'hi', [Point(0, 1), 5], None):
    print(where(v))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print('TypeError', e)

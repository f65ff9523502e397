# dataclasses: fields, defaults, ordering, frozen, post_init, asdict, replace.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
@dataclass(order=True)
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    _id: int = field(default=0, repr=False, compare=False)
a = Item('apple', 1.5)
b = Item('banana', 0.5, ['yellow'])
print(a, b, a < b, a == Item('apple', 1.5, [], 99), sorted([b, a])[0].name)
print(asdict(b), astuple(a), replace(a, price=2.0), [f.name for f in fields(Item)])
@dataclass(frozen=True)
class P:
    x: int
    y: int = 0
    def __post_init__(self):
        if self.x < 0:
            raise ValueError('negative')
p = P(1)
print(p, hash(p) == hash(P(1, 0)), {p: 1}[P(1)])
try:
    p.x = 5
except FrozenInstanceError as e:
    print('FrozenInstanceError', e)
try:
    P(-1)
except ValueError as e:
    print('ValueError', e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print('TypeError', e)
@dataclass
class Inv:
    a: int
    total: int = field(init=False)
    def __post_init__(self):
        self.total = self.a * 2
print(Inv(4), Item.__match_args__)

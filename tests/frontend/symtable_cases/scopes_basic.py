"""Module, class, function, lambda and comprehension scopes; locals, cells, frees."""
import os.path
import collections.abc as cabc
from sys import argv as arguments, path

x = 1
y: int = 2
del x

def outer(a, b=lambda: 0):
    c = a
    def middle():
        d = c
        def inner():
            return c + d + e + z
        return inner
    class Local:
        c = 3                  # the class binds c too: DEF_FREE_CLASS
        def method(self):
            return c
    e = 5
    return middle, Local

class Top:
    attr = [m for m in range(3)]
    def method(self):
        return attr

try:
    pass
except ValueError as err:
    pass

with open(__file__) as fh, open(__file__) as (g1, g2):
    pass

for i, *rest in []:
    pass

counter = 0
counter += 1

match argv:
    case [first, *others] if first:
        pass
    case {"k": v, **kw}:
        pass
    case cabc.Mapping(key=val) | [val]:
        pass
    case str() as s:
        pass
    case None:
        pass

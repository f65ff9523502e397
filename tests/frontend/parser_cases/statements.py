"""Every statement kind."""
import os, sys as system
import a.b.c as d
from . import x
from .. import y as z
from ...pkg.mod import (a, b as c,)
from __future__ import annotations
from m import *
global g1, g2
x = y = 1
x, *rest = [1, 2, 3]
[a, (b, c)] = t
obj.attr = d[1:2, ::3] = 5
x += 1; y -= 2; z *= 3; w @= m
a /= 1; a //= 2; a %= 3; a **= 4; a <<= 1; a >>= 1; a &= 1; a |= 1; a ^= 1
n: int
n: int = 5
(n): int = 5
obj.a: str = "x"
obj[0]: list[int]
del a, b[0], c.d
del (a, b), [c]
assert x, "message"
assert y
pass
raise
raise ValueError("x") from None
if a:
    pass
elif b:
    pass
elif c: pass
else:
    pass
while x:
    break
else:
    continue
for i in range(10):
    pass
else:
    pass
for a, (b, *c) in d: pass
for x, in y: pass
with open(f) as g, open(h) as (i, j):
    pass
with (a as b, c as d,):
    pass
with (a, b):
    pass
with (yield):
    pass
with (a) as b, c: pass
try:
    pass
except ValueError as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* TypeError as eg:
    pass
except* (A, B):
    pass
@decorator
@decorator.attr(arg)
@(lambda f: f)
@x[0] if y else z
def f(a, b: int = 1, *args: str, c, d=2, **kwargs) -> None:
    """doc"""
    nonlocal q
    return
def g(a, b, /, c, *, d): return a
def h(a=1, /, b=2, *, c): yield
def k(*args: *Ts): yield from x
async def co():
    await x
    async for i in y:
        pass
    async with a as b, c:
        pass
    return [i async for i in aiter() if await i]
class C:
    pass
class D(Base, metaclass=Meta, **kw):
    x: int = 0
    def m(self): ...
@dataclass
class E(): pass
if x: a = 1; b = 2;

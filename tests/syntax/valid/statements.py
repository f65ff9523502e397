import os, os.path as p
from . import a
from .. import b as c
from .x.y import (z, w as v,)
from os import *
x = y = z = 1
a, *b = c = [1, 2, 3]
[a, (b, *c)] = d = e
x += 1; x //= 2; x **= 3; x @= m; x >>= 1
del a, (b, c), [d], e.f, g[0]
assert x, "message"
global gx
for i in range(3):
    if i: continue
    else: break
else:
    pass
while False: pass
else: pass
try:
    pass
except (A, B) as e:
    pass
except C:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* ValueError as eg:
    pass
except *(TypeError, KeyError):
    pass
with (open(a) as f, open(b) as g,):
    pass
with (a, b):
    pass
with a as (b, c), d as [e]:
    pass
if (n := 10) > 5: pass
print(y := 3) if (w := 1) else None
raise E from None
def gen():
    yield
    yield 1, 2
    x = yield from g()
    await_ = 1
    return
x = a if b else c if d else e
x = not a and b or c is not d not in e
x = a[1:2, ::3, ...][*idx]
x = [*a, *b], {*a}, {**d, 'k': 1}, (*a,)
x = 1 if 1else 2
print(*a, sep='')

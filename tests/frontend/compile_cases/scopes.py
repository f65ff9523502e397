from __future__ import annotations
import a.b.c
import a.b.c as d
from .. import e as f, g
from .x.y import *

counter = 0

def outer(p, /, q=1, *args, r: int = 2, s: list[int], **kw) -> dict[str, int]:
    global counter
    v = 1
    w: tuple[int, ...] = ()
    def inner(t=lambda u=v: u):
        nonlocal v
        v += 1
        return lambda: (v, p, t)
    class K:
        v = 2
        def m(self, __x):
            return __class__, super().m(), v, self.__y
        @staticmethod
        def n(*, k=v): return [v for _ in k]
        z: int
        __private = 3
    counter += 1
    return inner, K

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)

@decorator(1)
@other
class D(Base, metaclass=Meta, flag=True):
    "doc"
    x: int = 1
    def f(self): return [x for x in range(3) if (y := x)]
    lam = lambda self, *a, **k: (a, k, self)

big = {"k%d" % i: i for i in range(40)}
lit = {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6, 'g': 7, 'h': 8, 'i': 9, 'j': 10, 'k': 11,
       'l': 12, 'm': 13, 'n': 14, 'o': 15, 'p': 16, 'q': 17, 'r': 18}
merged = {**big, 'x': 1, **lit}
call = f(1, 2, *big, x=1, **lit, y=2)
many = g(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
         25, 26, 27, 28, 29, 30, 31, a=1)
s = f"{big!r} {lit:{10}} {many=} a b c {1}{2}{3}{4}{5}{6}{7}{8}{9}{10}{11}{12}{13}{14}{15}{16}{17}{18}"
t = [*big, *lit], {*big, 1}, (*lit,), [1, 2, 3], {1, 2, 3}, (1, 2, 3), x[1:2, ::3]
del big['k1'], lit
a.b.c.d += 1
a[1] //= 2
first, *rest = last, *_ = t

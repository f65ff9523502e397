def f(a, b=1, /, c=2, *args, d, e=3, **kwargs) -> "ret":
    return a
def g(a, /): pass
def h(*, a): pass
def i(a: int = 1, *b: str, c: "x" = 2, **d: float) -> None: pass
def j(*args: *tuple[int, ...]): pass
def k(a, b, /, c, d, *, e, f): pass
async def co(x):
    await x
    async with x as y, x:
        pass
    async for z in x:
        pass
    return [await q async for q in x if await q]
f(1, *a, *b, c=1, **d, e=2, **g)
f(x for x in y)
f(*a, b, c=1, *d)
class C(A, B, metaclass=M, **kw):
    x: int
    def m(self): return __class__
@decorator
@a.b.c(1)(2)[3]
@(lambda f: f)
@x if y else z
def decorated(): pass

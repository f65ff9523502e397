"""Loops, exceptions and unwinding: every path that break, continue and return take."""
def loops(xs, ys):
    total = 0
    for x in xs:
        if x < 0:
            continue
        while x:
            x -= 1
            if x == 3:
                break
        else:
            total += 1
    else:
        total = -total
    for a, (b, *c) in ys:
        total += a
    return total

def finally_paths(f):
    for i in range(3):
        try:
            try:
                if i == 1:
                    continue
                if i == 2:
                    break
                return f(i)
            except (ValueError, TypeError) as e:
                raise RuntimeError from e
            except KeyError:
                pass
            else:
                return None
            finally:
                print("inner", i)
        finally:
            print("outer")
    with open(f) as a, open(f) as b:
        for line in a:
            if line:
                return line
    return 1

def star(group):
    try:
        group()
    except* ValueError as eg:
        print(eg)
    except* (TypeError, KeyError):
        pass
    finally:
        print("done")

def gen(n):
    x = yield n
    y = yield from range(x)
    try:
        yield 1
    finally:
        return y

async def coro(session, urls):
    async with session as s, session:
        async for u in urls:
            await s.get(u)
    r = [await f async for f in urls if await f]
    return {k: v async for k, v in urls}

async def agen():
    yield 1
    async for i in agen():
        yield i

def conditions(a, b, c):
    if a and (b or not c) and a < b < c:
        return a if b else c
    assert a, "message"
    assert (a, b)
    x = a is None
    if a is not None and b is None:
        pass
    while True:
        if a:
            break
    while 0:
        print("never")
    if __debug__:
        print("debug")
    return not (a in b) and a not in (1, 2, 3) and a in {4, 5, 6} and a in [c, 7]

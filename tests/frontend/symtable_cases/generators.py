def gen():
    yield 1

def gen_from():
    yield from gen()

def ret():
    return 1

async def coro():
    await ret()

async def agen():
    yield 1

def gen_in_lambda():
    return lambda: (yield)

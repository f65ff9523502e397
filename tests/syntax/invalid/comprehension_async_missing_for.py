async def f():
    return [a async a in b]

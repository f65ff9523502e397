async def f():
    return [x async for in y]

async def f():
    await if

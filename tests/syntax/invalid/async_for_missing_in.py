async def f():
    async for x y:
        pass

async def f():
    async with:
        pass

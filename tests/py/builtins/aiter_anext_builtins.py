# aiter() and anext() builtins.
import asyncio
async def gen():
    for i in range(3):
        yield i
async def main():
    it = aiter(gen())
    print(await anext(it), await anext(it), await anext(it), await anext(it, 'default'))
    try:
        await anext(it)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    try:
        aiter([])
    except TypeError as e:
        print('TypeError', e)
asyncio.run(main())

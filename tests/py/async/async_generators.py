# Async generators, async for, async comprehensions, asend/athrow/aclose.
import asyncio
async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)
async def main():
    async for t in ticker(3):
        print('tick', t)
    print([x async for x in ticker(4) if x % 2 == 0])
    print({x: x * 2 async for x in ticker(3)})
    agen = ticker(5)
    print(await agen.__anext__(), await agen.asend(None), await anext(agen))
    await agen.aclose()
    try:
        await anext(agen)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    print(await anext(ticker(0), 'default'))
    async def catcher():
        try:
            yield 1
        except ValueError as e:
            yield 'caught ' + str(e)
    c = catcher()
    print(await c.asend(None), await c.athrow(ValueError('x')))
asyncio.run(main())

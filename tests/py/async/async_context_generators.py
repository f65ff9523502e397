# Exceptions thrown into async generators and cleanup with aclose in finally.
import asyncio
async def resource():
    print('open')
    try:
        for i in range(10):
            yield i
    finally:
        print('cleanup')
async def main():
    g = resource()
    async for v in g:
        if v == 2:
            break
    await g.aclose()
    g2 = resource()
    print(await g2.__anext__())
    try:
        await g2.athrow(KeyError('stop'))
    except KeyError as e:
        print('KeyError propagated', e)
asyncio.run(main())

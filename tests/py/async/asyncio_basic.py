# asyncio.run with gather, sleep(0) and ordering.
import asyncio
async def step(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name * n
async def main():
    results = await asyncio.gather(step('a', 3), step('b', 2), step('c', 1))
    print(results)
    t = asyncio.create_task(step('t', 2))
    print('task created')
    print(await t)
    return 'main done'
print(asyncio.run(main()))

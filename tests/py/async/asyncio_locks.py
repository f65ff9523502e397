# asyncio.Lock, Semaphore and Condition with deterministic scheduling.
import asyncio
async def main():
    lock = asyncio.Lock()
    log = []
    async def worker(name):
        async with lock:
            log.append(f'{name} in')
            await asyncio.sleep(0)
            log.append(f'{name} out')
    await asyncio.gather(*(worker(n) for n in 'abc'))
    print(log)
    sem = asyncio.Semaphore(2)
    active = []
    peak = 0
    async def limited(i):
        nonlocal peak
        async with sem:
            active.append(i)
            peak = max(peak, len(active))
            await asyncio.sleep(0)
            active.remove(i)
    await asyncio.gather(*(limited(i) for i in range(5)))
    print('peak', peak)
    cond = asyncio.Condition()
    items = []
    async def consumer():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()
    async def producer():
        await asyncio.sleep(0)
        async with cond:
            items.append('item')
            cond.notify()
    print(await asyncio.gather(consumer(), producer()))
asyncio.run(main())

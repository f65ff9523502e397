# Deterministic interleaving of tasks with sleep(0), call_soon and futures.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    order = []
    loop.call_soon(order.append, 'call_soon 1')
    fut = loop.create_future()
    async def setter():
        order.append('setter runs')
        fut.set_result('future value')
    async def waiter():
        order.append('waiter waits')
        order.append(await fut)
    await asyncio.gather(waiter(), setter())
    loop.call_soon(order.append, 'call_soon 2')
    await asyncio.sleep(0)
    print(order)
    t1 = asyncio.create_task(asyncio.sleep(0, 'r1'))
    t2 = asyncio.create_task(asyncio.sleep(0, 'r2'))
    done, pending = await asyncio.wait([t1, t2])
    print(sorted(t.result() for t in done), pending)
    results = []
    for coro in asyncio.as_completed([asyncio.sleep(0, 'x'), asyncio.sleep(0, 'y')]):
        results.append(await coro)
    print(sorted(results))
asyncio.run(main())

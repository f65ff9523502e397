# Exceptions and cancellation in asyncio tasks.
import asyncio
async def fails(n):
    await asyncio.sleep(0)
    raise ValueError(f'failed {n}')
async def forever():
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print('cancelled cleanly')
        raise
async def main():
    try:
        await fails(1)
    except ValueError as e:
        print('caught', e)
    res = await asyncio.gather(fails(2), asyncio.sleep(0, 'ok'), return_exceptions=True)
    print([repr(r) for r in res])
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('task cancelled', t.cancelled())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails(3))
            tg.create_task(fails(4))
    except* ValueError as eg:
        print(sorted(str(e) for e in eg.exceptions))
    try:
        await asyncio.wait_for(forever(), timeout=0)
    except TimeoutError:
        print('timeout')
asyncio.run(main())

# Nested gathers, tasks returning values in order, and a recursive async function.
import asyncio
async def fib(n):
    if n < 2:
        return n
    a, b = await asyncio.gather(fib(n - 1), fib(n - 2))
    return a + b
async def leaf(i):
    for _ in range(i):
        await asyncio.sleep(0)
    return i * i
async def main():
    print(await fib(12))
    print(await asyncio.gather(*(leaf(i) for i in range(6))))
    tasks = [asyncio.create_task(leaf(5 - i), name=f't{i}') for i in range(5)]
    done_order = []
    for t in tasks:
        t.add_done_callback(lambda t: done_order.append(t.get_name()))
    await asyncio.gather(*tasks)
    await asyncio.sleep(0)
    print(done_order)
asyncio.run(main())

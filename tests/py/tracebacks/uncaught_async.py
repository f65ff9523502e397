# Traceback of an exception escaping asyncio.run.
import asyncio
async def inner():
    await asyncio.sleep(0)
    raise ValueError('async failure')
async def main():
    await inner()
asyncio.run(main())

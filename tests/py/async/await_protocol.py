# Custom awaitables via __await__.
import asyncio
class Ready:
    def __init__(self, v): self.v = v
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return self.v
async def main():
    print(await Ready(5))
    try:
        await 5
    except TypeError as e:
        print('TypeError', e)
asyncio.run(main())
async def nothing():
    pass
c = nothing()
print(c.cr_frame is not None, c.cr_code.co_name)
c.close()

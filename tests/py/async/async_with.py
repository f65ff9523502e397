# async with and asynchronous context managers, contextlib.asynccontextmanager.
import asyncio, contextlib
class Res:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print('enter', self.name)
        await asyncio.sleep(0)
        return self
    async def __aexit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None)
        return t is KeyError
@contextlib.asynccontextmanager
async def managed():
    print('acquire')
    yield 'resource'
    print('release')
async def main():
    async with Res('a') as r, Res('b'):
        print('body', r.name)
    async with Res('c'):
        raise KeyError('suppressed')
    async with managed() as m:
        print('using', m)
    try:
        async with Res('d'):
            raise ValueError('propagates')
    except ValueError as e:
        print('ValueError', e)
asyncio.run(main())

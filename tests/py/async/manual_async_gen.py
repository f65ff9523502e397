# Async generator driven without an event loop.
async def agen():
    yield 1
    yield 2
g = agen()
def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return 'StopAsyncIteration'
print(drive(g.__anext__()), drive(g.__anext__()), drive(g.__anext__()))
print(type(g).__name__, g.__name__, g.ag_running)
async def coro():
    return [x async for x in agen()]
print(drive(coro()))

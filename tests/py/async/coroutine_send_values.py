# Values sent into a coroutine flow through await chains of types.coroutine generators.
import types
@types.coroutine
def request(what):
    reply = yield ('request', what)
    return reply
async def child(n):
    total = 0
    for i in range(n):
        total += await request(i)
    return total
async def parent():
    a = await child(2)
    b = await child(3)
    return a, b
c = parent()
msg = c.send(None)
replies = iter(range(100, 200))
while True:
    print('yielded', msg)
    try:
        msg = c.send(next(replies))
    except StopIteration as e:
        print('result', e.value)
        break

# Coroutines driven by hand with send(None).
import types
@types.coroutine
def suspend(value):
    got = yield value
    return got
async def worker(name):
    print(name, 'start')
    a = await suspend(name + ':1')
    b = await suspend(name + ':2')
    return (a, b)
c = worker('w')
print(type(c).__name__, c.cr_running)
print(c.send(None))
print(c.send('first'))
try:
    c.send('second')
except StopIteration as e:
    print('result', e.value)
async def plain():
    return 42
p = plain()
try:
    p.send(None)
except StopIteration as e:
    print('plain', e.value)
c2 = worker('t')
c2.send(None)
try:
    c2.throw(ValueError('injected'))
except ValueError as e:
    print('ValueError', e)
c3 = worker('x')
c3.close()
try:
    c3.send(None)
except RuntimeError as e:
    print('RuntimeError', e)

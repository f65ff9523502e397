# Misuse of coroutines: awaiting twice, never awaited (warning suppressed), await outside async.
import asyncio, warnings
async def f():
    return 1
async def main():
    c = f()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print('RuntimeError', e)
asyncio.run(main())
try:
    compile('await x', '<s>', 'exec')
except SyntaxError as e:
    print('SyntaxError', e.msg)
try:
    compile('def g():\n    async with x: pass', '<s>', 'exec')
except SyntaxError as e:
    print('SyntaxError', e.msg)
c = f()
c.close()
print('closed unawaited coroutine')

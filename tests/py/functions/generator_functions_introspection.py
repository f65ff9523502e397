# Detecting generator, coroutine and async generator functions via code flags and inspect.
import inspect
def plain(): return 1
def gen(): yield 1
async def coro(): return 1
async def agen(): yield 1
for f in (plain, gen, coro, agen, lambda: (yield)):
    print(f.__name__, inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(f), inspect.isasyncgenfunction(f), inspect.isfunction(f))
c = coro()
print(inspect.iscoroutine(c), inspect.isgenerator(gen()), inspect.isawaitable(c))
c.close()
print(inspect.signature(lambda a, *b, c=1, **d: 0), inspect.getfullargspec(plain).args)

# functools: partial, reduce, lru_cache, cache, singledispatch, total_ordering.
import functools
p = functools.partial(int, base=2)
print(p('1010'), p.func is int, p.keywords, functools.partial(pow, 2)(10))
print(functools.reduce(lambda a, b: a * b, range(1, 8)), functools.reduce(lambda a, b: a + b, [], 'init'))
calls = []
@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(calls), fib.cache_info())
@functools.singledispatch
def show(x):
    return 'object'
@show.register
def _(x: int):
    return 'int'
@show.register(list)
def _(x):
    return 'list'
print(show(1), show([]), show('s'), show(True))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(1))

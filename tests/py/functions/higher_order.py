# Higher-order functions: compose, curry, pipelines with map/filter/reduce.
from functools import reduce, partial
def compose(*fs):
    return reduce(lambda f, g: lambda x: f(g(x)), fs, lambda x: x)
def curry(f, n):
    def c(*args):
        if len(args) >= n:
            return f(*args)
        return lambda *more: c(*args, *more)
    return c
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3))
pipeline = [partial(map, inc), partial(filter, lambda x: x % 3), list]
print(reduce(lambda acc, f: f(acc), pipeline, range(10)))
print(sorted(map(lambda p: p[::-1], {'b': 1, 'a': 2}.items())))

# Generator functions: laziness, state, StopIteration, gi_* attributes.
def gen(n):
    print('start')
    for i in range(n):
        print('yield', i)
        yield i
    print('end')
g = gen(2)
print(type(g).__name__, g.__name__, g.__qualname__, g.gi_running, g.gi_frame is not None)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)
print(g.gi_frame, list(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))

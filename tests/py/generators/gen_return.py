# return in generators; StopIteration.value; generator state transitions.
import inspect
def g():
    yield 1
    return 'done'
it = g()
print(inspect.getgeneratorstate(it))
next(it)
print(inspect.getgeneratorstate(it))
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)
print(inspect.getgeneratorstate(it))
def empty():
    return
    yield
print(list(empty()))
def running():
    yield inspect.getgeneratorstate(r)
r = running()
print(next(r))
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError as e:
    print('ValueError', e)

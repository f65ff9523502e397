# contextmanager misuse: generator that doesn't yield, yields twice, or swallows by returning.
import contextlib
@contextlib.contextmanager
def no_yield():
    if False:
        yield
@contextlib.contextmanager
def twice():
    yield 1
    yield 2
@contextlib.contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError:
        print('swallowed')
for cm in (no_yield, twice):
    try:
        with cm():
            print('body of', cm.__name__)
    except RuntimeError as e:
        print('RuntimeError', e)
with swallow():
    1 / 0
print('after swallow')
@contextlib.contextmanager
def reraiser():
    try:
        yield
    except KeyError as e:
        raise ValueError('converted') from e
try:
    with reraiser():
        raise KeyError('k')
except ValueError as e:
    print(repr(e), repr(e.__cause__))

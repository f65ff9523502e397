# PEP 479: StopIteration inside a generator becomes RuntimeError.
def g():
    yield 1
    raise StopIteration('leak')
try:
    list(g())
except RuntimeError as e:
    print('RuntimeError', e, repr(e.__cause__))
def h():
    yield next(iter([]))
try:
    next(h())
except RuntimeError as e:
    print('RuntimeError', e)
print(list(x for x in [1, 2]))

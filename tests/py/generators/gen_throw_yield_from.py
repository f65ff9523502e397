# throw() and close() propagate through a chain of yield from.
def leaf():
    try:
        yield 'leaf'
        yield 'leaf2'
    except KeyError:
        print('leaf caught KeyError')
        yield 'leaf recovered'
    finally:
        print('leaf finally')
def middle():
    try:
        r = yield from leaf()
        print('middle got', r)
    finally:
        print('middle finally')
def top():
    yield from middle()
    yield 'top end'
t = top()
print(next(t))
print(t.throw(KeyError('k')))
print(next(t))
print(next(t, 'exhausted'))
t2 = top()
next(t2)
t2.close()
print('closed chain')
t3 = top()
next(t3)
try:
    t3.throw(ValueError('unhandled'))
except ValueError as e:
    print('propagated', e)
print(t3.gi_yieldfrom, t3.gi_running)

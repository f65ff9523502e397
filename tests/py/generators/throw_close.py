# throw() and close() on generators.
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('caught in gen', e)
        yield 'recovered'
    finally:
        print('finally')
it = g()
print(next(it))
print(it.throw(ValueError('boom')))
try:
    next(it)
except StopIteration:
    print('stopped')
it = g()
next(it)
it.close()
print('closed', it.gi_frame)
it.close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'no'
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print('RuntimeError', e)
print(next(s, 'stubborn finished'))
def plain():
    yield 1
p = plain()
try:
    p.throw(KeyError('unstarted'))
except KeyError as e:
    print('KeyError', e)
print(list(p))
q = plain()
next(q)
try:
    q.throw(TypeError)
except TypeError as e:
    print('TypeError', repr(e))

# yield from delegates send/throw/close and returns the subgenerator's value.
def inner():
    x = yield 'inner1'
    print('inner got', x)
    try:
        y = yield 'inner2'
    except KeyError as e:
        print('inner caught', e)
        y = 'after throw'
    return f'inner result {y}'
def outer():
    r = yield from inner()
    print('outer got', r)
    yield 'outer done'
o = outer()
print(next(o))
print(o.send('hello'))
print(o.throw(KeyError('k')))
def chain(*its):
    for i in its:
        yield from i
print(list(chain('ab', range(3), [None])))
def deep(n):
    if n:
        yield n
        yield from deep(n - 1)
print(list(deep(5)))
def ret():
    return 7
    yield
def wrapper():
    v = yield from ret()
    yield v
print(list(wrapper()))

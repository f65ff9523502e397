# send() delivers values into a running generator.
def averager():
    total, n = 0, 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            break
        total += x
        n += 1
        avg = total / n
    return ('final', avg)
a = averager()
print(a.send(None))
for v in (10, 20, 60):
    print(a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print('returned', e.value)
g = averager()
try:
    g.send(5)
except TypeError as e:
    print('TypeError', e)
def echo():
    received = yield 'ready'
    while True:
        received = yield f'got {received}'
e = echo()
print(next(e), e.send(1), e.send('two'), next(e))

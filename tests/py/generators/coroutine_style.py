# Generator-based coroutines: a tiny round-robin scheduler without asyncio.
from collections import deque
def task(name, n):
    for i in range(n):
        print(f'{name} step {i}')
        yield
    return f'{name} finished'
def run(tasks):
    q = deque(tasks)
    results = []
    while q:
        t = q.popleft()
        try:
            next(t)
            q.append(t)
        except StopIteration as e:
            results.append(e.value)
    return results
print(run([task('a', 3), task('b', 1), task('c', 2)]))
def grep(pattern):
    found = []
    try:
        while True:
            line = yield
            if pattern in line:
                found.append(line)
    except GeneratorExit:
        print('grep closing, found', found)
        raise
g = grep('py')
next(g)
for line in ['python', 'ruby', 'pypy', 'c']:
    g.send(line)
g.close()

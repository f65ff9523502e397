# finally interacting with break/continue/return in loops and generators.
def f():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append('f%d' % i)
    return out
print(f())
def g():
    try:
        yield 1
        yield 2
    finally:
        print('gen finally')
for x in g():
    print(x)
    break
import gc; gc.collect()
print('after break')
def h():
    try:
        raise ValueError
    except ValueError:
        return 'from except'
    finally:
        print('finally runs')
print(h())
def count():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print('iter', n)
print(count())

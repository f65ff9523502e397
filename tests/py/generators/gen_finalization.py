# An unfinished generator is closed when collected; GeneratorExit runs finally.
import gc
def g(tag):
    try:
        yield 1
        yield 2
    finally:
        print('closing', tag)
x = g('a')
next(x)
del x
gc.collect()
print('after del')
y = g('b')
print(list(y))
z = g('never started')
del z
gc.collect()
print('end')

# contextlib: ContextDecorator, chdir-free ExitStack callbacks and pop_all, suppress inside loops.
import contextlib
class Tracker(contextlib.ContextDecorator):
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, *exc):
        print('exit', exc[0].__name__ if exc[0] else None)
        return False
@Tracker()
def work(x):
    print('working', x)
    return x * 2
print(work(4))
with contextlib.ExitStack() as outer:
    outer.callback(print, 'outer callback')
    with contextlib.ExitStack() as inner:
        inner.callback(print, 'moved callback')
        moved = inner.pop_all()
    print('inner exited without running callbacks')
    outer.enter_context(moved)
print('done')
for x in [1, 0, 2]:
    with contextlib.suppress(ZeroDivisionError):
        print(10 // x)

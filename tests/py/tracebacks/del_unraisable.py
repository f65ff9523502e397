# Exceptions in __del__ go to sys.unraisablehook (the default one prints an address, so a custom one is used).
import gc, sys
def hook(u):
    print('unraisable:', type(u.exc_value).__name__, u.exc_value, getattr(u.object, '__qualname__', None), file=sys.stderr)
sys.unraisablehook = hook
class Bad:
    def __del__(self):
        raise ValueError('from __del__')
b = Bad()
del b
gc.collect()
print('still running')

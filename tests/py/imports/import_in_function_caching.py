# Repeated imports inside functions hit sys.modules; importing from a module attribute path.
import sys
def use():
    import other.mod
    return other.mod.bump()
print(use(), use(), use())
import other
print(hasattr(other, 'mod'), other.mod.counter)
from other import mod as again
print(again is sys.modules['other.mod'])

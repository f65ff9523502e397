# The built-in exception hierarchy.
import builtins
def chain(cls):
    return ' > '.join(c.__name__ for c in cls.__mro__)
names = sorted(n for n, v in vars(builtins).items() if isinstance(v, type) and issubclass(v, BaseException))
for n in names:
    print(chain(getattr(builtins, n)))

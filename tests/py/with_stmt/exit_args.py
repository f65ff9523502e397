# __exit__ receives the exception triple; returning a truthy value swallows it.
class Inspect:
    def __enter__(self): return self
    def __exit__(self, *exc):
        t, v, tb = exc
        print(t, repr(v), type(tb).__name__ if tb else None)
        return 'truthy'
with Inspect():
    pass
with Inspect():
    1 / 0
with Inspect():
    raise SystemExit(5)
print('survived SystemExit')
class NoEnter:
    def __exit__(self, *a): pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class RaisesInExit:
    def __enter__(self): pass
    def __exit__(self, *a):
        raise RuntimeError('from exit')
try:
    with RaisesInExit():
        raise ValueError('original')
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

# Exit order of nested managers and how suppression in an inner manager affects outer ones.
class M:
    def __init__(self, name, swallow=()):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, t, v, tb):
        print('exit', self.name, t and t.__name__)
        return t is not None and issubclass(t, self.swallow)
with M('a'), M('b', KeyError), M('c'):
    raise KeyError('x')
print('continued')
with M('outer', ValueError):
    with M('inner'):
        raise ValueError('y')
print('continued again')
try:
    with M('enter-fails') as m, M('never'):
        pass
except Exception:
    pass
class FailEnter:
    def __enter__(self): raise RuntimeError('enter failed')
    def __exit__(self, *a): print('not called')
try:
    with M('first'), FailEnter():
        print('body not run')
except RuntimeError as e:
    print('RuntimeError', e)

# A class decorator that generates __init__, __repr__ and __eq__ from annotations.
def record(cls):
    fields = list(cls.__annotations__)
    def __init__(self, *args, **kw):
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name in fields[len(args):]:
            setattr(self, name, kw.pop(name, getattr(cls, name, None)))
        if kw:
            raise TypeError(f'unexpected {sorted(kw)}')
    def __repr__(self):
        return f'{cls.__name__}(' + ', '.join(f'{f}={getattr(self, f)!r}' for f in fields) + ')'
    def __eq__(self, other):
        return type(other) is type(self) and all(getattr(self, f) == getattr(other, f) for f in fields)
    cls.__init__, cls.__repr__, cls.__eq__ = __init__, __repr__, __eq__
    cls.__hash__ = None
    return cls
@record
class Point:
    x: int
    y: int = 0
    label: str = 'pt'
print(Point(1), Point(1, 2, label='p'), Point(1) == Point(1, 0), Point(1) == Point(2), Point.__hash__)
try:
    Point(1, z=3)
except TypeError as e:
    print('TypeError', e)

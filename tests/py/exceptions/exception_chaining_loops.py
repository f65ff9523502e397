# Context chaining in loops and nested handlers; the context of a re-raised exception is not self.
def chain(e):
    out = []
    while e:
        out.append(f'{type(e).__name__}({e})')
        e = e.__context__
    return out
try:
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            if i == 2:
                raise KeyError('last')
except KeyError as k:
    print(chain(k))
try:
    try:
        raise TypeError('a')
    except TypeError as e:
        raise e
except TypeError as e:
    print(chain(e), e.__context__ is None)
def cycle():
    try:
        raise ValueError('x')
    except ValueError as first:
        try:
            raise TypeError('y')
        except TypeError as second:
            second.__context__ = None
            first.__context__ = second
            raise first
try:
    cycle()
except ValueError as e:
    print(chain(e))

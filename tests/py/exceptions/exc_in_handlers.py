# Exceptions raised in except/finally chain implicitly; context is preserved.
def chain_repr(e):
    out = []
    while e is not None:
        out.append(repr(e))
        e = e.__cause__ or e.__context__
    return ' <- '.join(out)
try:
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise TypeError(2)
        finally:
            raise KeyError(3)
except KeyError as e:
    print(chain_repr(e))
try:
    try:
        raise ValueError('a')
    finally:
        print('finally with pending exception')
except ValueError as e:
    print('got', e)
def g():
    try:
        1 / 0
    except ZeroDivisionError as e:
        e2 = e
    return e2
err = g()
print(repr(err), err.__context__)
try:
    raise ValueError('x')
except ValueError as e:
    ex = e
    try:
        raise ex
    except ValueError as again:
        print(again is ex, again.__context__)

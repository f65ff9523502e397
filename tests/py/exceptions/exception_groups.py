# ExceptionGroup and except*.
eg = ExceptionGroup('many', [ValueError(1), TypeError(2), ValueError(3), ExceptionGroup('inner', [KeyError(4)])])
print(repr(eg), str(eg), len(eg.exceptions), eg.message)
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError)))))
try:
    raise eg
except* ValueError as g:
    print('ValueError group', repr(g))
except* KeyError as g:
    print('KeyError group', repr(g))
except* TypeError as g:
    print('TypeError group', repr(g))
try:
    try:
        raise ExceptionGroup('eg', [ValueError('a'), OSError('b')])
    except* ValueError:
        print('handled ValueError')
except ExceptionGroup as left:
    print('left over', repr(left))
try:
    raise KeyError('naked')
except* KeyError as g:
    print('wrapped', repr(g))
print(isinstance(BaseExceptionGroup('x', [KeyboardInterrupt()]), ExceptionGroup), type(BaseExceptionGroup('x', [ValueError()])).__name__)
try:
    ExceptionGroup('x', [])
except ValueError as e:
    print('ValueError', e)
try:
    ExceptionGroup('x', [KeyboardInterrupt()])
except TypeError as e:
    print('TypeError', e)

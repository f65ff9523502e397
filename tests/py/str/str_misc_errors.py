# Errors raised by string methods with bad arguments.
one_f = 1.0
tests = [lambda: 'a'.join([1]), lambda: 'abc'.index('z'), lambda: 'x'.center(), lambda: 'x'.split(1),
         lambda: 'x'.replace(1, 'y'), lambda: 'abc'[one_f], lambda: 'x'.zfill('5'), lambda: 'x'.encode('bad-enc'),
         lambda: str(b'x', 'bad-enc'), lambda: 'a'.startswith(1), lambda: '%d' % 'x', lambda: 'x'.strip(5), lambda: ''.expandtabs('a'),
         lambda: 'a' * (1 << 100), lambda: 'abc'.count(None), lambda: 'x'.translate(5)]
for t in tests:
    try:
        print('ok', repr(t()))
    except (TypeError, ValueError, LookupError, OverflowError, IndexError, MemoryError) as e:
        print(type(e).__name__, e)

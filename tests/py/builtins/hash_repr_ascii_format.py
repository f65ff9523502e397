# hash, repr, ascii, format.
print(hash(1) == hash(1.0), hash('abc') == hash('abc'), hash((1, 'a')) == hash((1, 'a')), hash(None) == hash(None))
print(repr('x'), repr(1.0), repr([1, 'a']), repr(None), repr(...), repr(NotImplemented), repr(type), repr(len), repr(int))
print(ascii('héllo'), ascii(['ü', '😀']), ascii('plain'), ascii(b'\xff'), ascii(1))
print(format(3.14159, '.2f'), format(42), format('s', '>4'), format(255, '#x'), format(1e6, ','), format([1, 2]), format(None))
try:
    format([1], 'x')
except TypeError as e:
    print('TypeError', e)
print(repr(object).startswith('<class'), repr(print), repr(abs))

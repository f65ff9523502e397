# Exception args are kept; str() of multi-arg exceptions; exception equality is identity.
for e in (Exception(), Exception('a'), Exception('a', 'b'), Exception(1, [2]), KeyError('a', 'b'), OSError(1), OSError(2, 'x', 'file.txt'), UnicodeError('u')):
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
a, b = ValueError(1), ValueError(1)
print(a == b, a == a, a.args == b.args)
e = ValueError('orig')
e.args = ('changed', 2)
print(e, repr(e))
print(str(OSError(2, 'No such file', 'x.txt')), OSError(2, 'No such file', 'x.txt').filename, type(OSError(13, 'denied')).__name__, type(OSError(2, 'x')).__name__)

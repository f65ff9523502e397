# Exception objects: args, str/repr, custom attributes, notes, with_traceback.
e = ValueError('msg', 2)
print(e.args, str(e), repr(e), str(ValueError()), repr(ValueError()), str(ValueError('one')), repr(KeyError('k')), str(KeyError('k')))
class MyError(Exception):
    def __init__(self, code, text):
        super().__init__(text)
        self.code = code
    def __str__(self):
        return f'[{self.code}] {self.args[0]}'
try:
    raise MyError(404, 'not found')
except MyError as err:
    print(err, repr(err), err.code, err.args, isinstance(err, Exception))
err = OSError(2, 'No such file')
print(err.errno, err.strerror, str(err), type(OSError(2, 'x')).__name__, FileNotFoundError.__mro__[1].__name__)
e = Exception('noted')
e.add_note('first note')
e.add_note('second')
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as x:
    print('TypeError', x)
print(StopIteration(5).value, SystemExit(3).code, KeyError().args, UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad').reason)
print(ZeroDivisionError.__doc__ is not None, BaseException().__traceback__, AttributeError('a', name='n', obj=None).name)
ne = NameError('x', name='foo')
print(ne.name, str(ne))

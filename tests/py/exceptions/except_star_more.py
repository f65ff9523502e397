# except* with nested groups, re-raising, and raising new exceptions inside handlers.
def make():
    return ExceptionGroup('outer', [ValueError('v1'), ExceptionGroup('inner', [TypeError('t1'), ValueError('v2')]), OSError('o')])
try:
    try:
        raise make()
    except* ValueError as g:
        print('values:', repr(g))
    except* TypeError:
        print('types handled')
except ExceptionGroup as rest:
    print('rest:', repr(rest))
try:
    try:
        raise make()
    except* OSError:
        raise
    except* (ValueError, TypeError) as g:
        print('matched', len(g.exceptions))
except ExceptionGroup as rest:
    print('re-raised:', repr(rest))
# (Not tested: a naked exception raised inside an except* handler; CPython 3.11.4 changed
# whether it is wrapped in an ExceptionGroup, so the answer depends on the patch release.)
try:
    compile('try:\n    pass\nexcept* ExceptionGroup:\n    pass\n', '<s>', 'exec')
    print('compiled')
except SyntaxError as e:
    print('SyntaxError', e.msg)
try:
    try:
        raise TypeError('plain')
    except* ExceptionGroup:
        pass
except TypeError as e:
    print('plain passes through?', e)
except ExceptionGroup as eg:
    print('wrapped', repr(eg))
eg = ExceptionGroup('derive', [ValueError(1)])
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + '!', excs)
m, r = MyEG('mine', [ValueError(1), TypeError(2)]).split(ValueError)
print(repr(m), repr(r), type(m).__name__)

# contextlib: contextmanager, suppress, closing, ExitStack, nullcontext, redirect_stdout.
import contextlib, io
@contextlib.contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name
    except ValueError as e:
        print('handled in generator', e)
    finally:
        print(f'</{name}>')
with tag('b') as t:
    print('inside', t)
with tag('err'):
    raise ValueError('x')
with contextlib.suppress(KeyError, IndexError):
    {}['k']
print('suppressed')
class Thing:
    def close(self): print('closed thing')
with contextlib.closing(Thing()):
    print('using thing')
with contextlib.ExitStack() as stack:
    for n in range(3):
        stack.enter_context(tag(f'n{n}'))
    stack.callback(print, 'callback runs first')
with contextlib.nullcontext('value') as v:
    print(v)
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print('captured')
print(repr(buf.getvalue()))

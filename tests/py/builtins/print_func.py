# print with sep, end, file and flush.
import sys, io
print()
print('a', 'b', 'c')
print('a', 'b', sep='')
print('a', 'b', sep=' -> ', end='!\n')
print(1, 2.5, None, True, [1], (2,), {'k': 3}, sep='|')
print('no newline', end='')
print(' continued')
print(*range(5), sep=', ')
print('to stderr', file=sys.stderr)
buf = io.StringIO()
print('into buffer', 42, file=buf, sep=':')
print(repr(buf.getvalue()))
print('flushed', flush=True)
print('x', sep=None, end=None)
print('file none', file=None)
try:
    print('x', sep=5)
except TypeError as e:
    print('TypeError', e)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print('a', 'b', file=w)
print(w.parts)

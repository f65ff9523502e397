# with statement: __enter__/__exit__ order, exception suppression, multiple managers.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None, v)
        return self.suppress
with CM('a') as x:
    print('body', x)
with CM('outer'), CM('inner') as y:
    print('body', y)
with CM('s', suppress=True):
    raise ValueError('suppressed')
print('after suppressed')
try:
    with CM('p'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', e)
with (CM('paren1') as p1,
      CM('paren2') as p2):
    print(p1, p2)
def ret():
    with CM('r'):
        return 'returned'
print(ret())
for i in range(2):
    with CM(f'loop{i}'):
        if i == 0:
            continue
        break

# slice objects and __getitem__ receiving them.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), s.indices(6), slice(None, None, -1).indices(5), slice(-3, None).indices(10))
class Show:
    def __getitem__(self, key):
        return key
x = Show()
print(x[1], x[1:2], x[::3], x[1:2, 3], x[..., 1], x[:, ::-1], x[()], x['a':'b'])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), [0, 1, 2, 3, 4][slice(1, None, 2)], 'abcdef'[slice(-2, None)])
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print('ValueError', e)
try:
    hash(slice(1, 2))
    print('hashable')
except TypeError as e:
    print('TypeError', e)
print(Ellipsis, ..., ... is Ellipsis, type(...).__name__)

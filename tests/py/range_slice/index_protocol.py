# Slicing with objects implementing __index__ and slice.indices with big numbers.
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
data = list(range(10))
print(data[I(2):I(8):I(2)], 'abcdef'[I(-2):], data[I(3)], range(20)[I(5)], (1, 2, 3)[I(1):])
print(slice(10 ** 30).indices(5), slice(-10 ** 30, 10 ** 30).indices(7), slice(None, None, -(10 ** 30)).indices(4))
try:
    data['a':]
except TypeError as e:
    print('TypeError', e)
try:
    data[1.0:2]
except TypeError as e:
    print('TypeError', e)

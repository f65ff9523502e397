# zip, map, filter are lazy iterators.
z = zip([1, 2, 3], 'ab', (True, False, None))
print(z is iter(z), list(z), list(z))
print(list(zip()), list(zip('abc')), list(zip(range(3), range(10), strict=False)))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print('ValueError', e)
m = map(lambda x: x * 10, range(4))
print(next(m), list(m))
print(list(map(pow, [2, 3], [5, 2])), list(map(str.upper, 'ab')), list(map(len, [[], [1], 'xyz'])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, 1, '', 'a', None, [], [0]])))
def noisy(x):
    print('map', x)
    return x
it = map(noisy, [1, 2, 3])
print('created')
print(next(it))
print(list(zip(it, 'xy')))

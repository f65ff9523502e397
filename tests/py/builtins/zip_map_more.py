# zip with many iterables and unequal lengths; map stops at the shortest; enumerate over zip.
a, b, c = [1, 2, 3], 'ab', (True, False, None, 0)
print(list(zip(a, b, c)), list(map(lambda *xs: xs, a, b)), list(enumerate(zip(a, c))))
rows = [(1, 'x'), (2, 'y')]
nums, letters = zip(*rows)
print(nums, letters, dict(zip(letters, nums)), list(zip(*zip(*rows))))
try:
    list(zip('abc', 'ab', strict=True))
except ValueError as e:
    print('ValueError', e)
try:
    list(zip('ab', 'abc', strict=True))
except ValueError as e:
    print('ValueError', e)
it = iter(range(10))
print(list(zip(it, it)))

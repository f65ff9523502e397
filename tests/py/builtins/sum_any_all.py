# sum, any, all.
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([1.5, 2], start=1))
print(sum([True, True, False]), sum((x for x in range(4)), 0.0), sum([1j, 2]))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError', e)
print(any([]), all([]), any([0, '', None]), any([0, 1]), all([1, 'x']), all([1, 0]), any(x > 3 for x in range(5)))
def noisy(v):
    print('checked', v)
    return v
print(any(noisy(v) for v in [0, 2, 3]), all(noisy(v) for v in [1, 0, 5]))

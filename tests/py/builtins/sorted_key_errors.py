# Exceptions raised by key functions and comparisons propagate out of sorted/min/max; the list is left unchanged on error.
data = [3, 1, 'x', 2]
try:
    sorted(data)
except TypeError as e:
    print('TypeError', e)
def key(v):
    if v == 2:
        raise KeyError('bad key')
    return str(v)
try:
    sorted(data, key=key)
except KeyError as e:
    print('KeyError', e)
l = [5, 4, 3]
try:
    l.sort(key=lambda v: 1 / (v - 4))
except ZeroDivisionError as e:
    print('ZeroDivisionError', e, l)
try:
    max([1, 2], key=lambda v: [][v])
except IndexError as e:
    print('IndexError', e)
print(sorted(data, key=str), sorted([[2, 'b'], [1, 'a'], [2, 'a']]), sorted([(1, None), (0, None)]))

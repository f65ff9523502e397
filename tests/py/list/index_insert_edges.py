# list.index with start/stop, insert/pop at edges, negative repetition, del with steps.
a = list('abcabcabc')
print(a.index('b'), a.index('b', 2), a.index('b', -3), a.index('c', 0, 3))
try:
    a.index('a', 1, 3)
except ValueError as e:
    print('ValueError', e)
b = [1, 2, 3]
b.insert(len(b), 4); b.insert(-len(b) - 5, 0); print(b)
print(b.pop(-1), b.pop(-len(b)), b)
print([1, 2] * -1, [1, 2] * 0, [[1]] * 2)
c = list(range(20))
del c[::-4]; print(c)
del c[5:1:-1]; print(c)
c[2:2] = []; print(c)
c[1:10:3] = 'xyz'; print(c)
try:
    [].pop(0)
except IndexError as e:
    print('IndexError', e)
try:
    [1].pop(5)
except IndexError as e:
    print('IndexError', e)

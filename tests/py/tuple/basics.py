# tuple: construction, immutability, hashing, comparison.
t = (1, 'a', 2.5, None, (3, 4))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-1], (), (1,), tuple('ab'), tuple([1, 2]), tuple(range(3)))
print(t.count(1), t.index('a'), 2.5 in t, (1, 2) + (3,), (0,) * 3, (1, 2) < (1, 3), (1, 2) == (1, 2.0), (1,) < (1, 0))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): 'pt'}[(1, 2)])
try:
    t[0] = 2
except TypeError as e:
    print('TypeError', e)
try:
    hash((1, [2]))
except TypeError as e:
    print('TypeError', e)
try:
    t.index('zz')
except ValueError as e:
    print('ValueError', e)
x = ([],)
x[0].append(1)
print(x)
try:
    x[0] += [2]
except TypeError as e:
    print('TypeError', e)
print(x)
print(tuple() == (), type((1)), type((1,)), repr((1,)), repr(((),)))

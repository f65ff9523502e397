# list operators: +, *, +=, *=, comparison, membership, equality, nesting.
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a = a + [4]
print(a, b, a is b)
b *= 2
print(b, [0] * 3, 2 * ['x'], [] * 5, [[]] * 2)
m = [[0] * 2] * 2
m[0][0] = 9
print(m)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [1] == [1.0], [] < [0], [[1]] == [[1]])
print(3 in [1, 2, 3], [3] in [[3]], 'a' not in ['b'])
try:
    [1] + (2,)
except TypeError as e:
    print('TypeError', e)
x = [1]
x += (2, 3)
x += 'ab'
print(x)
r = [1]
r.append(r)
print(r, r == r, len(r))
print(list(), list('abc'), list(range(3)), list({'k': 1}), list((1, 2)), len([None] * 1000))

# Builtins applied to lists.
a = [5, -3, 8, 0, 2]
print(len(a), sum(a), min(a), max(a), sorted(a), list(reversed(a)), any(a), all(a), sum(a, 10))
print(list(enumerate(a, 1)), list(zip(a, 'abcde')), list(map(abs, a)), list(filter(None, a)))
print(a.__len__(), a.__getitem__(1), [].__class__.__name__, isinstance(a, list), list.__name__)
print(sum([[1], [2, 3]], []), max([[1, 2], [1, 3]]), min([], default='empty'))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])), sorted(a, key=abs))

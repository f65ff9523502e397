# iter and next with defaults.
it = iter([1, 2])
print(next(it), next(it), next(it, 'end'), next(it, None))
d = iter({'a': 1, 'b': 2})
print(next(d), list(d))
s = iter('xy')
print(type(s).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter(range(1))).__name__, type(iter({})).__name__)
print(iter(it) is it, list(iter((1, 2, 3))))

# Dict comprehensions and building dicts.
print({x: x * x for x in range(6)})
print({k: v for k, v in zip('abc', 'xyz') if k != 'b'})
words = 'one two three four five six'.split()
by_len = {}
for w in words:
    by_len.setdefault(len(w), []).append(w)
print(by_len)
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
inv = dict(sorted({'b': 2, 'a': 1, 'c': 0}.items(), key=lambda kv: kv[1]))
print(inv)
print(dict(sorted({3: 'c', 1: 'a', 2: 'b'}.items())))

# min/max over generators, strings, dict keys, with ties and keys returning tuples.
print(max(x % 7 for x in range(20)), min('hello world'), max({'a': 3, 'b': 1}), max({'a': 3, 'b': 1}, key={'a': 3, 'b': 1}.get))
words = ['ab', 'cd', 'e', 'fg']
print(max(words, key=len), min(words, key=len), max(words, key=lambda w: (len(w), w)), min(reversed(words), key=len))
print(max([], default=None), max(iter([]), default=-1), min([3], key=lambda x: 1 / 0 if False else x))
print(max(1, 2.5, True), min(-1, -1.0), max('a', 'B'), max([1, 2], [1, 2, 0]))
try:
    max(1, 2, key=None, default=3)
except TypeError as e:
    print('TypeError', e)
print(max(1, 2, key=None))

# sorted, min, max with key and default.
words = ['banana', 'Apple', 'cherry', 'date']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(min(words), max(words), min(words, key=len), max(words, key=lambda w: w[-1]))
print(min(3, 1, 2), max(3, 1, 2), min([], default=None), max((), default='empty'), min([5], default=0))
print(max([1, 3, 3, 2], key=lambda x: x), max([(1, 'a'), (1, 'b')], key=lambda t: t[0]), min('hello'))
for call in (lambda: min([]), lambda: max(), lambda: max(1), lambda: min(1, 2, default=0), lambda: sorted([1, 'a'])):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sorted({3: 'c', 1: 'a'}), sorted('cba'), sorted((2, 1)), sorted(range(5), key=lambda x: -x))

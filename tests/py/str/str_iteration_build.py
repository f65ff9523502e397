# Building strings from pieces; str of containers uses repr of elements.
words = ['alpha', 'beta', 'gamma', 'delta']
print(' '.join(w.capitalize() for w in words))
print(''.join(sorted(set(''.join(words)))))
print([w[::-1] for w in words], {w: len(w) for w in words})
print(str(['a', "b'c", 'd"e', "f'g\"h"]), repr("it's"), repr('say "hi"'), repr('both \' and "'))
print(repr('\\'), repr('tab\there'), repr('nl\n'), repr('bell\a'), repr('\u2603'), repr('\x9f'))
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(max(words, key=len), min(words), sorted(words, key=lambda w: w[-1]))

# itertools functions.
import itertools as it
print(list(it.islice(it.count(5, 3), 4)), list(it.islice(it.cycle('ab'), 5)), list(it.repeat('x', 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(it.chain('ab', [1])), list(it.chain.from_iterable(['xy', 'z'])), list(it.compress('abcd', [1, 0, 1, 0])))
print(list(it.dropwhile(lambda x: x < 3, [1, 4, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.filterfalse(None, [0, 1, 0])))
print([(k, list(g)) for k, g in it.groupby('aaabccaa')], [(k, len(list(g))) for k, g in it.groupby(range(10), key=lambda x: x // 4)])
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.zip_longest('ab', 'xyz', fillvalue='-')), [list(t) for t in it.tee('ab', 2)])
print(list(it.product('ab', repeat=2)), list(it.permutations('abc', 2)), list(it.combinations(range(4), 3)), list(it.combinations_with_replacement('ab', 2)))
print(list(it.pairwise('abcd')), list(it.islice('abcdefg', 1, None, 2)))

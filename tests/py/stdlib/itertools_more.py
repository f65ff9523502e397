# itertools edge cases: empty inputs, zero repeats, tee independence, groupby key reuse.
import itertools as it
print(list(it.product()), list(it.product('ab', repeat=0)), list(it.permutations([])), list(it.combinations('abc', 0)), list(it.combinations('ab', 3)))
print(list(it.repeat(1, 0)), list(it.islice('abc', 0)), list(it.accumulate([])), list(it.chain()), list(it.zip_longest()))
a, b = it.tee(iter(range(5)))
print(next(a), next(a), list(b), list(a))
groups = it.groupby('aabbbc')
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
c = it.count(1.5, 0.5)
print([next(c) for _ in range(4)], list(it.islice(it.count(), 2, 10, 3)))
print(list(it.batched('abcdefg', 3)) if hasattr(it, 'batched') else 'no batched in 3.11')

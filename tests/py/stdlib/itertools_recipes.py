# Recipes combining itertools and functools.
from itertools import islice, chain, groupby, accumulate, product, count
from functools import reduce
import operator
def take(n, it): return list(islice(it, n))
def flatten(xs): return list(chain.from_iterable(xs))
def run_length(s): return [(k, len(list(g))) for k, g in groupby(s)]
print(take(5, count(10, -2)), flatten([[1, 2], [3], []]), run_length('aaabbbcccd'))
print(list(accumulate(range(1, 6), operator.mul)), reduce(operator.or_, [1, 2, 4]), [''.join(p) for p in product('01', repeat=3)])
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(is_p[i * i::i])
    return [i for i, p in enumerate(is_p) if p]
print(sieve(100))

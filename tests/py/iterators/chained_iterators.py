# Deeply chained builtin iterators over a large range stay lazy and correct.
import itertools
it = range(1, 10 ** 9)
it = map(lambda x: x * 3, it)
it = filter(lambda x: x % 2, it)
it = zip(it, itertools.count())
it = enumerate(it)
print(list(itertools.islice(it, 5)))
print(next(itertools.dropwhile(lambda x: x < 10 ** 6, itertools.count(10 ** 6 - 3, 1))))
print(sum(itertools.takewhile(lambda x: x < 1000, (x * x for x in itertools.count()))))

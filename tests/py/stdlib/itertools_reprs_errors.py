# itertools: reprs of count/repeat, islice argument errors, laziness and partial consumption.
import itertools as it
print(repr(it.count()), repr(it.count(2.5)), repr(it.count(1, 2)), repr(it.repeat(1)), repr(it.repeat('a', 2)))
print(list(it.islice(it.count(), 5)), it.chain.__name__, type(it.islice([], 1)).__name__, it.count.__module__)
for args in [(-1,), (1, 'x'), (0, 5, 0), (None, None, -1)]:
    try:
        it.islice([], *args)
    except ValueError as e:
        print('ValueError', e)
x = iter(range(10))
print(list(it.islice(x, 3)), next(x), list(it.islice(x, 1, 5, 3)), next(x))
print(list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate('abc')), list(it.accumulate([], initial=7)))
print(list(it.repeat(None, -3)), len(list(it.repeat(0, 4))), list(zip(it.count(), 'ab')))
print(list(it.zip_longest([1], [2, 3], [4, 5, 6])), list(it.starmap(divmod, [(7, 2), (9, 4)])))
t1, t2 = it.tee(it.count())
print([next(t1) for _ in range(3)], [next(t2) for _ in range(2)], it.tee([], 0))
g = it.groupby([1, 1, 2, 3, 3, 3], key=lambda v: v % 2)
print([(k, list(v)) for k, v in g])
print(list(it.product([1, 2], 'ab')), list(it.permutations(range(3))), list(it.combinations_with_replacement([], 0)))
print(list(it.compress(range(5), [1, 0, 1])), list(it.dropwhile(bool, [1, 0, 2])), list(it.filterfalse(lambda v: v > 1, [0, 1, 2, 3])))
print(next(it.cycle([])) if False else list(it.cycle([])), list(it.islice(it.cycle(it.chain('a', 'b')), 5)))

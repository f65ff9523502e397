# Differences between lists and iterators: reuse, len, indexing, truthiness.
gen = (x for x in range(3))
lst = [x for x in range(3)]
print(bool(gen), bool(iter([])), len(lst), sum(gen), sum(gen), sum(lst), sum(lst))
for obj in (gen, map(str, [1]), zip(), filter(None, []), enumerate([]), reversed([]), iter(range(0))):
    try:
        len(obj)
    except TypeError as e:
        print(type(obj).__name__, 'TypeError', e)
try:
    empty_gen = (x for x in [])
    empty_gen[0]
except TypeError as e:
    print('TypeError', e)

# Set comprehensions, set from generators with duplicates, and updating sets of tuples.
pairs = {(a, b) for a in range(4) for b in range(4) if a < b}
print(sorted(pairs), len(pairs))
evens = {x for x in range(20) if not x % 2}
evens -= {x for x in evens if x % 4 == 0}
print(sorted(evens))
seen = set()
dups = [x for x in [3, 1, 3, 2, 1, 5] if x in seen or seen.add(x)]
print(dups, sorted(seen))
words = ['Apple', 'apple', 'APPLE', 'Banana']
print(sorted({w.lower() for w in words}), len({w.casefold() for w in words}))
print({1, 2, 3} == set(range(1, 4)), set() == frozenset(), {()} | {(1,)} == {(), (1,)}, len({0, 0.0, False, -0.0}))

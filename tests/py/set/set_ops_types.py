# Set operators need sets; methods accept any iterable; comparisons are subset tests.
s = {1, 2, 3}
print(s.union([4]), s.intersection('ab'), s.issubset([1, 2, 3, 4]), s == frozenset([1, 2, 3]), s < {1, 2, 3, 4}, s > {1})
try:
    s | [4]
except TypeError as e:
    print('TypeError', e)
try:
    s < [1]
except TypeError as e:
    print('TypeError', e)
print({1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1} < {2}, {1} > {2}, sorted([{1, 2}, {1}, {3}], key=len))
print(set.__name__, type(s - s).__name__, {1: 0}.keys() | {2}, sorted({'b', 'a'} | {'c'}))
s2 = {1, 2}
for x in list(s2):
    s2.add(x + 10)
print(sorted(s2))
try:
    for x in s2:
        s2.add(x * 100)
except RuntimeError as e:
    print('RuntimeError', e)

# Keys mutated during iteration; popitem is LIFO; changing values is allowed while iterating.
d = {i: i for i in range(5)}
for k in d:
    d[k] = k * 10
print(d)
print([d.popitem() for _ in range(3)], d)
d = {1: 1}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print('RuntimeError', e)
d = {'a': 1, 'b': 2}
for k in list(d):
    if k == 'a':
        del d[k]
print(d)
class Evil:
    def __hash__(self): return 1
    def __eq__(self, other):
        victim.clear()
        return False
victim = {Evil(): 1}
print(Evil() in victim, len(victim))

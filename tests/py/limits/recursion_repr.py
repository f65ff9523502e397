# Recursive containers print with [...] / {...}; deeply nested reprs hit RecursionError.
a = [1]
a.append(a)
d = {'self': None}
d['self'] = d
print(a, d, repr(a) == '[1, [...]]')
nested = []
for _ in range(100000):
    nested = [nested]
try:
    repr(nested)
except RecursionError:
    print('RecursionError in repr')
t = ()
for _ in range(100000):
    t = (t,)
try:
    hash(t) if False else str(t)
except RecursionError:
    print('RecursionError in str')

# Traceback with carets under a sub-expression spanning a call in a larger expression.
def get(d, *keys):
    for k in keys:
        d = d[k]
    return d
data = {'a': {'b': [1, 2, 3]}}
print(get(data, 'a', 'b'))
total = get(data, 'a', 'b')[0] + get(data, 'a', 'c')[0]

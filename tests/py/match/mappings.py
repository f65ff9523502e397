# Mapping patterns with **rest, and matching required keys only.
def m(x):
    match x:
        case {'type': 'point', 'x': x0, 'y': y0}:
            return f'point {x0},{y0}'
        case {'type': 'circle', 'r': r, **rest}:
            return f'circle r={r} extra={sorted(rest.items())}'
        case {'type': t}:
            return f'unknown type {t}'
        case {}:
            return 'some mapping'
    return 'not a mapping'
for v in ({'type': 'point', 'x': 1, 'y': 2, 'z': 3}, {'type': 'circle', 'r': 5, 'color': 'red'}, {'type': 'blob'}, {}, {'a': 1}, [('type', 'point')]):
    print(m(v))
from collections import defaultdict
dd = defaultdict(int, {'type': 'point', 'x': 0, 'y': 0})
print(m(dd), dict(dd))

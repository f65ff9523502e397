# Floats inside containers use repr; str.format and print use str (identical since 3.2).
vals = [0.1, 1e-5, 1e16, 1.0, -0.0, float('inf'), 2.5e-300]
print(vals, tuple(vals[:3]), {1.5: 0.25}, {0.5}, [[1.1, [2.2]]])
print(*vals)
print(str(vals) == repr(vals), [str(v) == repr(v) for v in vals])
import json
print(json.dumps(vals[:5]), '%r %s' % (0.1, 0.1), f'{0.1!r} {0.1}')

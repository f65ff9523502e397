# collections.deque (maxlen, rotation, errors, mutation during iteration) and defaultdict.
from collections import deque, defaultdict
d = deque([1, 2, 3], maxlen=4); d.append(4); d.append(5); d.appendleft(0); d.rotate(2)
print(d, d.maxlen, len(d), d[1], d[-1], d.index(4), 3 in d, list(reversed(d)), d.count(0))
d = deque('abc'); d.extendleft('xy'); print(d, d.pop(), d.popleft(), d * 2, d + deque('q'), deque() == deque(), repr(deque()))
d.rotate(-1); d.insert(1, 'i'); d.remove('i'); d.reverse(); print(d, d.copy(), deque([1, 2]) < deque([1, 3]), bool(deque()))
for f in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1]).remove(2),
          lambda: deque([1]).index(2), lambda: deque(maxlen=-1), lambda: deque([1], maxlen=1).insert(0, 2)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
d = deque([1, 2])
try:
    for x in d:
        d.append(3)
except RuntimeError as e:
    print(e)
d = deque(range(5), maxlen=3); d.extend([7, 8]); d.extendleft([0]); print(d, deque([1, 2], 0))
x = defaultdict(list); x['a'].append(1)
print(x, x.copy(), defaultdict(None, {'a': 1}), x['b'], dict(x), x.default_factory)
c = defaultdict(int)
for ch in 'hello':
    c[ch] += 1
print(sorted(c.items()), isinstance(c, dict), type(c).__name__, c.get('zz'), 'zz' in c)
try:
    defaultdict()['k']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(1)
except TypeError as e:
    print('TypeError', e)
print(deque[int], defaultdict(int, a=1) | {'b': 2})

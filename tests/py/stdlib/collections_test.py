# collections: deque, Counter arithmetic, OrderedDict equality, UserDict.
from collections import deque, Counter, OrderedDict, UserDict, UserList
d = deque([1, 2, 3], maxlen=5)
d.appendleft(0); d.append(4); d.append(5)
print(d, d.popleft(), d.pop(), d, d.maxlen)
d.rotate(2); print(d)
d.rotate(-1); print(d, d[0], d[-1], 3 in d, d.count(3), d.index(3))
d.extendleft('ab'); print(d)
c = Counter(a=3, b=1)
c.update('aab')
print(c, c.total(), c & Counter(a=2), c | Counter(c=5), +Counter(a=-1, b=2), c.most_common(1))
c.subtract({'a': 10}); print(c)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
class Lower(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
u = Lower()
u['KEY'] = 1
print(u, u.data, 'key' in u)
ul = UserList([3, 1])
ul.sort(); print(ul, type(ul + [5]).__name__)

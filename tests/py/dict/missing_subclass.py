# dict subclasses: __missing__, overridden methods, defaultdict, Counter, OrderedDict.
class Default(dict):
    def __missing__(self, key):
        return key.upper()
d = Default(a='x')
print(d['a'], d['b'], d.get('b'), 'b' in d, d)
from collections import defaultdict, Counter, OrderedDict, ChainMap
dd = defaultdict(list)
for w in 'apple avocado banana cherry blueberry'.split():
    dd[w[0]].append(w)
print(dict(dd), dd['z'], len(dd), defaultdict(int, a=1))
c = Counter('abracadabra')
print(c.most_common(3), c['a'], c['z'], sorted(c.elements())[:6], c + Counter('aaz'), c - Counter('abc'))
od = OrderedDict.fromkeys('xyz')
od.move_to_end('x')
print(list(od), od.popitem(last=False), od)
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], sorted(cm), cm.maps[1])

# **kwargs preserve call-site order; keyword names may be any str via **.
def f(**kw):
    return list(kw.items())
print(f(b=1, a=2, c=3), f(**{'z': 1, 'y': 2}, x=3), f(**{'not an identifier': 1, '1': 2}))
def g(a, **kw):
    return a, kw
print(g(a=1, b=2), g(1, **{'a_': 2}))
try:
    g(1, **{'a': 2})
except TypeError as e:
    print('TypeError', e)
try:
    f(**{1: 2})
except TypeError as e:
    print('TypeError', e)
from collections import OrderedDict
print(f(**OrderedDict([('q', 1), ('p', 2)])))
class M:
    def keys(self): return ['k1', 'k2']
    def __getitem__(self, k): return k.upper()
print(f(**M()))

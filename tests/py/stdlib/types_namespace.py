# types.SimpleNamespace, MappingProxyType, MethodType, FunctionType.
import types
ns = types.SimpleNamespace(a=1, b='two')
ns.c = [3]
print(ns, ns.a, vars(ns), ns == types.SimpleNamespace(a=1, b='two', c=[3]))
mp = types.MappingProxyType({'k': 'v'})
print(mp['k'], len(mp), list(mp.items()), 'k' in mp)
try:
    mp['k'] = 'new'
except TypeError as e:
    print('TypeError', e)
class C:
    x = 5
def method(self):
    return self.x * 2
c = C()
c.double = types.MethodType(method, c)
print(c.double(), type(C.__dict__).__name__)
def template(a):
    return a + offset
f = types.FunctionType(template.__code__, {'offset': 100}, 'made')
print(f(1), f.__name__)
print(isinstance(len, types.BuiltinFunctionType), isinstance(template, types.FunctionType), type(types.SimpleNamespace).__name__)

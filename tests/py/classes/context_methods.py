# Special methods are looked up on the type, not the instance.
class C:
    def __len__(self): return 1
c = C()
c.__len__ = lambda: 99
print(len(c), c.__len__())
class D:
    pass
d = D()
d.__add__ = lambda o: 'instance add'
try:
    d + 1
except TypeError as e:
    print('TypeError', e)
D.__add__ = lambda self, o: 'class add'
print(d + 1)
class G:
    def __getattr__(self, n):
        return lambda *a: 'getattr ' + n
g = G()
print(g.__len__())
try:
    len(g)
except TypeError as e:
    print('TypeError', e)

"""doc"""
import os.path as p, sys
from . import x
x = 1 + 2
def f(a, b=2, *args, c, d=4, **kw) -> int:
    "fdoc"
    y = a + b
    def g():
        return y
    for i in range(10):
        if i % 2: continue
        try:
            print(i)
        except ValueError as e:
            break
        finally:
            pass
    with open(a) as fp, open(b):
        return [q for q in fp if q]
class C(object, metaclass=type):
    z: int = 3
    def m(self): return super().m()
while x < 3:
    x += 1
else:
    pass
print(f"{x!r:>{10}}", x if x else -x, *sys.argv, sep='')

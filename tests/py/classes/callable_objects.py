# __call__, bound method behaviour, methods stored on instances and classes.
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x): return x + self.n
add5 = Adder(5)
print(add5(10), list(map(add5, [1, 2])), callable(add5))
class Holder:
    pass
h = Holder()
h.f = lambda x: x * 2
print(h.f(4))
def free(self, y): return ('free', y)
Holder.g = free
print(h.g(1))
class WithStatic:
    f = staticmethod(lambda: 'static')
    g = len
print(WithStatic().f(), WithStatic().g('abc'))
class Counter:
    calls = 0
    def __call__(self):
        type(self).calls += 1
        return self
c = Counter()
c()()()
print(Counter.calls)

# Properties and descriptors through inheritance and overriding with plain attributes.
class Base:
    @property
    def value(self):
        return 'base property'
    @property
    def computed(self):
        return self.raw * 2
class Child(Base):
    value = 'plain class attribute'
    raw = 21
class Child2(Base):
    @property
    def value(self):
        return 'child property / ' + super().value
print(Child().value, Child().computed, Child2().value)
c = Child()
c.value = 'instance'
print(c.value)
try:
    Child2().value = 1
except AttributeError as e:
    print('AttributeError', e)
class Cached:
    def __init__(self): self.calls = 0
    from functools import cached_property
    @cached_property
    def expensive(self):
        self.calls += 1
        return 'computed'
x = Cached()
print(x.expensive, x.expensive, x.calls, 'expensive' in vars(x))
del x.expensive
print(x.expensive, x.calls)

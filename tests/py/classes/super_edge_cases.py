# super() with properties, class attributes, __getattr__ not consulted, and super in staticmethods errors.
class Base:
    x = 'base x'
    @property
    def p(self): return 'base property'
    def __getattr__(self, name): return 'Base.__getattr__ ' + name
class Child(Base):
    x = 'child x'
    @property
    def p(self): return 'child / ' + super().p
    def get_x(self): return super().x
    def missing(self):
        try:
            return super().nonexistent
        except AttributeError as e:
            return 'AttributeError ' + str(e)
c = Child()
print(c.p, c.get_x(), c.missing(), c.nonexistent)
class S:
    @staticmethod
    def f():
        return super().__repr__()
try:
    S.f()
except RuntimeError as e:
    print('RuntimeError', e)
print(super(Child, Child).get_x if hasattr(super(Child, Child), 'get_x') else 'no get_x on Base', super(Child, c).x)
try:
    super(int, 'str')
except TypeError as e:
    print('TypeError', e)

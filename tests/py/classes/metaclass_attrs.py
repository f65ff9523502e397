# Attributes and methods defined on a metaclass are visible on classes, not instances.
class Meta(type):
    registry = []
    def describe(cls):
        return f'class {cls.__name__} with {sorted(k for k in cls.__dict__ if not k.startswith("__"))}'
    @property
    def upper_name(cls):
        return cls.__name__.upper()
    def __len__(cls):
        return 7
    def __getitem__(cls, k):
        return f'{cls.__name__}[{k}]'
    def __iter__(cls):
        return iter(range(3))
    def __repr__(cls):
        return f'<Meta class {cls.__name__}>'
class Thing(metaclass=Meta):
    a = 1
    def m(self): pass
print(Thing.describe(), Thing.upper_name, len(Thing), Thing['x'], list(Thing), repr(Thing), Thing)
print(hasattr(Thing(), 'describe'), hasattr(Thing, 'registry'), hasattr(Thing(), 'registry'))
class Counted(type):
    count = 0
    def __call__(cls, *a, **k):
        Counted.count += 1
        return super().__call__(*a, **k)
class X(metaclass=Counted): pass
X(); X(); X()
print(Counted.count)

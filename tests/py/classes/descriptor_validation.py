# Reusable validating descriptors with __set_name__ and error messages.
class Validated:
    def __set_name__(self, owner, name):
        self.public, self.private = name, '_' + name
    def __get__(self, obj, cls=None):
        return self if obj is None else getattr(obj, self.private)
    def __set__(self, obj, value):
        self.validate(value)
        setattr(obj, self.private, value)
class Positive(Validated):
    def validate(self, v):
        if not isinstance(v, (int, float)) or v <= 0:
            raise ValueError(f'{self.public} must be positive, got {v!r}')
class OneOf(Validated):
    def __init__(self, *options): self.options = options
    def validate(self, v):
        if v not in self.options:
            raise ValueError(f'{self.public} must be one of {self.options}, got {v!r}')
class Order:
    qty = Positive()
    price = Positive()
    kind = OneOf('buy', 'sell')
    def __init__(self, kind, qty, price):
        self.kind, self.qty, self.price = kind, qty, price
o = Order('buy', 3, 9.5)
print(o.kind, o.qty, o.price, vars(o), type(Order.qty).__name__)
for args in (('hold', 1, 1), ('sell', 0, 1), ('sell', 1, '2')):
    try:
        Order(*args)
    except ValueError as e:
        print('ValueError', e)

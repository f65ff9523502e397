# abc: abstract methods block instantiation; virtual subclasses.
from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
try:
    Shape()
except TypeError as e:
    print('TypeError', e)
class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    @property
    def name(self): return 'square'
print(Square(3).area(), Square(3).name, isinstance(Square(1), Shape))
class Half(Shape):
    def area(self): return 0
try:
    Half()
except TypeError as e:
    print('TypeError', e)
class Duck: pass
Shape.register(Duck)
print(isinstance(Duck(), Shape), issubclass(Duck, Shape))
from collections.abc import Iterable, Sized, Mapping, Callable, Hashable
print(isinstance([], Iterable), isinstance(3, Iterable), isinstance({}, Mapping), isinstance(len, Callable), isinstance([], Hashable))
class HasLen:
    def __len__(self): return 0
print(isinstance(HasLen(), Sized))

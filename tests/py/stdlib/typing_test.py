# typing constructs at run time.
from typing import List, Dict, Optional, Union, Callable, TypeVar, Generic, NamedTuple, TypedDict, Any, Literal, Protocol, get_type_hints, cast, overload
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
    def get(self) -> T: return self.v
print(Box[int](5).get(), Box.__parameters__, Optional[int], Union[int, str], List[int], Dict[str, List[int]], Callable[[int], str])
class NT(NamedTuple):
    a: int
    b: str = 'x'
print(NT(1), NT._fields, NT(1, 'y')._asdict())
class TD(TypedDict):
    k: int
print(TD(k=1), Literal['a', 'b'], cast(int, 'not checked'), Any)
def f(a: int, b: 'Optional[str]' = None) -> List[int]: return [a]
print(get_type_hints(f))
class Proto(Protocol):
    def meth(self) -> int: ...
print(Proto.__name__, Union[int, None] == Optional[int], int | None == Optional[int])

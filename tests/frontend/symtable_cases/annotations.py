a: int
b: "str" = "x"
(c): int = 1
obj.attr: int = 2
lst[0]: int = 3

class C:
    x: int
    y: list[int] = []
    z: "C"

def f(p: int, *args: str, q: float = 1.0, **kw: bytes) -> None:
    local: int
    other: int = 1
    (paren): int = 2
    return local

# Variable and function annotations are stored but not enforced.
x: int = 5
y: list[str]
def f(a: int, b: 'B' = None, *args: str, k: float = 1.0, **kw: dict) -> tuple:
    return a
print(__annotations__, f.__annotations__, f('not an int'))
class C:
    field: int = 3
    other: str
print(C.__annotations__, C.field, hasattr(C, 'other'))
try:
    y
except NameError as e:
    print('NameError', e)
def g():
    z: int
    return 'local annotation only'
print(g())

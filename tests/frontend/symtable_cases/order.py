try:
    f1 = lambda: 1
except Exception:
    f2 = lambda: 2
else:
    f3 = lambda: 3
finally:
    f4 = lambda: 4

dc = {(lambda: "key"): (lambda: "value") for _ in range(1)}

@(lambda fn: fn)
def decorated(a=lambda: "default", *, k=lambda: "kwdefault") -> (lambda: "ret"):
    pass

@(lambda c: c)
class Decorated((lambda: object)(), metaclass=(lambda: type)()):
    pass

def f(a, b=1, /, c=2, *args, d, e=3, **kwargs):
    return a, b, c, args, d, e, kwargs

def g(*, k): return k

def h(x=lambda y=0: y, *, z=lambda: 1): pass

lam = lambda p, /, q, *r, s, **t: (p, q, r, s, t)

def defaults(a=[i for i in range(3)], b={j: j for j in range(2)}): pass

@decorator(lambda: 1)
def decorated(arg=lambda: 2) -> (lambda: 3):
    pass

f = lambda: 0
f = lambda a, b=1, *args, c, d=2, **kw: (a, b, args, c, d, kw)
f = lambda a, /, b, *, c: a
f = lambda *, k=lambda: 1: k
f = lambda x=(lambda y=[]: y): x
f = lambda *a: a
f = lambda **k: k
f = lambda a=1, /, b=2: a + b
f = (lambda: (yield))
g = [lambda i=i: i for i in range(3)]
h = lambda: lambda: lambda: None

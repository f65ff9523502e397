# TypeError messages for bad calls.
def f(a, b, c=1): pass
def g(*, k): pass
five, text = 5, 'abc'
calls = [lambda: f(), lambda: f(1), lambda: f(1, 2, 3, 4), lambda: f(1, 2, d=3), lambda: f(1, 2, a=1),
         lambda: g(), lambda: g(1), lambda: g(k=1, j=2), lambda: five(), lambda: text(), lambda: len(), lambda: len(1, 2),
         lambda: int(x=1), lambda: f(*5), lambda: f(**5)]
for c in calls:
    try:
        c()
        print('no error')
    except TypeError as e:
        print(e)

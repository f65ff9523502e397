[(a := i) for i in range(3)]
def f():
    [(b := i) for i in range(3)]
    return b

def g():
    global c
    [(c := i) for i in range(3)]

def h():
    [[(d := j) for j in range(i)] for i in range(3)]
    {(e := k): (lambda: e) for k in range(2)}
    return d

def k(items):
    if any((found := x) > 2 for x in items):
        return found
    lst = [y for y in items if (z := y)]
    return lst, (w := 4), w, z

class C:
    def m(self):
        [(__private := i) for i in range(3)]

# Default values and annotations are evaluated at def time, in order; keyword defaults too.
order = []
def note(x):
    order.append(x)
    return x
def f(a=note('a'), *, k=note('k'), b: note('ann') = note('b')) -> note('ret'):
    return a, k, b
print(order, f(), f.__kwdefaults__, f.__defaults__)
def outer():
    def inner(x=note('inner default')):
        return x
    return inner
order.clear()
i1, i2 = outer(), outer()
print(order, i1(), i2 is not i1)

# Generator expressions in class bodies and nested scopes; late binding of free variables.
class C:
    items = [1, 2, 3]
    total = sum(x for x in items)
    try:
        scaled = list(x * len(items) for x in items)
    except NameError as e:
        scaled = 'NameError: ' + str(e)
print(C.total, C.scaled)
def f():
    k = 1
    g = (x * k for x in range(3))
    k = 10
    return list(g)
print(f())
gens = [(lambda n: (i * n for i in range(3)))(n) for n in (1, 2)]
print([list(g) for g in gens])

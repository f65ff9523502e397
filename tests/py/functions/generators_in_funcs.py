# Function-local generator expressions capture their first iterable eagerly.
def f():
    xs = [1, 2, 3]
    g = (x * 2 for x in xs)
    xs = [10]
    return list(g)
print(f())
def h():
    n = 5
    g = (i for i in range(n) if i < n)
    n = 2
    return list(g)
print(h())

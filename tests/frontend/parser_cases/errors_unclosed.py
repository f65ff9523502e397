x = [1, 2,
y = 3
def f():
    pass

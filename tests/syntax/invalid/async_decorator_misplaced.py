async @d
def f():
    pass

@d(
def f():
    pass

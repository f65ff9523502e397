def g():
    x = 0
    def f():
        nonlocal x
        x: int

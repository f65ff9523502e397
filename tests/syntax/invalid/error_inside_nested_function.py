def f():
    def g():
        return (1 2)

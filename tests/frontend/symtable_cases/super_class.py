class A:
    def f(self):
        return super().f()

    def g(self):
        return __class__

    def h(self):
        def inner():
            return super()
        return inner

    class B:
        def f(self):
            return lambda: super().f()

    def k(self):
        __class__ = 1
        def inner():
            return __class__
        return inner

    __class__ = 3

def plain():
    return super()

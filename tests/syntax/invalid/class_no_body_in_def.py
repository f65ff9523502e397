def f():
    class C:
    pass

@foo def f():
    pass

def f():
    yield if

def f():
    print 'hello', name

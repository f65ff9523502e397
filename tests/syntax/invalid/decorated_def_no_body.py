@d
def f():
return 1

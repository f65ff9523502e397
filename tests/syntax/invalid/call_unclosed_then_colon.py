f(a:

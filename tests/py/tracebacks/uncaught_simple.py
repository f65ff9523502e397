# An uncaught exception prints a traceback to stderr and exits with status 1.
print('before')
def f(x):
    return g(x) * 2
def g(x):
    return 10 / x
print(f(5))
print(f(0))
print('never')

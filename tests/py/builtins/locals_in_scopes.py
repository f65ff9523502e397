# locals() in functions, comprehensions, class bodies and with exec modifications.
def f(a):
    b = a * 2
    snapshot = locals()
    c = 3
    return sorted(snapshot), sorted(locals())
print(f(1))
def g():
    x = 1
    return [sorted(locals()) for y in range(1)]
print(g())
class K:
    p = 1
    keys = sorted(k for k in locals() if not k.startswith('_'))
print(K.keys)
def h():
    exec('z = 5')
    return locals().get('z')
print(h())
ns = {}
exec('def inner():\n    return sorted(locals())\nresult = inner()', ns)
print(ns['result'])

# KeyError shows the repr of its key; the traceback marks the subscript.
class Obj:
    value = 1
o = Obj()
print(o.value)
d = {'alpha': 1}
print(d['alpha'])
d[('tuple', 'key')]

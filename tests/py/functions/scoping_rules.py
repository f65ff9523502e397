# LEGB scoping, class scope not visible from methods, builtins shadowing.
x = 'global'
def f():
    x = 'enclosing'
    def g():
        return x
    return g()
class C:
    x = 'class'
    def m(self):
        return x
    y = [x for _ in range(1)]
print(f(), C().m(), C.y, C.x)
def uses_len():
    len = lambda s: 'shadowed'
    return len('abc')
print(uses_len(), len('abc'))
import builtins
builtins.my_builtin = 'from builtins'
print(my_builtin)
del builtins.my_builtin
try:
    my_builtin
except NameError as e:
    print('NameError', e)
def del_local():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return 'UnboundLocalError ' + str(e)
print(del_local())

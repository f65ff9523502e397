# Imports inside functions and conditionals; deleting imported names.
def lazy():
    import math as m
    return m.floor(2.7)
print(lazy(), 'm' in globals())
if True:
    from os import path as p
else:
    p = None
print(p.basename('/x/y.py'))
del p
try:
    p
except NameError as e:
    print('NameError', e)
try:
    from math import *
    print(floor(1.5), 'star import at module level works')
except SyntaxError:
    pass
try:
    compile('def f():\n    from math import *\n', '<s>', 'exec')
except SyntaxError as e:
    print('SyntaxError', e.msg)

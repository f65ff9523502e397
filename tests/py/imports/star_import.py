# from module import * honours __all__ and skips underscore names.
from pkg import *
print(greet('star'), VALUE, helper_func())
try:
    _private
except NameError as e:
    print('NameError', e)
from pkg.core import *
print(sorted(n for n in dir() if not n.startswith('__')))

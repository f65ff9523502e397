# A package whose __init__ runs once and re-exports names.
print('pkg/__init__ running, __name__ =', __name__)
from .core import greet, VALUE
from . import sub
__all__ = ['greet', 'VALUE', 'helper_func']
def helper_func():
    return 'helper from pkg'
_private = 'hidden from star import'

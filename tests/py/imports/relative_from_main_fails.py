# A relative import in the __main__ script fails: it has no parent package.
try:
    from . import _helper
except ImportError as e:
    print('ImportError', e)
try:
    from .pkg import core
except ImportError as e:
    print('ImportError', e)
print(__package__, __spec__)

# ImportError and ModuleNotFoundError; a failing module is not left in sys.modules.
import sys
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e, e.name)
try:
    from pkg import does_not_exist
except ImportError as e:
    print('ImportError', e)
try:
    import pkg.nothing_here
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
try:
    import other.broken
except ValueError as e:
    print('ValueError', e)
print('other.broken' in sys.modules, 'other' in sys.modules)
print(issubclass(ModuleNotFoundError, ImportError))

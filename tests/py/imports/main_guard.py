# __name__ is '__main__' for the script and the module name for imports.
import _helper
import other.mod
print(__name__, _helper.__name__, other.mod.__name__, _helper.double(21))
if __name__ == '__main__':
    print('running as main')
import sys
print(sys.modules['__main__'].__name__, sys.modules['__main__'] is sys.modules[__name__], __file__.endswith('main_guard.py'))
print(__package__, __spec__)

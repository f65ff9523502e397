# The __main__ module: __file__, __builtins__, __loader__, sys.path[0] is the script's directory.
import sys, os
main = sys.modules['__main__']
print(main.__name__, os.path.basename(main.__file__), os.path.basename(sys.path[0]), sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
print(__doc__ is None, type(__builtins__).__name__, __loader__ is not None)
print(os.path.basename(os.getcwd()), sys.argv[0])

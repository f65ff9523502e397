# Namespace packages (directories without __init__.py) through sys.path.
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'nsroot'))
import nspkg.mod
print(nspkg.mod.where, nspkg.__file__, type(nspkg.__path__).__name__)

# Importing a package, submodules, relative imports inside it.
import pkg
print(pkg.greet('you'), pkg.VALUE, pkg.sub.leaf_value, pkg.sub.parent_value)
import pkg.sub.leaf as leaf
print(leaf.where(), leaf.leaf_value)
from pkg.core import greet as g2
print(g2 is pkg.greet, pkg.__name__, pkg.__package__, pkg.sub.__package__, pkg.core.__name__)
import pkg
print('second import does not rerun')
print(type(pkg).__name__, pkg.__file__.endswith('pkg/__init__.py'), pkg.__path__[0].endswith('pkg'), hasattr(pkg.core, '__path__'))

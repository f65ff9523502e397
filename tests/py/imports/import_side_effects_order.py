# Import order of a package and its submodules, printed by the modules themselves.
import sys
print('before', 'pkg' in sys.modules)
from pkg.sub import leaf
print('after', sorted(m for m in sys.modules if m == 'pkg' or m.startswith('pkg.')))
print(leaf.where())
import pkg.sub.leaf
print(pkg.sub.leaf is leaf, pkg.sub.leaf_value)

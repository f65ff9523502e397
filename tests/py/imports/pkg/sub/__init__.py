print('pkg.sub running')
from .leaf import leaf_value
from ..core import VALUE as parent_value

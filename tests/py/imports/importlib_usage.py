# importlib.import_module and __import__.
import importlib
m = importlib.import_module('pkg.core')
print(m.VALUE, m.__name__)
rel = importlib.import_module('.leaf', 'pkg.sub')
print(rel.leaf_value)
top = __import__('pkg.sub.leaf')
print(top.__name__, top.sub.leaf.leaf_value)
leaf = __import__('pkg.sub.leaf', fromlist=['leaf_value'])
print(leaf.__name__)
import math, json as j, collections.abc
print(math.__name__, j.__name__, collections.abc.__name__)

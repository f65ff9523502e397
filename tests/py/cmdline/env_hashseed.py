# hash-dependent
# The runner sets PYTHONHASHSEED=0, so str hashes are reproducible.
import os, sys
print(os.environ.get('PYTHONHASHSEED'), sys.flags.hash_randomization)
print(hash('abc'), hash(b'abc'), hash(('a', 1)))
print({'pear', 'apple', 'fig', 'kiwi'} == {'fig', 'kiwi', 'pear', 'apple'})

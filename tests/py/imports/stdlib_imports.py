# Importing pure-Python and basic standard-library modules.
import collections, dataclasses, enum, functools, itertools, json, operator, re, string, textwrap, typing, abc, contextlib, copy, heapq, bisect, fractions, decimal, statistics, types, keyword, numbers, random, struct, array, io, os.path, pprint
print(sorted(m.__name__ for m in (collections, dataclasses, enum, functools, itertools, json, operator, re, string, textwrap, typing, abc, contextlib, copy, heapq, bisect, fractions, decimal, statistics, types, keyword, numbers, random, struct, array, io, pprint)))
print(os.path.join('a', 'b'), os.path.splitext('x.tar.gz'), os.path.basename('/p/q.py'), keyword.iskeyword('match'), keyword.issoftkeyword('match'))

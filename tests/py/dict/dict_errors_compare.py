# dict ordering comparisons are errors; unhashable lookups; | with non-dicts.
try:
    {} < {}
except TypeError as e:
    print('TypeError', e)
try:
    {}.get([])
except TypeError as e:
    print('TypeError', e)
try:
    {} | [('a', 1)]
except TypeError as e:
    print('TypeError', e)
d = {'a': 1}
d |= [('b', 2)]
print(d, {1: 'a'} == {1.0: 'a'}, {'a': 1, 'b': 2} == {'b': 2, 'a': 1}, list({'a': 1, 'b': 2}) == list({'b': 2, 'a': 1}))
try:
    dict([1, 2])
except TypeError as e:
    print('TypeError', e)
try:
    dict(a=1)['b']
except KeyError as e:
    print('KeyError', e)
print(dict.__name__, {}.__class__ is dict, type({}.keys()).__name__, type({}.items()).__name__, type({}.values()).__name__)

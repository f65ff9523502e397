# Comparison operators always produce bools that are the singletons.
results = [1 < 2, 2 < 1, 'a' == 'a', [] == [], None is None, 1 in [1], 1 not in [1], not 0]
print(results, all(r is True or r is False for r in results))
print(type(1 == 1).__name__, (1 == 1) is True, (1 < 0) is False, bool(1) is True, bool([]) is False)
class Weird:
    def __eq__(self, o): return 'not a bool'
print(Weird() == 1, bool(Weird() == 1), [Weird()] == [1] if False else 'skip')

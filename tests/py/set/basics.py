# set operations on small ints (printing order of small-int sets is deterministic).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, {3} < b, a >= {1}, a.isdisjoint({9}), a == {4, 3, 2, 1})
print(a.union([7], (8,)), a.intersection(range(3)), a.difference({1}, {2}), a.symmetric_difference([1, 10]))
print(a.issubset(range(10)), a.issuperset([1, 2]), len(a), 3 in a, 9 not in a, set(), set([1, 1, 2]), set('aab') == {'a', 'b'})
s = set()
s.add(5); s.add(5); s.update([1, 2], {3}); print(s)
s.discard(9); s.remove(1); print(s)
print(s.pop() in {2, 3, 5}, len(s))
s |= {10}; s &= {2, 3, 5, 10}; s -= {2}; s ^= {3, 99}; print(s)
s.intersection_update([5, 10, 11]); print(s)
s.difference_update([5]); s.symmetric_difference_update([1]); print(s)
c = s.copy(); c.clear(); print(c, s)
try:
    set().pop()
except KeyError as e:
    print('KeyError', e)
try:
    {1}.remove(2)
except KeyError as e:
    print('KeyError', e)
try:
    {[1]}
except TypeError as e:
    print('TypeError', e)
print(sorted({'pear', 'apple', 'fig'}), sorted({x % 7 for x in range(50)}), {x for x in range(5) if x % 2})

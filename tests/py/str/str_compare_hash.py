# String equality and ordering by code point; hashes of equal strings agree.
pairs = [('a', 'b'), ('a', 'A'), ('abc', 'ab'), ('', 'a'), ('é', 'z'), ('😀', '\uffff'), ('a\x00', 'a')]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a == b, a > b, a != b)
x = ''.join(['ab', 'c'])
print(x == 'abc', hash(x) == hash('abc'), x is not None)
d = {'abc': 1}
print(d[x], d.get('ab' + 'c'))
print(sorted(['b10', 'b9', 'a', 'B', '_', '1']), max('apple', 'apricot'), min(['xyz', 'xy']))

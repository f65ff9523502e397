# find/rfind/index/rindex/count/startswith/endswith with ranges.
s = 'abracadabra'
for sub in ('a', 'abra', 'cad', 'z', '', 'ra'):
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 3), s.rfind(sub, 0, 8), s.count(sub, 2, -2), sub in s)
print(s.index('c'), s.rindex('a'), s.startswith('abr'), s.startswith(('x', 'ab')), s.endswith('bra', 0, 11), s.endswith('cad', 0, 7))
print(s.startswith('a', 100), ''.find(''), 'abc'.find('', 5), 'abc'.count(''), 'abc'.rfind(''))
for f in (lambda: s.index('z'), lambda: s.rindex('q')):
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
try:
    s.startswith(['a'])
except TypeError as e:
    print('TypeError', e)

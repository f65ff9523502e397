# split/rsplit/splitlines/partition/join.
tests = ['a,b,,c', '  a  b\tc\n d  ', '', 'one', 'a::b::c', '::']
for s in tests:
    print(repr(s), s.split(), s.split(','), s.split(',', 1), s.rsplit(',', 1), s.split('::'), s.rsplit(None, 1), s.split(maxsplit=1))
print('line1\nline2\r\nline3\rline4\x0bline5\x1c6\u2028end\n'.splitlines())
print('a\nb\n'.splitlines(True), ''.splitlines(), '\n'.splitlines(), 'x'.splitlines(keepends=True))
print('k=v=w'.partition('='), 'k=v=w'.rpartition('='), 'kvw'.partition('='), 'kvw'.rpartition('='))
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join(map(str, range(5))), 'x'.join('abc'))
try:
    ','.join(['a', 1])
except TypeError as e:
    print('TypeError', e)
try:
    'a'.split('')
except ValueError as e:
    print('ValueError', e)

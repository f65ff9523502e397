# strip family, padding and alignment methods.
s = '  \t xyhello worldyx \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip().strip('xy')), repr('xxaxx'.lstrip('x')), repr('xxaxx'.rstrip('x')))
print(repr('abc'.center(9)), repr('abc'.center(8, '*')), repr('abc'.ljust(6, '-')), repr('abc'.rjust(6)), repr('abc'.center(2)))
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), 'abc'.zfill(5), ''.zfill(3), '-'.zfill(3))
print(repr('a\tb\tc'.expandtabs()), repr('a\tbc\td'.expandtabs(4)), repr('12345\t6\n\tx'.expandtabs(3)))
print('prefix-body'.removeprefix('prefix-'), 'body.txt'.removesuffix('.txt'), 'abc'.removeprefix('x'), 'abc'.removesuffix(''))
try:
    'a'.center(5, 'ab')
except TypeError as e:
    print('TypeError', e)

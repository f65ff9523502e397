# replace, translate, maketrans.
s = 'the cat sat on the mat'
print(s.replace('at', 'og'), s.replace('at', 'og', 2), s.replace('', '-'), s.replace('the ', ''), 'aaa'.replace('a', 'aa'), 'abc'.replace('', '.', 2))
t = str.maketrans('abc', 'xyz')
print(sorted(t.items()), 'aabbcc'.translate(t))
t2 = str.maketrans({'a': 'AA', 'b': None, 'c': 'C'})
print('abcabc'.translate(t2))
t3 = str.maketrans('ab', 'cd', 'xyz')
print('axbycz'.translate(t3), 'héllo'.translate({ord('é'): 'e'}))
print('abc'.translate({97: 98, 98: None}))
try:
    str.maketrans('ab', 'c')
except ValueError as e:
    print('ValueError', e)

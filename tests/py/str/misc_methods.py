# Remaining str methods and behaviours.
print('a{}b'.format('X'), 'Hello'.index('l'), 'abc'.__len__(), 'abc'.__contains__('b'), 'abc'.__getitem__(1))
print('x'.join(reversed('abc')), list('héllo'), tuple('ab'), sorted('banana'), set('aab') == {'a', 'b'})
print(str.upper('x'), str.__add__('a', 'b'), 'ab'.__mul__(2), 'ab'.__rmul__(2), 'a'.__eq__(1), 'a'.__lt__('b'))
print('%s' % 'x', 'abc'.encode(), hash('') == 0, 'abc'.__hash__() == hash('abc'))
it = iter('xyz')
print(next(it), next(it), list(it))
print(str.__doc__ is not None, 'A'.lower().upper().lower(), '  spaced  '.split(' '))
class S(str):
    def shout(self):
        return self.upper() + '!'
s = S('hey')
print(s.shout(), type(s + 'x').__name__, type(s.upper()).__name__, isinstance(s, str), s == 'hey', repr(s))
print(S('a') + S('b'), type(S('a') * 2).__name__, str(s) is not s, type(str(s)).__name__)

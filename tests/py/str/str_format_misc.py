# str.format corner cases: numeric field names, attribute chains, !a, literal braces, nested replacement limits.
class O:
    class inner:
        value = 'deep'
print('{0.inner.value} {0.inner.__name__}'.format(O), '{0[0]}{0[1]}{1[a]}'.format('xy', {'a': '!'}))
print('{!a}'.format('ü'), '{:{}}'.format(3.14159, '.3'), '{0:{1}{2}}'.format('s', '>', 6), '{{{0}}}'.format('braced'))
try:
    '{:{:{}}}'.format(1, 2, 3)
except ValueError as e:
    print('ValueError', e)
try:
    '{0[}'.format([1])
except ValueError as e:
    print('ValueError', e)
print('{0[-1]}'.format({'-1': 'string key'}), '{0[2]}'.format('abc'), '{:=^+9d}'.format(5), '{:#o} {:#b}'.format(8, 5))

# dict.fromkeys shares one value; setdefault returns the stored object; dict(dict) copies shallowly.
d = dict.fromkeys('abc', [])
d['a'].append(1)
print(d)
e = {}
lst = e.setdefault('k', [])
lst.append('x')
print(e, e.setdefault('k', 'ignored') is lst)
orig = {'inner': [1]}
cp = dict(orig)
cp['inner'].append(2)
cp['new'] = 0
print(orig, cp)
class FK(dict):
    pass
print(type(FK.fromkeys('ab')).__name__, FK.fromkeys('ab', 0))

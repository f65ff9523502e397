# Assorted statements: del, pass, global in loops, augmented attributes/subscripts, multiple targets.
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x = [1, 2, 3, 4]
del x[0], x[-1]
print(x)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
class O:
    v = 1
o = O()
o.v += 10
print(o.v, O.v)
m = {'k': [0]}
m['k'][0] += 5
m['k'] += [1]
print(m)
i = 0
while True:
    i += 1
    if i > 3:
        break
else:
    pass
print(i)
if True: print('one-line if')
for n in range(2): print('one-line for', n)
x = 1; y = 2; print(x + y)
def nothing(): pass
print(nothing())
try:
    del undefined_thing
except NameError as e:
    print('NameError', e)

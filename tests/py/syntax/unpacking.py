# Extended unpacking in assignments, for loops, calls and displays.
a, *b, c = range(6)
print(a, b, c)
(x, y), [z, *w] = 'xy', (1, 2, 3)
print(x, y, z, w)
for first, *others in [(1, 2, 3), (4,)]:
    print(first, others)
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(4,), **{'a': 1}, b=2, **{'c': 3}))
print([*range(3), *'ab'], (*[1],), {*[1, 2], *{3}}, {**{'a': 1}, **{'a': 2, 'b': 3}})
head, *tail = [1]
print(head, tail)
*all_of_it, = 'abc'
print(all_of_it)
d = {}
d['k'], d['j'] = 1, 2
l = [0, 0, 0]
l[0], l[2] = 'a', 'c'
print(d, l)
class O: pass
o = O()
o.p, o.q = 'p', 'q'
print(o.p, o.q)
i, l[i] = 1, 'set'
print(l)

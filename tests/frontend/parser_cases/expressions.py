a or b or c and d and not e
a if b else c if d else e
lambda: 0
lambda x, y=1, *a, z, w=2, **k: x
lambda x, /, y: x
lambda *, k: k
(x := 10)
print(y := f(x))
[y := 1, y ** 2]
a[b := 1]
1 < x <= 2 == y != z > w >= v is u is not t in s not in r
a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** -n ** ~o
-x + +y - ~z
await_ = 1
x[1], x[1:2], x[::], x[:], x[1:], x[:2], x[::3], x[1:2, 3], x[...], x[a, *b]
x[()]; x[(1, 2)]; x[1,]
f(); f(a); f(a, b=1, *c, **d); f(*a, *b, c=1, **d, e=2)
f(x for x in y)
f(a)(b)(c).d[e]
(x for x in y if x if y for z in w)
[x for x in y]
{x for x in y}
{k: v for k, v in d.items()}
{**a, 'b': 1, **c}
{1, 2, *s}
[*a, *b]
(*a, *b)
*a, b = c
()
(1,)
(1, 2,)
[]
{}
[1, 2, 3,]
...
None, True, False
0, 1, 0x1f, 0o17, 0b101, 1_000_000, 1.5, 1e10, 1.5j, 10j, 123456789012345678901234567890
'a' 'b' "c"
u'unicode' 'more'
b'bytes' b"more"
r'\d+' R"raw"
'''triple
quoted''' """another
one"""
'\x41\u00e9\N{BULLET}\t\n\\'
b'\x00\xff'
x = yield
x = yield from y
x = (yield a, b)
not a in b
a.b.c.d
x = *a, *b

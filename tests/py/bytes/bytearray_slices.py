# bytearray item and slice assignment/deletion (steps, sizes, bad values), mutating methods, in-place operators.
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
base = b'0123456789'
for start, stop, step in [(a, b, c) for a in [None, 0, 2, -3, 20] for b in [None, 5, -1, 0] for c in [None, 1, 2, -1, -2, 3]]:
    sl = slice(start, stop, step)
    for val in [b'', b'X', b'XYZ', [65, 66], bytearray(b'ab'), 'str', 5, [300], None]:
        ba = bytearray(base)
        def f():
            if val is None:
                del ba[sl]
            else:
                ba[sl] = val
            return ba
        print(sl, repr(val), end=' ')
        show(f)
for i in [0, 5, -1, -10, 10, -11, True]:
    ba = bytearray(base)
    show(lambda: ba[i])
    def g():
        ba[i] = 65
        return ba
    show(g)
    def h():
        del ba[i]
        return ba
    show(h)
    show(lambda: ba.pop(i))
    def ins():
        ba.insert(i, 66)
        return ba
    show(ins)
ba = bytearray(b'abc')
show(lambda: ba.extend(b'def') or ba)
show(lambda: ba.extend(range(3)) or ba)
show(lambda: ba.extend('x'))
show(lambda: ba.extend(5))
show(lambda: ba.extend([256]))
show(lambda: ba.remove(ord('a')) or ba)
show(lambda: ba.remove(ord('z')))
show(lambda: ba.reverse() or ba)
show(lambda: ba.copy())
show(lambda: ba.clear() or ba)
show(lambda: bytearray(b'x') * 3)
show(lambda: 3 * bytearray(b'x'))
show(lambda: bytearray(b'ab') + b'cd')
show(lambda: b'ab' + bytearray(b'cd'))
x = bytearray(b'ab'); y = x; x += b'cd'; print(x is y, x)
x *= 2; print(x is y, x)
show(lambda: bytearray(b'abc') == bytearray(b'abc'))
show(lambda: bytearray(b'abc') < b'abd')
show(lambda: b'abc' < bytearray(b'abd'))
show(lambda: bytearray(b'abc') == 'abc')
show(lambda: bytearray(b'a,b').split(b','))
show(lambda: bytearray(b' a ').strip())
show(lambda: bytearray(b'a-b').partition(b'-'))
show(lambda: bytearray(b'abc').replace(b'b', b'X'))
show(lambda: bytearray(b'abc').upper())
show(lambda: bytearray(b'%s!') % b'hi')
show(lambda: bytearray(b'a').join([b'x', bytearray(b'y')]))
show(lambda: bytearray(b'hello').hex())
show(lambda: bytearray(b'xx').__alloc__() >= 3)
show(lambda: bytearray(range(5)))
show(lambda: bytearray(b'abc').find(98))
show(lambda: 98 in bytearray(b'abc'))
show(lambda: list(reversed(bytearray(b'abc'))))
show(lambda: bytearray(b'abc').decode())
show(lambda: bytearray(b'\xff').decode())
show(lambda: str(bytearray(b'q')))
show(lambda: bytearray(b"'\"").__repr__())
show(lambda: bytearray(3).zfill(5))

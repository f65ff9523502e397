# bytearray is mutable: item and slice assignment, methods.
ba = bytearray(b'hello')
ba[0] = 72
ba[1:3] = b'EY'
ba += b' world'
ba.append(33)
ba.extend([32, 65])
ba.insert(0, 62)
print(ba, len(ba), ba.pop(), ba.pop(0), ba)
ba.remove(ord('o'))
del ba[0:2]
print(ba, ba.find(b'w'), ba.count(b'l'), ba.upper(), bytes(ba), ba.decode())
ba.reverse()
print(ba, ba * 2, ba[::2], bytearray(3), bytearray([1, 2]), bytearray('é', 'utf-8'), bytearray(b'x') == b'x')
ba[::2] = b'x' * len(ba[::2])
print(ba)
ba.clear()
print(ba, ba.copy(), bytearray.fromhex('41 42'))
for f in (lambda: ba.pop(), lambda: bytearray(b'a').remove(98), lambda: bytearray(b'a').__setitem__(0, 300), lambda: bytearray(b'abc').__setitem__(slice(0, 3, 2), b'xyz')):
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
x = bytearray(b'abc')
print(hash(b'abc') == hash(bytes(x)))
try:
    hash(x)
except TypeError as e:
    print('TypeError', e)

# bytes construction, repr, indexing, slicing.
b = b'hello\x00\xff\n"\''
print(b, repr(b), len(b), b[0], b[-1], b[1:4], b[::-1], list(b[:3]))
print(bytes(5), bytes([1, 2, 255]), bytes(range(65, 70)), bytes('é', 'utf-8'), bytes(b'copy'), bytes(bytearray(b'ba')), bytes())
print(b'a' + b'b', b'ab' * 3, b'a' in b'cat', 97 in b'cat', b'' in b'x', b'abc' < b'abd', b'\x00' < b'\x00\x00')
for bad in ([256], [-1], ['a'], 'str'):
    try:
        bytes(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    b'a' + 'b'
except TypeError as e:
    print('TypeError', e)
try:
    b[0] = 1
except TypeError as e:
    print('TypeError', e)
print(b'\x41\x42', rb'\x41', b'x' == 'x', hash(b'abc') == hash(b'abc'), bytes.fromhex('de ad BE EF'), b'\xde\xad'.hex(), b'abc'.hex(':'), b'abcdef'.hex('-', 2))

# Hex, base64 and binascii round trips (through the pure codecs interface where possible).
import base64, binascii
data = bytes(range(0, 256, 17))
print(data.hex(), bytes.fromhex(data.hex()) == data, data.hex(' ', -4))
print(base64.b64encode(data), base64.b64decode(base64.b64encode(data)) == data, base64.urlsafe_b64encode(b'\xfb\xff'), base64.b32encode(b'abc'), base64.b16encode(b'xyz'))
print(binascii.hexlify(b'\x01\xab'), binascii.unhexlify('01ab'), binascii.crc32(b'hello'), base64.a85encode(b'stmpy'))
try:
    bytes.fromhex('abc')
except ValueError as e:
    print('ValueError', e)

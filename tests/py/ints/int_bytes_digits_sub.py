# int.to_bytes/from_bytes edges, the int<->str digit limit, int() of bytes-likes, int subclasses.
import sys

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v, n, signed in [(0, 0, False), (0, 0, True), (-1, 1, True), (-128, 1, True), (127, 1, True),
                     (255, 1, False), (2 ** 64 - 1, 8, False), (-2 ** 63, 8, True), (2 ** 100, 13, False)]:
    b = v.to_bytes(n, 'big', signed=signed)
    print(v, b, v.to_bytes(n, 'little', signed=signed), int.from_bytes(b, 'big', signed=signed))
t(lambda: (128).to_bytes(1, 'big', signed=True))
t(lambda: (-129).to_bytes(1, 'big', signed=True))
t(lambda: (-1).to_bytes(0, 'big', signed=True))
t(lambda: (1).to_bytes(0, 'big'))
t(lambda: (1).to_bytes(-1, 'big'))
t(lambda: (1).to_bytes(1, 'middle'))
t(lambda: (1).to_bytes(1, byteorder=5))
t(lambda: (5).to_bytes(2, 'big', True))
t(lambda: (5).to_bytes())
t(lambda: (5).to_bytes(length=3, byteorder='little'))
t(lambda: int.from_bytes(b''))
t(lambda: int.from_bytes(b'', signed=True))
t(lambda: int.from_bytes([255, 0], 'little'))
t(lambda: int.from_bytes((1, 2, 3), byteorder='big'))
t(lambda: int.from_bytes(bytearray(b'\xff\xfe'), 'big', signed=True))
t(lambda: int.from_bytes(b'\x80' + b'\x00' * 15, 'big', signed=True))
t(lambda: int.from_bytes(b'\xff' * 17, 'little', signed=True))
t(lambda: int.from_bytes('ab', 'big'))
t(lambda: int.from_bytes(5, 'big'))
t(lambda: int.from_bytes())
t(lambda: int.from_bytes(b'\x01', 'big', True))

print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4500)), len(repr(int('1' * 4800))))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 10000)), len(str(int('7' * 9000))))
sys.set_int_max_str_digits(640)
t(lambda: str(10 ** 700))
t(lambda: int('1' * 700))
t(lambda: f'{10 ** 700:d}')
print(len(f'{10 ** 700:x}'), len(hex(10 ** 700)), len(bin(-10 ** 700)), int('f' * 700, 16) > 0)
sys.set_int_max_str_digits(4300)

t(lambda: int(bytearray(b' -9 ')))
t(lambda: int(bytearray(b'x')))
t(lambda: int(bytearray(b'ff'), 16))
t(lambda: float(bytearray(b'2.5')))
t(lambda: float(bytearray(b'x')))
t(lambda: int(b'0x1f', 0))
t(lambda: int(memoryview(b'12')) if False else 'skip')

class B(int):
    pass
class S(int):
    def __str__(self):
        return 'S!'
print(B(0), B(-7), B(2 ** 80), repr(B(3)), B(7) // 2, B(7) >> 1, B(2 ** 70) >> 69, B(2 ** 40) * B(2 ** 40))
print(type(B(3) + 1).__name__, type(-B(3)).__name__, type(+B(3)).__name__, type(abs(B(-3))).__name__)
print(type(B(5).real).__name__, type(B(5).numerator).__name__, B(5).denominator, B(5).imag, B(-5).conjugate())
print(bool(B(0)), bool(B(1)), B(3) == 3, B(3) == 3.0, hash(B(2 ** 80)) == hash(2 ** 80), B(5) < B(6))
print(B.from_bytes(b'\x01\x00', 'big'), type(B.from_bytes(b'\x01', 'big')).__name__)
print(int.__new__(B, '12'), type(int.__new__(B, 12)).__name__, B('ff', 16), B(3.9), B(True), type(B(True)).__name__)
print(S(4), format(S(4)), format(S(4), 'd'), f'{S(4)}', repr(S(4)), int(S(4)), str(int(S(4))))
print(divmod(B(17), 5), pow(B(3), 4, 5), B(9).bit_length(), B(9).to_bytes(1, 'big'), B(9).as_integer_ratio())

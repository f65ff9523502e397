# round() with __round__, negative ndigits on floats, and bool/large ints.
print(round(123.456, -1), round(155.0, -1), round(-155.0, -1), round(0.5, 0), round(1.5, 0), round(True), round(2 ** 100, -30) == 1267650600000000000000000000000 * 10 ** 0 or True)
print(round(10 ** 20 + 5, -1), round(15, -1), round(25, -1), round(-15, -1), round(149, -2), round(150, -2), round(250, -2))
class R:
    def __round__(self, n=None):
        return ('rounded', n)
print(round(R()), round(R(), 3))
try:
    round('1.5')
except TypeError as e:
    print('TypeError', e)
try:
    round(1.5, 1.5)
except TypeError as e:
    print('TypeError', e)

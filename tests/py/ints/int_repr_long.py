# Long decimal strings round-trip, and the 4300-digit limit applies.
import sys
s = '7' * 4300
n = int(s)
print(len(str(n)), str(n) == s)
try:
    int('7' * 4301)
except ValueError as e:
    print('ValueError', e)
try:
    str(10 ** 4300)
except ValueError as e:
    print('ValueError', e)
print(sys.get_int_max_str_digits())
print(len(hex(10 ** 5000)))
print(int('f' * 5000, 16) % 1000003)

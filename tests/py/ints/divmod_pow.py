# divmod and pow, including the three-argument form.
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(0, 0))
print(pow(3, 200, 1000000007))
print(pow(3, -1, 7))
print(pow(38, -1, 97))
print(pow(2, 10 ** 20, 10 ** 9 + 7))
print(pow(-3, 5, 7), pow(3, 5, -7))
for m in (1, 2, 13, 2 ** 64 + 13):
    print(m, pow(12345, 678, m))
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError', e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print('ValueError', e)
try:
    1 // 0
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    1 % 0
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)

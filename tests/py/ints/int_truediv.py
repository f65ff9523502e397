# True division of ints gives correctly rounded floats.
print(1 / 3, 2 / 3, 10 / 4, -7 / 2, 7 / -2)
print(10 ** 30 / 10 ** 10, (2 ** 100 + 1) / 2 ** 50)
print(1 / 2 ** 1074 if False else 2 ** 1074 / 2 ** 1075)
print((10 ** 400) / (10 ** 399))
try:
    (10 ** 400) / 1
except OverflowError as e:
    print('OverflowError', e)
try:
    1 / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print(float(2 ** 53 + 1), float(-(2 ** 63)))

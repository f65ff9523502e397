# Integer presentation types c and n, sign options with zero padding, and format of bool/int subclasses.
for v in (65, 8364, 128512):
    print(format(v, 'c'), format(v, '>3c'), '%c' % v)
for v in (0, 5, -5, 1234567):
    print(format(v, 'n'), format(v, '+08d'), format(v, ' 08d'), format(v, '-8d') + '|', format(v, '#010x'), format(v, '=10'), format(v, '010'))
class MyInt(int):
    pass
print(format(MyInt(42), 'x'), format(True, 'b'), format(False, '>5'), f'{MyInt(7):03}', '{:,}'.format(MyInt(10 ** 6)))
for bad in ('.2d', ',c', '#c', '=s'):
    try:
        print(format(42, bad))
    except ValueError as e:
        print(repr(bad), 'ValueError', e)

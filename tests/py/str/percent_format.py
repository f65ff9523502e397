# printf-style % formatting.
print('%s %r %a' % ('é', 'é', 'é'))
print('%d %i %u %5d %-5d| %05d %+d % d' % (42, -42, 7, 3, 3, -3, 5, 5))
print('%x %X %#x %#X %o %#o %08.3x' % (255, 255, 255, 255, 8, 8, 10))
print('%c%c %c' % (72, 'i', 0x1F600))
print('%.3s|%10s|%-10s|%*d|%-*d|%.*f' % ('abcdef', 'r', 'l', 5, 42, 5, 42, 2, 3.14159))
print('%(name)s is %(age)d, %(name)r' % {'name': 'Ann', 'age': 30})
print('100%% %s' % 'sure', '%s' % (1,), '%s' % [1, 2], '%s %s' % (None, True))
print('%e %E %g %G %f %F' % (1e-10, 1e10, 1e-10, 1e20, float('inf'), float('nan')))
print('%d' % 3.99, '%x' % True, '%s' % b'x', '%5.1f%%' % 99.44)
for fmt, args in [('%d', 'x'), ('%s %s', (1,)), ('%s', (1, 2)), ('%z', 1), ('%(a)s', 1), ('%c', 'ab')]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)

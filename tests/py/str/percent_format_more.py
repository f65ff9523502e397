# More printf-style formatting: flags combined, * widths, mapping with repeated keys, non-tuple args.
print('[%-+6d] [%+-6d] [% 05d] [%#8.3o] [%-#8x] [%08.3f] [%-8.1e] [%+.2g]' % (7, 7, 7, 8, 255, -3.14159, 12345.678, 0.000123))
print('%*s|%-*s|%.*s' % (6, 'ab', 6, 'cd', 2, 'efgh'))
print('%(a)s %(a)r %(b)05.1f' % {'a': 'x', 'b': 2.25})
print('%s' % [1, 2], '%s' % ((1, 2),), '%r' % 'quote\'s', '%5%' if False else '%%')
print('%x %o %X' % (-255, -8, 3054), '%i' % -0.5, '%.3s' % 'abcdef', '%c' % '€')
print('%s %s' % ('only', 'two'), '%(x)s' % {'x': 1, 'unused': 2})
for fmt, arg in [('%(x)s %s', {'x': 1}), ('%s', ()), ('%d', None), ('%f', 'x'), ('%.2z', 1), ('%', ())]:
    try:
        print(repr(fmt % arg))
    except (TypeError, ValueError, KeyError) as e:
        print(repr(fmt), type(e).__name__, e)

# Edge cases of split/rsplit/partition with separators at the ends and repeated.
for s in (',a,,b,', ',', '', 'a', ',,'):
    print(repr(s), s.split(','), s.rsplit(',', 1), s.split(',', 0), s.partition(','), s.rpartition(','), s.split(',', -1))
print('  a  b  '.split(None, 1), '  a  b  '.rsplit(None, 1), '\x1c\x1d\x1ea\x85b\u2028c'.split(), 'a b'.split(' ', maxsplit=5))

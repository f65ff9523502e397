# bool in arithmetic, sorting, sum and as dict keys; bool() of many objects.
flags = [True, False, True, True]
print(sum(flags), flags.count(True), sorted(flags), max(flags), True + 0.5, True / 2, True // True, -False, 3 * True)
print(True << 3, True ** 10, divmod(True, 2), True == 1.0, isinstance(True & True, bool), isinstance(True + True, bool))
print([bool(x) for x in (0, 0.0, -0.0, 0j, '', ' ', b'', b'\x00', [], [[]], (), {}, set(), range(0), range(1), None, object(), ..., NotImplemented.__class__ is not None)])
d = {False: 'no', True: 'yes'}
print(d[0], d[1], d[1 == 1], str(True).lower(), repr(bool), bool.__name__, format(False, '^7'), f'{True!r:>6}', '%d %s' % (True, False))
print(int('1') == True, not [], not [0], any([False, 0, '']), all([True, 1, 'x']))

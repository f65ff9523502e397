# Messages of common built-in exceptions.
tests = [
    lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: [][0], lambda: ()[1], lambda: ''[5],
    lambda: {}['k'], lambda: undefined_name, lambda: None.attr, lambda: (1).foo, lambda: 'a' + 1, lambda: 1 + 'a',
    lambda: [] + (), lambda: len(5), lambda: int('x'), lambda: float('y'), lambda: [1].index(2), lambda: next(iter([])),
    lambda: nothing(), lambda: nothing[0], lambda: sum(['a']), lambda: {}.fromkeys(1), lambda: ord('ab'), lambda: chr(-1),
    lambda: 'x' * 'y', lambda: -'x', lambda: ~1.5, lambda: [1, 2][half], lambda: object().x, lambda: import_it(),
    lambda: type.__dict__['x'], lambda: max([]), lambda: min(1), lambda: divmod(1, 'a'), lambda: hash([]), lambda: abs('s'),
    lambda: iter(None), lambda: 2 ** -1 % 0, lambda: 'abc'.foo(), lambda: int.bar, lambda: setattr(1, 'x', 2),
]
half, nothing = 1.5, None
def import_it():
    import no_such_module_xyz
for t in tests:
    try:
        t()
        print('no error')
    except Exception as e:
        print(type(e).__name__ + ':', e)

# Alignment and fill characters with numbers and strings, including = alignment and unicode fill.
for spec in ['<10', '>10', '^10', '_<10', '*>10', '-^11', '0>6', '=+10', '0=10', '€^9', '😀>5']:
    for v in (42, -42, 'ab'):
        try:
            print(repr(spec), repr(v), repr(format(v, spec)))
        except ValueError as e:
            print(repr(spec), repr(v), 'ValueError', e)
print(f'{"left":<{8}}|{"right":>{8}}|{"mid":^{9}}|')
print('{:>{width}.{prec}}'.format('truncate me', width=8, prec=4))

# Thousands separators, precision and type combinations.
for v in (0, 7, 1234, -1234567, 10 ** 12, 1234.5678, -0.000123, 1e21):
    out = []
    for spec in (',', '_', ',.2f', '_.3e', '015,.2f', '+,d' if isinstance(v, int) else '+,g', '#_x' if isinstance(v, int) else '.0%', ',.1%'):
        try:
            out.append(format(v, spec))
        except ValueError as e:
            out.append('ValueError: ' + str(e))
    print(repr(v), out)
try:
    format(1, ',_')
except ValueError as e:
    print('ValueError', e)
try:
    format('s', ',')
except ValueError as e:
    print('ValueError', e)

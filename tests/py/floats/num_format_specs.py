# format() of ints, bools, floats and complex numbers over a grid of format specs, errors included.
vals = [0, 1, -1, 255, -2 ** 70, 10 ** 20, True, False, 0.0, -0.0, 1.5, -2.25e-7, 1e300, float('inf'), float('nan'), 1 + 2j, -0j, complex(1e-5, -3e10)]
specs = ['', 'd', 'x', 'X', 'o', 'b', 'c', 'n', ',', '_', '+', ' ', '>10', '<10', '^11', '=+12', '010', '#x', '#o', '#b', '.3', '.3f', '.2e', 'g', '%', '.0%', 'e', 'E', 'f', 'F', 'G', '*^15,.2f', 'z.1f', '#.0f', '08.3f', ',.2f', '_x', '10,d', '-^20']
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(type(e).__name__ + ':' + str(e))
    print(repr(v), row)

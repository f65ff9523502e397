# The format-spec mini-language across types.
specs = ['', '<8', '>8', '^8', '*^9', '+', '-', ' ', '08', ',', '_', '#x', '.3', '10.2', 'e', 'g', '%', 'b', 'o', 'X', 'c', 'n', '=+8']
for v in (42, -42, 3.75, 'text', True):
    row = []
    for sp in specs:
        try:
            row.append(format(v, sp))
        except (ValueError, OverflowError, TypeError) as e:
            row.append(type(e).__name__ + ': ' + str(e))
    print(repr(v))
    for sp, r in zip(specs, row):
        print('  ', repr(sp), repr(r))

# int(), float() and complex() of strings: a grid of valid and invalid texts and bases.
texts = ['0', '-0', '+7', ' 12 ', '1_000', '1__0', '_1', '1_', '0x1f', '0X1F', '0o17', '0b101', '0b', '0x_1',
         '017', '00', '0_0', '1e3', '1.5', '.5', '5.', '-.5e-3', 'inf', '-Infinity', 'nan', '+nan', 'in f',
         '', ' ', '\t\n42\r\n', 'z', 'Z', '١٢٣', '1\x00', 'j', '2j', '1+2j', '(1+2j)', ' ( -1-1j ) ',
         '1e400', '-1e-400', '0x1p3', '9' * 30, '1_2.3_4e1_0', '١.٥']
for t in texts:
    row = []
    for base in (None, 0, 2, 8, 10, 16, 36):
        try:
            row.append(int(t) if base is None else int(t, base))
        except Exception as e:
            row.append(type(e).__name__ + ':' + str(e))
    for conv in (float, complex):
        try:
            row.append(conv(t))
        except Exception as e:
            row.append(type(e).__name__ + ':' + str(e))
    print(repr(t), row)

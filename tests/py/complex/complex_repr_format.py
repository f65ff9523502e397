# repr/str/format of complex numbers in many shapes.
for z in (0j, 1j, -1j, 1 + 0j, -0.0 - 0j, 1.5 + 2.25j, 1e20 + 1e-20j, complex(float('nan'), float('inf')), 123456789 + 0.1j, complex(-0.0, -0.0)):
    print(repr(z), str(z), format(z, ''), format(z, '.2f'), format(z, '>25'), format(z, '+.3g'), f'{z:^30}|')

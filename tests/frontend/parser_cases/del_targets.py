del (a), b
del (a, b), [c], d.e, f[0],
del x

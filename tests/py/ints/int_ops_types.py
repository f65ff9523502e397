# Result types and values of mixed int/float/bool/complex operations.
ops = [('+', lambda a, b: a + b), ('-', lambda a, b: a - b), ('*', lambda a, b: a * b), ('/', lambda a, b: a / b), ('**', lambda a, b: a ** b)]
vals = [3, True, 2.0, 1j]
for name, f in ops:
    for a in vals:
        row = []
        for b in vals:
            try:
                r = f(a, b)
                row.append(f'{r!r}:{type(r).__name__}')
            except Exception as e:
                row.append(type(e).__name__)
        print(name, repr(a), row)

# Alignment counts code points, not display width; tabs and expandtabs with unicode.
for s in ('abc', '日本', 'é', 'e\u0301', '😀😀'):
    print(repr(s.center(6, '.')), repr(s.ljust(5, '_')), repr(f'{s:>6}'), len(s))
print('a\tβ\tγγ\tend'.expandtabs(4), '|'.join('x\ty'.expandtabs(n) for n in (0, 1, 2, 8)))

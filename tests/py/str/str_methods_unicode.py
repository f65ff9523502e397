# Methods on strings mixing ASCII, Latin-1, BMP and astral characters.
s = 'aé€😀'
print(len(s), s.upper(), s.center(10, '·'), s.rjust(7, '😀'), s[::-1], s.find('😀'), s.index('€'), s.count('é'))
print(s.encode('utf-8'), s.encode('utf-16-le').decode('utf-16-le') == s, s.replace('€', 'E'), s.split('€'), s * 2)
print(sorted(s), min(s), max(s), 'é' in s, s.startswith('aé'), s.endswith('😀'), s.isalpha(), s.isprintable())
mix = ['z', 'ä', 'a', 'Z', 'é', '😀', '日本']
print(sorted(mix), sorted(mix, key=str.casefold), [x.upper() for x in mix])
print('straße'.upper(), 'STRASSE'.lower(), 'ǆ'.title(), 'ﬃ'.upper(), 'İ'.lower(), len('İ'.lower()), 'ς'.upper(), 'Σ'.lower())
print(''.join(chr(c) for c in range(0x3b1, 0x3ba)), '\u0041\u030a' == '\u00c5', len('\u0041\u030a'))

# Docstrings, string literal concatenation, numeric literal forms, escapes.
'''Module docstring.'''
def f():
    """Function docstring."""
print(__doc__, f.__doc__, 'abc' 'def', 'tab\tnew\\n', r'raw\n', b'by' b'tes', 1_0.5_0, 0x_F, 1e1_0, .5, 5., 1J)
print('\101\x41\u0041\U00000041\N{LATIN CAPITAL LETTER A}', '\
continued')
print("""multi
line""", '''x''')
print(len('\0'), '\a\b\f\v' == '\x07\x08\x0c\x0b')

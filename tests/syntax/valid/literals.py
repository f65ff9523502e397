x = [0, 00, 0_0, 1_000, 0x_ff, 0XFF, 0o17, 0O1_7, 0b1, 0B_1_0, 1e10, 1E-5, 1_0.5_0e+1_0,
     .5, 5., 0.0, 1j, 1J, 1.5j, 0j, 00j, 007j, 0e0, 09.5, 1_2j, 0_0.0]
s = ['a', "b", '''c''', """d""", r'\d', R"\w", b'x', B"y", br'\z', Rb'q', u'u', U"v",
     'implicit' "concatenation", '\N{BULLET}', '\x41', '\u0041', '\U00000041', '\0', '\777']
e = ..., Ellipsis, None, True, False
long = """first
second \
third"""
x = 1 + \
    2
y = (1 +
     2)  # comment
z = [
    1,
    # comment
    2,
]

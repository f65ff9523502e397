# Case methods, including Unicode special cases.
for s in ('hello world', 'Hello World', 'HELLO', 'hELLO wORLD', "they're bill's", 'ß straße', 'ǅungla', 'İstanbul', 'ΣΑΣ ΟΔΟΣ', 'ﬁne', '', '123abc'):
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()), repr(s.casefold()))
    print(' ', s.isupper(), s.islower(), s.istitle())

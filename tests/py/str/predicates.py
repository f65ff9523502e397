# The is* predicates.
for s in ('abc', 'ABC', 'abc123', '123', '١٢٣', '½', '²', ' \t\n', '', 'a b', 'Ab', 'é', '_id', 'id1', '1id', 'class', '\x00', 'ⅷ', '\u3000'):
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(),
          s.isspace(), s.isidentifier(), s.isprintable(), s.isascii(), s.islower(), s.isupper())

# _string.formatter_parser / formatter_field_name_split (what string.Formatter uses).
import _string
for f in ['', 'abc', 'a{0}b', '{{x}}', 'a{{b}}c', '{0!r:>5} x {}', '{a.b[0]:{w}}tail', '{:}', '{!s}', 'x{', '}x', '{0', '{0!}']:
    try:
        print(repr(f), list(_string.formatter_parser(f)))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
for n in ['a', '0', 'a.b[0].c', '12[x][3]', '', 'a.', 'a[', 'a[0]b']:
    try:
        first, rest = _string.formatter_field_name_split(n)
        print(repr(n), repr(first), list(rest))
    except Exception as e:
        print(repr(n), type(e).__name__, e)

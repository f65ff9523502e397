# string.Formatter's parser (_string): literal/field splitting, escapes, field names, errors.
import _string, string
for s in ['a{0}b', '{0!r:>5} {name}', '{{x}}', '{a[0].b:{w}}', '', 'x}}', 'a{{b}}c{0}}}', '{:d}']:
    print(list(_string.formatter_parser(s)))
for s in ['a.b[0]', '0', '0[x].y', 'k[12]']:
    first, rest = _string.formatter_field_name_split(s)
    print(repr(first), list(rest))
for s in ['{', '}', '{0', '{0!rx}']:
    try:
        list(_string.formatter_parser(s))
    except ValueError as e:
        print('ValueError', e)
f = string.Formatter()
print(f.format('{0}-{x[1]}-{y.real:.2f}', 'A', x=[1, 2], y=2.5), f.format('{:{w}}|', 'ab', w=5))

# textwrap and pprint output.
import textwrap, pprint
text = 'The quick brown fox jumps over the lazy dog. ' * 4
print(textwrap.fill(text, 30))
print(textwrap.wrap('short', 10), textwrap.shorten(text, 40), repr(textwrap.dedent('    a\n      b\n')), repr(textwrap.indent('x\ny', '> ')))
pprint.pprint({'key%d' % i: list(range(i)) for i in range(8)}, width=50)
pprint.pprint([{'a': 1, 'b': [1, 2, 3] * 5}] * 2, width=40, compact=True)
print(pprint.pformat(('x' * 30, 'y' * 30), width=40))

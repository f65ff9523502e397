# The string module: constants, Template, Formatter, capwords.
import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, len(string.printable))
t = string.Template('$who likes $what; ${who}s cost $$10')
print(t.substitute(who='tim', what='kung pao'))
print(t.safe_substitute(who='tim'))
try:
    t.substitute(who='x')
except KeyError as e:
    print('KeyError', e)
print(string.capwords('hello   wide world'), string.capwords('a-b-c', '-'))
f = string.Formatter()
print(f.format('{0}+{x}', 1, x=2), list(f.parse('a{0!r:>3}b{x}')))

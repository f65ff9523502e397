# re: match, search, findall, sub, groups, flags.
import re
text = 'John: 555-1234, Jane: 555-9876; bob: 123-4567'
print(re.findall(r'\d{3}-\d{4}', text))
print([(m.group(1), m.start(), m.end()) for m in re.finditer(r'(\w+): ', text)])
m = re.search(r'(?P<name>[A-Z]\w+): (?P<num>[\d-]+)', text)
print(m.group(), m.group('name'), m['num'], m.groupdict(), m.span(), m.groups())
print(re.sub(r'(\d{3})-(\d{4})', r'\2-\1', text), re.sub(r'\d', lambda m: str(9 - int(m.group())), '0123'))
print(re.split(r'[,;] ?', text), re.split(r'(\d)', 'a1b2c', maxsplit=1), re.fullmatch(r'\w+', 'abc') is not None)
print(re.match(r'john', text, re.I).group(), re.findall(r'^\w', 'a\nb\nc', re.M), re.compile(r'a.b', re.S).match('a\nb') is not None)
p = re.compile(r'(a)(b)?')
print(p.match('a').groups(), p.match('a').groups('default'), p.pattern, p.groups, re.escape('a.b*c'))
print(re.subn('a', 'X', 'banana'), re.findall(r'(?<=a)n', 'banana'), re.findall(r'\bba', 'banana ba'), re.findall('', 'ab'))
try:
    re.compile('(unclosed')
except re.error as e:
    print('re.error', e)
print(re.sub(r'(?x) \s+ # spaces', '_', 'a  b   c'), re.match(r'(\w)\1', 'aa').group(), re.findall(r'[^\W\d]+', 'ab12cd'))

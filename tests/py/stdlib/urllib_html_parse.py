# urllib.parse and html escaping (no network).
from urllib.parse import urlparse, urlunparse, parse_qs, urlencode, quote, unquote, urljoin, urlsplit
import html
u = urlparse('https://user:pw@example.com:8080/path/to/page.html;params?q=1&q=2&x=y#frag')
print(u.scheme, u.netloc, u.hostname, u.port, u.path, u.params, u.query, u.fragment, u.username)
print(parse_qs(u.query), urlencode({'a': 1, 'b': 'x y', 'c': 'é'}), quote('a b/c?d'), unquote('%E2%82%AC%20x'), quote('/path with space', safe=''))
print(urljoin('http://a/b/c/d', '../e'), urljoin('http://a/b/', 'g?y'), urlunparse(('http', 'h', '/p', '', 'q=1', '')), urlsplit('//host/only').netloc)
print(html.escape('<a href="x">&\'</a>'), html.unescape('&lt;&amp;&gt;&quot;&#39;&eacute;&#8364;'))

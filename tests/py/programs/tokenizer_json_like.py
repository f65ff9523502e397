# A hand-written JSON parser (str scanning, recursion, exceptions) checked against json.loads.
import json
class ParseError(Exception):
    pass
def parse(s):
    i = 0
    def ws():
        nonlocal i
        while i < len(s) and s[i] in ' \t\n\r':
            i += 1
    def value():
        nonlocal i
        ws()
        if i >= len(s):
            raise ParseError('unexpected end')
        c = s[i]
        if c == '{':
            i += 1; out = {}; ws()
            if s[i] == '}':
                i += 1; return out
            while True:
                ws(); k = string(); ws()
                if s[i] != ':': raise ParseError(f'expected : at {i}')
                i += 1
                out[k] = value(); ws()
                if s[i] == ',': i += 1; continue
                if s[i] == '}': i += 1; return out
                raise ParseError(f'expected , or }} at {i}')
        if c == '[':
            i += 1; out = []; ws()
            if s[i] == ']':
                i += 1; return out
            while True:
                out.append(value()); ws()
                if s[i] == ',': i += 1; continue
                if s[i] == ']': i += 1; return out
                raise ParseError(f'expected , or ] at {i}')
        if c == '"':
            return string()
        for word, val in (('true', True), ('false', False), ('null', None)):
            if s.startswith(word, i):
                i += len(word); return val
        j = i
        while i < len(s) and s[i] in '+-0123456789.eE':
            i += 1
        if j == i:
            raise ParseError(f'unexpected {c!r} at {i}')
        text = s[j:i]
        return float(text) if any(ch in text for ch in '.eE') else int(text)
    def string():
        nonlocal i
        if s[i] != '"': raise ParseError(f'expected string at {i}')
        i += 1; out = []
        while s[i] != '"':
            if s[i] == '\\':
                i += 1
                esc = s[i]
                if esc == 'u':
                    out.append(chr(int(s[i + 1:i + 5], 16))); i += 4
                else:
                    out.append({'n': '\n', 't': '\t', '"': '"', '\\': '\\', '/': '/'}[esc])
            else:
                out.append(s[i])
            i += 1
        i += 1
        return ''.join(out)
    v = value(); ws()
    if i != len(s):
        raise ParseError(f'trailing data at {i}')
    return v
docs = ['{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "x\\ny\\u00e9"}}', '[]', '{}', '  [ {"k": [[]]} , "s" ] ', '12', '"\\"q\\""']
for d in docs:
    v = parse(d)
    print(v, v == json.loads(d))
for bad in ['[1, 2', '{"a" 1}', '[1,]', 'nul', '[1] x']:
    try:
        parse(bad)
    except (ParseError, IndexError) as e:
        print(repr(bad), type(e).__name__, e)

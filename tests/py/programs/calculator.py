# A recursive-descent expression evaluator with a tokenizer and error reporting.
import re
TOKEN = re.compile(r'\s*(?:(\d+\.?\d*)|(.))')
def tokenize(s):
    for num, op in TOKEN.findall(s):
        if num:
            yield ('num', float(num) if '.' in num else int(num))
        elif op.strip():
            yield ('op', op)
    yield ('end', None)
class Parser:
    def __init__(self, s):
        self.toks = list(tokenize(s))
        self.i = 0
    def peek(self): return self.toks[self.i]
    def take(self):
        t = self.toks[self.i]; self.i += 1; return t
    def expr(self):
        v = self.term()
        while self.peek() in (('op', '+'), ('op', '-')):
            v = v + self.term() if self.take()[1] == '+' else v - self.term()
        return v
    def term(self):
        v = self.factor()
        while self.peek() in (('op', '*'), ('op', '/'), ('op', '%')):
            op = self.take()[1]
            r = self.factor()
            v = v * r if op == '*' else v / r if op == '/' else v % r
        return v
    def factor(self):
        kind, val = self.take()
        if kind == 'num':
            base = val
        elif val == '(':
            base = self.expr()
            if self.take() != ('op', ')'):
                raise SyntaxError('expected )')
        elif val == '-':
            return -self.factor()
        else:
            raise SyntaxError(f'unexpected {val!r}')
        if self.peek() == ('op', '^'):
            self.take()
            return base ** self.factor()
        return base
def calc(s):
    try:
        p = Parser(s)
        v = p.expr()
        if p.peek()[0] != 'end':
            raise SyntaxError('trailing input')
        return v
    except (SyntaxError, ZeroDivisionError) as e:
        return f'{type(e).__name__}: {e}'
for s in ['1 + 2 * 3', '(1 + 2) * 3', '2 ^ 3 ^ 2', '-4 + 10 / 4', '7 % 3 * 2', '1 / 0', '(1 + 2', '3 $ 4', '2.5 * 4', '2 ^ 100']:
    print(s, '=', calc(s))

# exec, eval, compile with globals/locals dicts.
print(eval('1 + 2 * 3'), eval('x * 2', {'x': 21}), eval('y', {}, {'y': 'local'}), eval('len("abc")'))
g = {}
exec('a = 5\ndef f():\n    return a * 2\nb = f()', g)
print(g['a'], g['b'], '__builtins__' in g, sorted(k for k in g if k != '__builtins__'))
l = {}
exec('z = 1 + 1', {}, l)
print(l)
code = compile('q = 10\nq += 1', '<string>', 'exec')
ns = {}
exec(code, ns)
print(ns['q'], type(code).__name__, code.co_filename)
expr = compile('3 ** 4', '<expr>', 'eval')
print(eval(expr))
single = compile('print("single mode")', '<s>', 'single')
exec(single)
try:
    eval('1 +')
except SyntaxError as e:
    print('SyntaxError', e.msg, e.lineno, e.offset, e.filename)
try:
    exec('return 5')
except SyntaxError as e:
    print('SyntaxError', e.msg)
try:
    eval('import os')
except SyntaxError as e:
    print('SyntaxError', e.msg)
print(eval('__name__'), eval('__name__', {'__name__': 'custom'}))
x = 'outer'
def f():
    x = 'inner'
    return eval('x'), eval('x', globals())
print(f())
restricted = {'__builtins__': {}}
try:
    eval('len([])', restricted)
except NameError as e:
    print('NameError', e)
print(eval('[i for i in range(3)]', {}), exec('pass'))

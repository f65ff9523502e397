# compile() modes, flags, dont_inherit, and AST input.
import ast
tree = ast.parse('x = 1 + 2\nprint(x * 10)')
exec(compile(tree, '<ast>', 'exec'))
e = ast.parse('a * b', mode='eval')
print(eval(compile(e, '<ast>', 'eval'), {'a': 6, 'b': 7}))
print(ast.dump(ast.parse('f(x, y=1)', mode='eval').body))
code = compile('def f(n):\n    return n + 1\n', 'virtual.py', 'exec')
ns = {}
exec(code, ns)
print(ns['f'](1), ns['f'].__code__.co_filename, code.co_name)
src = 'result = [i ** 2 for i in range(5)]'
ns2 = {}
exec(src, ns2)
print(ns2['result'])
try:
    compile('x =', '<bad>', 'exec')
except SyntaxError as err:
    print(err.msg, err.filename, err.lineno, err.offset, repr(err.text))
print(ast.literal_eval("{'a': [1, 2.5, (3, 'x')], 'b': None}"), ast.unparse(ast.parse('(a+b)*c')))

# global/nonlocal edge cases and their compile-time errors.
global g0
g0 = 'module global statement is allowed'
print(g0)
for src in ('def f():\n    x = 1\n    global x\n',
            'def f():\n    nonlocal y\n',
            'nonlocal z\n',
            'def f(a):\n    global a\n',
            'def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n'):
    try:
        compile(src, '<scope>', 'exec')
        print('compiled')
    except SyntaxError as e:
        print('SyntaxError', e.msg)
class C:
    global from_class
    from_class = 'set in class body'
print(from_class)

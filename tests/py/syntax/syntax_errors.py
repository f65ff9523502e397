# Common SyntaxErrors raised by compile(): message and position (cases whose offsets
# changed between 3.11 patch releases are left out).
cases = ['x = ', 'def f(:\n', 'if x\n    pass\n', 'return 1', 'break', 'x = 1 +* 2', 'f(a=1, 2)', 'a, b += 1', '1 = x',
         'print "hi"', 'def f(a, a): pass', 'lambda: (yield)', 'x := 1', 'class C(x for x in y): pass',
         '"unterminated', "'''never ends", '(1, 2', 'del f()', 'for x in 1, 2:\npass', 'try:\n    pass\n', 'async def f():\n    yield from x\n', '0777', '1__0', '@\ndef f(): pass']
for src in cases:
    try:
        compile(src, '<case>', 'exec')
        print(repr(src), 'compiled')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset)

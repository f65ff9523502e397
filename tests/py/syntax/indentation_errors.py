# IndentationError and TabError are SyntaxError subclasses with their own messages.
for src in ('if True:\npass\n', 'def f():\n    x = 1\n      y = 2\n', 'if True:\n        a = 1\n    b = 2\n', 'if True:\n\tx = 1\n        y = 2\n'):
    try:
        compile(src, '<indent>', 'exec')
        print('compiled')
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError))

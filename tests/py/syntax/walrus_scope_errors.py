# Walrus restrictions are compile-time errors; walrus in comprehensions binds in the enclosing function.
for src in ('[i := 0 for i in range(3)]', '[x for x in (y := [1])]', 'class C:\n    [z := 1 for _ in range(1)]\n', 'def f():\n    [j for j in range(2) if (j := 1)]\n', '(a.b := 1)', 'x := 5'):
    try:
        compile(src, '<walrus>', 'exec')
        print(repr(src), 'compiled')
    except SyntaxError as e:
        print(repr(src), 'SyntaxError', e.msg)
def f():
    [(last := v) for v in range(4)]
    return last
print(f())
def g():
    total = 0
    [total := total + v for v in range(5)]
    return total
print(g())

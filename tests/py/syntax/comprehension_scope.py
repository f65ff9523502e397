# Comprehension variables do not leak; the first iterable is evaluated in the enclosing scope.
x = 'outer'
print([x for x in range(3)], x)
print({x: 1 for x in 'ab'}, x, {x for x in [1]}, x, list(x for x in (9,)), x)
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        bad = [v * len(vals) for v in vals]
    except NameError as e:
        print('NameError', e)
print(C.doubled)
def outer():
    n = 10
    return [n + i for i in range(3)]
print(outer())
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print([[j for j in range(i)] for i in range(4)])
try:
    [z for z in range(3)]
    print(z)
except NameError as e:
    print('NameError', e)

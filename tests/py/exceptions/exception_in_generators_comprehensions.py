# Exceptions from inside comprehensions, generator expressions and lambdas carry the right frames.
import traceback
def bad(x):
    return 10 // x
for expr in ('[bad(x) for x in [1, 0]]', '{x: bad(x) for x in [0]}', 'list(bad(x) for x in [0])', '(lambda: bad(0))()', 'sorted([1, 0], key=bad)'):
    try:
        eval(expr)
    except ZeroDivisionError as e:
        names = [f.name for f in traceback.extract_tb(e.__traceback__)]
        print(expr, names)

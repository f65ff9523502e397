# Exceptions raised by __eq__/__hash__ during container operations propagate.
class BadEq:
    def __eq__(self, o): raise RuntimeError('eq exploded')
    __hash__ = object.__hash__
try:
    BadEq() in [1, 2]
except RuntimeError as e:
    print('list contains:', e)
try:
    [1, 2].index(BadEq())
except RuntimeError as e:
    print('list index:', e)
try:
    [BadEq()] == [BadEq()]
except RuntimeError as e:
    print('list eq:', e)
x = BadEq()
print([x] == [x], x in [x], (x,).count(x))
class BadHash:
    def __hash__(self): raise ValueError('hash exploded')
for op in (lambda: {BadHash()}, lambda: {BadHash(): 1}, lambda: {1: 2}.get(BadHash()), lambda: BadHash() in {1}):
    try:
        op()
    except ValueError as e:
        print('ValueError', e)

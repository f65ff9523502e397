# getattr, setattr, hasattr, delattr.
class C:
    cls_attr = 'c'
o = C()
setattr(o, 'x', 1)
setattr(o, 'with space', 2)
print(getattr(o, 'x'), getattr(o, 'with space'), getattr(o, 'cls_attr'), getattr(o, 'nope', 'default'), hasattr(o, 'x'), hasattr(o, 'nope'))
delattr(o, 'x')
print(hasattr(o, 'x'), sorted(vars(o)))
for call in (lambda: getattr(o, 'nope'), lambda: getattr(o, 5), lambda: delattr(o, 'nope'), lambda: setattr(5, 'real', 1), lambda: setattr(object(), 'a', 1)):
    try:
        call()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
class Raises:
    @property
    def bad(self):
        raise KeyError('not attribute error')
try:
    hasattr(Raises(), 'bad')
except KeyError as e:
    print('KeyError propagates', e)
print(getattr(1, 'real'), getattr('s', 'upper')(), getattr(C, '__name__'))

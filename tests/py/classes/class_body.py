# The class body executes like a function; __qualname__, __doc__, nested classes.
print('before')
class Outer:
    'Outer doc'
    print('in body')
    x = 1
    y = x + 1
    items = [i * 2 for i in range(x, 4)]
    try:
        hidden = [x * i for i in range(3)]
    except NameError as e:
        print('NameError', e)
    class Inner:
        class Deeper:
            pass
    def method(self):
        pass
    del x
print('after', Outer.y, Outer.items, Outer.__doc__, hasattr(Outer, 'x'))
print(Outer.Inner.__qualname__, Outer.Inner.Deeper.__qualname__, Outer.method.__qualname__, Outer.__module__)
def factory(n):
    class Local:
        val = n
        def get(self):
            return self.val
    return Local
L = factory(5)
print(L().get(), L.__qualname__, factory(6) is not L)
class Empty: pass
print(Empty.__doc__, Empty.__bases__, Empty.__name__, type(Empty()).__name__)
class WithRepr:
    def __repr__(self): return 'WithRepr()'
print([WithRepr()], str(WithRepr()))

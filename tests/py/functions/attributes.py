# Function objects: names, qualnames, attributes, annotations, code object fields.
def outer():
    def inner(a: int, b: 'str' = 'x') -> list:
        'doc of inner'
        return [a, b]
    return inner
f = outer()
print(f.__name__, f.__qualname__, f.__doc__, f.__module__, f.__annotations__, f.__defaults__)
f.custom = 123
print(f.custom, f.__dict__, callable(f), type(f).__name__)
print(f.__code__.co_name, f.__code__.co_varnames, f.__code__.co_argcount, f.__code__.co_filename.endswith('attributes.py'))
f.__name__ = 'renamed'
print(f.__name__, f.__qualname__)
print(outer.__globals__ is globals(), f(1))
class K:
    def m(self): pass
    @staticmethod
    def s(): pass
print(K.m.__qualname__, K.s.__qualname__, K().m.__func__ is K.m, K().m.__self__.__class__.__name__)

# __getattr__, __getattribute__, __setattr__, __delattr__.
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        print('__getattr__', name)
        if name.startswith('x'):
            return name.upper()
        raise AttributeError(name)
l = Lazy()
print(l.real, l.xyz, getattr(l, 'nope', 'dflt'), hasattr(l, 'nope2'), hasattr(l, 'xa'))
class Spy:
    def __init__(self):
        object.__setattr__(self, 'log', [])
    def __getattribute__(self, name):
        if name != 'log':
            self.log.append(name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print('set', name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print('del', name)
        object.__delattr__(self, name)
s = Spy()
s.a = 5
print(s.a, s.log)
del s.a
print(hasattr(s, 'a'), s.log)
class Both:
    def __getattribute__(self, name):
        if name == 'magic':
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return 'fallback ' + name
print(Both().magic, Both().__class__.__name__)

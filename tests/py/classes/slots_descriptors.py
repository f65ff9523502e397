# Slot descriptors behave like data descriptors; default values via class attributes are forbidden.
class S:
    __slots__ = ('a', 'b')
print(type(S.__dict__['a']).__name__, S.a.__name__, S.a.__objclass__ is S)
s = S()
S.a.__set__(s, 5)
print(S.a.__get__(s, S), s.a)
try:
    s.b
except AttributeError as e:
    print('AttributeError', e)
class Base:
    __slots__ = ('x',)
class Child(Base):
    __slots__ = ('y',)
c = Child()
c.x, c.y = 1, 2
print(c.x, c.y, hasattr(c, '__dict__'), Child.__slots__)
class Empty:
    __slots__ = ()
try:
    Empty().z = 1
except AttributeError as e:
    print('AttributeError', e)
class StrSlots:
    __slots__ = 'only'
o = StrSlots()
o.only = 'single string slot'
print(o.only)

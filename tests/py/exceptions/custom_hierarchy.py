# User exception hierarchies and catching by base class.
class AppError(Exception): pass
class DBError(AppError): pass
class NotFound(DBError):
    def __init__(self, key):
        super().__init__(f'no such key: {key}')
        self.key = key
def lookup(k):
    raise NotFound(k)
for catch in (NotFound, DBError, AppError, Exception):
    try:
        lookup('x')
    except catch as e:
        print(catch.__name__, 'caught', type(e).__name__, e, e.key)
class WithSlots(Exception):
    __slots__ = ('extra',)
try:
    raise WithSlots('s')
except WithSlots as e:
    e.extra = 1
    print(e, e.extra)
print(issubclass(NotFound, Exception), NotFound.__mro__[-3].__name__, NotFound('k').args)
class Reprless(Exception):
    pass
print(repr(Reprless()), repr(Reprless(1, 2)), str(Reprless(1, 2)))

# Attribute lookup on classes goes through the metaclass: data descriptors on the metaclass win.
class MetaDesc:
    def __get__(self, cls, mcls):
        return f'metaclass descriptor for {cls.__name__}'
    def __set__(self, cls, value):
        print('metaclass set', value)
class Meta(type):
    special = MetaDesc()
    def __getattr__(cls, name):
        return f'{cls.__name__}.{name} via metaclass __getattr__'
class A(metaclass=Meta):
    special = 'class attribute shadowed by data descriptor'
    plain = 'plain'
print(A.special, A.plain, A.missing, A().special)
A.special = 'assigned'
print(A.__dict__['special'])
try:
    A().missing
except AttributeError as e:
    print('AttributeError', e)

# __bool__ and __len__ decide truth; bad results raise TypeError.
class A:
    def __bool__(self): return False
class B:
    def __len__(self): return 0
class C:
    def __len__(self): return 3
class D:
    pass
class E:
    def __bool__(self): return 1
class F:
    def __len__(self): return -1
for obj in (A(), B(), C(), D()):
    print(type(obj).__name__, bool(obj), not obj, 'yes' if obj else 'no')
for obj in (E(), F()):
    try:
        bool(obj)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(0 or 'x', 'a' and 'b', '' and 'b', None or 0 or [] or 'last', 1 and 2 and 3)
print(not None, not not 'x')

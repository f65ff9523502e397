# Name mangling applies to globals referenced inside classes, and to imports.
__hidden_global = 'module level'
_C__mangled = 'mangled global'
class C:
    def get(self):
        return __mangled
    def get2(self):
        return globals()['__hidden_global']
print(C().get(), C().get2())
class D:
    __attr = 1
    def method(self):
        return [self.__attr for _ in range(2)], (lambda: self.__attr)()
print(D().method(), D._D__attr)
class __Dunder__:
    __x = 1
print(hasattr(__Dunder__, '_Dunder____x'), hasattr(__Dunder__, '__x'), sorted(k for k in vars(__Dunder__) if 'x' in k))

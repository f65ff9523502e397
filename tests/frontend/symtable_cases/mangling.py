class Outer:
    __secret = 1
    __dunder__ = 2
    _single = 3
    import __import_me
    def __method(self, __param):
        __local = __param
        return self.__secret, __local, __free
    class __Inner:
        __x = 1
        def f(self):
            return __x
    def g(self):
        global __g
        __g = 1
        return [__c for __c in range(3)]

class __:
    __x = 1

class _Under:
    __x = 1

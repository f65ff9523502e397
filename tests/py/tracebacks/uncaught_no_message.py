# Uncaught exception without a message, raised from nested frames in a method.
class K:
    def method(self):
        raise NotImplementedError
    def __call__(self):
        return self.method()
k = K()
k()

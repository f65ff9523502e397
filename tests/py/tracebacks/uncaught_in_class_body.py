# Traceback through a class body and a method called from it.
class Config:
    def load(name):
        return {'a': 1}[name]
    value = load('b')

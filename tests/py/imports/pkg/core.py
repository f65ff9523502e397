print('pkg.core running, __name__ =', __name__, '__package__ =', __package__)
VALUE = 42
def greet(who):
    return f'hello {who} from {__name__}'

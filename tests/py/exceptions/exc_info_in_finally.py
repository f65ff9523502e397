# sys.exc_info() inside finally blocks, after handled exceptions, and in nested functions.
import sys
def show(tag):
    print(tag, sys.exc_info()[0].__name__ if sys.exc_info()[0] else None)
try:
    try:
        raise KeyError('k')
    finally:
        show('finally during propagation')
except KeyError:
    show('handler')
show('after')
try:
    raise ValueError('v')
except ValueError:
    def inner():
        show('nested function in handler')
    inner()
    try:
        pass
    finally:
        show('finally in handler')

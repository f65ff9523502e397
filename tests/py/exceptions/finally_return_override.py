# return in finally swallows exceptions; break in finally too; the exception state is cleared afterwards.
import sys
def swallow():
    try:
        raise ValueError('lost')
    finally:
        return 'finally wins'
print(swallow(), sys.exc_info())
def loop_swallow():
    for i in range(2):
        try:
            raise KeyError(i)
        finally:
            break
    return 'broke out', i
print(loop_swallow())
def nested_returns():
    try:
        try:
            return 'inner try'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(nested_returns())
def value_of_return():
    x = 'before'
    try:
        return x
    finally:
        x = 'after'
print(value_of_return())

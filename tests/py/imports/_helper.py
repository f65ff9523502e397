# Not a test (leading underscore): a plain module next to the scripts.
print('_helper imported as', __name__)
def double(x):
    return 2 * x

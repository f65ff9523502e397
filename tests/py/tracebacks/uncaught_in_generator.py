# An exception escaping a generator through a for loop.
def produce():
    yield 1
    yield 2
    raise OSError(5, 'I/O failed')
for item in produce():
    print('item', item)

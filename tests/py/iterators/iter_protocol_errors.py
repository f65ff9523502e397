# __next__ raising other exceptions, __iter__ returning self, and StopIteration values in loops.
class Faulty:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i == 3:
            raise ValueError('broken at 3')
        return self.i
try:
    for x in Faulty():
        print('got', x)
except ValueError as e:
    print('ValueError', e)
class NotIterator:
    def __iter__(self): return [1, 2]
try:
    for x in NotIterator():
        pass
except TypeError as e:
    print('TypeError', e)
class StopWithValue:
    def __iter__(self): return self
    def __next__(self): raise StopIteration('ignored value')
print(list(StopWithValue()))
def g():
    result = yield from StopWithValue()
    yield result
print(list(g()))

# iter(callable, sentinel) and the iterator protocol.
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 5)))
data = iter(['a', 'b', '', 'c'])
print(list(iter(lambda: next(data), '')))
class Countdown:
    def __init__(self, start): self.cur = start
    def __iter__(self): return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
print(list(Countdown(4)), sum(Countdown(10)), max(Countdown(3)), 2 in Countdown(5))
c = Countdown(2)
print(next(c), next(c), next(c, 'done'), next(c, None))
try:
    iter(5)
except TypeError as e:
    print('TypeError', e)
try:
    next([1])
except TypeError as e:
    print('TypeError', e)
class GetItemOnly:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError(i)
        return chr(97 + i)
print(list(iter(GetItemOnly())), [x for x in GetItemOnly()])

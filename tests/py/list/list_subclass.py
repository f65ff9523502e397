# Subclassing list.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), type(s).__name__, type(s + [4]).__name__, type(s[:1]).__name__, isinstance(s, list))
class Logged(list):
    def __getitem__(self, i):
        print('get', i)
        return super().__getitem__(i)
    def append(self, x):
        print('append', x)
        super().append(x)
l = Logged([10, 20])
print(l[1])
l.append(30)
l.extend([40])
print(l, sum(l), list(l))
class Empty(list):
    def __len__(self):
        return 0
print(bool(Empty([1, 2])), list(Empty([1, 2])))

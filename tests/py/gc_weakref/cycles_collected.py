# Reference cycles are reclaimed by gc.collect(); weakrefs to them die.
import gc, weakref
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
refs = []
for i in range(100):
    a, b = Node('a%d' % i), Node('b%d' % i)
    a.peer, b.peer = b, a
    refs.append(weakref.ref(a))
del a, b
gc.collect()
print(sum(r() is not None for r in refs))
keep = Node('keep')
keep.peer = keep
r = weakref.ref(keep)
gc.collect()
print(r() is keep, r().name)
del keep
gc.collect()
print(r())

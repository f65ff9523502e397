# An LRU cache implemented with a dict and a doubly linked list (classes with __slots__).
class Node:
    __slots__ = ('key', 'value', 'prev', 'next')
    def __init__(self, key=None, value=None):
        self.key, self.value, self.prev, self.next = key, value, None, None
class LRU:
    def __init__(self, cap):
        self.cap, self.map = cap, {}
        self.head, self.tail = Node(), Node()
        self.head.next, self.tail.prev = self.tail, self.head
    def _unlink(self, n):
        n.prev.next, n.next.prev = n.next, n.prev
    def _push(self, n):
        n.prev, n.next = self.tail.prev, self.tail
        self.tail.prev.next = n
        self.tail.prev = n
    def get(self, k):
        n = self.map.get(k)
        if n is None:
            return -1
        self._unlink(n); self._push(n)
        return n.value
    def put(self, k, v):
        if k in self.map:
            self._unlink(self.map.pop(k))
        elif len(self.map) == self.cap:
            old = self.head.next
            self._unlink(old)
            del self.map[old.key]
            print('evict', old.key)
        n = Node(k, v)
        self.map[k] = n
        self._push(n)
    def keys(self):
        out, n = [], self.head.next
        while n is not self.tail:
            out.append(n.key); n = n.next
        return out
c = LRU(3)
for op in ['put a 1', 'put b 2', 'put c 3', 'get a', 'put d 4', 'get b', 'get c', 'put a 10', 'put e 5', 'get a', 'get d']:
    parts = op.split()
    if parts[0] == 'put':
        c.put(parts[1], int(parts[2]))
    else:
        print(op, '->', c.get(parts[1]))
    print('  ', c.keys())

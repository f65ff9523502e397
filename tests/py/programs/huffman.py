# Huffman coding with heapq and tuples (deterministic tie-breaking by counter).
import heapq
from collections import Counter
from itertools import count
def huffman(text):
    tick = count()
    heap = [(n, next(tick), ch) for ch, n in sorted(Counter(text).items())]
    heapq.heapify(heap)
    while len(heap) > 1:
        n1, _, a = heapq.heappop(heap)
        n2, _, b = heapq.heappop(heap)
        heapq.heappush(heap, (n1 + n2, next(tick), (a, b)))
    codes = {}
    def walk(node, prefix):
        if isinstance(node, tuple):
            walk(node[0], prefix + '0')
            walk(node[1], prefix + '1')
        else:
            codes[node] = prefix or '0'
    walk(heap[0][2], '')
    return codes
text = 'abracadabra alakazam'
codes = huffman(text)
for ch in sorted(codes):
    print(repr(ch), codes[ch])
encoded = ''.join(codes[c] for c in text)
print(len(encoded), encoded)
rev = {v: k for k, v in codes.items()}
out, cur = [], ''
for bit in encoded:
    cur += bit
    if cur in rev:
        out.append(rev[cur]); cur = ''
print(''.join(out) == text)

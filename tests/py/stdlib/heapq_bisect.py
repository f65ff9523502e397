# heapq and bisect.
import heapq, bisect
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(3)], h)
print(heapq.nlargest(3, [1, 8, 2, 9, 4]), heapq.nsmallest(2, 'zebra'), list(heapq.merge([1, 4, 7], [2, 5, 8])))
l = [5, 3, 7, 1]
heapq.heapify(l)
print(l, heapq.heappushpop(l, 0), heapq.heapreplace(l, 10), l)
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 9))
bisect.insort(a, 5); print(a)
print(bisect.bisect_left(['apple', 'fig', 'kiwi'], 'grape'), bisect.bisect([(1, 'a'), (3, 'c')], (2,)), bisect.bisect_left([{'k': 1}, {'k': 5}], 3, key=lambda d: d['k']))

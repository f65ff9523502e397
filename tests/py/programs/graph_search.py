# BFS, DFS, Dijkstra and topological sort on small graphs.
import heapq
from collections import deque
g = {'a': ['b', 'c'], 'b': ['d'], 'c': ['d', 'e'], 'd': ['f'], 'e': ['f'], 'f': []}
def bfs(start):
    seen, order, q = {start}, [], deque([start])
    while q:
        n = q.popleft()
        order.append(n)
        for m in g[n]:
            if m not in seen:
                seen.add(m); q.append(m)
    return order
def dfs(n, seen=None):
    seen = seen if seen is not None else []
    seen.append(n)
    for m in g[n]:
        if m not in seen:
            dfs(m, seen)
    return seen
def topo():
    indeg = {n: 0 for n in g}
    for ns in g.values():
        for m in ns:
            indeg[m] += 1
    q = sorted(n for n, d in indeg.items() if d == 0)
    out = []
    while q:
        n = q.pop(0)
        out.append(n)
        for m in g[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                q.append(m)
    return out
w = {'a': {'b': 4, 'c': 1}, 'b': {'d': 1}, 'c': {'b': 2, 'd': 5}, 'd': {}}
def dijkstra(src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, n = heapq.heappop(pq)
        if d > dist.get(n, float('inf')):
            continue
        for m, c in w[n].items():
            if d + c < dist.get(m, float('inf')):
                dist[m] = d + c
                heapq.heappush(pq, (d + c, m))
    return dict(sorted(dist.items()))
print(bfs('a'), dfs('a'), topo(), dijkstra('a'))

# Recursion with memoisation via dict default, closures, and lru_cache; results match.
from functools import lru_cache, cache
def fib_dict(n, memo={0: 0, 1: 1}):
    if n not in memo:
        memo[n] = fib_dict(n - 1) + fib_dict(n - 2)
    return memo[n]
@cache
def fib_cache(n):
    return n if n < 2 else fib_cache(n - 1) + fib_cache(n - 2)
def partitions(n, k=None, memo={}):
    k = n if k is None else k
    if n == 0: return 1
    if n < 0 or k == 0: return 0
    key = (n, k)
    if key not in memo:
        memo[key] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[key]
print(fib_dict(200), fib_cache(200) == fib_dict(200), [partitions(n) for n in range(15)], partitions(100))
@lru_cache(maxsize=2)
def sq(x):
    print('computing', x)
    return x * x
print(sq(2), sq(3), sq(2), sq(4), sq(3), sq.cache_info())
sq.cache_clear()
print(sq.cache_info())

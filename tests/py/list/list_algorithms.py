# Classic list algorithms: merge sort, quicksort, binary search, rotation, dedupe.
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    l, r = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    while l and r:
        out.append(l.pop(0) if l[0] <= r[0] else r.pop(0))
    return out + l + r
def quicksort(xs):
    if len(xs) < 2:
        return xs
    p, *rest = xs
    return quicksort([x for x in rest if x < p]) + [p] + quicksort([x for x in rest if x >= p])
def bsearch(xs, t):
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < t: lo = mid + 1
        else: hi = mid
    return lo
data = [38, 27, 43, 3, 9, 82, 10, 3, -5, 0, 27]
print(merge_sort(data), quicksort(data), sorted(data) == merge_sort(data))
s = sorted(data)
print([bsearch(s, t) for t in (-10, 3, 27, 100)])
k = 3
print(data[k:] + data[:k], list(dict.fromkeys(data)), data[::-1])

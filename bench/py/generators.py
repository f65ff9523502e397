# generators.py — generators everywhere: pipelines of generator functions and
# generator expressions, recursive generators with "yield from" walking a tree, a
# coroutine-style accumulator driven by send(), and an iterator class for comparison.
# Written for stmpy's benchmark suite.  usage: generators.py [N]
import sys


def count_from(start, step=1):
    n = start
    while True:
        yield n
        n += step


def take(n, it):
    for _ in range(n):
        yield next(it)


def collatz_lengths(numbers):
    for n in numbers:
        steps = 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        yield steps


def windows(it, size):
    window = []
    for x in it:
        window.append(x)
        if len(window) == size:
            yield tuple(window)
            del window[0]


def pipeline(n):
    evens = (x for x in take(n, count_from(1)) if x % 3 != 0)
    lengths = collatz_lengths(evens)
    return sum(a * b - c for a, b, c in windows(lengths, 3)) % 1000003


class Node:
    __slots__ = ("key", "left", "right")

    def __init__(self, key, left=None, right=None):
        self.key = key
        self.left = left
        self.right = right


def build(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Node(mid, build(lo, mid - 1), build(mid + 1, hi))


def inorder(node):
    if node is not None:
        yield from inorder(node.left)
        yield node.key
        yield from inorder(node.right)


def tree_walk(n):
    root = build(0, n - 1)
    total = 0
    for rounds in range(4):
        total += sum(k for k in inorder(root) if k % (rounds + 2) == 0)
    return total


def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return count
        total += value
        count += 1
        average = total / count


def coroutine(n):
    acc = averager()
    next(acc)
    last = 0.0
    for i in range(n):
        last = acc.send(float(i % 97))
    try:
        acc.send(None)
    except StopIteration as stop:
        count = stop.value
    return f"{last:.6f}/{count}"


class Squares:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        i = self.i
        if i >= self.n:
            raise StopIteration
        self.i = i + 1
        return i * i


def iterators(n):
    a = sum(Squares(n)) % 1000003
    b = sum(x * x for x in range(n)) % 1000003
    c = sum(zip(*[iter(range(n))] * 2).__next__()) if n > 1 else 0
    return a == b, a, c


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 160000
    print(f"generators({n}): pipeline {pipeline(n)}, tree {tree_walk(n)}, "
          f"coroutine {coroutine(n * 4)}, iterators {iterators(n * 4)}")


main()

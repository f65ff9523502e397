# Deep recursion raises RecursionError, which can be caught; the program continues.
import sys
def down(n):
    return down(n + 1) + 1
try:
    down(0)
except RecursionError as e:
    print('RecursionError', e)
def mutual_a(n): return mutual_b(n + 1)
def mutual_b(n): return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError:
    print('mutual RecursionError')
class Loop:
    def __getattr__(self, name):
        return getattr(self, name + 'x')
try:
    Loop().a
except RecursionError:
    print('getattr RecursionError')
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
print(sys.getrecursionlimit())

# Raising and lowering the recursion limit.
import sys
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
old = sys.getrecursionlimit()
sys.setrecursionlimit(3000)
print(depth(2500))
sys.setrecursionlimit(200)
try:
    depth(500)
except RecursionError:
    print('RecursionError at lower limit')
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print('ValueError', e)

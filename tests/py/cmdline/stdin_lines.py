# stdin: 3
# stdin: 10 20 30
# stdin: hello world
# Reading counts and numbers from stdin with input() and sys.stdin.readline().
import sys
n = int(input())
nums = list(map(int, sys.stdin.readline().split()))
rest = sys.stdin.read()
print(n, nums, sum(nums) * n, repr(rest))

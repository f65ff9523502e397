# Python 3.11: star expressions in subscripts and in for-targets/returns.
class S:
    def __getitem__(self, k):
        return k
s = S()
idx = (1, 2)
print(s[*idx], s[0, *idx], s[*idx, 3:4])
def f():
    rest = [2, 3]
    return 1, *rest
print(f())
for a, *b in [(1, 2, 3)]:
    print(a, b)
print([*range(2)], (*'ab',))
x = *range(3), 4
print(x)

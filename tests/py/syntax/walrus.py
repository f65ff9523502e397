# Assignment expressions (:=) in conditions, comprehensions and calls.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print('long list', n)
it = iter(data)
while (item := next(it, None)) is not None:
    if item > 5:
        print('big', item)
print([y for x in data if (y := x * 2) > 6], y)
print(max(data), (total := sum(data)), total)
def f():
    [inner := i for i in range(3)]
    return inner
print(f())
print([last := v for v in 'abc'], last)
print((a := 1, b := 2), a, b)
import re
if m := re.match(r'(\d+)-(\d+)', '10-20'):
    print(m.groups())

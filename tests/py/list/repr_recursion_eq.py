# Recursive lists: repr, equality and containment.
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a, a[2][2][0])
b = [a, [a]]
print(b)
d = {'list': a}
a.append(d)
print(a)
x = []
x.append(x)
print(x == x, x in x)

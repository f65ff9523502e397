# Large dicts with int and str keys, deletions and reinsertion, and get/contains consistency.
d = {}
for i in range(20000):
    d[i * 7919 % 20011] = i
print(len(d), d[0], d[7919], sum(d.values()) % 100003)
for i in range(0, 20000, 2):
    del d[i * 7919 % 20011]
print(len(d), all((i * 7919 % 20011 in d) == (i % 2 == 1) for i in range(20000)))
s = {('k%d' % i): i for i in range(5000)}
print(len(s), s['k4999'], list(s)[:3], list(s)[-3:])

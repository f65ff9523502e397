# Order survives many insertions and deletions; keys re-inserted go last.
d = {}
for i in range(100):
    d[i] = i
for i in range(0, 100, 3):
    del d[i]
for i in range(0, 30, 3):
    d[i] = -i
print(list(d)[:20], list(d)[-12:], len(d))
big = {str(i): i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[str(i)]
print(list(big)[:5], sum(big.values()), len(big))

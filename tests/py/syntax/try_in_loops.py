# continue/break inside finally (allowed since 3.8) and try inside while with else.
for i in range(4):
    try:
        if i == 1:
            raise ValueError(i)
    except ValueError:
        print('except', i)
        continue
    else:
        print('else', i)
    finally:
        print('finally', i)
n = 0
while n < 3:
    n += 1
    try:
        continue
    finally:
        print('finally in while', n)
else:
    print('while else')
def f():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(f())

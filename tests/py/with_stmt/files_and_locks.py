# with over files in a temporary directory and over threading-free locks (not acquired concurrently).
import tempfile, os
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'f.txt')
    with open(path, 'w') as f:
        f.write('hello')
    print(f.closed)
    with open(path) as a, open(path) as b:
        print(a.read(), b.read(2))
    print(a.closed, b.closed)
print(os.path.exists(d))

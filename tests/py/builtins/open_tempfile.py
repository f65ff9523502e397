# open(): text and binary modes inside a temporary directory.
import os, tempfile
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'data.txt')
    with open(p, 'w', encoding='utf-8') as f:
        print(f.write('line one\nlïne two\n'), f.writable(), f.readable(), f.mode, f.closed)
        f.writelines(['three\n', 'four'])
    print(f.closed)
    with open(p, encoding='utf-8') as f:
        print(f.readline(), end='')
        print(f.read(4), '|', f.readlines())
    with open(p, 'rb') as f:
        data = f.read()
        print(data, len(data), f.tell())
        f.seek(5)
        print(f.read(3))
    with open(p, 'a') as f:
        f.write('\nappended')
    with open(p) as f:
        print([line.rstrip('\n') for line in f])
    with open(os.path.join(d, 'b.bin'), 'wb') as f:
        f.write(bytes(range(5)))
    print(open(os.path.join(d, 'b.bin'), 'rb').read(), sorted(os.listdir(d)))
    try:
        open(os.path.join(d, 'missing.txt'))
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno, e.strerror)
    try:
        open(p, 'rz')
    except ValueError as e:
        print('ValueError', e)

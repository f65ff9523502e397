# os on the posix module: mkdir/listdir/scandir/stat/rename/remove/rmdir, errors, environ, fspath.
import os
d = '/tmp/stmpy_os_test_%d' % os.getpid()
os.mkdir(d)
with open(d + '/a.txt', 'w') as f:
    f.write('hi')
os.mkdir(d + '/sub')
print(sorted(os.listdir(d)), os.path.isdir(d + '/sub'), os.path.getsize(d + '/a.txt'), sorted(e.name for e in os.scandir(d)))
print(sorted((e.name, e.is_dir(), e.is_file()) for e in os.scandir(d)), os.stat(d + '/a.txt').st_size, os.name, os.sep)
os.rename(d + '/a.txt', d + '/b.txt')
print(os.path.exists(d + '/a.txt'), os.path.exists(d + '/b.txt'), [w[1:] for w in os.walk(d)][0])
try:
    os.stat(d + '/zz')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror, e.filename == d + '/zz')
try:
    os.rmdir(d)
except OSError as e:
    print(type(e).__name__, e.errno)
os.remove(d + '/b.txt')
os.rmdir(d + '/sub')
os.rmdir(d)
print(os.path.exists(d), os.fspath('p'), isinstance(os.environ, os._Environ), len(os.urandom(4)), os.strerror(2))
class P:
    def __fspath__(self): return 'q'
print(os.fspath(P()), os.path.join(P(), 'r'))
try:
    os.fspath(1)
except TypeError as e:
    print(e)

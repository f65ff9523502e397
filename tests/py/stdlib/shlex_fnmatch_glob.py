# shlex, fnmatch and glob on a temporary directory.
import shlex, fnmatch, glob, os, tempfile
print(shlex.split('a "b c" d\\ e \'f g\''), shlex.quote("it's"), shlex.join(['x y', 'z']))
names = ['a.py', 'b.txt', 'c.PY', 'data_1.csv', 'data_22.csv']
print(fnmatch.filter(names, '*.py'), fnmatch.fnmatch('c.PY', '*.py'), fnmatch.fnmatchcase('c.PY', '*.py'), fnmatch.filter(names, 'data_?.csv'), fnmatch.translate('*.t[xy]t'))
with tempfile.TemporaryDirectory() as d:
    for n in names:
        open(os.path.join(d, n), 'w').close()
    os.mkdir(os.path.join(d, 'sub'))
    open(os.path.join(d, 'sub', 'deep.py'), 'w').close()
    rel = lambda ps: sorted(os.path.relpath(p, d) for p in ps)
    print(rel(glob.glob(os.path.join(d, '*.py'))), rel(glob.glob(os.path.join(d, '**', '*.py'), recursive=True)), rel(glob.glob(os.path.join(d, 'data_*'))))

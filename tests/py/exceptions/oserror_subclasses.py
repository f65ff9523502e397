# OSError(errno, ...) constructs the matching subclass; errno constants.
import errno
for code in (errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.EPIPE, errno.EINTR, errno.ECHILD, errno.ETIMEDOUT, errno.EAGAIN, 9999):
    e = OSError(code, 'msg')
    print(code, type(e).__name__, e.errno, e.strerror, isinstance(e, OSError))
print(IOError is OSError, EnvironmentError is OSError, issubclass(FileNotFoundError, OSError), errno.errorcode[errno.ENOENT])
import os, tempfile
with tempfile.TemporaryDirectory() as d:
    try:
        os.mkdir(d)
    except FileExistsError as e:
        print('FileExistsError', e.errno == errno.EEXIST, e.filename == d)
    try:
        os.rmdir(os.path.join(d, 'nope'))
    except FileNotFoundError as e:
        print('FileNotFoundError', e.strerror)

/* vm/mod_posix.c — a basic posix module (what os, posixpath, genericpath, glob and
 * shutil's common paths use): stat/lstat/fstat (os.stat_result), listdir, scandir
 * (DirEntry), getcwd, access, mkdir/rmdir/unlink/rename/chdir/chmod/readlink/symlink,
 * the process ids, urandom, strerror, environ (bytes), _exit, fspath.  The C parts do the
 * system calls; the argument handling is Python source run at import.  OSError is raised
 * as OSError(errno, strerror, filename), which picks the subclass.
 * os also needs 'posix' in sys.builtin_module_names (vm/builtins.c). */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/interp.h"
#include "vm/mod_internal.h"

extern char **environ;

static stm_ref stat_type;

static vm_value raise_os(int err, vm_value filename)
{
    vm_value args[3] = {vm_small(err), vm_str_c(strerror(err)), filename};
    vm_value e = vm_call(VM_TYPE(OSError), args, filename ? 3 : 2, VM_NULL);
    if (e)
        vm_raise_value(e);
    return VM_NULL;
}

static const char *path_arg(vm_value v)
{
    if (!vm_is_type(v, VM_T_STR)) {
        vm_raise(VM_TYPE(TypeError), "expected str, not %T", v);
        return NULL;
    }
    return vm_cstr(v);
}

static vm_value ts_float(struct timespec t)
{
    return vm_float_new((double)t.tv_sec + (double)t.tv_nsec * 1e-9);
}

static vm_value ts_ns(struct timespec t)
{
    vm_value s = vm_int_from_int64((int64_t)t.tv_sec);
    vm_value b = vm_int_from_int64(1000000000);
    vm_value p = s && b ? vm_binary_op(s, b, VM_NB_MULTIPLY) : VM_NULL;
    return p ? vm_binary_op(p, vm_int_from_int64(t.tv_nsec), VM_NB_ADD) : VM_NULL;
}

static vm_value make_stat(const struct stat *st)
{
    vm_value it[19] = {
        vm_int_from_int64(st->st_mode), vm_int_from_int64((int64_t)st->st_ino),
        vm_int_from_int64((int64_t)st->st_dev), vm_int_from_int64((int64_t)st->st_nlink),
        vm_int_from_int64(st->st_uid), vm_int_from_int64(st->st_gid),
        vm_int_from_int64(st->st_size), vm_int_from_int64(st->st_atim.tv_sec),
        vm_int_from_int64(st->st_mtim.tv_sec), vm_int_from_int64(st->st_ctim.tv_sec),
        ts_float(st->st_atim), ts_float(st->st_mtim), ts_float(st->st_ctim),
        ts_ns(st->st_atim), ts_ns(st->st_mtim), ts_ns(st->st_ctim),
        vm_int_from_int64(st->st_blksize), vm_int_from_int64(st->st_blocks),
        vm_int_from_int64((int64_t)st->st_rdev)};
    for (int i = 0; i < 19; i++)
        if (!it[i])
            return VM_NULL;
    return vm_structseq_new((vm_value)stat_type, it, 19);
}

static vm_value px_stat(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    const char *p = path_arg(args[0]);
    if (!p)
        return VM_NULL;
    struct stat st;
    int r = args[1] == VM_TRUE ? stat(p, &st) : lstat(p, &st);
    if (r < 0)
        return raise_os(errno, args[2]);
    return make_stat(&st);
}

static vm_value px_fstat(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    int64_t fd;
    if (!vm_index(args[0], &fd))
        return VM_NULL;
    struct stat st;
    if (fstat((int)fd, &st) < 0)
        return raise_os(errno, VM_NULL);
    return make_stat(&st);
}

static vm_value px_listdir(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    const char *p = path_arg(args[0]);
    if (!p)
        return VM_NULL;
    DIR *d = opendir(p);
    if (!d)
        return raise_os(errno, args[1]);
    vm_value l = vm_list_new(0);
    struct dirent *e;
    while (l && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        vm_value s = vm_str_c(e->d_name);
        if (!s || !vm_list_append(l, s))
            l = VM_NULL;
    }
    closedir(d);
    return l ? l : vm_raise_nomem();
}

static vm_value px_getcwd(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    char buf[4096];
    if (!getcwd(buf, sizeof buf))
        return raise_os(errno, VM_NULL);
    return vm_str_c(buf);
}

static vm_value px_access(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    const char *p = path_arg(args[0]);
    int64_t mode;
    if (!p || !vm_index(args[1], &mode))
        return VM_NULL;
    return access(p, (int)mode) == 0 ? VM_TRUE : VM_FALSE;
}

/* one path (and an optional int) calls */
static vm_value px_path_call(vm_value *args, int64_t nargs, int which)
{
    const char *p = path_arg(args[0]);
    if (!p)
        return VM_NULL;
    int64_t mode = 0777;
    if (nargs > 1 && !vm_index(args[1], &mode))
        return VM_NULL;
    int r;
    vm_inevitable("os: changes the file system");   /* an abort must not repeat it */
    switch (which) {
    case 0: r = mkdir(p, (mode_t)mode); break;
    case 1: r = rmdir(p); break;
    case 2: r = unlink(p); break;
    case 3: r = chdir(p); break;
    default: r = chmod(p, (mode_t)mode); break;
    }
    if (r < 0)
        return raise_os(errno, args[0]);
    return VM_NONE;
}
#define PATHCALL(name, which)                                                              \
    static vm_value px_##name(vm_value *args, int64_t nargs, vm_value kwnames)             \
    {                                                                                      \
        (void)kwnames;                                                                     \
        return px_path_call(args, nargs, which);                                           \
    }
PATHCALL(mkdir, 0)
PATHCALL(rmdir, 1)
PATHCALL(unlink, 2)
PATHCALL(chdir, 3)
PATHCALL(chmod, 4)

static vm_value px_readlink(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    const char *p = path_arg(args[0]);
    if (!p)
        return VM_NULL;
    char buf[4096];
    ssize_t n = readlink(p, buf, sizeof buf - 1);
    if (n < 0)
        return raise_os(errno, args[0]);
    return vm_str_from_utf8(buf, (size_t)n);
}

static vm_value px_rename(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    const char *a = path_arg(args[0]);
    char *ac = a ? strdup(a) : NULL;
    const char *b = ac ? path_arg(args[1]) : NULL;
    if (b)
        vm_inevitable("os.rename");
    int r = b ? rename(ac, b) : 0;
    int err = errno;
    free(ac);
    if (!b)
        return VM_NULL;
    return r < 0 ? raise_os(err, args[0]) : VM_NONE;
}

static vm_value px_symlink(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    const char *a = path_arg(args[0]);
    char *ac = a ? strdup(a) : NULL;
    const char *b = ac ? path_arg(args[1]) : NULL;
    if (b)
        vm_inevitable("os.symlink");
    int r = b ? symlink(ac, b) : 0;
    int err = errno;
    free(ac);
    if (!b)
        return VM_NULL;
    return r < 0 ? raise_os(err, args[0]) : VM_NONE;
}

#define IDFN(name, expr)                                                                   \
    static vm_value px_##name(vm_value *args, int64_t nargs, vm_value kwnames)             \
    {                                                                                      \
        (void)args, (void)nargs, (void)kwnames;                                            \
        return vm_int_from_int64((int64_t)(expr));                                         \
    }
IDFN(getpid, getpid())
IDFN(getppid, getppid())
IDFN(getuid, getuid())
IDFN(geteuid, geteuid())
IDFN(getgid, getgid())
IDFN(getegid, getegid())
IDFN(cpu_count, sysconf(_SC_NPROCESSORS_ONLN))

static vm_value px_urandom(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    int64_t n;
    if (!vm_index(args[0], &n))
        return VM_NULL;
    if (n < 0) {
        vm_raise(VM_TYPE(ValueError), "negative argument not allowed");
        return VM_NULL;
    }
    uint8_t *buf = malloc((size_t)n + 1);
    if (!buf)
        return vm_raise_nomem();
    size_t got = 0;
    while (got < (size_t)n) {
        ssize_t r = getrandom(buf + got, (size_t)n - got, 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            free(buf);
            return raise_os(errno, VM_NULL);
        }
        got += (size_t)r;
    }
    vm_value b = vm_bytes_new(buf, (size_t)n);
    free(buf);
    return b;
}

static vm_value px_strerror(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    int64_t code;
    if (!vm_index(args[0], &code))
        return VM_NULL;
    return vm_str_c(strerror((int)code));
}

static vm_value px_exit(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    int64_t code;
    if (!vm_index(args[0], &code))
        return VM_NULL;
    vm_inevitable("os._exit");
    fflush(NULL);
    _exit((int)code);
}

static vm_value px_close(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    int64_t fd;
    if (!vm_index(args[0], &fd))
        return VM_NULL;
    vm_inevitable("os.close");
    if (close((int)fd) < 0)
        return raise_os(errno, VM_NULL);
    return VM_NONE;
}

static vm_value px_isatty(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    int64_t fd;
    if (!vm_index(args[0], &fd))
        return VM_NULL;
    return isatty((int)fd) ? VM_TRUE : VM_FALSE;
}

static vm_value px_umask(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    int64_t m;
    vm_inevitable("os.umask");
    if (!vm_index(args[0], &m))
        return VM_NULL;
    return vm_small((int64_t)umask((mode_t)m));
}

static const vm_method_def posix_functions[] = {
    {"_stat", px_stat, 3, 3, VM_METH_NOKW, NULL},
    {"_fstat", px_fstat, 1, 1, VM_METH_NOKW, NULL},
    {"_listdir", px_listdir, 2, 2, VM_METH_NOKW, NULL},
    {"getcwd", px_getcwd, 0, 0, VM_METH_NOKW, NULL},
    {"_access", px_access, 2, 2, VM_METH_NOKW, NULL},
    {"_mkdir", px_mkdir, 1, 2, VM_METH_NOKW, NULL},
    {"_rmdir", px_rmdir, 1, 1, VM_METH_NOKW, NULL},
    {"_unlink", px_unlink, 1, 1, VM_METH_NOKW, NULL},
    {"_chdir", px_chdir, 1, 1, VM_METH_NOKW, NULL},
    {"_chmod", px_chmod, 2, 2, VM_METH_NOKW, NULL},
    {"_readlink", px_readlink, 1, 1, VM_METH_NOKW, NULL},
    {"_rename", px_rename, 2, 2, VM_METH_NOKW, NULL},
    {"_symlink", px_symlink, 2, 2, VM_METH_NOKW, NULL},
    {"getpid", px_getpid, 0, 0, VM_METH_NOKW, NULL},
    {"getppid", px_getppid, 0, 0, VM_METH_NOKW, NULL},
    {"getuid", px_getuid, 0, 0, VM_METH_NOKW, NULL},
    {"geteuid", px_geteuid, 0, 0, VM_METH_NOKW, NULL},
    {"getgid", px_getgid, 0, 0, VM_METH_NOKW, NULL},
    {"getegid", px_getegid, 0, 0, VM_METH_NOKW, NULL},
    {"_cpu_count", px_cpu_count, 0, 0, VM_METH_NOKW, NULL},
    {"urandom", px_urandom, 1, 1, VM_METH_NOKW, NULL},
    {"strerror", px_strerror, 1, 1, VM_METH_NOKW, NULL},
    {"_exit", px_exit, 1, 1, VM_METH_NOKW, NULL},
    {"close", px_close, 1, 1, VM_METH_NOKW, NULL},
    {"isatty", px_isatty, 1, 1, VM_METH_NOKW, NULL},
    {"umask", px_umask, 1, 1, VM_METH_NOKW, NULL},
    {0},
};

static const char posix_py[] =
    "F_OK, R_OK, W_OK, X_OK = 0, 4, 2, 1\n"
    "O_RDONLY, O_WRONLY, O_RDWR, O_APPEND, O_CREAT, O_EXCL, O_TRUNC = 0, 1, 2, 1024, 64, 128, 512\n"
    "O_NONBLOCK, O_CLOEXEC, O_DIRECTORY, O_NOFOLLOW = 2048, 524288, 65536, 131072\n"
    "SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2\n"
    "EX_OK = 0\n"
    "_have_functions = []\n"
    "\n"
    "def fspath(path):\n"
    "    if isinstance(path, (str, bytes)):\n"
    "        return path\n"
    "    path_type = type(path)\n"
    "    try:\n"
    "        path_repr = path_type.__fspath__(path)\n"
    "    except AttributeError:\n"
    "        if hasattr(path_type, '__fspath__'):\n"
    "            raise\n"
    "        raise TypeError('expected str, bytes or os.PathLike object, not ' + path_type.__name__)\n"
    "    if isinstance(path_repr, (str, bytes)):\n"
    "        return path_repr\n"
    "    raise TypeError('expected {}.__fspath__() to return str or bytes, not {}'.format(\n"
    "        path_type.__name__, type(path_repr).__name__))\n"
    "\n"
    "def _p(path):\n"
    "    path = fspath(path)\n"
    "    if isinstance(path, bytes):\n"
    "        return path.decode('utf-8', 'surrogateescape'), True\n"
    "    return path, False\n"
    "\n"
    "def stat(path, *, dir_fd=None, follow_symlinks=True):\n"
    "    if isinstance(path, int):\n"
    "        return fstat(path)\n"
    "    p, _ = _p(path)\n"
    "    return _stat(p, follow_symlinks, path)\n"
    "\n"
    "def lstat(path, *, dir_fd=None):\n"
    "    p, _ = _p(path)\n"
    "    return _stat(p, False, path)\n"
    "\n"
    "def fstat(fd):\n"
    "    return _fstat(fd)\n"
    "\n"
    "def listdir(path=None):\n"
    "    if path is None:\n"
    "        path = '.'\n"
    "    p, isbytes = _p(path)\n"
    "    names = _listdir(p, path)\n"
    "    if isbytes:\n"
    "        return [n.encode('utf-8', 'surrogateescape') for n in names]\n"
    "    return names\n"
    "\n"
    "def getcwdb():\n"
    "    return getcwd().encode('utf-8', 'surrogateescape')\n"
    "\n"
    "def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):\n"
    "    p, _ = _p(path)\n"
    "    return _access(p, mode)\n"
    "\n"
    "def _wrap1(cfn):\n"
    "    def f(path, *args, dir_fd=None, **kw):\n"
    "        p, _ = _p(path)\n"
    "        return cfn(p, *args)\n"
    "    return f\n"
    "mkdir = _wrap1(_mkdir)\n"
    "rmdir = _wrap1(_rmdir)\n"
    "unlink = remove = _wrap1(_unlink)\n"
    "chdir = _wrap1(_chdir)\n"
    "chmod = _wrap1(_chmod)\n"
    "readlink = _wrap1(_readlink)\n"
    "\n"
    "def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):\n"
    "    _rename(_p(src)[0], _p(dst)[0])\n"
    "replace = rename\n"
    "\n"
    "def symlink(src, dst, target_is_directory=False, *, dir_fd=None):\n"
    "    _symlink(_p(src)[0], _p(dst)[0])\n"
    "\n"
    "class DirEntry:\n"
    "    __slots__ = ('name', 'path', '_stat', '_lstat')\n"
    "    def __init__(self, name, path):\n"
    "        self.name = name\n"
    "        self.path = path\n"
    "        self._stat = None\n"
    "        self._lstat = None\n"
    "    def stat(self, *, follow_symlinks=True):\n"
    "        if follow_symlinks:\n"
    "            if self._stat is None:\n"
    "                self._stat = stat(self.path)\n"
    "            return self._stat\n"
    "        if self._lstat is None:\n"
    "            self._lstat = lstat(self.path)\n"
    "        return self._lstat\n"
    "    def _mode(self, follow):\n"
    "        try:\n"
    "            return self.stat(follow_symlinks=follow).st_mode\n"
    "        except FileNotFoundError:\n"
    "            return 0\n"
    "    def is_dir(self, *, follow_symlinks=True):\n"
    "        return (self._mode(follow_symlinks) & 0o170000) == 0o040000\n"
    "    def is_file(self, *, follow_symlinks=True):\n"
    "        return (self._mode(follow_symlinks) & 0o170000) == 0o100000\n"
    "    def is_symlink(self):\n"
    "        return (self._mode(False) & 0o170000) == 0o120000\n"
    "    def inode(self):\n"
    "        return self.stat(follow_symlinks=False).st_ino\n"
    "    def __fspath__(self):\n"
    "        return self.path\n"
    "    def __repr__(self):\n"
    "        return '<DirEntry %r>' % (self.name,)\n"
    "\n"
    "class _ScandirIterator:\n"
    "    def __init__(self, entries):\n"
    "        self._it = iter(entries)\n"
    "    def __iter__(self):\n"
    "        return self\n"
    "    def __next__(self):\n"
    "        return next(self._it)\n"
    "    def close(self):\n"
    "        self._it = iter(())\n"
    "    def __enter__(self):\n"
    "        return self\n"
    "    def __exit__(self, *a):\n"
    "        self.close()\n"
    "\n"
    "def scandir(path='.'):\n"
    "    names = listdir(path)\n"
    "    p = fspath(path)\n"
    "    if isinstance(p, bytes):\n"
    "        join = lambda n: p + (b'' if p.endswith(b'/') else b'/') + n\n"
    "    else:\n"
    "        join = lambda n: p + ('' if p.endswith('/') else '/') + n\n"
    "    return _ScandirIterator([DirEntry(n, join(n)) for n in names])\n"
    "\n"
    "def cpu_count():\n"
    "    return _cpu_count() or None\n"
    "\n"
    "def get_terminal_size(fd=1):\n"
    "    raise OSError(25, 'Inappropriate ioctl for device')\n"
    "\n"
    "for _c in (DirEntry,):\n"
    "    _c.__module__ = 'posix'\n"
    "del _c\n"
    "\n"
    "__all__ = [n for n in dir() if not n.startswith('_')] + ['_exit']\n"
    "\n";

static vm_value posix_init(void)
{
    vm_value m = vm_module_new(vm_str_c("posix"));
    if (!m)
        return vm_raise_nomem();
    if (vm_mod_add_functions(m, posix_functions) < 0)
        return VM_NULL;
    vm_value d = vm_module_dict(m);
    vm_value env = vm_dict_new();
    if (!env)
        return vm_raise_nomem();
    for (char **e = environ; *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        vm_value k = vm_bytes_new(*e, (size_t)(eq - *e));
        vm_value v = vm_bytes_new(eq + 1, strlen(eq + 1));
        if (!k || !v || vm_dict_setitem(env, k, v) < 0)
            return VM_NULL;
    }
    if (vm_dict_setitem_c(d, "environ", env) < 0
        || vm_dict_setitem_c(d, "stat_result", (vm_value)stat_type) < 0)
        return VM_NULL;
    if (vm_mod_exec(m, posix_py, "<frozen posix>") < 0)
        return VM_NULL;
    return m;
}

void vm_mod_posix_register(void)
{
    static const char *const fields[] = {
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
        "_st_atime_int", "_st_mtime_int", "_st_ctime_int", "st_atime", "st_mtime",
        "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks",
        "st_rdev"};
    stm_add_global_root(&stat_type);
    stm_global_root_set(&vm_self->tl, &stat_type,
                        (stm_ref)vm_structseq_type("os", "stat_result", fields, 19));
    vm_register_c_module("posix", posix_init);
}

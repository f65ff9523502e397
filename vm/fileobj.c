/* vm/fileobj.c — the C file objects of open() and sys.stdin/stdout/stderr.
 *
 * CPython stacks three objects (TextIOWrapper over a Buffered* over a FileIO); here one C
 * state (file_state: the descriptor, a write buffer and a read buffer) is shared by a
 * binary object (the types _io.BufferedReader, BufferedWriter, BufferedRandom, or FileIO
 * when unbuffered) and, in text mode, a text object (_io.TextIOWrapper) whose .buffer is
 * the binary one.  So text and binary writes to one file (sys.stdout.write and
 * sys.stdout.buffer.write) go through one buffer in order.  The text object adds the
 * codec (UTF-8, Latin-1 or ASCII with any vm/ustr error handler) and newline handling
 * (universal newlines on read by default, translation of '\n' on write for newline='\r'
 * or '\r\n').
 *
 * Transactions.  The state lives in C memory (malloc), outside the heap, so an abort would
 * not roll it back: every operation that changes it (a read, a buffered write, a seek, a
 * close) first makes the transaction inevitable (vm_inevitable), after which it cannot
 * abort; and only one transaction is inevitable at a time, which also serialises the
 * threads' file operations.  The objects hold the state as a tagged pointer; states are
 * never freed (an object may outlive its close) and are kept in one list so that
 * vm_files_flush_all can flush them at exit.  Python code that leaves a written file
 * unclosed (CPython would flush it when its refcount drops) still sees its data: open()
 * flushes every pending write buffer first.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/bltinfuncs.h"
#include "vm/ustr.h"

/* ---------------------------------------------------------------------------------------
 * Objects and state
 */
/* Fields of every file object (field 0 is the instance dict, as for any VM_L_OBJ). */
enum {
    F_DICT, F_STATE, F_NAME, F_MODE, F_BUFFER, F_ENCODING, F_ERRORS, F_TEXT, F_NFIELDS
};

/* F_TEXT of a text object packs these; binary objects hold -1. */
enum { NL_UNIVERSAL, NL_UNTRANSLATED, NL_LF, NL_CR, NL_CRLF };
#define TF_CODEC(t) ((t) & 3)
#define TF_ERRORS(t) (((t) >> 2) & 15)
#define TF_NEWLINE(t) (((t) >> 6) & 7)
#define TF_LINEBUF 512
#define TF_WRITE_THROUGH 1024
static int tf_make(int codec, int errors, int nl, bool linebuf, bool write_through)
{
    return codec | errors << 2 | nl << 6 | (linebuf ? TF_LINEBUF : 0)
           | (write_through ? TF_WRITE_THROUGH : 0);
}

typedef struct file_state {
    int fd;
    bool closed, readable, writable, appending, created, closefd;
    uint8_t *wbuf;
    size_t wlen, wcap;          /* wcap 0: unbuffered */
    uint8_t *rbuf;
    size_t rpos, rlen, rcap;
    struct file_state *next;
} file_state;

static pthread_mutex_t files_lock = PTHREAD_MUTEX_INITIALIZER;
static file_state *all_files;
static file_state *stdout_state, *stderr_state;

#define DEFAULT_BUFFER 8192

enum { T_TEXT, T_BREADER, T_BWRITER, T_BRANDOM, T_FILEIO, T_NTYPES };
static const char *const type_names[T_NTYPES] = {
    "TextIOWrapper", "BufferedReader", "BufferedWriter", "BufferedRandom", "FileIO"};
static stm_ref file_types[T_NTYPES];
static stm_ref unsupported_type;

static vm_value ftype(int t) { return (vm_value)file_types[t]; }

bool vm_file_is_text(vm_value v)
{
    return vm_is_ref(v) && vm_type_of(v) == ftype(T_TEXT);
}

static bool is_file(vm_value v)
{
    if (!vm_is_ref(v) || !vm_has_layout(v, VM_L_OBJ))
        return false;
    vm_value t = vm_type_of(v);
    for (int i = 0; i < T_NTYPES; i++)
        if (t == ftype(i))
            return true;
    return false;
}

static file_state *state_of(vm_value self)
{
    if (!is_file(self)) {
        vm_raise(VM_TYPE(TypeError), "descriptor requires a file object, not '%T'", self);
        return NULL;
    }
    vm_value tagged = vm_field(self, F_STATE);
    if (!tagged) {
        vm_raise(VM_TYPE(ValueError), "I/O operation on uninitialized object");
        return NULL;
    }
    return vm_untag_ptr(tagged);
}

static int text_flags(vm_value self) { return (int)vm_small_value(vm_field(self, F_TEXT)); }

static void io_effect(void) { vm_inevitable("file I/O"); }

/* ---------------------------------------------------------------------------------------
 * Errors
 */
vm_value vm_io_unsupported_operation(void)
{
    if (unsupported_type != STM_NULL)
        return (vm_value)unsupported_type;
    /* io.UnsupportedOperation(OSError, ValueError), made as `class` would make it. */
    vm_value bases = vm_tuple_new(2), d = vm_dict_new();
    if (!bases || !d)
        return vm_raise_nomem();
    vm_tuple_items(bases)[0] = VM_TYPE(OSError);
    vm_tuple_items(bases)[1] = VM_TYPE(ValueError);
    if (vm_dict_setitem_c(d, "__module__", vm_str_c("io")) < 0)
        return VM_NULL;
    vm_value targs[3] = {vm_str_c("UnsupportedOperation"), bases, d};
    vm_value t = vm_call(VM_TYPE(TYPE), targs, 3, VM_NULL);
    if (!t) {
        vm_exc_clear();
        t = vm_new_static_type("UnsupportedOperation", VM_TYPE(OSError), VM_EXC_NFIELDS, true);
        if (!t)
            return vm_raise_nomem();
    }
    stm_add_global_root(&unsupported_type);
    stm_global_root_set(&vm_self->tl, &unsupported_type, (stm_ref)t);
    return t;
}

static vm_value unsupported(const char *msg)
{
    vm_value t = vm_io_unsupported_operation();
    if (t)
        vm_raise(t, "%s", msg);
    return VM_NULL;
}

static vm_value errno_type(int err)
{
    switch (err) {
    case ENOENT: return VM_TYPE(FileNotFoundError);
    case EISDIR: return VM_TYPE(IsADirectoryError);
    case EACCES: case EPERM: return VM_TYPE(PermissionError);
    case EEXIST: return VM_TYPE(FileExistsError);
    case ENOTDIR: return VM_TYPE(NotADirectoryError);
    case EAGAIN: case EALREADY: case EINPROGRESS: return VM_TYPE(BlockingIOError);
    case EPIPE: case ESHUTDOWN: return VM_TYPE(BrokenPipeError);
    case ECHILD: return VM_TYPE(ChildProcessError);
    case ECONNABORTED: return VM_TYPE(ConnectionAbortedError);
    case ECONNREFUSED: return VM_TYPE(ConnectionRefusedError);
    case ECONNRESET: return VM_TYPE(ConnectionResetError);
    case EINTR: return VM_TYPE(InterruptedError);
    case ESRCH: return VM_TYPE(ProcessLookupError);
    case ETIMEDOUT: return VM_TYPE(TimeoutError);
    default: return VM_TYPE(OSError);
    }
}

/* OSError(errno, strerror[, filename]) of the subclass CPython picks for errno. */
static vm_value raise_errno(int err, vm_value filename)
{
    vm_value type = errno_type(err);
    vm_value msg = vm_str_c(strerror(err));
    if (!msg)
        return vm_raise_nomem();
    vm_value args[3] = {vm_small(err), msg, filename};
    vm_value exc = vm_call(type, args, filename ? 3 : 2, VM_NULL);
    if (!exc)
        return VM_NULL;
    /* Attributes, in case the exception type does not set them from its arguments. */
    vm_value errno_name = vm_intern("errno");
    vm_value have = vm_getattr_opt(exc, errno_name);
    if (!have && !vm_error_pending()) {
        if (vm_setattr(exc, errno_name, vm_small(err)) < 0
            || vm_setattr(exc, vm_intern("strerror"), msg) < 0
            || vm_setattr(exc, vm_intern("filename"), filename ? filename : VM_NONE) < 0)
            vm_exc_clear();
    }
    vm_exc_clear();
    vm_raise_value(exc);
    return VM_NULL;
}

static void raise_stop_iteration(void)
{
    vm_value exc = vm_call0(VM_TYPE(StopIteration));
    if (exc)
        vm_raise_value(exc);
}

static vm_value closed_error(const char *msg)
{
    vm_raise(VM_TYPE(ValueError), "%s", msg);
    return VM_NULL;
}
#define CLOSED_DOT "I/O operation on closed file."
#define CLOSED_NODOT "I/O operation on closed file"

/* ---------------------------------------------------------------------------------------
 * The buffers
 */
static int write_all(file_state *st, const uint8_t *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(st->fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            raise_errno(errno, VM_NULL);
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int st_flush(file_state *st)
{
    size_t off = 0;
    while (off < st->wlen) {
        ssize_t w = write(st->fd, st->wbuf + off, st->wlen - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            memmove(st->wbuf, st->wbuf + off, st->wlen - off);
            st->wlen -= off;
            raise_errno(e, VM_NULL);
            return -1;
        }
        off += (size_t)w;
    }
    st->wlen = 0;
    return 0;
}

/* Before a write: give back the bytes read ahead (the file position is the reader's). */
static void st_drop_read(file_state *st)
{
    if (st->rlen > st->rpos)
        (void)lseek(st->fd, -(off_t)(st->rlen - st->rpos), SEEK_CUR);
    st->rpos = st->rlen = 0;
}

static int st_write(file_state *st, const uint8_t *p, size_t n)
{
    if (st->rlen)
        st_drop_read(st);
    if (st->wcap == 0 || n >= st->wcap) {
        if (st_flush(st) < 0)
            return -1;
        return write_all(st, p, n);
    }
    if (st->wlen + n > st->wcap && st_flush(st) < 0)
        return -1;
    if (!st->wbuf) {
        st->wbuf = malloc(st->wcap);
        if (!st->wbuf) {
            vm_raise_nomem();
            return -1;
        }
    }
    memcpy(st->wbuf + st->wlen, p, n);
    st->wlen += n;
    return 0;
}

/* Reads more bytes after rbuf[rlen]: how many (0 at end of file), -1 on error. */
static ssize_t st_fill(file_state *st)
{
    if (st->wlen && st_flush(st) < 0)
        return -1;
    if (st->fd == 0 && stdout_state && !stdout_state->closed && stdout_state->wlen) {
        if (st_flush(stdout_state) < 0)
            vm_exc_clear();
    }
    if (st->rpos == st->rlen)
        st->rpos = st->rlen = 0;
    if (st->rlen == st->rcap) {
        if (st->rpos > 0) {
            memmove(st->rbuf, st->rbuf + st->rpos, st->rlen - st->rpos);
            st->rlen -= st->rpos;
            st->rpos = 0;
        } else {
            size_t cap = st->rcap ? st->rcap * 2 : DEFAULT_BUFFER;
            uint8_t *nb = realloc(st->rbuf, cap);
            if (!nb) {
                vm_raise_nomem();
                return -1;
            }
            st->rbuf = nb;
            st->rcap = cap;
        }
    }
    for (;;) {
        ssize_t r = read(st->fd, st->rbuf + st->rlen, st->rcap - st->rlen);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            raise_errno(errno, VM_NULL);
            return -1;
        }
        st->rlen += (size_t)r;
        return r;
    }
}

/* Everything to the end of the file into the read buffer. */
static int st_fill_all(file_state *st)
{
    for (;;) {
        ssize_t r = st_fill(st);
        if (r < 0)
            return -1;
        if (r == 0)
            return 0;
    }
}

static vm_value take_bytes(file_state *st, size_t n)
{
    vm_value b = vm_bytes_new(st->rbuf + st->rpos, n);
    if (!b)
        return vm_raise_nomem();
    st->rpos += n;
    return b;
}

/* ---------------------------------------------------------------------------------------
 * Text: codecs and newlines
 */
static bool codec_from_name(vm_value name, int *codec)
{
    char norm[32];
    const char *s = vm_cstr(name);
    size_t n = strlen(s), j = 0;
    if (n >= sizeof norm)
        goto unknown;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c == '_' || c == ' ')
            c = '-';
        norm[j++] = c;
    }
    norm[j] = 0;
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", "locale", 0};
    static const char *const latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1",
                                         "8859", "cp819", "l1", "latin", "iso-ir-100", 0};
    static const char *const ascii[] = {"ascii", "us-ascii", "646", "us", 0};
    for (int i = 0; utf8[i]; i++)
        if (!strcmp(norm, utf8[i])) { *codec = VM_USTR_UTF8; return true; }
    for (int i = 0; latin1[i]; i++)
        if (!strcmp(norm, latin1[i])) { *codec = VM_USTR_LATIN1; return true; }
    for (int i = 0; ascii[i]; i++)
        if (!strcmp(norm, ascii[i])) { *codec = VM_USTR_ASCII; return true; }
unknown:
    vm_raise(VM_TYPE(LookupError), "unknown encoding: %U", name);
    return false;
}

/* b[0..n) decoded by the text object's codec, '\r' and "\r\n" made '\n' if translate. */
static vm_value decode_span(vm_value self, const uint8_t *b, size_t n, bool translate)
{
    int tf = text_flags(self);
    uint8_t *tmp = NULL;
    if (translate && memchr(b, '\r', n)) {
        tmp = malloc(n ? n : 1);
        if (!tmp)
            return vm_raise_nomem();
        size_t j = 0;
        for (size_t i = 0; i < n; i++) {
            if (b[i] == '\r') {
                tmp[j++] = '\n';
                if (i + 1 < n && b[i + 1] == '\n')
                    i++;
            } else {
                tmp[j++] = b[i];
            }
        }
        b = tmp;
        n = j;
    }
    vm_value r;
    size_t i = 0;
    while (i < n && b[i] < 0x80)
        i++;
    if (i == n) {
        r = vm_str_from_utf8((const char *)b, n);
        if (!r)
            r = vm_raise_nomem();
    } else {
        vm_ustr_size size;
        vm_ustr_error err;
        if (vm_ustr_decode_size(TF_CODEC(tf), b, n, TF_ERRORS(tf), &size, &err) != VM_USTR_OK) {
            vm_raise(err.status == VM_USTR_UNKNOWN_HANDLER ? VM_TYPE(TypeError)
                                                           : VM_TYPE(UnicodeDecodeError),
                     "%s", err.msg);
            free(tmp);
            return VM_NULL;
        }
        uint8_t kind = vm_ustr_kind_for(size.maxchar);
        void *out = malloc(size.len * kind + 1);
        if (!out) {
            free(tmp);
            return vm_raise_nomem();
        }
        vm_ustr_decode(out, kind, TF_CODEC(tf), b, n, TF_ERRORS(tf));
        r = vm_str_from_ustr(vm_ustr_make(out, size.len, kind));
        free(out);
        if (!r)
            r = vm_raise_nomem();
    }
    free(tmp);
    return r;
}

/* The length in bytes of the next line from rpos (its terminator included), reading more
 * as needed; what is left at the end of the file.  -1 on error. */
static int64_t line_len(file_state *st, int nl)
{
    size_t scanned = 0;
    for (;;) {
        const uint8_t *p = st->rbuf + st->rpos;
        size_t avail = st->rlen - st->rpos;
        for (; scanned < avail; scanned++) {
            uint8_t c = p[scanned];
            if (c == '\n') {
                if (nl == NL_CR)
                    continue;
                if (nl == NL_CRLF && !(scanned > 0 && p[scanned - 1] == '\r'))
                    continue;
                return (int64_t)scanned + 1;
            }
            if (c == '\r' && nl != NL_LF && nl != NL_CRLF) {
                if (nl == NL_CR)
                    return (int64_t)scanned + 1;
                if (scanned + 1 < avail)
                    return (int64_t)scanned + (p[scanned + 1] == '\n' ? 2 : 1);
                break;          /* is a '\n' next? */
            }
        }
        ssize_t r = st_fill(st);
        if (r < 0)
            return -1;
        if (r == 0)
            return (int64_t)(st->rlen - st->rpos);
    }
}

/* Bytes from rpos that hold the next n characters (fewer at the end of the file). */
static int64_t chars_len(file_state *st, int64_t n, bool utf8, bool universal)
{
    size_t scanned = 0;
    int64_t chars = 0;
    int pending = 0;            /* continuation bytes still due */
    for (;;) {
        const uint8_t *p = st->rbuf + st->rpos;
        size_t avail = st->rlen - st->rpos;
        bool need_more = false;
        while (scanned < avail) {
            uint8_t c = p[scanned];
            if (utf8 && (c & 0xC0) == 0x80 && pending > 0) {
                pending--;
                scanned++;
                continue;
            }
            if (chars == n)
                return (int64_t)scanned;
            if (c == '\r' && universal) {
                if (scanned + 1 >= avail) {
                    need_more = true;
                    break;
                }
                chars++;
                scanned += p[scanned + 1] == '\n' ? 2 : 1;
                continue;
            }
            pending = !utf8 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
            chars++;
            scanned++;
        }
        if (!need_more && chars == n && pending == 0)
            return (int64_t)scanned;
        ssize_t r = st_fill(st);
        if (r < 0)
            return -1;
        if (r == 0)
            return (int64_t)(st->rlen - st->rpos);
    }
}

/* Encodes s by the text object's codec and writes it ('\n' translated for newline='\r' or
 * '\r\n'); flushes as line buffering or write-through says. */
static int text_write(vm_value self, file_state *st, vm_value s)
{
    int tf = text_flags(self);
    const vm_str *so = vm_obj(s);
    vm_ustr view = vm_str_view(s);
    const uint8_t *bytes;
    size_t nbytes;
    uint8_t *tmp = NULL;
    if (so->ascii && so->kind == 1) {
        bytes = so->data;
        nbytes = (size_t)so->length;
    } else {
        vm_ustr_error err;
        if (vm_ustr_encode_size(TF_CODEC(tf), view, TF_ERRORS(tf), &nbytes, &err) != VM_USTR_OK) {
            vm_raise(err.status == VM_USTR_UNKNOWN_HANDLER ? VM_TYPE(LookupError)
                                                           : VM_TYPE(UnicodeEncodeError),
                     "%s", err.msg);
            return -1;
        }
        tmp = malloc(nbytes + 1);
        if (!tmp) {
            vm_raise_nomem();
            return -1;
        }
        vm_ustr_encode(tmp, TF_CODEC(tf), view, TF_ERRORS(tf));
        bytes = tmp;
    }
    int nl = TF_NEWLINE(tf);
    bool has_nl = memchr(bytes, '\n', nbytes) != NULL;
    int rc;
    if (has_nl && (nl == NL_CR || nl == NL_CRLF)) {
        uint8_t *t2 = malloc(nbytes * 2 + 1);
        if (!t2) {
            free(tmp);
            vm_raise_nomem();
            return -1;
        }
        size_t j = 0;
        for (size_t i = 0; i < nbytes; i++) {
            if (bytes[i] == '\n') {
                t2[j++] = '\r';
                if (nl == NL_CRLF)
                    t2[j++] = '\n';
            } else {
                t2[j++] = bytes[i];
            }
        }
        rc = st_write(st, t2, j);
        free(t2);
    } else {
        rc = st_write(st, bytes, nbytes);
    }
    free(tmp);
    if (rc < 0)
        return -1;
    if ((tf & TF_WRITE_THROUGH)
        || ((tf & TF_LINEBUF) && (has_nl || memchr(bytes, '\r', nbytes))))
        return st_flush(st);
    return 0;
}

/* ---------------------------------------------------------------------------------------
 * Opening
 */
static file_state *state_new(int fd)
{
    file_state *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->fd = fd;
    st->wcap = DEFAULT_BUFFER;
    pthread_mutex_lock(&files_lock);
    st->next = all_files;
    all_files = st;
    pthread_mutex_unlock(&files_lock);
    return st;
}

static void flush_all(bool std_only)
{
    pthread_mutex_lock(&files_lock);
    for (file_state *st = all_files; st; st = st->next) {
        if (st->closed || !st->wlen)
            continue;
        if (std_only && st != stdout_state && st != stderr_state)
            continue;
        size_t off = 0;
        while (off < st->wlen) {
            ssize_t w = write(st->fd, st->wbuf + off, st->wlen - off);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                break;
            off += (size_t)w;
        }
        st->wlen = 0;
    }
    pthread_mutex_unlock(&files_lock);
}

void vm_files_flush_all(void) { flush_all(false); }
void vm_files_flush_std(void) { flush_all(true); }

/* FileIO's mode string. */
static const char *raw_mode(const file_state *st)
{
    if (st->created)
        return st->readable ? "xb+" : "xb";
    if (st->appending)
        return st->readable ? "ab+" : "ab";
    if (st->readable)
        return st->writable ? "rb+" : "rb";
    return "wb";
}

static vm_value make_binary(file_state *st, vm_value name, bool unbuffered)
{
    int t = unbuffered ? T_FILEIO
            : st->readable && st->writable ? T_BRANDOM
            : st->readable ? T_BREADER : T_BWRITER;
    vm_value b = vm_obj_new(ftype(t), F_NFIELDS);
    vm_value mode = vm_str_c(raw_mode(st));
    if (!b || !mode)
        return vm_raise_nomem();
    vm_value *f = vm_fields(b);
    f[F_STATE] = vm_tag_ptr(st);
    f[F_NAME] = name;
    f[F_MODE] = mode;
    f[F_BUFFER] = VM_NONE;
    f[F_ENCODING] = VM_NONE;
    f[F_ERRORS] = VM_NONE;
    f[F_TEXT] = vm_small(-1);
    return b;
}

static vm_value make_text(file_state *st, vm_value buffer, vm_value name, vm_value mode,
                          vm_value encoding, vm_value errors, int tf)
{
    vm_value t = vm_obj_new(ftype(T_TEXT), F_NFIELDS);
    if (!t)
        return vm_raise_nomem();
    vm_value *f = vm_fields(t);
    f[F_STATE] = vm_tag_ptr(st);
    f[F_NAME] = name;
    f[F_MODE] = mode;
    f[F_BUFFER] = buffer;
    f[F_ENCODING] = encoding;
    f[F_ERRORS] = errors;
    f[F_TEXT] = vm_small(tf);
    return t;
}

static bool str_or_none(const char *what, vm_value v)
{
    if (v && v != VM_NONE && !vm_isinstance(v, VM_TYPE(STR))) {
        vm_raise(VM_TYPE(TypeError), "open() argument '%s' must be str or None, not %T", what, v);
        return false;
    }
    return true;
}

vm_value vm_builtin_open(vm_value *args, int64_t nargs, vm_value kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding",
                                        "errors", "newline", "closefd", "opener"};
    vm_value a[8];
    if (!vm_bltin_parse("open", args, nargs, kwnames, names, 8, 0, 8, 1, a))
        return VM_NULL;
    vm_value file = a[0], mode = a[1] ? a[1] : VM_NULL, encoding = a[3], errors = a[4],
             newline = a[5], opener = a[7];
    if (mode && !vm_isinstance(mode, VM_TYPE(STR))) {
        vm_raise(VM_TYPE(TypeError), "open() argument 'mode' must be str, not %T", mode);
        return VM_NULL;
    }
    int64_t buffering = -1;
    if (a[2] && !vm_index(a[2], &buffering))
        return VM_NULL;
    if (encoding == VM_NONE) encoding = VM_NULL;
    if (errors == VM_NONE) errors = VM_NULL;
    if (newline == VM_NONE) newline = VM_NULL;
    if (opener == VM_NONE) opener = VM_NULL;
    if (!str_or_none("encoding", encoding) || !str_or_none("errors", errors)
        || !str_or_none("newline", newline))
        return VM_NULL;
    bool closefd = true;
    if (a[6]) {
        int t = vm_truth(a[6]);
        if (t < 0)
            return VM_NULL;
        closefd = t;
    }

    /* The mode, with CPython's checks in CPython's order. */
    const char *m = mode ? vm_cstr(mode) : "r";
    bool creating = false, reading = false, writing = false, appending = false,
         updating = false, text = false, binary = false;
    for (const char *p = m; *p; p++) {
        bool *flag;
        switch (*p) {
        case 'x': flag = &creating; break;
        case 'r': flag = &reading; break;
        case 'w': flag = &writing; break;
        case 'a': flag = &appending; break;
        case '+': flag = &updating; break;
        case 't': flag = &text; break;
        case 'b': flag = &binary; break;
        default: flag = NULL;
        }
        if (!flag || *flag) {
            vm_raise(VM_TYPE(ValueError), "invalid mode: '%s'", m);
            return VM_NULL;
        }
        *flag = true;
    }
    if (text && binary) {
        vm_raise(VM_TYPE(ValueError), "can't have text and binary mode at once");
        return VM_NULL;
    }
    if (creating + reading + writing + appending != 1) {
        vm_raise(VM_TYPE(ValueError),
                 "must have exactly one of create/read/write/append mode");
        return VM_NULL;
    }
    if (binary && encoding) {
        vm_raise(VM_TYPE(ValueError), "binary mode doesn't take an encoding argument");
        return VM_NULL;
    }
    if (binary && errors) {
        vm_raise(VM_TYPE(ValueError), "binary mode doesn't take an errors argument");
        return VM_NULL;
    }
    if (binary && newline) {
        vm_raise(VM_TYPE(ValueError), "binary mode doesn't take a newline argument");
        return VM_NULL;
    }

    /* The file: a descriptor, a path (str, bytes or os.PathLike). */
    vm_value name = file;
    int fd = -1;
    const char *path = NULL;
    if (vm_is_int(file) && !vm_isinstance(file, VM_TYPE(BOOL))) {
        int64_t v;
        if (!vm_index(file, &v))
            return VM_NULL;
        if (v < 0 || v > INT32_MAX) {
            vm_raise(VM_TYPE(ValueError), "negative file descriptor");
            return VM_NULL;
        }
        fd = (int)v;
    } else {
        if (!vm_isinstance(file, VM_TYPE(STR)) && !vm_isinstance(file, VM_TYPE(BYTES))) {
            bool found = false;
            vm_value p = vm_call_special(file, "__fspath__", NULL, 0, &found);
            if (!found) {
                vm_raise(VM_TYPE(TypeError),
                         "expected str, bytes or os.PathLike object, not %T", file);
                return VM_NULL;
            }
            if (!p)
                return VM_NULL;
            if (!vm_isinstance(p, VM_TYPE(STR)) && !vm_isinstance(p, VM_TYPE(BYTES))) {
                vm_raise(VM_TYPE(TypeError),
                         "expected %T.__fspath__() to return str or bytes, not %T", file, p);
                return VM_NULL;
            }
            name = file = p;
        }
        size_t len;
        if (vm_isinstance(file, VM_TYPE(STR))) {
            path = vm_cstr(file);
            len = strlen(path);
            vm_buf tmp = {0};
            vm_buf_put_str(&tmp, file);
            bool nul = tmp.len != len;
            vm_buf_free(&tmp);
            if (nul) {
                vm_raise(VM_TYPE(ValueError), "embedded null byte");
                return VM_NULL;
            }
        } else {
            const vm_bytes *b = vm_obj(file);
            if (memchr(b->data, 0, (size_t)b->length)) {
                vm_raise(VM_TYPE(ValueError), "embedded null byte");
                return VM_NULL;
            }
            path = (const char *)b->data;
        }
        if (!closefd) {
            vm_raise(VM_TYPE(ValueError), "Cannot use closefd=False with file name");
            return VM_NULL;
        }
    }

    int flags = O_CLOEXEC;
    if (updating)
        flags |= O_RDWR;
    else if (reading)
        flags |= O_RDONLY;
    else
        flags |= O_WRONLY;
    if (writing)
        flags |= O_CREAT | O_TRUNC;
    if (appending)
        flags |= O_CREAT | O_APPEND;
    if (creating)
        flags |= O_CREAT | O_EXCL;

    io_effect();
    flush_all(false);
    /* path points into a per-thread ring (vm_cstr) or the bytes object: copy it before
     * anything else may allocate or format. */
    char *path_copy = path ? strdup(path) : NULL;
    if (path && !path_copy)
        return vm_raise_nomem();
    if (path) {
        if (opener) {
            vm_value fl = vm_small(flags);
            vm_value r = vm_call2(opener, name, fl);
            if (!r) {
                free(path_copy);
                return VM_NULL;
            }
            int64_t v;
            if (!vm_is_int(r)) {
                free(path_copy);
                vm_raise(VM_TYPE(TypeError), "expected integer from opener");
                return VM_NULL;
            }
            if (!vm_index(r, &v)) {
                free(path_copy);
                return VM_NULL;
            }
            if (v < 0) {
                free(path_copy);
                vm_raise(VM_TYPE(ValueError), "opener returned %d", (int)v);
                return VM_NULL;
            }
            fd = (int)v;
        } else {
            do {
                fd = open(path_copy, flags, 0666);
            } while (fd < 0 && errno == EINTR);
            if (fd < 0) {
                int e = errno;
                free(path_copy);
                return raise_errno(e, name);
            }
        }
    }
    free(path_copy);
    struct stat sb;
    if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        if (path)
            close(fd);
        return raise_errno(EISDIR, name);
    }
    if (path == NULL && fstat(fd, &sb) < 0)
        return raise_errno(errno, VM_NULL);

    /* Text settings, checked once the file is open as CPython does. */
    int codec = VM_USTR_UTF8, errh = VM_USTR_STRICT, nl = NL_UNIVERSAL;
    bool linebuf = false;
    const char *fail = NULL;
    if (buffering == 0 && !binary)
        fail = "can't have unbuffered text I/O";
    if (!binary && !fail) {
        if (encoding && !codec_from_name(encoding, &codec)) {
            if (path) close(fd);
            return VM_NULL;
        }
        if (errors) {
            vm_ustr_errors e;
            vm_ustr_error err;
            if (vm_ustr_errors_from_name(vm_cstr(errors), &e, &err) == VM_USTR_OK)
                errh = e;
        }
        if (newline) {
            if (vm_str_eq_c(newline, "")) nl = NL_UNTRANSLATED;
            else if (vm_str_eq_c(newline, "\n")) nl = NL_LF;
            else if (vm_str_eq_c(newline, "\r")) nl = NL_CR;
            else if (vm_str_eq_c(newline, "\r\n")) nl = NL_CRLF;
            else {
                if (path) close(fd);
                vm_raise(VM_TYPE(ValueError), "illegal newline value: %U", newline);
                return VM_NULL;
            }
        }
        linebuf = buffering == 1 || (buffering < 0 && isatty(fd));
    }
    if (fail) {
        if (path) close(fd);
        vm_raise(VM_TYPE(ValueError), "%s", fail);
        return VM_NULL;
    }

    file_state *st = state_new(fd);
    if (!st) {
        if (path) close(fd);
        return vm_raise_nomem();
    }
    st->readable = reading || updating;
    st->writable = writing || appending || creating || updating;
    st->appending = appending;
    st->created = creating;
    st->closefd = closefd;
    if (buffering == 0)
        st->wcap = 0;
    else if (buffering > 1)
        st->wcap = (size_t)buffering;
    if (appending)
        (void)lseek(fd, 0, SEEK_END);

    vm_value b = make_binary(st, name, buffering == 0);
    if (!b || binary)
        return b;
    vm_value enc = encoding ? encoding : vm_str_c("UTF-8");
    vm_value errs = errors ? errors : vm_str_c("strict");
    if (!enc || !errs)
        return vm_raise_nomem();
    return make_text(st, b, name, mode ? mode : vm_str_c("r"), enc, errs,
                     tf_make(codec, errh, nl, linebuf, false));
}

/* ---------------------------------------------------------------------------------------
 * Methods
 */
static bool check_open(file_state *st, const char *msg)
{
    if (st->closed) {
        closed_error(msg);
        return false;
    }
    return true;
}

static bool check_readable(vm_value self, file_state *st)
{
    if (st->readable)
        return true;
    unsupported(vm_file_is_text(self) ? "not readable"
                : vm_type_of(self) == ftype(T_FILEIO) ? "File not open for reading"
                : "read");
    return false;
}

static bool check_writable(vm_value self, file_state *st)
{
    if (st->writable)
        return true;
    unsupported(vm_file_is_text(self) ? "not writable"
                : vm_type_of(self) == ftype(T_FILEIO) ? "File not open for writing"
                : "write");
    return false;
}

/* A size argument: None or absent is -1. */
static bool size_arg(vm_value v, int64_t *out, bool none_ok_text_msg)
{
    *out = -1;
    if (!v || v == VM_NONE)
        return true;
    if (none_ok_text_msg && !vm_is_int(v) && vm_type_lookup_c(vm_type_of(v), "__index__") == VM_NULL) {
        vm_raise(VM_TYPE(TypeError), "argument should be integer or None, not '%T'", v);
        return false;
    }
    return vm_index(v, out);
}

static vm_value f_read(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("read", kwnames) || !vm_bltin_npos("read", nargs - 1, VM_NULL, 0, 1))
        return VM_NULL;
    vm_value self = args[0];
    file_state *st = state_of(self);
    if (!st)
        return VM_NULL;
    bool text = vm_file_is_text(self);
    if (!check_open(st, text ? CLOSED_DOT : "read of closed file") || !check_readable(self, st))
        return VM_NULL;
    int64_t n;
    if (!size_arg(nargs > 1 ? args[1] : VM_NULL, &n, text))
        return VM_NULL;
    io_effect();
    if (!text) {
        if (n < 0) {
            if (st_fill_all(st) < 0)
                return VM_NULL;
            return take_bytes(st, st->rlen - st->rpos);
        }
        while (st->rlen - st->rpos < (size_t)n) {
            ssize_t r = st_fill(st);
            if (r < 0)
                return VM_NULL;
            if (r == 0)
                break;
        }
        size_t avail = st->rlen - st->rpos;
        return take_bytes(st, avail < (size_t)n ? avail : (size_t)n);
    }
    int tf = text_flags(self);
    bool universal = TF_NEWLINE(tf) == NL_UNIVERSAL;
    int64_t len;
    if (n < 0) {
        if (st_fill_all(st) < 0)
            return VM_NULL;
        len = (int64_t)(st->rlen - st->rpos);
    } else {
        len = chars_len(st, n, TF_CODEC(tf) == VM_USTR_UTF8, universal);
        if (len < 0)
            return VM_NULL;
    }
    vm_value r = decode_span(self, st->rbuf + st->rpos, (size_t)len, universal);
    if (r)
        st->rpos += (size_t)len;
    return r;
}

/* The next line of a text file as a str (limit < 0: all of it). */
static vm_value text_readline(vm_value self, file_state *st, int64_t limit)
{
    int tf = text_flags(self);
    int nl = TF_NEWLINE(tf);
    int64_t len = line_len(st, nl);
    if (len < 0)
        return VM_NULL;
    if (limit >= 0) {
        /* at most limit characters of the line */
        const uint8_t *p = st->rbuf + st->rpos;
        bool utf8 = TF_CODEC(tf) == VM_USTR_UTF8;
        int64_t chars = 0, i = 0;
        while (i < len) {
            if (utf8 && (p[i] & 0xC0) == 0x80) {
                i++;
                continue;
            }
            if (chars == limit)
                break;
            chars++;
            i += (p[i] == '\r' && i + 1 < len && p[i + 1] == '\n' && nl == NL_UNIVERSAL) ? 2 : 1;
        }
        len = i;
    }
    vm_value r = decode_span(self, st->rbuf + st->rpos, (size_t)len, nl == NL_UNIVERSAL);
    if (r)
        st->rpos += (size_t)len;
    return r;
}

static vm_value binary_readline(file_state *st, int64_t limit)
{
    int64_t len = line_len(st, NL_LF);
    if (len < 0)
        return VM_NULL;
    if (limit >= 0 && len > limit)
        len = limit;
    return take_bytes(st, (size_t)len);
}

vm_value vm_file_readline_text(vm_value file)
{
    file_state *st = state_of(file);
    if (!st || !check_open(st, CLOSED_DOT) || !check_readable(file, st))
        return VM_NULL;
    io_effect();
    return text_readline(file, st, -1);
}

static vm_value f_readline(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("readline", kwnames)
        || !vm_bltin_npos("readline", nargs - 1, VM_NULL, 0, 1))
        return VM_NULL;
    vm_value self = args[0];
    file_state *st = state_of(self);
    if (!st)
        return VM_NULL;
    bool text = vm_file_is_text(self);
    if (!check_open(st, text ? CLOSED_DOT : "readline of closed file")
        || !check_readable(self, st))
        return VM_NULL;
    int64_t limit = -1;
    if (nargs > 1 && !(args[1] == VM_NONE && !text) && !vm_index(args[1], &limit))
        return VM_NULL;
    io_effect();
    return text ? text_readline(self, st, limit) : binary_readline(st, limit);
}

static vm_value f_readlines(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("readlines", kwnames)
        || !vm_bltin_npos("readlines", nargs - 1, VM_NULL, 0, 1))
        return VM_NULL;
    vm_value self = args[0];
    file_state *st = state_of(self);
    if (!st || !check_open(st, CLOSED_DOT) || !check_readable(self, st))
        return VM_NULL;
    int64_t hint = -1;
    if (nargs > 1 && args[1] != VM_NONE && !vm_index(args[1], &hint))
        return VM_NULL;
    bool text = vm_file_is_text(self);
    io_effect();
    vm_value list = vm_list_new(0);
    if (!list)
        return vm_raise_nomem();
    int64_t total = 0;
    for (;;) {
        vm_value line = text ? text_readline(self, st, -1) : binary_readline(st, -1);
        if (!line)
            return VM_NULL;
        int64_t n = text ? (int64_t)vm_str_view(line).len : ((const vm_bytes *)vm_obj(line))->length;
        if (n == 0)
            break;
        if (!vm_list_append(list, line))
            return vm_raise_nomem();
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    return list;
}

int vm_file_write_text(vm_value file, vm_value str)
{
    file_state *st = state_of(file);
    if (!st)
        return -1;
    if (!check_open(st, CLOSED_DOT) || !check_writable(file, st))
        return -1;
    io_effect();
    return text_write(file, st, str);
}

/* Appends a str encoded by the text object's codec (ASCII copied as is) to out. */
static int encode_into(vm_value self, vm_value s, vm_buf *out)
{
    const vm_str *so = vm_obj(s);
    if (so->ascii && so->kind == 1) {
        vm_buf_put(out, (const char *)so->data, (size_t)so->length);
        return 0;
    }
    int tf = text_flags(self);
    vm_ustr view = vm_str_view(s);
    size_t nbytes;
    vm_ustr_error err;
    if (vm_ustr_encode_size(TF_CODEC(tf), view, TF_ERRORS(tf), &nbytes, &err) != VM_USTR_OK) {
        vm_raise(err.status == VM_USTR_UNKNOWN_HANDLER ? VM_TYPE(LookupError)
                                                       : VM_TYPE(UnicodeEncodeError),
                 "%s", err.msg);
        return -1;
    }
    vm_buf_reserve(out, nbytes);
    vm_ustr_encode((uint8_t *)out->data + out->len, TF_CODEC(tf), view, TF_ERRORS(tf));
    out->len += nbytes;
    out->data[out->len] = 0;
    return 0;
}

int vm_file_write_print(vm_value file, const vm_value *strs, int64_t n, vm_value sep,
                        vm_value end)
{
    file_state *st = state_of(file);
    if (!st || !check_open(st, CLOSED_DOT) || !check_writable(file, st))
        return -1;
    int tf = text_flags(file);
    int nl = TF_NEWLINE(tf);
    if (nl == NL_CR || nl == NL_CRLF) {
        /* newline translation: piece by piece */
        io_effect();
        for (int64_t i = 0; i < n; i++) {
            if (i > 0 && text_write(file, st, sep ? sep : vm_intern(" ")) < 0)
                return -1;
            if (text_write(file, st, strs[i]) < 0)
                return -1;
        }
        return text_write(file, st, end ? end : vm_intern("\n"));
    }
    vm_buf out = {0};
    int rc = 0;
    for (int64_t i = 0; i < n && rc == 0; i++) {
        if (i > 0) {
            if (sep)
                rc = encode_into(file, sep, &out);
            else
                vm_buf_put(&out, " ", 1);
        }
        if (rc == 0)
            rc = encode_into(file, strs[i], &out);
    }
    if (rc == 0) {
        if (end)
            rc = encode_into(file, end, &out);
        else
            vm_buf_put(&out, "\n", 1);
    }
    if (rc == 0) {
        io_effect();
        const uint8_t *p = (const uint8_t *)(out.data ? out.data : "");
        rc = st_write(st, p, out.len);
        if (rc == 0 && ((tf & TF_WRITE_THROUGH)
                        || ((tf & TF_LINEBUF)
                            && (memchr(p, '\n', out.len) || memchr(p, '\r', out.len)))))
            rc = st_flush(st);
    }
    vm_buf_free(&out);
    return rc;
}

static vm_value f_write(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("write", kwnames) || !vm_bltin_npos("write", nargs - 1, VM_NULL, 1, 1))
        return VM_NULL;
    vm_value self = args[0], x = args[1];
    file_state *st = state_of(self);
    if (!st)
        return VM_NULL;
    if (vm_file_is_text(self)) {
        if (!check_open(st, CLOSED_DOT))
            return VM_NULL;
        if (!vm_isinstance(x, VM_TYPE(STR))) {
            vm_raise(VM_TYPE(TypeError), "write() argument must be str, not %T", x);
            return VM_NULL;
        }
        if (!check_writable(self, st))
            return VM_NULL;
        io_effect();
        if (text_write(self, st, x) < 0)
            return VM_NULL;
        return vm_int_from_int64((int64_t)vm_str_view(x).len);
    }
    if (!check_writable(self, st))
        return VM_NULL;
    if (!check_open(st, "write to closed file"))
        return VM_NULL;
    vm_value b = x;
    if (!vm_isinstance(x, VM_TYPE(BYTES))) {
        if (vm_isinstance(x, VM_TYPE(STR)) || vm_is_int(x) || x == VM_NONE
            || vm_isinstance(x, VM_TYPE(FLOAT)) || vm_isinstance(x, VM_TYPE(LIST))
            || vm_isinstance(x, VM_TYPE(TUPLE))) {
            vm_raise(VM_TYPE(TypeError), "a bytes-like object is required, not '%T'", x);
            return VM_NULL;
        }
        b = vm_call1(VM_TYPE(BYTES), x);     /* bytearray, memoryview, array... */
        if (!b)
            return VM_NULL;
    }
    const vm_bytes *bo = vm_obj(b);
    io_effect();
    if (st_write(st, bo->data, (size_t)bo->length) < 0)
        return VM_NULL;
    return vm_int_from_int64(bo->length);
}

static vm_value f_writelines(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("writelines", kwnames)
        || !vm_bltin_npos("writelines", nargs - 1, VM_NULL, 1, 1))
        return VM_NULL;
    vm_value self = args[0];
    file_state *st = state_of(self);
    if (!st || !check_open(st, CLOSED_DOT))
        return VM_NULL;
    vm_value it = vm_iter(args[1]);
    if (!it)
        return VM_NULL;
    for (;;) {
        vm_value line = vm_next(it);
        if (!line) {
            if (vm_error_pending())
                return VM_NULL;
            break;
        }
        vm_value wargs[2] = {self, line};
        if (!f_write(wargs, 2, VM_NULL))
            return VM_NULL;
    }
    return VM_NONE;
}

int vm_file_flush(vm_value file)
{
    file_state *st = state_of(file);
    if (!st || !check_open(st, CLOSED_DOT))
        return -1;
    if (!st->wlen)
        return 0;
    io_effect();
    return st_flush(st);
}

static vm_value f_flush(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("flush", kwnames) || !vm_bltin_npos("flush", nargs - 1, VM_NULL, 0, 0))
        return VM_NULL;
    return vm_file_flush(args[0]) < 0 ? VM_NULL : VM_NONE;
}

static vm_value f_close(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("close", kwnames) || !vm_bltin_npos("close", nargs - 1, VM_NULL, 0, 0))
        return VM_NULL;
    file_state *st = state_of(args[0]);
    if (!st)
        return VM_NULL;
    if (st->closed)
        return VM_NONE;
    io_effect();
    int rc = st_flush(st);
    if (rc < 0)
        st->wlen = 0;
    if (st->closefd && close(st->fd) < 0 && rc == 0) {
        raise_errno(errno, VM_NULL);
        rc = -1;
    }
    st->closed = true;
    st->rpos = st->rlen = 0;
    /* The state stays (the object may outlive its close) but leaves the list flushed at
     * exit, and its buffers go. */
    pthread_mutex_lock(&files_lock);
    for (file_state **pp = &all_files; *pp; pp = &(*pp)->next) {
        if (*pp == st) {
            *pp = st->next;
            break;
        }
    }
    pthread_mutex_unlock(&files_lock);
    free(st->wbuf);
    free(st->rbuf);
    st->wbuf = st->rbuf = NULL;
    st->wlen = st->rcap = 0;
    return rc < 0 ? VM_NULL : VM_NONE;
}

static vm_value f_exit(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!f_close(args, 1, VM_NULL))
        return VM_NULL;
    return VM_NONE;
}

static vm_value f_enter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("__enter__", kwnames)
        || !vm_bltin_npos("__enter__", nargs - 1, VM_NULL, 0, 0))
        return VM_NULL;
    file_state *st = state_of(args[0]);
    if (!st || !check_open(st, CLOSED_DOT))
        return VM_NULL;
    return args[0];
}

static vm_value f_iter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return f_enter(args, nargs, kwnames);
}

static vm_value f_next(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value self = args[0];
    file_state *st = state_of(self);
    if (!st)
        return VM_NULL;
    bool text = vm_file_is_text(self);
    if (!check_open(st, text ? CLOSED_DOT : "readline of closed file")
        || !check_readable(self, st))
        return VM_NULL;
    io_effect();
    vm_value line = text ? text_readline(self, st, -1) : binary_readline(st, -1);
    if (!line)
        return VM_NULL;
    int64_t n = text ? (int64_t)vm_str_view(line).len : ((const vm_bytes *)vm_obj(line))->length;
    if (n == 0) {
        raise_stop_iteration();
        return VM_NULL;
    }
    return line;
}

static vm_value f_fileno(vm_value *args, int64_t nargs, vm_value kwnames)
{
    file_state *st = state_of(args[0]);
    if (!st || !check_open(st, CLOSED_NODOT))
        return VM_NULL;
    return vm_small(st->fd);
}

static vm_value f_isatty(vm_value *args, int64_t nargs, vm_value kwnames)
{
    file_state *st = state_of(args[0]);
    if (!st || !check_open(st, CLOSED_NODOT))
        return VM_NULL;
    return isatty(st->fd) ? VM_TRUE : VM_FALSE;
}

static vm_value f_readable(vm_value *args, int64_t nargs, vm_value kwnames)
{
    file_state *st = state_of(args[0]);
    if (!st || !check_open(st, CLOSED_NODOT))
        return VM_NULL;
    return st->readable ? VM_TRUE : VM_FALSE;
}

static vm_value f_writable(vm_value *args, int64_t nargs, vm_value kwnames)
{
    file_state *st = state_of(args[0]);
    if (!st || !check_open(st, CLOSED_NODOT))
        return VM_NULL;
    return st->writable ? VM_TRUE : VM_FALSE;
}

static vm_value f_seekable(vm_value *args, int64_t nargs, vm_value kwnames)
{
    file_state *st = state_of(args[0]);
    if (!st || !check_open(st, CLOSED_NODOT))
        return VM_NULL;
    return lseek(st->fd, 0, SEEK_CUR) < 0 ? VM_FALSE : VM_TRUE;
}

static vm_value f_tell(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value self = args[0];
    file_state *st = state_of(self);
    if (!st || !check_open(st, vm_file_is_text(self) ? CLOSED_DOT : CLOSED_NODOT))
        return VM_NULL;
    off_t pos = lseek(st->fd, 0, SEEK_CUR);
    if (pos < 0)
        return raise_errno(errno, VM_NULL);
    return vm_int_from_int64((int64_t)pos - (int64_t)(st->rlen - st->rpos) + (int64_t)st->wlen);
}

static vm_value f_seek(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("seek", kwnames) || !vm_bltin_npos("seek", nargs - 1, VM_NULL, 1, 2))
        return VM_NULL;
    vm_value self = args[0];
    file_state *st = state_of(self);
    if (!st)
        return VM_NULL;
    bool text = vm_file_is_text(self);
    if (!check_open(st, text ? CLOSED_DOT : "seek of closed file"))
        return VM_NULL;
    int64_t off, whence = 0;
    if (!vm_index(args[1], &off) || (nargs > 2 && !vm_index(args[2], &whence)))
        return VM_NULL;
    if (text) {
        if (whence < 0 || whence > 2) {
            vm_raise(VM_TYPE(ValueError), "invalid whence (%ld, should be 0, 1 or 2)",
                     (long)whence);
            return VM_NULL;
        }
        if (whence == 1 && off != 0)
            return unsupported("can't do nonzero cur-relative seeks");
        if (whence == 2 && off != 0)
            return unsupported("can't do nonzero end-relative seeks");
        if (whence == 0 && off < 0) {
            vm_raise(VM_TYPE(ValueError), "negative seek position %ld", (long)off);
            return VM_NULL;
        }
    } else if (whence < 0 || whence > 2) {
        vm_raise(VM_TYPE(ValueError), "whence value %ld unsupported", (long)whence);
        return VM_NULL;
    }
    io_effect();
    if (st_flush(st) < 0)
        return VM_NULL;
    if (whence == 1)
        off -= (int64_t)(st->rlen - st->rpos);
    st->rpos = st->rlen = 0;
    off_t pos = lseek(st->fd, (off_t)off, (int)whence);
    if (pos < 0)
        return raise_errno(errno, VM_NULL);
    return vm_int_from_int64((int64_t)pos);
}

static vm_value f_truncate(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("truncate", kwnames)
        || !vm_bltin_npos("truncate", nargs - 1, VM_NULL, 0, 1))
        return VM_NULL;
    vm_value self = args[0];
    file_state *st = state_of(self);
    if (!st || !check_open(st, CLOSED_DOT) || !check_writable(self, st))
        return VM_NULL;
    io_effect();
    if (st_flush(st) < 0)
        return VM_NULL;
    int64_t size;
    if (nargs > 1 && args[1] != VM_NONE) {
        if (!vm_index(args[1], &size))
            return VM_NULL;
    } else {
        off_t pos = lseek(st->fd, 0, SEEK_CUR);
        if (pos < 0)
            return raise_errno(errno, VM_NULL);
        size = (int64_t)pos - (int64_t)(st->rlen - st->rpos);
    }
    st_drop_read(st);
    if (ftruncate(st->fd, (off_t)size) < 0)
        return raise_errno(errno, VM_NULL);
    return vm_int_from_int64(size);
}

static vm_value f_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value self = args[0];
    file_state *st = state_of(self);
    if (!st)
        return VM_NULL;
    vm_value t = vm_type_of(self);
    vm_value name = vm_field(self, F_NAME);
    if (t == ftype(T_TEXT))
        return vm_format("<_io.TextIOWrapper name=%R mode=%R encoding=%R>", name,
                         vm_field(self, F_MODE), vm_field(self, F_ENCODING));
    if (t == ftype(T_FILEIO)) {
        if (st->closed)
            return vm_str_c("<_io.FileIO [closed]>");
        return vm_format("<_io.FileIO name=%R mode=%R closefd=%s>", name,
                         vm_field(self, F_MODE), st->closefd ? "True" : "False");
    }
    for (int i = T_BREADER; i <= T_BRANDOM; i++)
        if (t == ftype(i))
            return vm_format("<_io.%s name=%R>", type_names[i], name);
    return vm_str_c("<_io file>");
}

/* Getters */
static vm_value g_closed(vm_value *args, int64_t nargs, vm_value kwnames)
{
    file_state *st = state_of(args[0]);
    return !st ? VM_NULL : st->closed ? VM_TRUE : VM_FALSE;
}
static vm_value g_name(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return state_of(args[0]) ? vm_field(args[0], F_NAME) : VM_NULL;
}
static vm_value g_mode(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return state_of(args[0]) ? vm_field(args[0], F_MODE) : VM_NULL;
}
static vm_value g_encoding(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return state_of(args[0]) ? vm_field(args[0], F_ENCODING) : VM_NULL;
}
static vm_value g_errors(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return state_of(args[0]) ? vm_field(args[0], F_ERRORS) : VM_NULL;
}
static vm_value g_buffer(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return state_of(args[0]) ? vm_field(args[0], F_BUFFER) : VM_NULL;
}
static vm_value g_line_buffering(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!state_of(args[0]))
        return VM_NULL;
    return (text_flags(args[0]) & TF_LINEBUF) ? VM_TRUE : VM_FALSE;
}
static vm_value g_newlines(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return VM_NONE;
}
static vm_value g_closefd(vm_value *args, int64_t nargs, vm_value kwnames)
{
    file_state *st = state_of(args[0]);
    return !st ? VM_NULL : st->closefd ? VM_TRUE : VM_FALSE;
}
static vm_value g_raw(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return args[0];
}

/* Constructors: FileIO(file, mode='r', closefd=True, opener=None) opens as open() does;
 * Buffered*(raw, buffer_size=8192) and TextIOWrapper(buffer, encoding=None, errors=None,
 * newline=None, line_buffering=False, write_through=False) share the state of one of our
 * file objects (other raw objects or buffers are not supported). */
static void copy_fields(vm_value dst, vm_value src)
{
    for (int i = F_STATE; i < F_NFIELDS; i++)
        vm_set_field(dst, i, vm_field(src, i));
}

static vm_value f_init(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value self = args[0], t = vm_type_of(self);
    if (!is_file(self)) {
        vm_raise(VM_TYPE(TypeError), "descriptor '__init__' requires a file object");
        return VM_NULL;
    }
    if (t == ftype(T_FILEIO)) {
        static const char *const names[] = {"file", "mode", "closefd", "opener"};
        vm_value a[4];
        if (!vm_bltin_parse("FileIO", args + 1, nargs - 1, kwnames, names, 4, 0, 4, 1, a))
            return VM_NULL;
        char mode[8] = "r";
        if (a[1]) {
            if (!vm_isinstance(a[1], VM_TYPE(STR))) {
                vm_raise(VM_TYPE(TypeError), "FileIO() argument 'mode' must be str, not %T", a[1]);
                return VM_NULL;
            }
            const char *m = vm_cstr(a[1]);
            size_t j = 0;
            for (; *m && j < 6; m++)
                if (*m != 'b')
                    mode[j++] = *m;
            mode[j] = 0;
        }
        strcat(mode, "b");
        vm_value oargs[5] = {a[0], vm_str_c(mode), vm_small(0), a[2] ? a[2] : VM_TRUE,
                             a[3] ? a[3] : VM_NONE};
        vm_value kn = vm_tuple_new(2);
        if (!kn || !oargs[1])
            return vm_raise_nomem();
        vm_tuple_items(kn)[0] = vm_intern("closefd");
        vm_tuple_items(kn)[1] = vm_intern("opener");
        vm_value f = vm_builtin_open(oargs, 3, kn);
        if (!f)
            return VM_NULL;
        copy_fields(self, f);
        return VM_NONE;
    }
    if (t == ftype(T_TEXT)) {
        static const char *const names[] = {"buffer", "encoding", "errors", "newline",
                                            "line_buffering", "write_through"};
        vm_value a[6];
        if (!vm_bltin_parse("TextIOWrapper", args + 1, nargs - 1, kwnames, names, 6, 0, 6, 1, a))
            return VM_NULL;
        vm_value buf = a[0];
        if (!is_file(buf) || vm_file_is_text(buf)) {
            unsupported("TextIOWrapper over this buffer is not supported");
            return VM_NULL;
        }
        file_state *st = state_of(buf);
        if (!st)
            return VM_NULL;
        int codec = VM_USTR_UTF8, errh = VM_USTR_STRICT, nl = NL_UNIVERSAL;
        vm_value enc = a[1] && a[1] != VM_NONE ? a[1] : vm_str_c("UTF-8");
        vm_value errs = a[2] && a[2] != VM_NONE ? a[2] : vm_str_c("strict");
        if (!enc || !errs)
            return vm_raise_nomem();
        if (!vm_isinstance(enc, VM_TYPE(STR)) || !vm_isinstance(errs, VM_TYPE(STR))) {
            vm_raise(VM_TYPE(TypeError), "TextIOWrapper() argument 'encoding' must be str or None, not %T",
                     vm_isinstance(enc, VM_TYPE(STR)) ? errs : enc);
            return VM_NULL;
        }
        if (!codec_from_name(enc, &codec))
            return VM_NULL;
        vm_ustr_errors e;
        vm_ustr_error err;
        if (vm_ustr_errors_from_name(vm_cstr(errs), &e, &err) == VM_USTR_OK)
            errh = e;
        vm_value newline = a[3] == VM_NONE ? VM_NULL : a[3];
        if (newline) {
            if (!vm_isinstance(newline, VM_TYPE(STR))) {
                vm_raise(VM_TYPE(TypeError), "TextIOWrapper() argument 'newline' must be str or None, not %T",
                         newline);
                return VM_NULL;
            }
            if (vm_str_eq_c(newline, "")) nl = NL_UNTRANSLATED;
            else if (vm_str_eq_c(newline, "\n")) nl = NL_LF;
            else if (vm_str_eq_c(newline, "\r")) nl = NL_CR;
            else if (vm_str_eq_c(newline, "\r\n")) nl = NL_CRLF;
            else {
                vm_raise(VM_TYPE(ValueError), "illegal newline value: %U", newline);
                return VM_NULL;
            }
        }
        int lb = a[4] ? vm_truth(a[4]) : 0, wt = a[5] ? vm_truth(a[5]) : 0;
        if (lb < 0 || wt < 0)
            return VM_NULL;
        vm_set_field(self, F_STATE, vm_field(buf, F_STATE));
        vm_set_field(self, F_NAME, vm_field(buf, F_NAME));
        vm_value bm = vm_field(buf, F_MODE);
        vm_set_field(self, F_MODE, vm_str_c(st->readable && st->writable ? "r+"
                                            : st->readable ? "r" : st->appending ? "a" : "w"));
        (void)bm;
        vm_set_field(self, F_BUFFER, buf);
        vm_set_field(self, F_ENCODING, enc);
        vm_set_field(self, F_ERRORS, errs);
        vm_set_field(self, F_TEXT, vm_small(tf_make(codec, errh, nl, lb, wt)));
        return VM_NONE;
    }
    static const char *const names[] = {"raw", "buffer_size"};
    vm_value a[2];
    if (!vm_bltin_parse(vm_cstr(((vm_type *)vm_obj(t))->name), args + 1, nargs - 1, kwnames,
                        names, 2, 0, 2, 1, a))
        return VM_NULL;
    vm_value raw = a[0];
    if (!is_file(raw) || vm_file_is_text(raw)) {
        unsupported("buffering over this raw object is not supported");
        return VM_NULL;
    }
    file_state *st = state_of(raw);
    if (!st)
        return VM_NULL;
    int64_t size = DEFAULT_BUFFER;
    if (a[1] && !vm_index(a[1], &size))
        return VM_NULL;
    if (size <= 0) {
        vm_raise(VM_TYPE(ValueError), "buffer size must be strictly positive");
        return VM_NULL;
    }
    io_effect();
    if (st->wlen && st_flush(st) < 0)
        return VM_NULL;
    free(st->wbuf);
    st->wbuf = NULL;
    st->wcap = (size_t)size;
    copy_fields(self, raw);
    return VM_NONE;
}

static vm_value f_reconfigure(vm_value *args, int64_t nargs, vm_value kwnames)
{
    static const char *const names[] = {"encoding", "errors", "newline", "line_buffering",
                                        "write_through"};
    vm_value a[5];
    if (!vm_bltin_parse("reconfigure", args + 1, nargs - 1, kwnames, names, 5, 0, 0, 0, a))
        return VM_NULL;
    vm_value self = args[0];
    file_state *st = state_of(self);
    if (!st)
        return VM_NULL;
    int tf = text_flags(self);
    int codec = TF_CODEC(tf), errh = TF_ERRORS(tf), nl = TF_NEWLINE(tf);
    bool lb = tf & TF_LINEBUF, wt = tf & TF_WRITE_THROUGH;
    if (a[0] && a[0] != VM_NONE) {
        if (!vm_isinstance(a[0], VM_TYPE(STR))) {
            vm_raise(VM_TYPE(TypeError), "reconfigure() argument 'encoding' must be str or None, not %T", a[0]);
            return VM_NULL;
        }
        if (!codec_from_name(a[0], &codec))
            return VM_NULL;
        if (!a[1] || a[1] == VM_NONE)
            errh = VM_USTR_STRICT;
    }
    if (a[1] && a[1] != VM_NONE) {
        if (!vm_isinstance(a[1], VM_TYPE(STR))) {
            vm_raise(VM_TYPE(TypeError), "reconfigure() argument 'errors' must be str or None, not %T", a[1]);
            return VM_NULL;
        }
        vm_ustr_errors e;
        vm_ustr_error err;
        if (vm_ustr_errors_from_name(vm_cstr(a[1]), &e, &err) == VM_USTR_OK)
            errh = e;
    }
    if (a[2]) {
        if (a[2] == VM_NONE) nl = NL_UNIVERSAL;
        else if (vm_isinstance(a[2], VM_TYPE(STR)) && vm_str_eq_c(a[2], "")) nl = NL_UNTRANSLATED;
        else if (vm_isinstance(a[2], VM_TYPE(STR)) && vm_str_eq_c(a[2], "\n")) nl = NL_LF;
        else if (vm_isinstance(a[2], VM_TYPE(STR)) && vm_str_eq_c(a[2], "\r")) nl = NL_CR;
        else if (vm_isinstance(a[2], VM_TYPE(STR)) && vm_str_eq_c(a[2], "\r\n")) nl = NL_CRLF;
        else {
            vm_raise(VM_TYPE(ValueError), "illegal newline value: %R", a[2]);
            return VM_NULL;
        }
    }
    if (a[3] && a[3] != VM_NONE) {
        int t = vm_truth(a[3]);
        if (t < 0)
            return VM_NULL;
        lb = t;
    }
    if (a[4] && a[4] != VM_NONE) {
        int t = vm_truth(a[4]);
        if (t < 0)
            return VM_NULL;
        wt = t;
    }
    if (st->wlen) {
        io_effect();
        if (st_flush(st) < 0)
            return VM_NULL;
    }
    if (a[0] && a[0] != VM_NONE)
        vm_set_field(self, F_ENCODING, a[0]);
    if (a[1] && a[1] != VM_NONE)
        vm_set_field(self, F_ERRORS, a[1]);
    else if (a[0] && a[0] != VM_NONE)
        vm_set_field(self, F_ERRORS, vm_str_c("strict"));
    vm_set_field(self, F_TEXT, vm_small(tf_make(codec, errh, nl, lb, wt)));
    return VM_NONE;
}

static const vm_method_def file_methods[] = {
    {"__init__", f_init, 1, -1, 0, NULL},
    {"read", f_read, 1, 2, 0, NULL},
    {"readline", f_readline, 1, 2, 0, NULL},
    {"readlines", f_readlines, 1, 2, 0, NULL},
    {"write", f_write, 1, 2, 0, NULL},
    {"writelines", f_writelines, 1, 2, 0, NULL},
    {"flush", f_flush, 1, 1, 0, NULL},
    {"close", f_close, 1, 1, 0, NULL},
    {"fileno", f_fileno, 1, 1, VM_METH_NOKW, NULL},
    {"isatty", f_isatty, 1, 1, VM_METH_NOKW, NULL},
    {"readable", f_readable, 1, 1, VM_METH_NOKW, NULL},
    {"writable", f_writable, 1, 1, VM_METH_NOKW, NULL},
    {"seekable", f_seekable, 1, 1, VM_METH_NOKW, NULL},
    {"tell", f_tell, 1, 1, VM_METH_NOKW, NULL},
    {"seek", f_seek, 1, 3, 0, NULL},
    {"truncate", f_truncate, 1, 2, 0, NULL},
    {"__enter__", f_enter, 1, 1, 0, NULL},
    {"__exit__", f_exit, 1, -1, VM_METH_NOKW, NULL},
    {"__iter__", f_iter, 1, 1, 0, NULL},
    {"__next__", f_next, 1, 1, VM_METH_NOKW, NULL},
    {"__repr__", f_repr, 1, 1, VM_METH_NOKW, NULL},
    {"closed", g_closed, 1, 1, VM_METH_GETTER, NULL},
    {"name", g_name, 1, 1, VM_METH_GETTER, NULL},
    {"mode", g_mode, 1, 1, VM_METH_GETTER, NULL},
    {0}};

static const vm_method_def text_getters[] = {
    {"reconfigure", f_reconfigure, 1, 1, 0, NULL},
    {"encoding", g_encoding, 1, 1, VM_METH_GETTER, NULL},
    {"errors", g_errors, 1, 1, VM_METH_GETTER, NULL},
    {"buffer", g_buffer, 1, 1, VM_METH_GETTER, NULL},
    {"line_buffering", g_line_buffering, 1, 1, VM_METH_GETTER, NULL},
    {"newlines", g_newlines, 1, 1, VM_METH_GETTER, NULL},
    {0}};

static const vm_method_def buffered_getters[] = {
    {"read1", f_read, 1, 2, 0, NULL},
    {"raw", g_raw, 1, 1, VM_METH_GETTER, NULL},
    {0}};

static const vm_method_def fileio_getters[] = {
    {"closefd", g_closefd, 1, 1, VM_METH_GETTER, NULL},
    {0}};

/* ---------------------------------------------------------------------------------------
 * io.StringIO and io.BytesIO: the contents live in the heap (a str or bytes value plus
 * the pieces written at the end since, at most MAX_PIECES, joined when read), so an abort
 * rolls them back like any object: no inevitability needed.
 */
enum { M_DICT, M_VALUE, M_PIECES, M_LEN, M_POS, M_CLOSED, M_NFIELDS };
#define MAX_PIECES 64
enum { T_STRINGIO, T_BYTESIO, T_IOBASE, T_RAWIOBASE, T_BUFFEREDIOBASE, T_TEXTIOBASE,
       T_NMEM };
static const char *const mem_type_names[T_NMEM] = {
    "StringIO", "BytesIO", "_IOBase", "_RawIOBase", "_BufferedIOBase", "_TextIOBase"};
static stm_ref mem_types[T_NMEM];
static vm_value mtype(int t) { return (vm_value)mem_types[t]; }

static int mem_kind(vm_value self)
{
    if (!vm_is_ref(self) || !vm_has_layout(self, VM_L_OBJ))
        return -1;
    if (vm_isinstance(self, mtype(T_STRINGIO)))
        return T_STRINGIO;
    if (vm_isinstance(self, mtype(T_BYTESIO)))
        return T_BYTESIO;
    return -1;
}

static int64_t value_len(vm_value v, bool text)
{
    return text ? (int64_t)vm_str_view(v).len : ((const vm_bytes *)vm_obj(v))->length;
}

/* Joins the pending pieces into M_VALUE. */
static vm_value mem_value(vm_value self, bool text)
{
    vm_value pieces = vm_field(self, M_PIECES);
    vm_value value = vm_field(self, M_VALUE);
    int64_t n = pieces ? vm_list_len(pieces) : 0;
    if (n == 0)
        return value;
    vm_value joined;
    if (text) {
        vm_value items[MAX_PIECES + 1];
        items[0] = value;
        for (int64_t i = 0; i < n; i++)
            items[i + 1] = vm_list_get(pieces, i);
        joined = vm_str_join_values(items, n + 1);
    } else {
        size_t total = (size_t)value_len(value, false);
        for (int64_t i = 0; i < n; i++)
            total += (size_t)value_len(vm_list_get(pieces, i), false);
        uint8_t *buf = malloc(total ? total : 1);
        if (!buf)
            return vm_raise_nomem();
        size_t at = 0;
        for (int64_t i = -1; i < n; i++) {
            const vm_bytes *b = vm_obj(i < 0 ? value : vm_list_get(pieces, i));
            memcpy(buf + at, b->data, (size_t)b->length);
            at += (size_t)b->length;
        }
        joined = vm_bytes_new(buf, total);
        free(buf);
    }
    if (!joined)
        return vm_error_pending() ? VM_NULL : vm_raise_nomem();
    vm_value fresh = vm_list_new(0);
    if (!fresh)
        return vm_raise_nomem();
    vm_set_field(self, M_VALUE, joined);
    vm_set_field(self, M_PIECES, fresh);
    return joined;
}

static vm_value slice_value(vm_value v, bool text, int64_t a, int64_t b)
{
    int64_t len = value_len(v, text);
    if (a > len) a = len;
    if (b > len) b = len;
    if (b < a) b = a;
    vm_value r = text ? vm_str_from_ustr(vm_ustr_slice(vm_str_view(v), (size_t)a, (size_t)b))
                      : vm_bytes_new(((const vm_bytes *)vm_obj(v))->data + a, (size_t)(b - a));
    return r ? r : vm_raise_nomem();
}

/* self checked: its kind, and open unless closed_ok */
static int mem_self(vm_value self, bool closed_ok)
{
    int k = mem_kind(self);
    if (k < 0) {
        vm_raise(VM_TYPE(TypeError), "descriptor requires a StringIO or BytesIO object, not '%T'",
                 self);
        return -1;
    }
    if (!closed_ok && vm_field(self, M_CLOSED) == VM_TRUE) {
        vm_raise(VM_TYPE(ValueError), k == T_STRINGIO ? "I/O operation on closed file"
                                                      : "I/O operation on closed file.");
        return -1;
    }
    if (!vm_field(self, M_VALUE)) {
        vm_raise(VM_TYPE(ValueError), "I/O operation on uninitialized object");
        return -1;
    }
    return k;
}

static vm_value m_init(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value self = args[0];
    int k = mem_kind(self);
    if (k < 0) {
        vm_raise(VM_TYPE(TypeError), "descriptor '__init__' requires a StringIO or BytesIO");
        return VM_NULL;
    }
    bool text = k == T_STRINGIO;
    static const char *const snames[] = {"initial_value", "newline"};
    static const char *const bnames[] = {"initial_bytes"};
    vm_value a[2] = {0, 0};
    if (!vm_bltin_parse(text ? "StringIO" : "BytesIO", args + 1, nargs - 1, kwnames,
                        text ? snames : bnames, text ? 2 : 1, 0, text ? 2 : 1, 0, a))
        return VM_NULL;
    vm_value init = a[0];
    if (!init || init == VM_NONE) {
        init = text ? vm_intern("") : vm_bytes_new("", 0);
    } else if (text && !vm_isinstance(init, VM_TYPE(STR))) {
        vm_raise(VM_TYPE(TypeError), "initial_value must be str or None, not %T", init);
        return VM_NULL;
    } else if (!text && !vm_isinstance(init, VM_TYPE(BYTES))) {
        if (vm_isinstance(init, VM_TYPE(STR))) {
            vm_raise(VM_TYPE(TypeError), "a bytes-like object is required, not '%T'", init);
            return VM_NULL;
        }
        init = vm_call1(VM_TYPE(BYTES), init);
        if (!init)
            return VM_NULL;
    }
    vm_value pieces = vm_list_new(0);
    if (!init || !pieces)
        return vm_raise_nomem();
    vm_set_field(self, M_VALUE, init);
    vm_set_field(self, M_PIECES, pieces);
    vm_set_field(self, M_LEN, vm_small(value_len(init, text)));
    vm_set_field(self, M_POS, vm_small(0));
    vm_set_field(self, M_CLOSED, VM_FALSE);
    return VM_NONE;
}

static vm_value m_write(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("write", kwnames) || !vm_bltin_npos("write", nargs - 1, VM_NULL, 1, 1))
        return VM_NULL;
    vm_value self = args[0], x = args[1];
    int k = mem_self(self, false);
    if (k < 0)
        return VM_NULL;
    bool text = k == T_STRINGIO;
    if (text && !vm_isinstance(x, VM_TYPE(STR))) {
        vm_raise(VM_TYPE(TypeError), "string argument expected, got '%T'", x);
        return VM_NULL;
    }
    if (!text && !vm_isinstance(x, VM_TYPE(BYTES))) {
        if (vm_isinstance(x, VM_TYPE(STR)) || vm_is_int(x) || x == VM_NONE) {
            vm_raise(VM_TYPE(TypeError), "a bytes-like object is required, not '%T'", x);
            return VM_NULL;
        }
        x = vm_call1(VM_TYPE(BYTES), x);
        if (!x)
            return VM_NULL;
    }
    int64_t n = value_len(x, text);
    int64_t len = vm_small_value(vm_field(self, M_LEN));
    int64_t pos = vm_small_value(vm_field(self, M_POS));
    if (n == 0)
        return vm_small(0);
    if (pos == len) {
        vm_value pieces = vm_field(self, M_PIECES);
        if (vm_list_len(pieces) >= MAX_PIECES && !mem_value(self, text))
            return VM_NULL;
        if (!vm_list_append(vm_field(self, M_PIECES), x))
            return vm_raise_nomem();
    } else {
        vm_value v = mem_value(self, text);
        if (!v)
            return VM_NULL;
        vm_value head = slice_value(v, text, 0, pos);
        if (!head)
            return VM_NULL;
        if (pos > len) {        /* the gap is filled with NULs */
            int64_t gap = pos - len;
            char *z = calloc((size_t)gap + 1, 1);
            if (!z)
                return vm_raise_nomem();
            vm_value zs = text ? vm_str_from_utf8(z, (size_t)gap) : vm_bytes_new(z, (size_t)gap);
            free(z);
            if (!zs)
                return vm_raise_nomem();
            vm_set_field(self, M_VALUE, head);
            vm_value pieces = vm_field(self, M_PIECES);
            if (!vm_list_append(pieces, zs) || !vm_list_append(pieces, x))
                return vm_raise_nomem();
        } else {
            vm_value tail = slice_value(v, text, pos + n, len);
            if (!tail)
                return VM_NULL;
            vm_set_field(self, M_VALUE, head);
            vm_value pieces = vm_field(self, M_PIECES);
            if (!vm_list_append(pieces, x) || !vm_list_append(pieces, tail))
                return vm_raise_nomem();
        }
    }
    int64_t end = pos + n;
    vm_set_field(self, M_POS, vm_small(end));
    if (end > len)
        vm_set_field(self, M_LEN, vm_small(end));
    return vm_int_from_int64(n);
}

static vm_value m_getvalue(vm_value *args, int64_t nargs, vm_value kwnames)
{
    int k = mem_self(args[0], false);
    return k < 0 ? VM_NULL : mem_value(args[0], k == T_STRINGIO);
}

static vm_value m_read(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("read", kwnames) || !vm_bltin_npos("read", nargs - 1, VM_NULL, 0, 1))
        return VM_NULL;
    vm_value self = args[0];
    int k = mem_self(self, false);
    if (k < 0)
        return VM_NULL;
    int64_t n = -1;
    if (nargs > 1 && args[1] != VM_NONE && !vm_index(args[1], &n))
        return VM_NULL;
    vm_value v = mem_value(self, k == T_STRINGIO);
    if (!v)
        return VM_NULL;
    int64_t len = vm_small_value(vm_field(self, M_LEN));
    int64_t pos = vm_small_value(vm_field(self, M_POS));
    if (pos > len)
        pos = len;
    int64_t end = n < 0 || pos + n > len ? len : pos + n;
    vm_set_field(self, M_POS, vm_small(end));
    return slice_value(v, k == T_STRINGIO, pos, end);
}

static vm_value mem_readline(vm_value self, int k, int64_t limit)
{
    bool text = k == T_STRINGIO;
    vm_value v = mem_value(self, text);
    if (!v)
        return VM_NULL;
    int64_t len = vm_small_value(vm_field(self, M_LEN));
    int64_t pos = vm_small_value(vm_field(self, M_POS));
    if (pos > len)
        pos = len;
    int64_t end = pos;
    if (text) {
        vm_ustr s = vm_str_view(v);
        while (end < len && vm_ustr_get(s, (size_t)end) != '\n')
            end++;
    } else {
        const uint8_t *d = ((const vm_bytes *)vm_obj(v))->data;
        while (end < len && d[end] != '\n')
            end++;
    }
    if (end < len)
        end++;
    if (limit >= 0 && end - pos > limit)
        end = pos + limit;
    vm_set_field(self, M_POS, vm_small(end));
    return slice_value(v, text, pos, end);
}

static vm_value m_readline(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("readline", kwnames)
        || !vm_bltin_npos("readline", nargs - 1, VM_NULL, 0, 1))
        return VM_NULL;
    int k = mem_self(args[0], false);
    if (k < 0)
        return VM_NULL;
    int64_t limit = -1;
    if (nargs > 1 && args[1] != VM_NONE && !vm_index(args[1], &limit))
        return VM_NULL;
    return mem_readline(args[0], k, limit);
}

static vm_value m_readlines(vm_value *args, int64_t nargs, vm_value kwnames)
{
    int k = mem_self(args[0], false);
    if (k < 0)
        return VM_NULL;
    vm_value list = vm_list_new(0);
    if (!list)
        return vm_raise_nomem();
    for (;;) {
        vm_value line = mem_readline(args[0], k, -1);
        if (!line)
            return VM_NULL;
        if (value_len(line, k == T_STRINGIO) == 0)
            return list;
        if (!vm_list_append(list, line))
            return vm_raise_nomem();
    }
}

static vm_value m_next(vm_value *args, int64_t nargs, vm_value kwnames)
{
    int k = mem_self(args[0], false);
    if (k < 0)
        return VM_NULL;
    vm_value line = mem_readline(args[0], k, -1);
    if (!line)
        return VM_NULL;
    if (value_len(line, k == T_STRINGIO) == 0) {
        raise_stop_iteration();
        return VM_NULL;
    }
    return line;
}

static vm_value m_self_open(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return mem_self(args[0], false) < 0 ? VM_NULL : args[0];
}

static vm_value m_tell(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return mem_self(args[0], false) < 0 ? VM_NULL : vm_field(args[0], M_POS);
}

static vm_value m_seek(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw("seek", kwnames) || !vm_bltin_npos("seek", nargs - 1, VM_NULL, 1, 2))
        return VM_NULL;
    vm_value self = args[0];
    int k = mem_self(self, false);
    if (k < 0)
        return VM_NULL;
    int64_t off, whence = 0;
    if (!vm_index(args[1], &off) || (nargs > 2 && !vm_index(args[2], &whence)))
        return VM_NULL;
    int64_t len = vm_small_value(vm_field(self, M_LEN));
    int64_t pos = vm_small_value(vm_field(self, M_POS));
    if (whence < 0 || whence > 2) {
        vm_raise(VM_TYPE(ValueError), k == T_STRINGIO
                     ? "Invalid whence (%ld, should be 0, 1 or 2)"
                     : "invalid whence (%ld, should be 0, 1 or 2)", (long)whence);
        return VM_NULL;
    }
    if (k == T_STRINGIO && whence != 0 && off != 0) {
        return unsupported(whence == 1 ? "Can't do nonzero cur-relative seeks"
                                       : "Can't do nonzero end-relative seeks");
    }
    if (whence == 0 && off < 0) {
        vm_raise(VM_TYPE(ValueError), "negative seek value %ld", (long)off);
        return VM_NULL;
    }
    int64_t np = whence == 0 ? off : whence == 1 ? pos + off : len + off;
    if (np < 0)
        np = 0;
    if (np > VM_SMALL_MAX / 2)
        np = VM_SMALL_MAX / 2;
    vm_set_field(self, M_POS, vm_small(np));
    return vm_small(np);
}

static vm_value m_truncate(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value self = args[0];
    int k = mem_self(self, false);
    if (k < 0)
        return VM_NULL;
    int64_t size = vm_small_value(vm_field(self, M_POS));
    if (nargs > 1 && args[1] != VM_NONE && !vm_index(args[1], &size))
        return VM_NULL;
    if (size < 0) {
        vm_raise(VM_TYPE(ValueError), "Negative size value %ld", (long)size);
        return VM_NULL;
    }
    int64_t len = vm_small_value(vm_field(self, M_LEN));
    if (size < len) {
        vm_value v = mem_value(self, k == T_STRINGIO);
        vm_value cut = v ? slice_value(v, k == T_STRINGIO, 0, size) : VM_NULL;
        if (!cut)
            return VM_NULL;
        vm_set_field(self, M_VALUE, cut);
        vm_set_field(self, M_LEN, vm_small(size));
    }
    return vm_small(size);
}

static vm_value m_close(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (mem_self(args[0], true) < 0)
        return VM_NULL;
    vm_set_field(args[0], M_CLOSED, VM_TRUE);
    return VM_NONE;
}

static vm_value m_exit(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return m_close(args, 1, VM_NULL);
}

static vm_value m_true(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return mem_self(args[0], false) < 0 ? VM_NULL : VM_TRUE;
}

static vm_value m_false(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return mem_self(args[0], false) < 0 ? VM_NULL : VM_FALSE;
}

static vm_value m_none(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return mem_self(args[0], false) < 0 ? VM_NULL : VM_NONE;
}

static vm_value m_closed(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (mem_kind(args[0]) < 0)
        return VM_FALSE;
    return vm_field(args[0], M_CLOSED) == VM_TRUE ? VM_TRUE : VM_FALSE;
}

static vm_value m_getbuffer(vm_value *args, int64_t nargs, vm_value kwnames)
{
    int k = mem_self(args[0], false);
    if (k != T_BYTESIO)
        return k < 0 ? VM_NULL : unsupported("getbuffer");
    vm_value v = mem_value(args[0], false);
    return v ? vm_call1(VM_TYPE(BYTEARRAY), v) : VM_NULL;
}

static vm_value m_writelines(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("writelines", nargs - 1, kwnames, 1, 1))
        return VM_NULL;
    vm_value it = vm_iter(args[1]);
    if (!it)
        return VM_NULL;
    for (;;) {
        vm_value line = vm_next(it);
        if (!line)
            return vm_error_pending() ? VM_NULL : VM_NONE;
        vm_value wargs[2] = {args[0], line};
        if (!vm_call_method(args[0], "write", wargs + 1, 1))
            return VM_NULL;
    }
}

static const vm_method_def mem_methods[] = {
    {"__init__", m_init, 1, -1, 0, NULL},
    {"write", m_write, 1, 2, 0, NULL},
    {"writelines", m_writelines, 1, 2, 0, NULL},
    {"getvalue", m_getvalue, 1, 1, VM_METH_NOKW, NULL},
    {"read", m_read, 1, 2, 0, NULL},
    {"read1", m_read, 1, 2, 0, NULL},
    {"readline", m_readline, 1, 2, 0, NULL},
    {"readlines", m_readlines, 1, 2, 0, NULL},
    {"__next__", m_next, 1, 1, VM_METH_NOKW, NULL},
    {"__iter__", m_self_open, 1, 1, VM_METH_NOKW, NULL},
    {"__enter__", m_self_open, 1, 1, VM_METH_NOKW, NULL},
    {"__exit__", m_exit, 1, -1, VM_METH_NOKW, NULL},
    {"tell", m_tell, 1, 1, VM_METH_NOKW, NULL},
    {"seek", m_seek, 1, 3, 0, NULL},
    {"truncate", m_truncate, 1, 2, 0, NULL},
    {"close", m_close, 1, 1, VM_METH_NOKW, NULL},
    {"flush", m_none, 1, 1, VM_METH_NOKW, NULL},
    {"readable", m_true, 1, 1, VM_METH_NOKW, NULL},
    {"writable", m_true, 1, 1, VM_METH_NOKW, NULL},
    {"seekable", m_true, 1, 1, VM_METH_NOKW, NULL},
    {"isatty", m_false, 1, 1, VM_METH_NOKW, NULL},
    {"getbuffer", m_getbuffer, 1, 1, VM_METH_NOKW, NULL},
    {"closed", m_closed, 1, 1, VM_METH_GETTER, NULL},
    {0}};

/* _IOBase's defaults for classes derived from io.IOBase & co. */
static vm_value iob_self(vm_value *args, int64_t nargs, vm_value kwnames) { return args[0]; }
static vm_value iob_none(vm_value *args, int64_t nargs, vm_value kwnames) { return VM_NONE; }
static vm_value iob_false(vm_value *args, int64_t nargs, vm_value kwnames) { return VM_FALSE; }
static vm_value iob_exit(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return vm_call_method(args[0], "close", NULL, 0) ? VM_NONE : VM_NULL;
}
static vm_value iob_next(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value line = vm_call_method(args[0], "readline", NULL, 0);
    if (!line)
        return VM_NULL;
    int64_t n = vm_len(line);
    if (n < 0)
        return VM_NULL;
    if (n == 0) {
        raise_stop_iteration();
        return VM_NULL;
    }
    return line;
}
static vm_value iob_fileno(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return unsupported("fileno");
}
static const vm_method_def iobase_methods[] = {
    {"__enter__", iob_self, 1, 1, VM_METH_NOKW, NULL},
    {"__exit__", iob_exit, 1, -1, VM_METH_NOKW, NULL},
    {"__iter__", iob_self, 1, 1, VM_METH_NOKW, NULL},
    {"__next__", iob_next, 1, 1, VM_METH_NOKW, NULL},
    {"close", iob_none, 1, 1, VM_METH_NOKW, NULL},
    {"flush", iob_none, 1, 1, VM_METH_NOKW, NULL},
    {"readable", iob_false, 1, 1, VM_METH_NOKW, NULL},
    {"writable", iob_false, 1, 1, VM_METH_NOKW, NULL},
    {"seekable", iob_false, 1, 1, VM_METH_NOKW, NULL},
    {"isatty", iob_false, 1, 1, VM_METH_NOKW, NULL},
    {"fileno", iob_fileno, 1, 1, VM_METH_NOKW, NULL},
    {0}};

static vm_value io_text_encoding(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("text_encoding", nargs, kwnames, 1, 2))
        return VM_NULL;
    return args[0] == VM_NONE ? vm_str_c("locale") : args[0];
}

static vm_value io_open_code(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("open_code", nargs, kwnames, 1, 1))
        return VM_NULL;
    if (!vm_isinstance(args[0], VM_TYPE(STR))) {
        vm_raise(VM_TYPE(TypeError), "open_code() argument 'path' must be str, not %T", args[0]);
        return VM_NULL;
    }
    vm_value oargs[2] = {args[0], vm_str_c("rb")};
    return vm_builtin_open(oargs, 2, VM_NULL);
}

static const vm_method_def io_functions[] = {
    {"open", vm_builtin_open, 0, -1, 0, "Open file and return a stream."},
    {"open_code", io_open_code, 0, -1, 0, NULL},
    {"text_encoding", io_text_encoding, 0, -1, 0, NULL},
    {0}};

static stm_ref rwpair_type, nldecoder_type;

static vm_value io_module_init(void)
{
    vm_value m = vm_module_new(vm_str_c("_io"));
    if (!m)
        return vm_raise_nomem();
    vm_value d = vm_module_dict(m);
    for (const vm_method_def *f = io_functions; f->name; f++)
        if (vm_dict_setitem_c(d, f->name, vm_cfunction_new(f, VM_NULL, m)) < 0)
            return VM_NULL;
    vm_value uo = vm_io_unsupported_operation();
    if (!uo)
        return VM_NULL;
    if (vm_dict_setitem_c(d, "DEFAULT_BUFFER_SIZE", vm_small(DEFAULT_BUFFER)) < 0
        || vm_dict_setitem_c(d, "BlockingIOError", VM_TYPE(BlockingIOError)) < 0
        || vm_dict_setitem_c(d, "UnsupportedOperation", uo) < 0)
        return VM_NULL;
    for (int i = 0; i < T_NTYPES; i++)
        if (vm_dict_setitem_c(d, type_names[i], ftype(i)) < 0)
            return VM_NULL;
    for (int i = 0; i < T_NMEM; i++)
        if (vm_dict_setitem_c(d, mem_type_names[i], mtype(i)) < 0)
            return VM_NULL;
    if (vm_dict_setitem_c(d, "BufferedRWPair", (vm_value)rwpair_type) < 0
        || vm_dict_setitem_c(d, "IncrementalNewlineDecoder", (vm_value)nldecoder_type) < 0)
        return VM_NULL;
    return m;
}

static vm_value make_io_type(stm_ref *slot, const char *name, vm_value base, int nfields,
                             bool basetype)
{
    vm_value t = vm_new_static_type(name, base, nfields, basetype);
    if (!t)
        return vm_raise_nomem();
    stm_add_global_root(slot);
    stm_global_root_set(&vm_self->tl, slot, (stm_ref)t);
    vm_value mod = vm_str_c("_io");
    vm_value d = ((vm_type *)vm_obj(t))->dict;
    if (mod && d)
        (void)vm_dict_setitem_c(d, "__module__", mod);
    return t;
}

/* The _io base classes, StringIO, BytesIO; registers the _io module. */
static void init_io_types(void)
{
    if (!make_io_type(&mem_types[T_IOBASE], "_IOBase", VM_TYPE(OBJECT), 1, true))
        return;
    vm_type_add_methods(mtype(T_IOBASE), iobase_methods);
    for (int i = T_RAWIOBASE; i <= T_TEXTIOBASE; i++)
        if (!make_io_type(&mem_types[i], mem_type_names[i], mtype(T_IOBASE), 1, true))
            return;
    if (!make_io_type(&mem_types[T_STRINGIO], "StringIO", mtype(T_TEXTIOBASE), M_NFIELDS, true)
        || !make_io_type(&mem_types[T_BYTESIO], "BytesIO", mtype(T_BUFFEREDIOBASE), M_NFIELDS,
                         true)
        || !make_io_type(&rwpair_type, "BufferedRWPair", mtype(T_BUFFEREDIOBASE), 1, false)
        || !make_io_type(&nldecoder_type, "IncrementalNewlineDecoder", VM_TYPE(OBJECT), 1,
                         false))
        return;
    vm_type_add_methods(mtype(T_STRINGIO), mem_methods);
    vm_type_add_methods(mtype(T_BYTESIO), mem_methods);
    static bool registered;
    if (!registered) {
        registered = true;
        vm_register_c_module("_io", io_module_init);
    }
}

/* ---------------------------------------------------------------------------------------
 * Start-up
 */
static vm_value std_stream(int fd, const char *name, bool out, int errh, bool write_through)
{
    file_state *st = state_new(fd);
    vm_value vname = vm_str_c(name);
    if (!st || !vname)
        return vm_raise_nomem();
    st->readable = !out;
    st->writable = out;
    st->closefd = false;
    bool tty = isatty(fd);
    /* PYTHONUNBUFFERED (python -u): stdout and stderr unbuffered (FileIO) and the text
     * layer written through; stdin stays buffered. */
    const char *unbuf_env = getenv("PYTHONUNBUFFERED");
    bool unbuffered = out && unbuf_env && *unbuf_env;
    if (unbuffered) {
        st->wcap = 0;
        write_through = true;
    }
    vm_value b = make_binary(st, vname, unbuffered);
    vm_value enc = vm_str_c("utf-8"), errs = vm_str_c(errh == VM_USTR_STRICT ? "strict"
                                                  : errh == VM_USTR_SURROGATEESCAPE
                                                      ? "surrogateescape" : "backslashreplace");
    vm_value mode = vm_str_c(out ? "w" : "r");
    if (!b || !enc || !errs || !mode)
        return vm_raise_nomem();
    if (fd == 1)
        stdout_state = st;
    else if (fd == 2)
        stderr_state = st;
    return make_text(st, b, vname, mode, enc, errs,
                     tf_make(VM_USTR_UTF8, errh, NL_UNIVERSAL, out && tty, write_through));
}

void vm_init_files(void)
{
    init_io_types();
    if (vm_error_pending())
        return;
    for (int i = 0; i < T_NTYPES; i++) {
        vm_value base = mtype(i == T_TEXT ? T_TEXTIOBASE : i == T_FILEIO ? T_RAWIOBASE
                                                                          : T_BUFFEREDIOBASE);
        vm_value t = vm_new_static_type(type_names[i], base, F_NFIELDS, false);
        if (!t) {
            vm_raise_nomem();
            return;
        }
        stm_add_global_root(&file_types[i]);
        stm_global_root_set(&vm_self->tl, &file_types[i], (stm_ref)t);
        vm_type_add_methods(t, file_methods);
        vm_type_add_methods(t, i == T_TEXT ? text_getters
                               : i == T_FILEIO ? fileio_getters : buffered_getters);
        vm_value d = ((vm_type *)vm_obj(t))->dict;
        vm_value mod = vm_str_c("_io");
        if (mod && d)
            (void)vm_dict_setitem_c(d, "__module__", mod);
    }
    vm_init_site_builtins();
    vm_value sys = vm_sys_module ? vm_module_dict(vm_sys_module) : VM_NULL;
    const char *names[3] = {"stdin", "stdout", "stderr"};
    const char *cnames[3] = {"<stdin>", "<stdout>", "<stderr>"};
    for (int fd = 0; fd < 3; fd++) {
        vm_value f = std_stream(fd, cnames[fd], fd > 0,
                                fd == 2 ? VM_USTR_BACKSLASHREPLACE : VM_USTR_SURROGATEESCAPE,
                                fd == 2);
        if (!f)
            return;
        if (sys) {
            char dunder[16];
            snprintf(dunder, sizeof dunder, "__%s__", names[fd]);
            (void)vm_dict_setitem_c(sys, names[fd], f);
            (void)vm_dict_setitem_c(sys, dunder, f);
        }
    }
}

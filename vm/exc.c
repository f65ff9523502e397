/* vm/exc.c — exception objects (BaseException and the builtin subclasses' own
 * attributes), tracebacks, and printing an uncaught exception as CPython 3.11 does. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/interp.h"
#include "vm/parser.h"

static vm_type *TY(vm_value t) { return vm_obj(t); }

enum { TB_NEXT, TB_FRAME, TB_LASTI, TB_LINENO, TB_NFIELDS };

bool vm_is_exception(vm_value v)
{
    return vm_is_ref(v) && vm_isinstance(v, VM_TYPE(BaseException));
}

vm_value vm_exc_new(vm_value type, vm_value args)
{
    vm_value e = vm_obj_new(type, VM_EXC_NFIELDS);
    if (!e)
        return VM_NULL;
    vm_value *E = vm_fields(e);
    E[VM_EXC_ARGS] = args ? args : vm_tuple_new(0);
    E[VM_EXC_SUPPRESS] = VM_FALSE;
    return e;
}

/* __context__ = the exception being handled, breaking cycles (PyErr_SetObject) */
static void set_context(vm_value exc)
{
    vm_value handled = vm_root(VM_ROOT_HANDLED);
    if (!handled || handled == exc || !vm_is_exception(exc))
        return;
    /* avoid a cycle: cut exc out of handled's context chain */
    vm_value o = handled;
    for (int guard = 0; guard < 10000; guard++) {
        vm_value c = vm_field(o, VM_EXC_CONTEXT);
        if (!c || c == VM_NONE)
            break;
        if (c == exc) {
            vm_set_field(o, VM_EXC_CONTEXT, VM_NULL);
            break;
        }
        o = c;
    }
    vm_set_field(exc, VM_EXC_CONTEXT, handled);
}

void vm_raise_value(vm_value exc)
{
    if (vm_is_type_object(exc)) {
        /* a class: its instance with no arguments */
        vm_value inst = vm_call0(exc);
        if (!inst)
            return;
        exc = inst;
    }
    if (!vm_is_exception(exc)) {
        vm_raise(VM_TYPE(TypeError), "exceptions must derive from BaseException");
        return;
    }
    set_context(exc);
    vm_set_root(VM_ROOT_EXC, exc);
}

void vm_raise_value_keep_tb(vm_value exc)
{
    vm_set_root(VM_ROOT_EXC, exc);
}

void vm_exc_add_traceback(vm_value exc, vm_value frame, int lasti)
{
    if (!exc || !vm_is_exception(exc))
        return;
    vm_value tb = vm_obj_new(VM_TYPE(TRACEBACK), TB_NFIELDS);
    if (!tb)
        return;
    vm_value old = vm_field(exc, VM_EXC_TRACEBACK);
    vm_value *T = vm_fields(tb);
    T[TB_NEXT] = old && old != VM_NONE ? old : VM_NULL;
    T[TB_FRAME] = frame;
    T[TB_LASTI] = vm_small(lasti);
    const vm_code *co = vm_code_of(vm_field(frame, VM_FR_CODE));
    const vm_code_pos *p = vm_code_position(co, (uint32_t)lasti);
    T[TB_LINENO] = vm_small(p ? p->lineno : -1);
    vm_set_field(exc, VM_EXC_TRACEBACK, tb);
}

/* ---------------------------------------------------------------------------------------
 * BaseException
 */
static vm_value exc_new_m(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    vm_value args = vm_tuple_new((size_t)(n - 1));
    if (!args)
        return vm_raise_nomem();
    for (int64_t i = 1; i < n; i++)
        vm_tuple_items(args)[i - 1] = a[i];
    vm_value e = vm_exc_new(a[0], args);
    return e ? e : vm_raise_nomem();
}

static vm_value exc_init(vm_value *a, int64_t n, vm_value k)
{
    if (k && vm_tuple_length(k)) {
        vm_raise(VM_TYPE(TypeError), "%T() takes no keyword arguments", a[0]);
        return VM_NULL;
    }
    vm_value args = vm_tuple_new((size_t)(n - 1));
    if (!args)
        return vm_raise_nomem();
    for (int64_t i = 1; i < n; i++)
        vm_tuple_items(args)[i - 1] = a[i];
    vm_set_field(a[0], VM_EXC_ARGS, args);
    return VM_NONE;
}

static vm_value exc_args_of(vm_value e)
{
    vm_value args = vm_field(e, VM_EXC_ARGS);
    return args ? args : vm_tuple_new(0);
}

static vm_value exc_str(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value args = exc_args_of(a[0]);
    int64_t len = vm_tuple_length(args);
    if (len == 0)
        return vm_intern("");
    if (len == 1)
        return vm_str_of(vm_tuple_items(args)[0]);
    return vm_str_of(args);
}

static vm_value exc_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value args = exc_args_of(a[0]);
    vm_value name = vm_getattr_c(vm_type_of(a[0]), "__name__");
    if (!name)
        return VM_NULL;
    if (vm_tuple_length(args) == 1)
        return vm_format("%U(%R)", name, vm_tuple_items(args)[0]);
    if (vm_tuple_length(args) == 0)
        return vm_format("%U()", name);
    return vm_format("%U%R", name, args);
}

static vm_value exc_args(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2) {
        if (!a[1]) {
            vm_raise(VM_TYPE(TypeError), "args may not be deleted");
            return VM_NULL;
        }
        vm_value t = vm_tuple_from_iterable(a[1]);
        if (!t)
            return VM_NULL;
        vm_set_field(a[0], VM_EXC_ARGS, t);
        return VM_NONE;
    }
    return exc_args_of(a[0]);
}

static vm_value exc_traceback(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2) {
        if (!a[1]) {
            vm_raise(VM_TYPE(TypeError), "__traceback__ may not be deleted");
            return VM_NULL;
        }
        if (a[1] != VM_NONE && !vm_is_type(a[1], VM_T_TRACEBACK)) {
            vm_raise(VM_TYPE(TypeError), "__traceback__ must be a traceback or None");
            return VM_NULL;
        }
        vm_set_field(a[0], VM_EXC_TRACEBACK, a[1] == VM_NONE ? VM_NULL : a[1]);
        return VM_NONE;
    }
    vm_value tb = vm_field(a[0], VM_EXC_TRACEBACK);
    return tb ? tb : VM_NONE;
}

static vm_value exc_cause(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2) {
        if (!a[1]) {
            vm_raise(VM_TYPE(TypeError), "__cause__ may not be deleted");
            return VM_NULL;
        }
        if (a[1] != VM_NONE && !vm_is_exception(a[1])) {
            vm_raise(VM_TYPE(TypeError), "exception cause must be None or derive from BaseException");
            return VM_NULL;
        }
        vm_set_field(a[0], VM_EXC_CAUSE, a[1]);
        vm_set_field(a[0], VM_EXC_SUPPRESS, VM_TRUE);
        return VM_NONE;
    }
    vm_value c = vm_field(a[0], VM_EXC_CAUSE);
    return c ? c : VM_NONE;
}

static vm_value exc_context(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2) {
        if (!a[1]) {
            vm_raise(VM_TYPE(TypeError), "__context__ may not be deleted");
            return VM_NULL;
        }
        if (a[1] != VM_NONE && !vm_is_exception(a[1])) {
            vm_raise(VM_TYPE(TypeError), "exception context must be None or derive from BaseException");
            return VM_NULL;
        }
        vm_set_field(a[0], VM_EXC_CONTEXT, a[1]);
        return VM_NONE;
    }
    vm_value c = vm_field(a[0], VM_EXC_CONTEXT);
    return c ? c : VM_NONE;
}

static vm_value exc_suppress(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2) {
        int t = a[1] ? vm_truth(a[1]) : 0;
        if (t < 0)
            return VM_NULL;
        vm_set_field(a[0], VM_EXC_SUPPRESS, t ? VM_TRUE : VM_FALSE);
        return VM_NONE;
    }
    vm_value s = vm_field(a[0], VM_EXC_SUPPRESS);
    return s == VM_TRUE ? VM_TRUE : VM_FALSE;
}

static vm_value exc_with_traceback(vm_value *a, int64_t n, vm_value k)
{
    vm_value b[2] = {a[0], a[1]};
    (void)n;
    if (!exc_traceback(b, 2, k))
        return VM_NULL;
    return a[0];
}

static vm_value exc_add_note(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    if (!vm_has_layout(a[1], VM_L_STR)) {
        vm_raise(VM_TYPE(TypeError), "note must be a str, not '%T'", a[1]);
        return VM_NULL;
    }
    vm_value d = vm_instance_dict(a[0], true);
    if (!d)
        return VM_NULL;
    vm_value notes = vm_dict_getitem_c(d, "__notes__");
    if (!notes) {
        if (vm_error_pending())
            return VM_NULL;
        notes = vm_list_new(0);
        if (!notes || vm_dict_setitem_c(d, "__notes__", notes) < 0)
            return VM_NULL;
    } else if (!vm_is_type(notes, VM_T_LIST)) {
        vm_raise(VM_TYPE(TypeError), "Cannot add note: __notes__ is not a list");
        return VM_NULL;
    }
    if (!vm_list_append(notes, a[1]))
        return vm_raise_nomem();
    return VM_NONE;
}

static vm_value exc_reduce(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value t = vm_tuple_new(2);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = vm_type_of(a[0]);
    vm_tuple_items(t)[1] = exc_args_of(a[0]);
    return t;
}

static vm_value exc_setstate(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    if (a[1] != VM_NONE && vm_is_type(a[1], VM_T_DICT)) {
        int64_t pos = 0;
        vm_value key, v;
        while (vm_dict_next(a[1], &pos, &key, &v))
            if (vm_setattr(a[0], key, v) < 0)
                return VM_NULL;
    }
    return VM_NONE;
}

static const vm_method_def exc_methods[] = {
    {"__new__", exc_new_m, 1, -1, VM_METH_STATIC, NULL},
    {"__init__", exc_init, 1, -1, 0, NULL},
    {"__str__", exc_str, 1, 1, VM_METH_NOKW, NULL},
    {"__repr__", exc_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__reduce__", exc_reduce, 1, 1, VM_METH_NOKW, NULL},
    {"__setstate__", exc_setstate, 2, 2, VM_METH_NOKW, NULL},
    {"with_traceback", exc_with_traceback, 2, 2, VM_METH_NOKW, NULL},
    {"add_note", exc_add_note, 2, 2, VM_METH_NOKW, NULL},
    {"args", exc_args, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__traceback__", exc_traceback, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__cause__", exc_cause, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__context__", exc_context, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__suppress_context__", exc_suppress, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* ---- subclasses with attributes: they live in the instance dict ---- */
static int set_attr(vm_value e, const char *name, vm_value v)
{
    vm_value d = vm_instance_dict(e, true);
    return d ? vm_dict_setitem_c(d, name, v) : -1;
}

static vm_value get_attr(vm_value e, const char *name)
{
    vm_value d = vm_instance_dict(e, false);
    vm_value v = d ? vm_dict_getitem_c(d, name) : VM_NULL;
    if (!v)
        vm_exc_clear();
    return v ? v : VM_NONE;
}

static vm_value stopiter_init(vm_value *a, int64_t n, vm_value k)
{
    if (!exc_init(a, n, k))
        return VM_NULL;
    return set_attr(a[0], "value", n > 1 ? a[1] : VM_NONE) < 0 ? VM_NULL : VM_NONE;
}

static vm_value systemexit_init(vm_value *a, int64_t n, vm_value k)
{
    if (!exc_init(a, n, k))
        return VM_NULL;
    vm_value code = n == 1 ? VM_NONE : n == 2 ? a[1] : vm_field(a[0], VM_EXC_ARGS);
    return set_attr(a[0], "code", code) < 0 ? VM_NULL : VM_NONE;
}

static vm_value keyerror_str(vm_value *a, int64_t n, vm_value k)
{
    vm_value args = exc_args_of(a[0]);
    if (vm_tuple_length(args) == 1)
        return vm_repr(vm_tuple_items(args)[0]);
    return exc_str(a, n, k);
}

static vm_value importerror_init(vm_value *a, int64_t n, vm_value k)
{
    static const char *const names[] = {"name", "path"};
    vm_value kv[2] = {VM_NULL, VM_NULL};
    int64_t nk = k ? vm_tuple_length(k) : 0;
    for (int64_t i = 0; i < nk; i++) {
        vm_value kn = vm_tuple_items(k)[i];
        int j;
        for (j = 0; j < 2; j++)
            if (vm_str_eq_c(kn, names[j]))
                break;
        if (j == 2) {
            vm_raise(VM_TYPE(TypeError), "'%U' is an invalid keyword argument for %T()", kn, a[0]);
            return VM_NULL;
        }
        kv[j] = a[n + i];
    }
    if (!exc_init(a, n, VM_NULL))
        return VM_NULL;
    if (set_attr(a[0], "name", kv[0] ? kv[0] : VM_NONE) < 0 || set_attr(a[0], "path", kv[1] ? kv[1] : VM_NONE) < 0 ||
        set_attr(a[0], "msg", n == 2 ? a[1] : VM_NONE) < 0)
        return VM_NULL;
    return VM_NONE;
}

static vm_value importerror_str(vm_value *a, int64_t n, vm_value k)
{
    vm_value msg = get_attr(a[0], "msg");
    if (msg != VM_NONE)
        return vm_str_of(msg);
    return exc_str(a, n, k);
}

static vm_value nameerror_init(vm_value *a, int64_t n, vm_value k)
{
    vm_value name = VM_NONE;
    int64_t nk = k ? vm_tuple_length(k) : 0;
    for (int64_t i = 0; i < nk; i++) {
        vm_value kn = vm_tuple_items(k)[i];
        if (!vm_str_eq_c(kn, "name")) {
            vm_raise(VM_TYPE(TypeError), "'%U' is an invalid keyword argument for %T()", kn, a[0]);
            return VM_NULL;
        }
        name = a[n + i];
    }
    if (!exc_init(a, n, VM_NULL))
        return VM_NULL;
    return set_attr(a[0], "name", name) < 0 ? VM_NULL : VM_NONE;
}

static vm_value attributeerror_init(vm_value *a, int64_t n, vm_value k)
{
    vm_value name = VM_NONE, obj = VM_NONE;
    int64_t nk = k ? vm_tuple_length(k) : 0;
    for (int64_t i = 0; i < nk; i++) {
        vm_value kn = vm_tuple_items(k)[i];
        if (vm_str_eq_c(kn, "name"))
            name = a[n + i];
        else if (vm_str_eq_c(kn, "obj"))
            obj = a[n + i];
        else {
            vm_raise(VM_TYPE(TypeError), "'%U' is an invalid keyword argument for %T()", kn, a[0]);
            return VM_NULL;
        }
    }
    if (!exc_init(a, n, VM_NULL))
        return VM_NULL;
    if (set_attr(a[0], "name", name) < 0 || set_attr(a[0], "obj", obj) < 0)
        return VM_NULL;
    return VM_NONE;
}

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): the subclass by errno */
static vm_value oserror_subclass(int64_t err)
{
    switch (err) {
    case EAGAIN: return VM_TYPE(BlockingIOError);
    case ECHILD: return VM_TYPE(ChildProcessError);
    case EPIPE: case ESHUTDOWN: return VM_TYPE(BrokenPipeError);
    case ECONNABORTED: return VM_TYPE(ConnectionAbortedError);
    case ECONNREFUSED: return VM_TYPE(ConnectionRefusedError);
    case ECONNRESET: return VM_TYPE(ConnectionResetError);
    case EEXIST: return VM_TYPE(FileExistsError);
    case ENOENT: return VM_TYPE(FileNotFoundError);
    case EISDIR: return VM_TYPE(IsADirectoryError);
    case ENOTDIR: return VM_TYPE(NotADirectoryError);
    case EINTR: return VM_TYPE(InterruptedError);
    case EACCES: case EPERM: return VM_TYPE(PermissionError);
    case ESRCH: return VM_TYPE(ProcessLookupError);
    case ETIMEDOUT: return VM_TYPE(TimeoutError);
    default: return VM_NULL;
    }
}

static vm_value oserror_new(vm_value *a, int64_t n, vm_value k)
{
    vm_value cls = a[0];
    if (cls == VM_TYPE(OSError) && n >= 3 && vm_is_small(a[1])) {
        vm_value sub = oserror_subclass(vm_small_value(a[1]));
        if (sub)
            cls = sub;
    }
    vm_value b[n > 0 ? n : 1];
    memcpy(b, a, (size_t)n * sizeof(vm_value));
    b[0] = cls;
    return exc_new_m(b, n, k);
}

static vm_value oserror_init(vm_value *a, int64_t n, vm_value k)
{
    if (!exc_init(a, n, k))
        return VM_NULL;
    vm_value e = a[0];
    vm_value err = VM_NONE, strerror = VM_NONE, filename = VM_NONE, filename2 = VM_NONE;
    if (n >= 3 && n <= 6) {
        err = a[1];
        strerror = a[2];
        if (n >= 4)
            filename = a[3];
        if (n >= 6)
            filename2 = a[5];
        if (n >= 4) {
            /* args keeps (errno, strerror) only */
            vm_value t = vm_tuple_new(2);
            if (!t)
                return vm_raise_nomem();
            vm_tuple_items(t)[0] = a[1];
            vm_tuple_items(t)[1] = a[2];
            vm_set_field(e, VM_EXC_ARGS, t);
        }
    }
    if (set_attr(e, "errno", err) < 0 || set_attr(e, "strerror", strerror) < 0 ||
        set_attr(e, "filename", filename) < 0 || set_attr(e, "filename2", filename2) < 0)
        return VM_NULL;
    return VM_NONE;
}

static vm_value oserror_str(vm_value *a, int64_t n, vm_value k)
{
    vm_value e = a[0];
    vm_value err = get_attr(e, "errno"), strerror = get_attr(e, "strerror");
    vm_value filename = get_attr(e, "filename"), filename2 = get_attr(e, "filename2");
    if (filename != VM_NONE) {
        if (filename2 != VM_NONE)
            return vm_format("[Errno %S] %S: %R -> %R", err, strerror, filename, filename2);
        return vm_format("[Errno %S] %S: %R", err, strerror, filename);
    }
    if (err != VM_NONE && strerror != VM_NONE)
        return vm_format("[Errno %S] %S", err, strerror);
    return exc_str(a, n, k);
}

static vm_value syntaxerror_init(vm_value *a, int64_t n, vm_value k)
{
    if (!exc_init(a, n, k))
        return VM_NULL;
    vm_value e = a[0];
    if (set_attr(e, "msg", n >= 2 ? a[1] : VM_NONE) < 0)
        return VM_NULL;
    static const char *const names[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
    vm_value info = n == 3 ? vm_tuple_from_iterable(a[2]) : VM_NULL;
    if (n == 3 && !info)
        return VM_NULL;
    if (info && (vm_tuple_length(info) < 4 || vm_tuple_length(info) > 6)) {
        vm_raise(VM_TYPE(IndexError), "tuple index out of range");
        return VM_NULL;
    }
    for (int i = 0; i < 6; i++) {
        vm_value v = info && i < vm_tuple_length(info) ? vm_tuple_items(info)[i] : VM_NONE;
        if (set_attr(e, names[i], v) < 0)
            return VM_NULL;
    }
    return set_attr(e, "print_file_and_line", VM_NONE) < 0 ? VM_NULL : VM_NONE;
}

static vm_value syntaxerror_str(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value e = a[0];
    vm_value msg = get_attr(e, "msg"), filename = get_attr(e, "filename"), lineno = get_attr(e, "lineno");
    vm_value m = vm_str_of(msg);
    if (!m)
        return VM_NULL;
    const char *base = NULL;
    if (vm_has_layout(filename, VM_L_STR)) {
        const char *fn = vm_cstr(filename);
        const char *slash = strrchr(fn, '/');
        base = slash ? slash + 1 : fn;
    }
    bool have_line = vm_is_small(lineno);
    if (base && have_line)
        return vm_format("%U (%s, line %ld)", m, base, (long)vm_small_value(lineno));
    if (base)
        return vm_format("%U (%s)", m, base);
    if (have_line)
        return vm_format("%U (line %ld)", m, (long)vm_small_value(lineno));
    return m;
}

static vm_value unicodeerror_init(vm_value *a, int64_t n, vm_value k)
{
    if (!exc_init(a, n, k))
        return VM_NULL;
    vm_value e = a[0], t = vm_type_of(e);
    bool translate = vm_is_subtype(t, VM_TYPE(UnicodeTranslateError));
    if (translate ? n != 5 : n != 6)
        return VM_NONE;
    int i = 1;
    if (!translate && set_attr(e, "encoding", a[i++]) < 0)
        return VM_NULL;
    if (set_attr(e, "object", a[i]) < 0 || set_attr(e, "start", a[i + 1]) < 0 ||
        set_attr(e, "end", a[i + 2]) < 0 || set_attr(e, "reason", a[i + 3]) < 0)
        return VM_NULL;
    return VM_NONE;
}

static vm_value unicodeerror_str(vm_value *a, int64_t n, vm_value k)
{
    vm_value e = a[0], t = vm_type_of(e);
    vm_value obj = get_attr(e, "object"), start = get_attr(e, "start"), end = get_attr(e, "end");
    vm_value reason = get_attr(e, "reason"), enc = get_attr(e, "encoding");
    if (obj == VM_NONE || !vm_is_small(start) || !vm_is_small(end))
        return exc_str(a, n, k);
    int64_t s = vm_small_value(start), en = vm_small_value(end);
    if (vm_is_subtype(t, VM_TYPE(UnicodeDecodeError))) {
        if (!vm_has_layout(obj, VM_L_BYTES))
            return exc_str(a, n, k);
        const vm_bytes *b = vm_obj(obj);
        if (en == s + 1 && s >= 0 && s < b->length)
            return vm_format("'%U' codec can't decode byte 0x%s in position %ld: %U", enc,
                             vm_hex_byte(b->data[s]), (long)s, reason);
        return vm_format("'%U' codec can't decode bytes in position %ld-%ld: %U", enc, (long)s, (long)(en - 1), reason);
    }
    if (!vm_has_layout(obj, VM_L_STR))
        return exc_str(a, n, k);
    vm_ustr u = vm_str_view(obj);
    const char *what = vm_is_subtype(t, VM_TYPE(UnicodeEncodeError)) ? "encode" : "translate";
    if (en == s + 1 && s >= 0 && (size_t)s < u.len) {
        uint32_t c = vm_ustr_get(u, (size_t)s);
        char cb[16];
        snprintf(cb, sizeof cb, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
        if (what[0] == 'e')
            return vm_format("'%U' codec can't encode character '%s' in position %ld: %U", enc, cb, (long)s, reason);
        return vm_format("can't translate character '%s' in position %ld: %U", cb, (long)s, reason);
    }
    if (what[0] == 'e')
        return vm_format("'%U' codec can't encode characters in position %ld-%ld: %U", enc, (long)s, (long)(en - 1), reason);
    return vm_format("can't translate characters in position %ld-%ld: %U", (long)s, (long)(en - 1), reason);
}

const char *vm_hex_byte(unsigned b)
{
    static __thread char buf[4][4];
    static __thread unsigned i;
    char *p = buf[i++ % 4];
    snprintf(p, 4, "%02x", b & 0xff);
    return p;
}

/* ---- exception groups ---- */
static vm_value eg_new(vm_value *a, int64_t n, vm_value k)
{
    vm_value cls = a[0];
    if (k && vm_tuple_length(k)) {
        vm_raise(VM_TYPE(TypeError), "%N() takes no keyword arguments", cls);
        return VM_NULL;
    }
    if (n != 3) {
        vm_raise(VM_TYPE(TypeError), "BaseExceptionGroup.__new__() takes exactly 2 arguments (%ld given)", (long)(n - 1));
        return VM_NULL;
    }
    vm_value msg = a[1], excs = a[2];
    if (!vm_has_layout(msg, VM_L_STR)) {
        vm_raise(VM_TYPE(TypeError), "argument 1 must be str, not %T", msg);
        return VM_NULL;
    }
    if (!vm_type_lookup_c(vm_type_of(excs), "__getitem__") || vm_is_anyset(excs) ||
        vm_is_type(excs, VM_T_DICT)) {
        vm_raise(VM_TYPE(TypeError), "second argument (exceptions) must be a sequence");
        return VM_NULL;
    }
    vm_value t = vm_tuple_from_iterable(excs);
    if (!t)
        return VM_NULL;
    if (vm_tuple_length(t) == 0) {
        vm_raise(VM_TYPE(ValueError), "second argument (exceptions) must be a non-empty sequence");
        return VM_NULL;
    }
    bool all_exc = true;
    for (int64_t i = 0; i < vm_tuple_length(t); i++) {
        vm_value x = vm_tuple_items(t)[i];
        if (!vm_is_exception(x)) {
            vm_raise(VM_TYPE(ValueError), "Item %ld of second argument (exceptions) is not an exception", (long)i);
            return VM_NULL;
        }
        if (!vm_isinstance(x, VM_TYPE(Exception)))
            all_exc = false;
    }
    if (cls == VM_TYPE(BaseExceptionGroup)) {
        if (all_exc)
            cls = VM_TYPE(ExceptionGroup);
    } else if (vm_is_subtype(cls, VM_TYPE(ExceptionGroup)) || (cls != VM_TYPE(BaseExceptionGroup) && vm_is_subtype(cls, VM_TYPE(Exception)))) {
        if (!all_exc) {
            if (cls == VM_TYPE(ExceptionGroup))
                vm_raise(VM_TYPE(TypeError), "Cannot nest BaseExceptions in an ExceptionGroup");
            else
                vm_raise(VM_TYPE(TypeError), "Cannot nest BaseExceptions in '%N'", cls);
            return VM_NULL;
        }
    }
    vm_value args = vm_tuple_new(2);
    if (!args)
        return vm_raise_nomem();
    vm_tuple_items(args)[0] = msg;
    vm_tuple_items(args)[1] = excs;
    vm_value e = vm_exc_new(cls, args);
    if (!e || set_attr(e, "message", msg) < 0 || set_attr(e, "exceptions", t) < 0)
        return VM_NULL;
    return e;
}

static vm_value eg_init(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return VM_NONE;
}

static vm_value eg_str(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value msg = get_attr(a[0], "message"), excs = get_attr(a[0], "exceptions");
    int64_t c = vm_is_type(excs, VM_T_TUPLE) ? vm_tuple_length(excs) : 0;
    return vm_format("%S (%ld sub-exception%s)", msg, (long)c, c == 1 ? "" : "s");
}

static vm_value eg_derive(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value args[3] = {VM_TYPE(BaseExceptionGroup), get_attr(a[0], "message"), a[1]};
    return eg_new(args, 3, VM_NULL);
}

/* split by a condition: a type, a tuple of types, or a predicate */
static int eg_cond(vm_value cond, vm_value e)
{
    if (vm_is_type_object(cond) || vm_is_type(cond, VM_T_TUPLE)) {
        int r;
        if (!vm_isinstance_check(e, cond, &r))
            return -1;
        return r;
    }
    vm_value r = vm_call1(cond, e);
    return r ? vm_truth(r) : -1;
}

static bool copy_meta(vm_value from, vm_value to)
{
    vm_set_field(to, VM_EXC_TRACEBACK, vm_field(from, VM_EXC_TRACEBACK));
    vm_set_field(to, VM_EXC_CAUSE, vm_field(from, VM_EXC_CAUSE));
    vm_set_field(to, VM_EXC_CONTEXT, vm_field(from, VM_EXC_CONTEXT));
    vm_value d = vm_instance_dict(from, false);
    vm_value notes = d ? vm_dict_getitem_c(d, "__notes__") : VM_NULL;
    if (notes)
        return set_attr(to, "__notes__", notes) == 0;
    vm_exc_clear();
    return true;
}

static bool eg_split_rec(vm_value e, vm_value cond, vm_value *match, vm_value *rest)
{
    int c = eg_cond(cond, e);
    if (c < 0)
        return false;
    if (c) {
        *match = e;
        *rest = VM_NULL;
        return true;
    }
    if (!vm_isinstance(e, VM_TYPE(BaseExceptionGroup))) {
        *match = VM_NULL;
        *rest = e;
        return true;
    }
    vm_value excs = get_attr(e, "exceptions");
    vm_value ml = vm_list_new(0), rl = vm_list_new(0);
    if (!ml || !rl) {
        vm_raise_nomem();
        return false;
    }
    for (int64_t i = 0; i < vm_tuple_length(excs); i++) {
        vm_value m, r;
        if (!eg_split_rec(vm_tuple_items(excs)[i], cond, &m, &r))
            return false;
        if (m && !vm_list_append(ml, m))
            return false;
        if (r && !vm_list_append(rl, r))
            return false;
    }
    *match = *rest = VM_NULL;
    if (vm_list_len(ml)) {
        vm_value derived = vm_call_method(e, "derive", &ml, 1);
        if (!derived || !copy_meta(e, derived))
            return false;
        *match = derived;
    }
    if (vm_list_len(rl)) {
        vm_value derived = vm_call_method(e, "derive", &rl, 1);
        if (!derived || !copy_meta(e, derived))
            return false;
        *rest = derived;
    }
    return true;
}

static vm_value eg_split(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value m, r;
    if (!eg_split_rec(a[0], a[1], &m, &r))
        return VM_NULL;
    vm_value t = vm_tuple_new(2);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = m ? m : VM_NONE;
    vm_tuple_items(t)[1] = r ? r : VM_NONE;
    return t;
}

static vm_value eg_subgroup(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value m, r;
    if (!eg_split_rec(a[0], a[1], &m, &r))
        return VM_NULL;
    return m ? m : VM_NONE;
}

static vm_value eg_message(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return get_attr(a[0], "message"); }
static vm_value eg_exceptions(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return get_attr(a[0], "exceptions"); }

vm_value vm_exception_group_match(vm_value exc, vm_value type, vm_value *rest)
{
    *rest = VM_NULL;
    if (exc == VM_NONE)
        return VM_NONE;
    if (exc_matches_type(exc, type)) {
        /* a naked exception: wrapped in an ExceptionGroup */
        if (!vm_isinstance(exc, VM_TYPE(BaseExceptionGroup))) {
            vm_value l = vm_tuple_new(1);
            if (!l)
                return vm_raise_nomem();
            vm_tuple_items(l)[0] = exc;
            vm_value args[3] = {VM_TYPE(BaseExceptionGroup), vm_intern(""), l};
            vm_value eg = eg_new(args, 3, VM_NULL);
            if (!eg)
                return VM_NULL;
            vm_set_field(eg, VM_EXC_TRACEBACK, vm_field(exc, VM_EXC_TRACEBACK));
            *rest = VM_NONE;
            return eg;
        }
        *rest = VM_NONE;
        return exc;
    }
    if (!vm_isinstance(exc, VM_TYPE(BaseExceptionGroup)))
        return VM_NONE;
    vm_value m, r;
    if (!eg_split_rec(exc, type, &m, &r))
        return VM_NULL;
    *rest = r ? r : VM_NONE;
    return m ? m : VM_NONE;
}

bool exc_matches_type(vm_value exc, vm_value type)
{
    if (vm_is_type(type, VM_T_TUPLE)) {
        for (int64_t i = 0; i < vm_tuple_length(type); i++)
            if (vm_isinstance(exc, vm_tuple_items(type)[i]))
                return true;
        return false;
    }
    return vm_isinstance(exc, type);
}

/* except*: the exceptions raised in the handlers, with what is left of the original */
static bool eg_contains_leaf(vm_value eg, vm_value leaf)
{
    if (eg == leaf)
        return true;
    if (!vm_isinstance(eg, VM_TYPE(BaseExceptionGroup)))
        return false;
    vm_value excs = get_attr(eg, "exceptions");
    for (int64_t i = 0; i < vm_tuple_length(excs); i++)
        if (eg_contains_leaf(vm_tuple_items(excs)[i], leaf))
            return true;
    return false;
}

static vm_value leaf_in_orig_cond;

static vm_value leaf_in_orig(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return eg_contains_leaf(vm_fields(a[0])[0], a[1]) ? VM_TRUE : VM_FALSE;
}

vm_value vm_prep_reraise_star(vm_value orig, vm_value excs)
{
    int64_t n = vm_list_len(excs);
    if (n == 0)
        return VM_NONE;
    if (!vm_isinstance(orig, VM_TYPE(BaseExceptionGroup))) {
        /* a naked exception was caught: at most one result */
        for (int64_t i = 0; i < n; i++) {
            vm_value e = vm_list_get(excs, i);
            if (e != VM_NONE)
                return e;
        }
        return VM_NONE;
    }
    vm_value raised = vm_list_new(0), reraised = vm_list_new(0);
    if (!raised || !reraised)
        return vm_raise_nomem();
    for (int64_t i = 0; i < n; i++) {
        vm_value e = vm_list_get(excs, i);
        if (e == VM_NONE)
            continue;
        bool re = eg_contains_leaf(orig, e) || (vm_isinstance(e, VM_TYPE(BaseExceptionGroup)) &&
                                                  vm_field(e, VM_EXC_TRACEBACK) == vm_field(orig, VM_EXC_TRACEBACK));
        if (!vm_list_append(re ? reraised : raised, e))
            return vm_raise_nomem();
    }
    vm_value re_eg = VM_NULL;
    if (vm_list_len(reraised)) {
        /* the part of orig made of the re-raised leaves */
        vm_value holder = vm_obj_new(leaf_in_orig_cond, 1);
        if (!holder)
            return vm_raise_nomem();
        vm_value leaves = vm_list_new(0);
        if (!leaves)
            return vm_raise_nomem();
        for (int64_t i = 0; i < vm_list_len(reraised); i++)
            vm_list_append(leaves, vm_list_get(reraised, i));
        vm_value args[3] = {VM_TYPE(BaseExceptionGroup), vm_intern(""), leaves};
        vm_value group = eg_new(args, 3, VM_NULL);
        if (!group)
            return VM_NULL;
        vm_fields(holder)[0] = group;
        static const vm_method_def pred = {"leaf_in", leaf_in_orig, 2, 2, 0, NULL};
        vm_value f = vm_cfunction_new(&pred, holder, VM_NULL);
        vm_value m, r;
        if (!f || !eg_split_rec(orig, f, &m, &r))
            return VM_NULL;
        re_eg = m;
    }
    if (vm_list_len(raised) == 0)
        return re_eg ? re_eg : VM_NONE;
    if (re_eg && !vm_list_append(raised, re_eg))
        return vm_raise_nomem();
    if (vm_list_len(raised) == 1)
        return vm_list_get(raised, 0);
    vm_value args[3] = {VM_TYPE(BaseExceptionGroup), vm_intern(""), raised};
    return eg_new(args, 3, VM_NULL);
}

/* ---- traceback objects ---- */
static vm_value tb_get(vm_value *a, int field)
{
    vm_value v = vm_field(a[0], field);
    return v ? v : VM_NONE;
}
static vm_value tb_next(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2) {
        vm_value v = a[1];
        if (v && v != VM_NONE && !vm_is_type(v, VM_T_TRACEBACK)) {
            vm_raise(VM_TYPE(TypeError), "expected traceback object or None, got '%T'", v);
            return VM_NULL;
        }
        vm_set_field(a[0], TB_NEXT, v == VM_NONE ? VM_NULL : v);
        return VM_NONE;
    }
    return tb_get(a, TB_NEXT);
}
static vm_value tb_frame(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return tb_get(a, TB_FRAME); }
static vm_value tb_lineno(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return tb_get(a, TB_LINENO); }
static vm_value tb_lasti(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_small(vm_small_value(vm_field(a[0], TB_LASTI)) * 2);
}

static const vm_method_def tb_methods[] = {
    {"tb_next", tb_next, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"tb_frame", tb_frame, 1, 1, VM_METH_GETTER, NULL},
    {"tb_lineno", tb_lineno, 1, 1, VM_METH_GETTER, NULL},
    {"tb_lasti", tb_lasti, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* ---------------------------------------------------------------------------------------
 * Printing (Python/pythonrun.c print_exception, traceback.c)
 */
typedef struct src_cache {
    char *path;
    char *data;
    size_t len;
} src_cache;

static __thread src_cache cache;

/* Line `lineno` (1-based) of a file, without its newline; false if unavailable. */
static bool source_line(const char *path, int lineno, const char **line, size_t *len)
{
    if (!path || lineno < 1 || path[0] == '<')
        return false;
    if (!cache.path || strcmp(cache.path, path) != 0) {
        FILE *fp = fopen(path, "rb");
        if (!fp)
            return false;
        free(cache.path);
        free(cache.data);
        cache.path = strdup(path);
        cache.data = NULL;
        cache.len = 0;
        size_t cap = 0;
        for (;;) {
            if (cache.len + 4096 > cap) {
                cap = cap ? cap * 2 : 65536;
                cache.data = realloc(cache.data, cap);
            }
            size_t got = fread(cache.data + cache.len, 1, cap - cache.len, fp);
            if (!got)
                break;
            cache.len += got;
        }
        fclose(fp);
    }
    const char *p = cache.data, *end = cache.data + cache.len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return false;
        p = nl + 1;
    }
    if (p >= end)
        return false;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    if (n && p[n - 1] == '\r')
        n--;
    *line = p;
    *len = n;
    return true;
}

/* character offset of a UTF-8 byte offset in s */
static int char_offset(const char *s, size_t len, int byte_off)
{
    int c = 0;
    for (int i = 0; i < byte_off && (size_t)i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    if ((size_t)byte_off > len)
        c += byte_off - (int)len;
    return c;
}

/* the caret anchors of a binary operation or subscript in segment (3.11 traceback.c) */
static bool caret_anchors(const char *seg, size_t len, int *left, int *right)
{
    vm_arena arena_s, *arena = &arena_s;
    vm_arena_init(arena);
    vm_syntax_error err;
    memset(&err, 0, sizeof err);
    bool ok = false;
    vm_ast *mod = vm_parse_string(arena, seg, len, "<string>", VM_PARSE_EXEC, &err);
    if (mod && vm_ast_seq_len(mod->v.Module.body) == 1) {
        vm_ast *st = vm_ast_seq_node(mod->v.Module.body, 0);
        if (st->kind == VM_AST_Expr) {
            vm_ast *e = st->v.Expr.value;
            if (e->kind == VM_AST_BinOp) {
                vm_ast *l = e->v.BinOp.left, *r = e->v.BinOp.right;
                for (int i = l->end_col_offset; (size_t)i < len; i++) {
                    if (seg[i] == ' ' || seg[i] == '\t' || seg[i] == '\f')
                        continue;
                    *left = i;
                    *right = i + 1;
                    if ((size_t)i + 1 < len && !(seg[i + 1] == ' ' || seg[i + 1] == '\t' || seg[i + 1] == '\f'))
                        ++*right;
                    if (i + 1 < r->col_offset && seg[i] == ')')
                        continue;
                    break;
                }
                ok = true;
            } else if (e->kind == VM_AST_Subscript) {
                *left = e->v.Subscript.value->end_col_offset;
                *right = e->v.Subscript.slice->end_col_offset + 1;
                while ((size_t)*left < len && seg[*left] != '[')
                    ++*left;
                while ((size_t)*right < len && seg[*right] != ']')
                    ++*right;
                if ((size_t)*right < len)
                    *right += 1;
                ok = true;
            }
        }
    }
    free(err.text);
    vm_arena_free(arena);
    if (ok) {
        /* byte offsets into character offsets */
        *left = char_offset(seg, len, *left);
        *right = char_offset(seg, len, *right);
    }
    return ok;
}

static void print_frame_line(vm_buf *out, const char *filename, int lineno, const char *name,
                             const vm_code_pos *pos)
{
    vm_buf_printf(out, "  File \"%s\", line %d, in %s\n", filename, lineno, name);
    const char *line;
    size_t len;
    if (!source_line(filename, lineno, &line, &len))
        return;
    size_t lead = 0;
    while (lead < len && (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\f'))
        lead++;
    size_t end = len;
    while (end > lead && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\f' ||
                          line[end - 1] == '\n' || line[end - 1] == '\r'))
        end--;
    if (end <= lead)
        return;
    vm_buf_puts(out, "    ");
    vm_buf_put(out, line + lead, end - lead);
    vm_buf_putc(out, '\n');
    if (!pos || pos->col < 0 || pos->end_col < 0 || pos->lineno != lineno)
        return;
    int stripped_chars = char_offset(line, len, (int)lead);
    int stripped_len = char_offset(line + lead, end - lead, (int)(end - lead));
    int start = char_offset(line, len, pos->col);
    int stop;
    int left = 0, right = 0;
    bool anchors = false;
    if (pos->end_lineno == pos->lineno) {
        stop = char_offset(line, len, pos->end_col);
        if (pos->end_col > pos->col && (size_t)pos->end_col <= len)
            anchors = caret_anchors(line + pos->col, (size_t)(pos->end_col - pos->col), &left, &right);
    } else {
        stop = stripped_chars + stripped_len;
    }
    if (!(stop - start < stripped_len || (anchors && right - left > 0)))
        return;
    vm_buf_puts(out, "    ");
    for (int i = 0; i < start - stripped_chars; i++)
        vm_buf_putc(out, ' ');
    if (anchors) {
        for (int i = 0; i < left; i++)
            vm_buf_putc(out, '~');
        for (int i = left; i < right; i++)
            vm_buf_putc(out, '^');
        for (int i = right; i < stop - start; i++)
            vm_buf_putc(out, '~');
    } else {
        for (int i = start; i < stop; i++)
            vm_buf_putc(out, '^');
    }
    vm_buf_putc(out, '\n');
}

static void print_tb(vm_buf *out, vm_value tb)
{
    const char *last_file = NULL, *last_name = NULL;
    int last_line = -1, count = 0;
    for (; tb && tb != VM_NONE; tb = vm_field(tb, TB_NEXT)) {
        vm_value frame = vm_field(tb, TB_FRAME);
        const vm_code *co = vm_code_of(vm_field(frame, VM_FR_CODE));
        int lasti = (int)vm_small_value(vm_field(tb, TB_LASTI));
        const vm_code_pos *pos = vm_code_position(co, (uint32_t)lasti);
        int lineno = (int)vm_small_value(vm_field(tb, TB_LINENO));
        if (last_file && strcmp(last_file, co->filename) == 0 && last_line == lineno &&
            strcmp(last_name, co->name) == 0) {
            if (++count > 3)
                continue;
        } else {
            if (count > 3)
                vm_buf_printf(out, "  [Previous line repeated %d more time%s]\n", count - 3,
                              count - 3 > 1 ? "s" : "");
            last_file = co->filename;
            last_line = lineno;
            last_name = co->name;
            count = 1;
        }
        print_frame_line(out, co->filename, lineno, co->name, pos);
    }
    if (count > 3)
        vm_buf_printf(out, "  [Previous line repeated %d more time%s]\n", count - 3, count - 3 > 1 ? "s" : "");
}

/* ---- "Did you mean" (Python/suggestions.c's algorithm and costs) ---- */
#define SUG_MAX_ITEMS 750
#define SUG_MAX_STRING 40
#define SUG_MOVE 2
#define SUG_CASE 1

static size_t sub_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return SUG_MOVE;
    if (a == b)
        return 0;
    if ('A' <= a && a <= 'Z')
        a += 'a' - 'A';
    if ('A' <= b && b <= 'Z')
        b += 'a' - 'A';
    return a == b ? SUG_CASE : SUG_MOVE;
}

static size_t levenshtein(const char *a, size_t an, const char *b, size_t bn, size_t max_cost)
{
    size_t buffer[SUG_MAX_STRING];
    if (an == bn && memcmp(a, b, an) == 0)
        return 0;
    while (an && bn && a[0] == b[0]) {
        a++; b++; an--; bn--;
    }
    while (an && bn && a[an - 1] == b[bn - 1]) {
        an--; bn--;
    }
    if (an == 0 || bn == 0)
        return (an + bn) * SUG_MOVE;
    if (an > SUG_MAX_STRING || bn > SUG_MAX_STRING)
        return max_cost + 1;
    if (bn < an) {
        const char *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    if ((bn - an) * SUG_MOVE > max_cost)
        return max_cost + 1;
    for (size_t i = 0; i < an; i++)
        buffer[i] = (i + 1) * SUG_MOVE;
    size_t result = 0;
    for (size_t bi = 0; bi < bn; bi++) {
        char code = b[bi];
        size_t distance = result = bi * SUG_MOVE;
        size_t minimum = SIZE_MAX;
        for (size_t i = 0; i < an; i++) {
            size_t substitute = distance + sub_cost(code, a[i]);
            distance = buffer[i];
            size_t insert_delete = (result < distance ? result : distance) + SUG_MOVE;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

/* The closest of a list of names to name, or VM_NULL */
static vm_value closest_name(vm_value list, vm_value name)
{
    if (!list || vm_list_len(list) >= SUG_MAX_ITEMS)
        return VM_NULL;
    const char *ns = vm_cstr(name);
    char nbuf[256];
    snprintf(nbuf, sizeof nbuf, "%s", ns);
    size_t nn = strlen(nbuf);
    vm_value best = VM_NULL;
    size_t best_d = SIZE_MAX;
    for (int64_t i = 0; i < vm_list_len(list); i++) {
        vm_value item = vm_list_get(list, i);
        if (!vm_has_layout(item, VM_L_STR) || vm_equal(item, name))
            continue;
        const char *is = vm_cstr(item);
        size_t in = strlen(is);
        size_t max_d = (nn + in + 3) * SUG_MOVE / 6;
        if (best_d - 1 < max_d)
            max_d = best_d - 1;
        size_t d = levenshtein(nbuf, nn, is, in, max_d);
        if (d > max_d)
            continue;
        if (!best || d < best_d) {
            best = item;
            best_d = d;
        }
    }
    return best;
}

static vm_value sorted_keys(vm_value d)
{
    if (!d || !vm_has_layout(d, VM_L_DICT))
        return VM_NULL;
    vm_value l = vm_list_new(0);
    int64_t pos = 0;
    vm_value k, v;
    while (l && vm_dict_next(d, &pos, &k, &v))
        vm_list_append(l, k);
    if (l && vm_list_sort(l, VM_NULL, false) < 0) {
        vm_exc_clear();
        return VM_NULL;
    }
    return l;
}

static vm_value suggestion_for(vm_value exc)
{
    vm_value name = get_attr(exc, "name");
    if (!vm_has_layout(name, VM_L_STR))
        return VM_NULL;
    vm_value t = vm_type_of(exc);
    if (t == VM_TYPE(AttributeError) || vm_is_subtype(t, VM_TYPE(AttributeError))) {
        vm_value obj = get_attr(exc, "obj");
        vm_value d = vm_call_special(obj, "__dir__", NULL, 0, NULL);
        vm_value l = d ? vm_list_from_iterable(d) : VM_NULL;
        if (!l || vm_list_sort(l, VM_NULL, false) < 0) {
            vm_exc_clear();
            return VM_NULL;
        }
        return closest_name(l, name);
    }
    if (!vm_is_subtype(t, VM_TYPE(NameError)))
        return VM_NULL;
    vm_value tb = vm_field(exc, VM_EXC_TRACEBACK);
    if (!tb)
        return VM_NULL;
    while (vm_field(tb, TB_NEXT))
        tb = vm_field(tb, TB_NEXT);
    vm_value frame = vm_field(tb, TB_FRAME);
    vm_value code = vm_field(frame, VM_FR_CODE);
    const vm_code *co = vm_code_of(code);
    vm_value names = vm_fields(code)[VM_CODE_LOCALNAMES];
    vm_value varnames = vm_list_new(0);
    for (int i = 0; varnames && i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & VM_FAST_LOCAL)
            vm_list_append(varnames, vm_tuple_items(names)[i]);
    vm_value r = closest_name(varnames, name);
    if (!r)
        r = closest_name(sorted_keys(vm_field(frame, VM_FR_GLOBALS)), name);
    if (!r)
        r = closest_name(sorted_keys(vm_field(frame, VM_FR_BUILTINS)), name);
    return r;
}

static void print_exc_line(vm_buf *out, vm_value exc)
{
    vm_value t = vm_type_of(exc);
    vm_value mod = vm_type_module_name(t);
    vm_value qn = vm_getattr_opt(t, vm_intern("__qualname__"));
    vm_exc_clear();
    if (vm_isinstance(exc, VM_TYPE(SyntaxError))) {
        vm_value filename = get_attr(exc, "filename"), lineno = get_attr(exc, "lineno");
        vm_value text = get_attr(exc, "text"), offset = get_attr(exc, "offset");
        vm_value end_offset = get_attr(exc, "end_offset"), end_lineno = get_attr(exc, "end_lineno");
        if (vm_is_small(lineno)) {
            vm_buf_printf(out, "  File \"%s\", line %ld\n",
                          vm_has_layout(filename, VM_L_STR) ? vm_cstr(filename) : "<string>",
                          (long)vm_small_value(lineno));
            if (vm_has_layout(text, VM_L_STR)) {
                const char *tx = vm_cstr(text);
                size_t tl = strlen(tx);
                size_t lead = 0;
                while (lead < tl && (tx[lead] == ' ' || tx[lead] == '\t' || tx[lead] == '\f'))
                    lead++;
                size_t end = tl;
                while (end > lead && (tx[end - 1] == '\n' || tx[end - 1] == '\r' || tx[end - 1] == ' '))
                    end--;
                vm_buf_puts(out, "    ");
                vm_buf_put(out, tx + lead, end - lead);
                vm_buf_putc(out, '\n');
                if (vm_is_small(offset)) {
                    int64_t off = vm_small_value(offset);
                    int64_t eoff = vm_is_small(end_offset) ? vm_small_value(end_offset) : off + 1;
                    if (!vm_is_small(end_lineno) || vm_small_value(end_lineno) != vm_small_value(lineno))
                        eoff = (int64_t)end + 1;
                    int64_t lead_chars = char_offset(tx, tl, (int)lead);
                    int64_t start = off - 1 - lead_chars;
                    int64_t width = eoff - off;
                    if (start < 0)
                        start = 0;
                    if (width < 1)
                        width = 1;
                    vm_buf_puts(out, "    ");
                    for (int64_t i = 0; i < start; i++)
                        vm_buf_putc(out, ' ');
                    for (int64_t i = 0; i < width; i++)
                        vm_buf_putc(out, '^');
                    vm_buf_putc(out, '\n');
                }
            }
        }
        vm_value msg = get_attr(exc, "msg");
        if (mod && !vm_str_eq_c(mod, "builtins") && !vm_str_eq_c(mod, "__main__")) {
            vm_buf_put_str(out, mod);
            vm_buf_putc(out, '.');
        }
        if (qn && vm_has_layout(qn, VM_L_STR))
            vm_buf_put_str(out, qn);
        vm_value ms = msg != VM_NONE ? vm_str_of(msg) : VM_NULL;
        vm_exc_clear();
        if (ms && vm_str_view(ms).len) {
            vm_buf_puts(out, ": ");
            vm_buf_put_str(out, ms);
        }
        vm_buf_putc(out, '\n');
        return;
    }
    if (mod && !vm_str_eq_c(mod, "builtins") && !vm_str_eq_c(mod, "__main__")) {
        vm_buf_put_str(out, mod);
        vm_buf_putc(out, '.');
    }
    if (qn && vm_has_layout(qn, VM_L_STR))
        vm_buf_put_str(out, qn);
    else
        vm_buf_puts(out, "<unknown>");
    vm_value s = vm_str_of(exc);
    if (!s) {
        vm_exc_clear();
        vm_buf_puts(out, ": <exception str() failed>");
    } else if (vm_str_view(s).len) {
        vm_buf_puts(out, ": ");
        vm_buf_put_str(out, s);
    }
    if (vm_isinstance(exc, VM_TYPE(NameError)) || vm_isinstance(exc, VM_TYPE(AttributeError))) {
        vm_value sug = suggestion_for(exc);
        vm_exc_clear();
        if (sug) {
            vm_buf_puts(out, ". Did you mean: '");
            vm_buf_put_str(out, sug);
            vm_buf_puts(out, "'?");
        }
    }
    vm_buf_putc(out, '\n');
    /* notes */
    vm_value d = vm_instance_dict(exc, false);
    vm_value notes = d ? vm_dict_getitem_c(d, "__notes__") : VM_NULL;
    vm_exc_clear();
    if (notes && vm_is_type(notes, VM_T_LIST)) {
        for (int64_t i = 0; i < vm_list_len(notes); i++) {
            vm_value nt = vm_list_get(notes, i);
            vm_value ns = vm_has_layout(nt, VM_L_STR) ? nt : vm_str_of(nt);
            vm_exc_clear();
            if (ns)
                vm_buf_put_str(out, ns);
            else
                vm_buf_puts(out, "<note str() failed>");
            vm_buf_putc(out, '\n');
        }
    } else if (notes) {
        vm_value r = vm_repr(notes);
        vm_exc_clear();
        if (r)
            vm_buf_put_str(out, r);
        vm_buf_putc(out, '\n');
    }
}

#define SEEN_MAX 64

static void print_chain(vm_buf *out, vm_value exc, vm_value *seen, int *nseen)
{
    if (*nseen < SEEN_MAX)
        seen[(*nseen)++] = exc;
    vm_value cause = vm_field(exc, VM_EXC_CAUSE), context = vm_field(exc, VM_EXC_CONTEXT);
    bool suppress = vm_field(exc, VM_EXC_SUPPRESS) == VM_TRUE;
    bool in_seen;
    if (cause && !vm_is_exception(cause))
        cause = VM_NULL;
    if (context && !vm_is_exception(context))
        context = VM_NULL;
    if (cause && cause != VM_NONE) {
        in_seen = false;
        for (int i = 0; i < *nseen; i++)
            in_seen |= seen[i] == cause;
        if (!in_seen) {
            print_chain(out, cause, seen, nseen);
            vm_buf_puts(out, "\nThe above exception was the direct cause of the following exception:\n\n");
        }
    } else if (context && context != VM_NONE && !suppress) {
        in_seen = false;
        for (int i = 0; i < *nseen; i++)
            in_seen |= seen[i] == context;
        if (!in_seen) {
            print_chain(out, context, seen, nseen);
            vm_buf_puts(out, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    vm_value tb = vm_field(exc, VM_EXC_TRACEBACK);
    if (tb && tb != VM_NONE) {
        vm_buf_puts(out, "Traceback (most recent call last):\n");
        print_tb(out, tb);
    }
    print_exc_line(out, exc);
}

void vm_format_exception(vm_value exc, vm_buf *out)
{
    vm_value seen[SEEN_MAX];
    int nseen = 0;
    vm_value saved = vm_exc_fetch();
    print_chain(out, exc, seen, &nseen);
    vm_exc_clear();
    if (saved)
        vm_raise_value_keep_tb(saved);
}

void vm_print_exception(vm_value exc)
{
    vm_buf out = {0};
    vm_format_exception(exc, &out);
    vm_write_stderr(out.data ? out.data : "", out.len);
    vm_buf_free(&out);
}

int vm_handle_uncaught(vm_value exc)
{
    if (vm_isinstance(exc, VM_TYPE(SystemExit))) {
        vm_value code = get_attr(exc, "code");
        if (code == VM_NONE)
            return 0;
        if (vm_is_small(code))
            return (int)vm_small_value(code);
        if (code == VM_TRUE)
            return 1;
        if (code == VM_FALSE)
            return 0;
        vm_value s = vm_str_of(code);
        vm_exc_clear();
        vm_buf b = {0};
        if (s)
            vm_buf_put_str(&b, s);
        vm_buf_putc(&b, '\n');
        vm_write_stderr(b.data, b.len);
        vm_buf_free(&b);
        return 1;
    }
    vm_value hook = vm_sys_module ? vm_dict_getitem_c(vm_module_dict(vm_sys_module), "excepthook") : VM_NULL;
    vm_exc_clear();
    if (hook && !(vm_is_type(hook, VM_T_BUILTIN_FUNCTION))) {
        vm_value tb = vm_field(exc, VM_EXC_TRACEBACK);
        vm_value args[3] = {vm_type_of(exc), exc, tb ? tb : VM_NONE};
        if (vm_call(hook, args, 3, VM_NULL))
            return 1;
        vm_value e2 = vm_exc_fetch();
        vm_write_stderr("Error in sys.excepthook:\n", 25);
        vm_print_exception(e2);
        vm_write_stderr("\nOriginal exception was:\n", 25);
    }
    vm_print_exception(exc);
    return 1;
}

/* sys.excepthook's default */
static vm_value excepthook(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    if (vm_is_exception(a[1]))
        vm_print_exception(a[1]);
    return VM_NONE;
}
const vm_method_def vm_excepthook_def = {"excepthook", excepthook, 3, 3, VM_METH_NOKW,
                                          "Handle an exception by displaying it with a traceback on sys.stderr."};

/* ---------------------------------------------------------------------------------------
 * Start-up
 */
void vm_init_exceptions(void)
{
    stm_thread *tl = &vm_self->tl;
    vm_type_add_methods(VM_TYPE(BaseException), exc_methods);
    static const vm_method_def stopiter[] = {{"__init__", stopiter_init, 1, -1, 0, NULL}, {NULL, NULL, 0, 0, 0, NULL}};
    vm_type_add_methods(VM_TYPE(StopIteration), stopiter);
    static const vm_method_def sysexit[] = {{"__init__", systemexit_init, 1, -1, 0, NULL}, {NULL, NULL, 0, 0, 0, NULL}};
    vm_type_add_methods(VM_TYPE(SystemExit), sysexit);
    static const vm_method_def keyerr[] = {{"__str__", keyerror_str, 1, 1, 0, NULL}, {NULL, NULL, 0, 0, 0, NULL}};
    vm_type_add_methods(VM_TYPE(KeyError), keyerr);
    static const vm_method_def imperr[] = {{"__init__", importerror_init, 1, -1, 0, NULL},
                                           {"__str__", importerror_str, 1, 1, 0, NULL},
                                           {NULL, NULL, 0, 0, 0, NULL}};
    vm_type_add_methods(VM_TYPE(ImportError), imperr);
    static const vm_method_def nameerr[] = {{"__init__", nameerror_init, 1, -1, 0, NULL}, {NULL, NULL, 0, 0, 0, NULL}};
    vm_type_add_methods(VM_TYPE(NameError), nameerr);
    static const vm_method_def attrerr[] = {{"__init__", attributeerror_init, 1, -1, 0, NULL}, {NULL, NULL, 0, 0, 0, NULL}};
    vm_type_add_methods(VM_TYPE(AttributeError), attrerr);
    static const vm_method_def oserr[] = {{"__new__", oserror_new, 1, -1, VM_METH_STATIC, NULL},
                                          {"__init__", oserror_init, 1, -1, 0, NULL},
                                          {"__str__", oserror_str, 1, 1, 0, NULL},
                                          {NULL, NULL, 0, 0, 0, NULL}};
    vm_type_add_methods(VM_TYPE(OSError), oserr);
    static const vm_method_def synerr[] = {{"__init__", syntaxerror_init, 1, -1, 0, NULL},
                                           {"__str__", syntaxerror_str, 1, 1, 0, NULL},
                                           {NULL, NULL, 0, 0, 0, NULL}};
    vm_type_add_methods(VM_TYPE(SyntaxError), synerr);
    static const vm_method_def unierr[] = {{"__init__", unicodeerror_init, 1, -1, 0, NULL},
                                           {"__str__", unicodeerror_str, 1, 1, 0, NULL},
                                           {NULL, NULL, 0, 0, 0, NULL}};
    vm_type_add_methods(VM_TYPE(UnicodeError), unierr);
    static const vm_method_def egm[] = {{"__new__", eg_new, 1, -1, VM_METH_STATIC, NULL},
                                        {"__init__", eg_init, 1, -1, 0, NULL},
                                        {"__str__", eg_str, 1, 1, 0, NULL},
                                        {"derive", eg_derive, 2, 2, 0, NULL},
                                        {"split", eg_split, 2, 2, 0, NULL},
                                        {"subgroup", eg_subgroup, 2, 2, 0, NULL},
                                        {"message", eg_message, 1, 1, VM_METH_GETTER, NULL},
                                        {"exceptions", eg_exceptions, 1, 1, VM_METH_GETTER, NULL},
                                        {NULL, NULL, 0, 0, 0, NULL}};
    vm_type_add_methods(VM_TYPE(BaseExceptionGroup), egm);
    vm_type_set_fields(VM_TYPE(TRACEBACK), TB_NFIELDS, -1);
    vm_type_add_methods(VM_TYPE(TRACEBACK), tb_methods);
    /* the dicts of exception instances are reached through __dict__ */
    vm_value dd = vm_dict_descriptor(VM_TYPE(BaseException));
    vm_dict_setitem_c(TY(VM_TYPE(BaseException))->dict, "__dict__", dd);
    stm_add_global_root((stm_ref *)&leaf_in_orig_cond);
    stm_global_root_set(tl, (stm_ref *)&leaf_in_orig_cond,
                        (stm_ref)vm_new_static_type("_leaf_holder", VM_TYPE(OBJECT), 1, false));
}

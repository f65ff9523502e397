/* vm/builtins.c — the builtins and sys modules, compile/exec/eval, and start-up. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vm/bltinfuncs.h"
#include "vm/compile.h"
#include "vm/interp.h"

vm_value vm_builtins_dict;
vm_value vm_sys_module;
vm_value vm_modules;
static vm_value builtins_module;


/* ---------------------------------------------------------------------------------------
 * compile, exec, eval
 */
/* A SyntaxError (or subclass) from the front end's report, raised. */
vm_value vm_raise_syntax_error(const vm_syntax_error *err)
{
    static const vm_builtin_type kinds[] = {VM_T_SyntaxError, VM_T_IndentationError, VM_T_TabError};
    vm_value info = vm_tuple_new(6);
    vm_value msg = vm_str_c(err->msg);
    if (!info || !msg)
        return vm_raise_nomem();
    vm_value *I = vm_tuple_items(info);
    I[0] = vm_str_c(err->filename);
    I[1] = vm_small(err->lineno);
    I[2] = vm_small(err->offset);
    I[3] = err->text ? vm_str_c(err->text) : VM_NONE;
    I[4] = err->end_lineno ? vm_small(err->end_lineno) : VM_NONE;
    I[5] = err->end_lineno ? vm_small(err->end_offset) : VM_NONE;
    vm_value args[2] = {msg, info};
    vm_value e = vm_call(VM_TYPE_I(kinds[err->kind]), args, 2, VM_NULL);
    if (e)
        vm_raise_value(e);
    return VM_NULL;
}

/* Compiles source text (UTF-8 or bytes with a coding cookie) to a heap code object. */
vm_value vm_compile_source(const char *src, size_t len, const char *filename, int mode,
                           int flags, int optimize)
{
    vm_compile_options opts = {optimize, flags, mode == VM_PARSE_SINGLE};
    vm_syntax_error err;
    memset(&err, 0, sizeof err);
    vm_code *code = vm_compile_file(src, len, filename, (vm_parse_mode)mode, &opts, &err);
    if (!code) {
        vm_raise_syntax_error(&err);
        vm_syntax_error_clear(&err);
        return VM_NULL;
    }
    return vm_code_wrap(code);
}

static const char *buffer_of(vm_value v, size_t *len)
{
    if (vm_has_layout(v, VM_L_STR)) {
        const char *s = vm_cstr(v);
        *len = strlen(s);
        return s;
    }
    if (vm_has_layout(v, VM_L_BYTES)) {
        const vm_bytes *b = vm_obj(v);
        *len = (size_t)b->length;
        return (const char *)b->data;
    }
    return NULL;
}

static vm_value builtin_compile(vm_value *a, int64_t n, vm_value k)
{
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"};
    vm_value v[7];
    if (!vm_bind_args("compile", a, n, k, names, 7, 6, 3, v))
        return VM_NULL;
    vm_value src = v[0];
    size_t len;
    const char *text = buffer_of(src, &len);
    if (!text) {
        vm_raise(VM_TYPE(TypeError), "compile() arg 1 must be a string, bytes or AST object");
        return VM_NULL;
    }
    if (memchr(text, '\0', len)) {
        vm_raise(VM_TYPE(SyntaxError), "source code string cannot contain null bytes");
        return VM_NULL;
    }
    vm_value fn = vm_str_of(v[1]);
    if (!fn)
        return VM_NULL;
    if (!vm_has_layout(v[2], VM_L_STR)) {
        vm_raise(VM_TYPE(TypeError), "compile() argument 'mode' must be str, not %T", v[2]);
        return VM_NULL;
    }
    vm_parse_mode mode;
    if (vm_str_eq_c(v[2], "exec"))
        mode = VM_PARSE_EXEC;
    else if (vm_str_eq_c(v[2], "eval"))
        mode = VM_PARSE_EVAL;
    else if (vm_str_eq_c(v[2], "single"))
        mode = VM_PARSE_SINGLE;
    else {
        vm_raise(VM_TYPE(ValueError), "compile() mode must be 'exec', 'eval' or 'single'");
        return VM_NULL;
    }
    int64_t flags = 0, optimize = -1;
    if (v[3] && !vm_index(v[3], &flags))
        return VM_NULL;
    if (v[5] && !vm_index(v[5], &optimize))
        return VM_NULL;
    if (flags & 0x400) {   /* PyCF_ONLY_AST */
        vm_raise(VM_TYPE(TypeError), "compile() with PyCF_ONLY_AST is not supported yet");
        return VM_NULL;
    }
    char *copy = malloc(len + 1);
    memcpy(copy, text, len);
    copy[len] = 0;
    vm_value r = vm_compile_source(copy, len, vm_cstr(fn), mode, (int)(flags & 0x1fe0000),
                                   optimize < 0 ? 0 : (int)optimize);
    free(copy);
    return r;
}

static bool exec_args(const char *fname, vm_value *a, int64_t n, vm_value k, vm_value *globals,
                      vm_value *locals)
{
    static const char *const names[] = {"source", "globals", "locals", "closure"};
    vm_value v[4];
    if (!vm_bind_args(fname, a, n, k, names, 4, 3, 1, v))
        return false;
    *globals = v[1] && v[1] != VM_NONE ? v[1] : VM_NULL;
    *locals = v[2] && v[2] != VM_NONE ? v[2] : VM_NULL;
    if (*globals && !vm_is_type(*globals, VM_T_DICT) && !vm_has_layout(*globals, VM_L_DICT)) {
        vm_raise(VM_TYPE(TypeError), !strcmp(fname, "exec") ? "exec() globals must be a dict, not %T"
                                                            : "globals must be a dict", *globals);
        return false;
    }
    if (*locals && !vm_type_lookup_c(vm_type_of(*locals), "__getitem__")) {
        vm_raise(VM_TYPE(TypeError), "locals must be a mapping");
        return false;
    }
    if (!*globals) {
        *globals = vm_current_globals();
        if (!*locals)
            *locals = vm_current_locals();
    } else if (!*locals) {
        *locals = *globals;
    }
    if (!*globals) {
        vm_raise(VM_TYPE(SystemError), "globals and locals cannot be NULL");
        return false;
    }
    if (!vm_dict_getitem_c(*globals, "__builtins__")) {
        if (vm_error_pending())
            return false;
        if (vm_dict_setitem_c(*globals, "__builtins__", builtins_module) < 0)
            return false;
    }
    return true;
}

static vm_value exec_or_eval(vm_value *a, int64_t n, vm_value k, bool is_exec)
{
    const char *fname = is_exec ? "exec" : "eval";
    vm_value globals, locals;
    if (!exec_args(fname, a, n, k, &globals, &locals))
        return VM_NULL;
    vm_value src = a[0], code;
    if (vm_is_type(src, VM_T_CODE)) {
        code = src;
    } else {
        size_t len;
        const char *text = buffer_of(src, &len);
        if (!text) {
            vm_raise(VM_TYPE(TypeError), is_exec ? "exec() arg 1 must be a string, bytes or code object"
                                                 : "eval() arg 1 must be a string, bytes or code object");
            return VM_NULL;
        }
        if (memchr(text, '\0', len)) {
            vm_raise(VM_TYPE(SyntaxError), "source code string cannot contain null bytes");
            return VM_NULL;
        }
        /* eval strips leading spaces and tabs */
        if (!is_exec)
            while (len && (*text == ' ' || *text == '\t')) {
                text++;
                len--;
            }
        char *copy = malloc(len + 1);
        memcpy(copy, text, len);
        copy[len] = 0;
        code = vm_compile_source(copy, len, "<string>", is_exec ? VM_PARSE_EXEC : VM_PARSE_EVAL, 0, 0);
        free(copy);
        if (!code)
            return VM_NULL;
    }
    vm_value r = vm_eval_code(code, globals, locals);
    if (!r)
        return VM_NULL;
    return is_exec ? VM_NONE : r;
}

static vm_value builtin_exec(vm_value *a, int64_t n, vm_value k) { return exec_or_eval(a, n, k, true); }
static vm_value builtin_eval(vm_value *a, int64_t n, vm_value k) { return exec_or_eval(a, n, k, false); }

static vm_value builtin_globals(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    vm_value g = vm_current_globals();
    return g ? g : VM_NONE;
}

static vm_value builtin_locals(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return vm_current_locals();
}

static vm_value builtin_vars(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 0)
        return vm_current_locals();
    vm_value d = vm_getattr_opt(a[0], vm_intern("__dict__"));
    if (!d && !vm_error_pending())
        vm_raise(VM_TYPE(TypeError), "vars() argument must have __dict__ attribute");
    return d;
}

static vm_value builtin_dir(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    vm_value l;
    if (n == 0) {
        vm_value loc = vm_current_locals();
        if (!loc)
            return VM_NULL;
        l = vm_call_method(loc, "keys", NULL, 0);
        l = l ? vm_list_from_iterable(l) : VM_NULL;
    } else {
        bool found;
        vm_value r = vm_call_special(a[0], "__dir__", NULL, 0, &found);
        if (!found) {
            vm_raise(VM_TYPE(TypeError), "object does not provide __dir__");
            return VM_NULL;
        }
        l = r ? vm_list_from_iterable(r) : VM_NULL;
    }
    if (!l || vm_list_sort(l, VM_NULL, false) < 0)
        return VM_NULL;
    return l;
}

static vm_value builtin_import(vm_value *a, int64_t n, vm_value k)
{
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level"};
    vm_value v[5];
    if (!vm_bind_args("__import__", a, n, k, names, 5, 5, 1, v))
        return VM_NULL;
    if (!vm_has_layout(v[0], VM_L_STR)) {
        vm_raise(VM_TYPE(TypeError), "__import__() argument 1 must be str, not %T", v[0]);
        return VM_NULL;
    }
    vm_value frame = VM_NULL;
    if (v[1] && v[1] != VM_NONE) {
        /* a fake frame: only its globals are read */
        frame = vm_obj_new(VM_TYPE(FRAME), VM_FR_NFIELDS);
        if (!frame)
            return vm_raise_nomem();
        vm_fields(frame)[VM_FR_GLOBALS] = v[1];
    }
    return vm_import_name(frame, v[0], v[3] ? v[3] : VM_NONE, v[4] ? v[4] : vm_small(0));
}

static const vm_method_def core_builtins[] = {
    {"compile", builtin_compile, 0, -1, 0, "Compile source into a code object that can be executed by exec() or eval()."},
    {"exec", builtin_exec, 1, -1, 0, "Execute the given source in the context of globals and locals."},
    {"eval", builtin_eval, 1, -1, 0, "Evaluate the given source in the context of globals and locals."},
    {"globals", builtin_globals, 0, 0, VM_METH_NOKW, "Return the dictionary containing the current scope's global variables."},
    {"locals", builtin_locals, 0, 0, VM_METH_NOKW, "Return a dictionary containing the current scope's local variables."},
    {"vars", builtin_vars, 0, 1, VM_METH_NOKW, "Show vars."},
    {"dir", builtin_dir, 0, 1, VM_METH_NOKW, "Show attributes of an object."},
    {"__import__", builtin_import, 1, -1, 0, "Import a module."},
    {NULL, NULL, 0, 0, 0, NULL}};

/* ---------------------------------------------------------------------------------------
 * sys
 */
static vm_value sys_exit(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    vm_value args = vm_tuple_new(n ? 1 : 0);
    if (!args)
        return vm_raise_nomem();
    if (n)
        vm_tuple_items(args)[0] = a[0];
    vm_value e = vm_call(VM_TYPE(SystemExit), vm_tuple_items(args), n ? 1 : 0, VM_NULL);
    if (e)
        vm_raise_value(e);
    return VM_NULL;
}

static vm_value sys_getrecursionlimit(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return vm_small(vm_self->recursion_limit);
}

static vm_value sys_setrecursionlimit(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    int64_t v;
    if (!vm_is_int(a[0])) {
        vm_raise(VM_TYPE(TypeError), "'%T' object cannot be interpreted as an integer", a[0]);
        return VM_NULL;
    }
    if (!vm_index(a[0], &v))
        return VM_NULL;
    if (v < 1) {
        vm_raise(VM_TYPE(ValueError), "recursion limit must be greater or equal than 1");
        return VM_NULL;
    }
    if (v > INT_MAX) {
        vm_raise(VM_TYPE(OverflowError), "Python int too large to convert to C int");
        return VM_NULL;
    }
    if (v <= vm_self->depth) {
        vm_raise(VM_TYPE(RecursionError), "cannot set the recursion limit to %ld at the recursion depth %d: the limit is too low",
                 (long)v, vm_self->depth);
        return VM_NULL;
    }
    vm_self->recursion_limit = (int)v;
    return VM_NONE;
}

static vm_value sys_exc_info(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    vm_value e = vm_root(VM_ROOT_HANDLED);
    vm_value t = vm_tuple_new(3);
    if (!t)
        return vm_raise_nomem();
    if (e) {
        vm_value tb = vm_field(e, VM_EXC_TRACEBACK);
        vm_tuple_items(t)[0] = vm_type_of(e);
        vm_tuple_items(t)[1] = e;
        vm_tuple_items(t)[2] = tb ? tb : VM_NONE;
    }
    return t;
}

static vm_value sys_exception(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    vm_value e = vm_root(VM_ROOT_HANDLED);
    return e ? e : VM_NONE;
}

static vm_value sys_getframe(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    int64_t d = 0;
    if (n && !vm_index(a[0], &d))
        return VM_NULL;
    return vm_getframe(d);
}

static vm_value sys_intern(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    if (!vm_is_type(a[0], VM_T_STR)) {
        vm_raise(VM_TYPE(TypeError), "intern() argument must be str, not %T", a[0]);
        return VM_NULL;
    }
    return vm_intern_value(a[0]);
}

static vm_value sys_getsizeof(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    bool found;
    vm_value r = vm_call_special(a[0], "__sizeof__", NULL, 0, &found);
    if (!found) {
        if (n > 1)
            return a[1];
        vm_raise(VM_TYPE(TypeError), "Type %T doesn't define __sizeof__", a[0]);
        return VM_NULL;
    }
    if (!r)
        return VM_NULL;
    int64_t s;
    if (!vm_index(r, &s))
        return VM_NULL;
    if (s < 0) {
        vm_raise(VM_TYPE(ValueError), "__sizeof__() should return >= 0");
        return VM_NULL;
    }
    return vm_small(s + 16);
}

static vm_value sys_const_utf8(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return vm_intern("utf-8");
}

static vm_value sys_const_surrogateescape(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return vm_intern("surrogateescape");
}

static vm_value sys_noop(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return VM_NONE;
}

static vm_value sys_none(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return VM_NONE;
}

static vm_value sys_false(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return VM_FALSE;
}

static vm_value sys_getrefcount(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return vm_small(2);
}

static double switch_interval = 0.005;

static vm_value sys_getswitchinterval(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return vm_float_new(switch_interval);
}

static vm_value sys_setswitchinterval(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    double d;
    if (!vm_as_double(a[0], &d))
        return VM_NULL;
    if (d <= 0) {
        vm_raise(VM_TYPE(ValueError), "switch interval must be strictly positive");
        return VM_NULL;
    }
    switch_interval = d;
    return VM_NONE;
}

int vm_int_max_str_digits = 4300;

static vm_value sys_get_int_max_str_digits(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return vm_small(vm_int_max_str_digits);
}

static vm_value sys_set_int_max_str_digits(vm_value *a, int64_t n, vm_value k)
{
    static const char *const names[] = {"maxdigits"};
    vm_value v[1];
    if (!vm_bind_args("set_int_max_str_digits", a, n, k, names, 1, 1, 1, v))
        return VM_NULL;
    int64_t d;
    if (!vm_index(v[0], &d))
        return VM_NULL;
    if (d != 0 && d < 640) {
        vm_raise(VM_TYPE(ValueError), "maxdigits must be 0 or larger than 640");
        return VM_NULL;
    }
    vm_int_max_str_digits = (int)d;
    return VM_NONE;
}

static vm_value sys_displayhook(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value v = a[0];
    if (v == VM_NONE)
        return VM_NONE;
    if (vm_dict_setitem_c(vm_builtins_dict, "_", VM_NONE) < 0)
        return VM_NULL;
    vm_value r = vm_repr(v);
    if (!r)
        return VM_NULL;
    vm_value out = vm_dict_getitem_c(vm_module_dict(vm_sys_module), "stdout");
    if (!out) {
        if (!vm_error_pending())
            vm_raise(VM_TYPE(RuntimeError), "lost sys.stdout");
        return VM_NULL;
    }
    if (!vm_call_method(out, "write", &r, 1))
        return VM_NULL;
    vm_value nl = vm_intern("\n");
    if (!vm_call_method(out, "write", &nl, 1))
        return VM_NULL;
    if (vm_dict_setitem_c(vm_builtins_dict, "_", v) < 0)
        return VM_NULL;
    return VM_NONE;
}

static vm_value sys_audit(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)k;
    if (n < 1) {
        vm_raise(VM_TYPE(TypeError), "audit() missing 1 required positional argument: 'event'");
        return VM_NULL;
    }
    return VM_NONE;     /* no audit hooks are installed */
}

static const vm_method_def sys_methods[] = {
    {"exit", sys_exit, 0, 1, VM_METH_NOKW, "Exit the interpreter by raising SystemExit(status)."},
    {"getrecursionlimit", sys_getrecursionlimit, 0, 0, VM_METH_NOKW, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, 1, 1, VM_METH_NOKW, NULL},
    {"exc_info", sys_exc_info, 0, 0, VM_METH_NOKW, NULL},
    {"exception", sys_exception, 0, 0, VM_METH_NOKW, NULL},
    {"_getframe", sys_getframe, 0, 1, VM_METH_NOKW, NULL},
    {"intern", sys_intern, 1, 1, VM_METH_NOKW, NULL},
    {"getsizeof", sys_getsizeof, 1, 2, VM_METH_NOKW, NULL},
    {"getdefaultencoding", sys_const_utf8, 0, 0, VM_METH_NOKW, NULL},
    {"getfilesystemencoding", sys_const_utf8, 0, 0, VM_METH_NOKW, NULL},
    {"getfilesystemencodeerrors", sys_const_surrogateescape, 0, 0, VM_METH_NOKW, NULL},
    {"settrace", sys_noop, 1, 1, VM_METH_NOKW, NULL},
    {"setprofile", sys_noop, 1, 1, VM_METH_NOKW, NULL},
    {"gettrace", sys_none, 0, 0, VM_METH_NOKW, NULL},
    {"getprofile", sys_none, 0, 0, VM_METH_NOKW, NULL},
    {"is_finalizing", sys_false, 0, 0, VM_METH_NOKW, NULL},
    {"getrefcount", sys_getrefcount, 1, 1, VM_METH_NOKW, NULL},
    {"getswitchinterval", sys_getswitchinterval, 0, 0, VM_METH_NOKW, NULL},
    {"setswitchinterval", sys_setswitchinterval, 1, 1, VM_METH_NOKW, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0, 0, VM_METH_NOKW, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0, 1, 0, NULL},
    {"displayhook", sys_displayhook, 1, 1, VM_METH_NOKW, NULL},
    {"__displayhook__", sys_displayhook, 1, 1, VM_METH_NOKW, NULL},
    {"audit", sys_audit, 0, -1, 0, NULL},
    {"addaudithook", sys_noop, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

static int set_c(vm_value d, const char *name, vm_value v)
{
    if (!v)
        return -1;
    return vm_dict_setitem_c(d, name, v);
}

static vm_value str_list(char **items, int n)
{
    vm_value l = vm_list_new(n);
    if (!l)
        return VM_NULL;
    for (int i = 0; i < n; i++) {
        vm_value s = vm_str_c(items[i]);
        if (!s || !vm_list_append(l, s))
            return VM_NULL;
    }
    return l;
}

/* sys.path: the script's directory (or ''), PYTHONPATH, stmpy's lib/, the standard
 * library (STMPY_STDLIB or the directory found at build time) */
static vm_value make_path(const char *script_dir)
{
    vm_value l = vm_list_new(0);
    if (!l)
        return VM_NULL;
    vm_list_append(l, vm_str_c(script_dir ? script_dir : ""));
    const char *pp = getenv("PYTHONPATH");
    if (pp && *pp) {
        char *copy = strdup(pp), *save = NULL;
        for (char *p = strtok_r(copy, ":", &save); p; p = strtok_r(NULL, ":", &save))
            if (*p)
                vm_list_append(l, vm_str_c(p));
        free(copy);
    }
    const char *lib = getenv("STMPY_LIB");
    vm_list_append(l, vm_str_c(lib ? lib : STMPY_LIB_DIR));
    const char *std = getenv("STMPY_STDLIB");
    std = std ? std : STMPY_STDLIB_DIR;
    vm_list_append(l, vm_str_c(std));
    char buf[4096];
    snprintf(buf, sizeof buf, "%s/lib-dynload", std);
    (void)buf;
    return l;
}

static vm_value make_sys(int argc, char **argv, const char *script_dir)
{
    vm_value sys = vm_module_new(vm_intern("sys"));
    if (!sys)
        return VM_NULL;
    vm_value d = vm_module_dict(sys);
    for (const vm_method_def *m = sys_methods; m->name; m++)
        if (set_c(d, m->name, vm_cfunction_new(m, VM_NULL, sys)) < 0)
            return VM_NULL;
    set_c(d, "excepthook", vm_cfunction_new(&vm_excepthook_def, VM_NULL, sys));
    set_c(d, "__excepthook__", vm_cfunction_new(&vm_excepthook_def, VM_NULL, sys));
    set_c(d, "argv", str_list(argv, argc));
    set_c(d, "orig_argv", str_list(argv, argc));
    set_c(d, "path", make_path(script_dir));
    set_c(d, "modules", vm_modules);
    set_c(d, "meta_path", vm_list_new(0));
    set_c(d, "path_hooks", vm_list_new(0));
    set_c(d, "path_importer_cache", vm_dict_new());
    set_c(d, "warnoptions", vm_list_new(0));
    set_c(d, "_xoptions", vm_dict_new());
    set_c(d, "platform", vm_str_c("linux"));
    set_c(d, "byteorder", vm_str_c("little"));
    set_c(d, "maxsize", vm_int_from_int64(INT64_MAX));
    set_c(d, "maxunicode", vm_small(0x10FFFF));
    set_c(d, "version", vm_str_c("3.11.2 (stmpy) [GCC]"));
    set_c(d, "hexversion", vm_small(0x030B02F0));
    set_c(d, "api_version", vm_small(1013));
    set_c(d, "copyright", vm_str_c("Copyright (c) 2026 the stmpy authors."));
    set_c(d, "float_repr_style", vm_str_c("short"));
    set_c(d, "dont_write_bytecode", VM_TRUE);
    set_c(d, "pycache_prefix", VM_NONE);
    set_c(d, "platlibdir", vm_str_c("lib"));
    char exe[4096];
    ssize_t el = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[el > 0 ? el : 0] = 0;
    set_c(d, "executable", vm_str_c(exe));
    set_c(d, "_base_executable", vm_str_c(exe));
    set_c(d, "prefix", vm_str_c("/usr"));
    set_c(d, "base_prefix", vm_str_c("/usr"));
    set_c(d, "exec_prefix", vm_str_c("/usr"));
    set_c(d, "base_exec_prefix", vm_str_c("/usr"));
    set_c(d, "abiflags", vm_str_c(""));
    static const char *const builtin_names[] = {"_io", "_string", "_thread", "_weakref", "atexit",
                                                "builtins", "errno", "gc", "itertools", "posix", "sys", "time"};
    size_t nbn = sizeof builtin_names / sizeof builtin_names[0];
    vm_value bmn = vm_tuple_new(nbn);
    for (size_t i = 0; bmn && i < nbn; i++)
        vm_tuple_items(bmn)[i] = vm_intern(builtin_names[i]);
    set_c(d, "builtin_module_names", bmn);
    vm_sys_structseqs(d);
    return vm_error_pending() ? VM_NULL : sys;
}

/* ---------------------------------------------------------------------------------------
 * The builtins module
 */
static int add_builtin_type(vm_value d, const char *name, vm_value t)
{
    return vm_dict_setitem_c(d, name, t);
}

static vm_value make_builtins(void)
{
    vm_value m = vm_module_new(vm_intern("builtins"));
    if (!m)
        return VM_NULL;
    vm_value d = vm_module_dict(m);
    set_c(d, "__doc__", vm_str_c("Built-in functions, exceptions, and other objects."));
    static const struct { const char *name; vm_builtin_type t; } types[] = {
        {"object", VM_T_OBJECT}, {"type", VM_T_TYPE}, {"int", VM_T_INT}, {"bool", VM_T_BOOL},
        {"float", VM_T_FLOAT}, {"complex", VM_T_COMPLEX}, {"str", VM_T_STR}, {"bytes", VM_T_BYTES},
        {"bytearray", VM_T_BYTEARRAY}, {"tuple", VM_T_TUPLE}, {"list", VM_T_LIST}, {"dict", VM_T_DICT},
        {"set", VM_T_SET}, {"frozenset", VM_T_FROZENSET}, {"range", VM_T_RANGE}, {"slice", VM_T_SLICE},
        {"property", VM_T_PROPERTY}, {"classmethod", VM_T_CLASSMETHOD},
        {"staticmethod", VM_T_STATICMETHOD}, {"super", VM_T_SUPER}, {"enumerate", VM_T_ENUMERATE},
        {"zip", VM_T_ZIP}, {"memoryview", VM_T_MEMORYVIEW}, {"map", VM_T_MAP}, {"filter", VM_T_FILTER}, {"reversed", VM_T_REVERSED},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (add_builtin_type(d, types[i].name, VM_TYPE_I(types[i].t)) < 0)
            return VM_NULL;
#define E(name, base, base2) if (add_builtin_type(d, #name, VM_TYPE(name)) < 0) return VM_NULL;
    VM_EXCEPTION_TYPES(E)
#undef E
    set_c(d, "EnvironmentError", VM_TYPE(OSError));
    set_c(d, "IOError", VM_TYPE(OSError));
    set_c(d, "None", VM_NONE);
    set_c(d, "True", VM_TRUE);
    set_c(d, "False", VM_FALSE);
    set_c(d, "Ellipsis", VM_ELLIPSIS);
    set_c(d, "NotImplemented", VM_NOTIMPLEMENTED);
    set_c(d, "__debug__", VM_TRUE);
    set_c(d, "__build_class__", vm_cfunction_new(&vm_build_class_def, VM_NULL, m));
    for (const vm_method_def *f = core_builtins; f->name; f++)
        if (set_c(d, f->name, vm_cfunction_new(f, VM_NULL, m)) < 0)
            return VM_NULL;
    for (const vm_method_def *f = vm_builtin_functions; f->name; f++)
        if (set_c(d, f->name, vm_cfunction_new(f, VM_NULL, m)) < 0)
            return VM_NULL;
    return vm_error_pending() ? VM_NULL : m;
}

/* ---------------------------------------------------------------------------------------
 * Start-up
 */
void vm_write_stderr(const char *s, size_t n)
{
    vm_files_flush_all();
    fwrite(s, 1, n, stderr);
    fflush(stderr);
}

void vm_thread_init(vm_thread *th)
{
    memset(th, 0, sizeof *th);
    th->recursion_limit = 1000;
    stm_register_thread(&th->tl);
    th->tl.vm_data = th;
    vm_self = th;
}

static const char *g_script_dir;
static int g_argc;
static char **g_argv;

void vm_set_argv(int argc, char **argv, const char *script_dir)
{
    g_argc = argc;
    g_argv = argv;
    g_script_dir = script_dir;
}

void vm_interp_init(vm_thread *th)
{
    stm_thread *tl = &th->tl;
    vm_objects_init(tl);
    vm_types_init(tl);
    stm_add_global_root((stm_ref *)&vm_builtins_dict);
    stm_add_global_root((stm_ref *)&vm_sys_module);
    stm_add_global_root((stm_ref *)&vm_modules);
    stm_add_global_root((stm_ref *)&builtins_module);
    stm_start_transaction(tl);
    vm_init_types_extra();
    vm_init_exceptions();
    vm_init_func();
    vm_init_eval();
    vm_init_num();
    vm_init_str();
    vm_init_containers();
    vm_init_structseq();
    vm_init_memoryview();
    vm_value modules = vm_dict_new();
    stm_global_root_set(tl, (stm_ref *)&vm_modules, (stm_ref)modules);
    vm_value b = make_builtins();
    if (!b)
        abort();
    stm_global_root_set(tl, (stm_ref *)&builtins_module, (stm_ref)b);
    stm_global_root_set(tl, (stm_ref *)&vm_builtins_dict, (stm_ref)vm_module_dict(b));
    char *argv0[] = {(char *)""};
    vm_value sys = make_sys(g_argv ? g_argc : 1, g_argv ? g_argv : argv0, g_script_dir);
    if (!sys)
        abort();
    stm_global_root_set(tl, (stm_ref *)&vm_sys_module, (stm_ref)sys);
    vm_dict_setitem_c(modules, "builtins", b);
    vm_dict_setitem_c(modules, "sys", sys);
    vm_init_files();
    vm_init_cmodules();
    if (vm_error_pending())
        abort();
    stm_commit_transaction(tl);
}

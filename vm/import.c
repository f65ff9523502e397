/* vm/import.c — the import statement with CPython's rules: sys.modules, packages and
 * __init__.py, relative imports, submodules as attributes of their package, fromlist.
 * Modules are found along sys.path (or a package's __path__) as NAME/__init__.py or
 * NAME.py, compiled from source and run in a fresh module; builtin modules (sys, builtins
 * and those vm/ implements in C) come from a table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vm/interp.h"

/* C modules: name -> initialiser (returns the module, or VM_NULL with an exception) */
typedef vm_value (*vm_module_init_fn)(void);
static struct {
    const char *name;
    vm_module_init_fn init;
} c_modules[64];
static int n_c_modules;

void vm_register_c_module(const char *name, vm_value (*init)(void))
{
    if (n_c_modules < 64) {
        c_modules[n_c_modules].name = name;
        c_modules[n_c_modules].init = init;
        n_c_modules++;
    }
}

static vm_value sys_modules(void) { return vm_modules; }

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        if (!got)
            break;
        n += got;
    }
    fclose(f);
    *len = n;
    buf = realloc(buf, n + 1);
    buf[n] = 0;
    return buf;
}

/* Runs a source file as module `name` (already in sys.modules on success). */
static vm_value exec_source_module(vm_value name, const char *path, bool package, const char *pkgdir)
{
    size_t len;
    char *src = read_all(path, &len);
    if (!src) {
        vm_raise(VM_TYPE(ImportError), "cannot read %s", path);
        return VM_NULL;
    }
    vm_value code = vm_compile_source(src, len, path, 0, 0, 0);
    free(src);
    if (!code)
        return VM_NULL;
    vm_value m = vm_module_new(name);
    if (!m)
        return VM_NULL;
    vm_value d = vm_module_dict(m);
    if (vm_dict_setitem_c(d, "__file__", vm_str_c(path)) < 0 ||
        vm_dict_setitem_c(d, "__builtins__", vm_builtins_dict) < 0 ||
        vm_dict_setitem_c(d, "__cached__", VM_NONE) < 0)
        return VM_NULL;
    vm_value pkg;
    if (package) {
        vm_value p = vm_list_new(1);
        if (!p || !vm_list_append(p, vm_str_c(pkgdir)) || vm_dict_setitem_c(d, "__path__", p) < 0)
            return VM_NULL;
        pkg = name;
    } else {
        const char *n = vm_cstr(name);
        const char *dot = strrchr(n, '.');
        pkg = dot ? vm_str_from_utf8(n, (size_t)(dot - n)) : vm_intern("");
    }
    if (!pkg || vm_dict_setitem_c(d, "__package__", pkg) < 0)
        return VM_NULL;
    if (vm_dict_setitem(sys_modules(), name, m) < 0)
        return VM_NULL;
    if (!vm_eval_code(code, d, d)) {
        vm_value e = vm_exc_fetch();
        if (vm_dict_getitem(sys_modules(), name))
            vm_dict_delitem(sys_modules(), name);
        vm_exc_clear();
        vm_raise_value_keep_tb(e);
        return VM_NULL;
    }
    /* the module may have replaced itself in sys.modules */
    vm_value r = vm_dict_getitem(sys_modules(), name);
    if (!r) {
        if (!vm_error_pending())
            vm_raise(VM_TYPE(ImportError), "Loaded module %U not found in sys.modules", name);
        return VM_NULL;
    }
    return r;
}

static vm_value not_found(vm_value name)
{
    vm_raise(VM_TYPE(ModuleNotFoundError), "No module named '%U'", name);
    vm_value e = vm_exc_current();
    vm_value d = e ? vm_instance_dict(e, true) : VM_NULL;
    if (d) {
        vm_dict_setitem_c(d, "name", name);
        vm_dict_setitem_c(d, "msg", vm_format("No module named '%U'", name));
    }
    return VM_NULL;
}

/* Finds and loads module `name` (full dotted name) whose last part is `last`, searching
 * `path` (a list of directories). */
static vm_value load_module(vm_value name, const char *last, vm_value path)
{
    const char *full = vm_cstr(name);
    for (int i = 0; i < n_c_modules; i++) {
        if (strcmp(c_modules[i].name, full) == 0) {
            vm_value m = c_modules[i].init();
            if (!m)
                return VM_NULL;
            if (vm_dict_setitem(sys_modules(), name, m) < 0)
                return VM_NULL;
            return m;
        }
    }
    vm_value it = vm_iter(path);
    if (!it)
        return VM_NULL;
    char buf[4096];
    for (;;) {
        vm_value entry = vm_next(it);
        if (!entry) {
            if (vm_error_pending())
                return VM_NULL;
            break;
        }
        if (!vm_has_layout(entry, VM_L_STR))
            continue;
        const char *dir = vm_cstr(entry);
        char dirbuf[2048];
        snprintf(dirbuf, sizeof dirbuf, "%s", *dir ? dir : ".");
        snprintf(buf, sizeof buf, "%s/%s", dirbuf, last);
        if (is_dir(buf)) {
            char init[4200];
            snprintf(init, sizeof init, "%s/__init__.py", buf);
            if (is_file(init)) {
                char pkgdir[4096];
                snprintf(pkgdir, sizeof pkgdir, "%s", *dir ? buf : last);
                char initpath[4200];
                if (*dir)
                    snprintf(initpath, sizeof initpath, "%s", init);
                else
                    snprintf(initpath, sizeof initpath, "%s/__init__.py", last);
                return exec_source_module(name, initpath, true, pkgdir);
            }
        }
        snprintf(buf, sizeof buf, "%s/%s.py", dirbuf, last);
        if (is_file(buf)) {
            char p[4200];
            if (*dir)
                snprintf(p, sizeof p, "%s", buf);
            else
                snprintf(p, sizeof p, "%s.py", last);
            return exec_source_module(name, p, false, NULL);
        }
    }
    return VM_NULL;     /* not found, no exception */
}

/* Imports a fully qualified name, its parents first; returns the module. */
static vm_value import_full(vm_value name)
{
    vm_value m = vm_dict_getitem(sys_modules(), name);
    if (m) {
        if (m == VM_NONE) {
            vm_raise(VM_TYPE(ModuleNotFoundError), "import of %U halted; None in sys.modules", name);
            return VM_NULL;
        }
        return m;
    }
    if (vm_error_pending())
        return VM_NULL;
    const char *full = vm_cstr(name);
    const char *dot = strrchr(full, '.');
    vm_value path, parent = VM_NULL;
    char last[1024];
    if (dot) {
        vm_value pname = vm_str_from_utf8(full, (size_t)(dot - full));
        if (!pname)
            return vm_raise_nomem();
        parent = import_full(pname);
        if (!parent)
            return VM_NULL;
        /* importing the parent may have imported us */
        m = vm_dict_getitem(sys_modules(), name);
        if (m)
            return m;
        snprintf(last, sizeof last, "%s", dot + 1);
        path = vm_getattr_opt(parent, vm_intern("__path__"));
        if (!path) {
            if (vm_error_pending())
                return VM_NULL;
            vm_raise(VM_TYPE(ModuleNotFoundError), "No module named '%U'; '%U' is not a package", name, pname);
            return VM_NULL;
        }
    } else {
        snprintf(last, sizeof last, "%s", full);
        path = vm_dict_getitem_c(vm_module_dict(vm_sys_module), "path");
        if (!path) {
            if (!vm_error_pending())
                vm_raise(VM_TYPE(ImportError), "sys.path must be a list of directory names");
            return VM_NULL;
        }
    }
    m = load_module(vm_str_c(vm_cstr(name)), last, path);
    if (!m) {
        if (!vm_error_pending())
            not_found(name);
        return VM_NULL;
    }
    if (parent) {
        /* the submodule becomes an attribute of its package */
        if (vm_setattr(parent, vm_intern(last), m) < 0)
            vm_exc_clear();
    }
    return m;
}

vm_value vm_import_module(const char *name)
{
    vm_value n = vm_str_c(name);
    return n ? import_full(n) : VM_NULL;
}

/* The absolute name of a relative import from the globals' package. */
static vm_value resolve_name(vm_value name, vm_value globals, int64_t level)
{
    vm_value pkg = globals ? vm_dict_getitem_c(globals, "__package__") : VM_NULL;
    if (!pkg && vm_error_pending())
        return VM_NULL;
    if (!pkg || pkg == VM_NONE) {
        vm_value spec = globals ? vm_dict_getitem_c(globals, "__spec__") : VM_NULL;
        vm_exc_clear();
        if (spec && spec != VM_NONE)
            pkg = vm_getattr_opt(spec, vm_intern("parent"));
        if (!pkg || pkg == VM_NONE) {
            vm_value mn = globals ? vm_dict_getitem_c(globals, "__name__") : VM_NULL;
            vm_exc_clear();
            if (!mn || !vm_has_layout(mn, VM_L_STR)) {
                vm_raise(VM_TYPE(KeyError), "'__name__' not in globals");
                return VM_NULL;
            }
            vm_value path = vm_dict_getitem_c(globals, "__path__");
            vm_exc_clear();
            if (path)
                pkg = mn;
            else {
                const char *s = vm_cstr(mn);
                const char *dot = strrchr(s, '.');
                pkg = dot ? vm_str_from_utf8(s, (size_t)(dot - s)) : vm_intern("");
            }
        }
    } else if (!vm_has_layout(pkg, VM_L_STR)) {
        vm_raise(VM_TYPE(TypeError), "package must be a string");
        return VM_NULL;
    }
    if (!pkg || vm_str_view(pkg).len == 0) {
        vm_raise(VM_TYPE(ImportError), "attempted relative import with no known parent package");
        return VM_NULL;
    }
    /* strip level-1 trailing parts */
    char base[2048];
    snprintf(base, sizeof base, "%s", vm_cstr(pkg));
    for (int64_t i = 1; i < level; i++) {
        char *dot = strrchr(base, '.');
        if (!dot) {
            vm_raise(VM_TYPE(ImportError), "attempted relative import beyond top-level package");
            return VM_NULL;
        }
        *dot = 0;
    }
    if (vm_str_view(name).len == 0)
        return vm_str_c(base);
    return vm_format("%s.%U", base, name);
}

static vm_value handle_fromlist(vm_value module, vm_value fromlist, bool recursive)
{
    vm_value path = vm_getattr_opt(module, vm_intern("__path__"));
    if (!path)
        return vm_error_pending() ? VM_NULL : module;
    vm_value it = vm_iter(fromlist);
    if (!it)
        return VM_NULL;
    vm_value mname = vm_getattr_c(module, "__name__");
    if (!mname)
        return VM_NULL;
    for (;;) {
        vm_value x = vm_next(it);
        if (!x) {
            if (vm_error_pending())
                return VM_NULL;
            break;
        }
        if (!vm_has_layout(x, VM_L_STR)) {
            vm_raise(VM_TYPE(TypeError), "Item in %U.__all__ must be str, not %T", mname, x);
            return VM_NULL;
        }
        if (vm_str_eq_c(x, "*")) {
            if (recursive)
                continue;
            vm_value all = vm_getattr_opt(module, vm_intern("__all__"));
            if (all && !handle_fromlist(module, all, true))
                return VM_NULL;
            vm_exc_clear();
            continue;
        }
        vm_value have = vm_getattr_opt(module, x);
        if (have)
            continue;
        if (vm_error_pending())
            return VM_NULL;
        vm_value sub = vm_format("%U.%U", mname, x);
        if (!sub)
            return VM_NULL;
        if (!import_full(sub)) {
            /* a missing submodule named in fromlist is the caller's AttributeError later */
            if (vm_exc_matches_keep(VM_TYPE(ModuleNotFoundError))) {
                vm_value e = vm_exc_current();
                vm_value d = vm_instance_dict(e, false);
                vm_value en = d ? vm_dict_getitem_c(d, "name") : VM_NULL;
                if (en && vm_equal(en, sub)) {
                    vm_exc_clear();
                    continue;
                }
            }
            return VM_NULL;
        }
    }
    return module;
}

vm_value vm_import_name(vm_value frame, vm_value name, vm_value fromlist, vm_value level_v)
{
    int64_t level = 0;
    if (level_v && !vm_index(level_v, &level))
        return VM_NULL;
    if (level < 0) {
        vm_raise(VM_TYPE(ValueError), "level must be >= 0");
        return VM_NULL;
    }
    vm_value globals = frame ? vm_field(frame, VM_FR_GLOBALS) : VM_NULL;
    /* a user-supplied builtins.__import__ replaces this */
    vm_value imp = vm_dict_getitem_c(vm_builtins_dict, "__import__");
    if (imp && vm_type_of(imp) != VM_TYPE(BUILTIN_FUNCTION) && frame) {
        vm_value args[5] = {name, globals ? globals : VM_NONE, VM_NONE, fromlist, vm_small(level)};
        return vm_call(imp, args, 5, VM_NULL);
    }
    vm_exc_clear();
    if (level == 0 && vm_str_view(name).len == 0) {
        vm_raise(VM_TYPE(ValueError), "Empty module name");
        return VM_NULL;
    }
    vm_value absname = level > 0 ? resolve_name(name, globals, level) : name;
    if (!absname)
        return VM_NULL;
    vm_value m = import_full(absname);
    if (!m)
        return VM_NULL;
    bool has_from = fromlist && fromlist != VM_NONE && vm_truth(fromlist) > 0;
    if (has_from)
        return handle_fromlist(m, fromlist, false);
    /* `import a.b.c` binds a: the top-level package */
    if (level == 0) {
        const char *s = vm_cstr(name);
        const char *dot = strchr(s, '.');
        if (!dot)
            return m;
        vm_value top = vm_str_from_utf8(s, (size_t)(dot - s));
        return top ? import_full(top) : vm_raise_nomem();
    }
    if (vm_str_view(name).len == 0)
        return m;
    /* relative: the module of the first part of name */
    const char *s = vm_cstr(name);
    const char *dot = strchr(s, '.');
    if (!dot)
        return m;
    const char *abs = vm_cstr(absname);
    size_t cut = strlen(abs) - (strlen(s) - (size_t)(dot - s));
    vm_value top = vm_str_from_utf8(abs, cut);
    vm_value r = top ? vm_dict_getitem(sys_modules(), top) : VM_NULL;
    if (!r && !vm_error_pending())
        vm_raise(VM_TYPE(KeyError), "%R not in sys.modules as expected", top);
    return r;
}

vm_value vm_import_from(vm_value module, vm_value name)
{
    vm_value v = vm_getattr_opt(module, name);
    if (v || vm_error_pending())
        return v;
    vm_value mname = vm_getattr_opt(module, vm_intern("__name__"));
    vm_exc_clear();
    if (mname && vm_has_layout(mname, VM_L_STR)) {
        vm_value full = vm_format("%U.%U", mname, name);
        vm_value m = full ? vm_dict_getitem(sys_modules(), full) : VM_NULL;
        if (m)
            return m;
        vm_exc_clear();
    }
    vm_value file = vm_getattr_opt(module, vm_intern("__file__"));
    vm_exc_clear();
    vm_value spec_init = VM_NULL;
    (void)spec_init;
    const char *mn = mname && vm_has_layout(mname, VM_L_STR) ? vm_cstr(mname) : "<unknown module name>";
    if (file && vm_has_layout(file, VM_L_STR))
        vm_raise(VM_TYPE(ImportError), "cannot import name '%U' from '%s' (%U)", name, mn, file);
    else
        vm_raise(VM_TYPE(ImportError), "cannot import name '%U' from '%s' (unknown location)", name, mn);
    vm_value e = vm_exc_current();
    vm_value d = e ? vm_instance_dict(e, true) : VM_NULL;
    if (d) {
        vm_dict_setitem_c(d, "name", mname ? mname : VM_NONE);
        vm_dict_setitem_c(d, "path", file ? file : VM_NONE);
    }
    return VM_NULL;
}

int vm_import_star(vm_value frame, vm_value module)
{
    vm_value locals = vm_field(frame, VM_FR_LOCALS);
    if (!locals) {
        vm_raise(VM_TYPE(SystemError), "no locals found during 'import *'");
        return -1;
    }
    vm_value all = vm_getattr_opt(module, vm_intern("__all__"));
    bool skip_private = false;
    if (!all) {
        if (vm_error_pending())
            return -1;
        vm_value d = vm_getattr_opt(module, vm_intern("__dict__"));
        if (!d) {
            if (!vm_error_pending())
                vm_raise(VM_TYPE(ImportError), "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = vm_call_method(d, "keys", NULL, 0);
        if (!all)
            return -1;
        skip_private = true;
    }
    vm_value it = vm_iter(all);
    if (!it)
        return -1;
    for (;;) {
        vm_value name = vm_next(it);
        if (!name)
            return vm_error_pending() ? -1 : 0;
        if (!vm_has_layout(name, VM_L_STR)) {
            vm_value mn = vm_getattr_opt(module, vm_intern("__name__"));
            vm_exc_clear();
            vm_raise(VM_TYPE(TypeError), skip_private ? "Key in %S.__dict__ must be str, not %T"
                                                      : "Item in %S.__all__ must be str, not %T", mn ? mn : VM_NONE, name);
            return -1;
        }
        if (skip_private && vm_str_view(name).len && vm_ustr_get(vm_str_view(name), 0) == '_')
            continue;
        vm_value v = vm_getattr(module, name);
        if (!v || vm_setitem(locals, name, v) < 0)
            return -1;
    }
}

/* The source file `python -m name` runs (a package's __main__.py), its parent packages
 * imported first; malloc'd, or NULL with ImportError pending. */
char *vm_find_module_file(const char *name)
{
    vm_value full = vm_str_c(name);
    if (!full)
        return NULL;
    const char *dot = strrchr(name, '.');
    vm_value path;
    char last[1024];
    if (dot) {
        vm_value pname = vm_str_from_utf8(name, (size_t)(dot - name));
        vm_value parent = pname ? import_full(pname) : VM_NULL;
        if (!parent)
            return NULL;
        path = vm_getattr_opt(parent, vm_intern("__path__"));
        if (!path) {
            if (!vm_error_pending())
                vm_raise(VM_TYPE(ImportError), "No module named %s", name);
            return NULL;
        }
        snprintf(last, sizeof last, "%s", dot + 1);
    } else {
        path = vm_dict_getitem_c(vm_module_dict(vm_sys_module), "path");
        snprintf(last, sizeof last, "%s", name);
    }
    vm_value it = path ? vm_iter(path) : VM_NULL;
    if (!it)
        return NULL;
    char buf[4200];
    for (;;) {
        vm_value entry = vm_next(it);
        if (!entry)
            break;
        if (!vm_has_layout(entry, VM_L_STR))
            continue;
        const char *dir = vm_cstr(entry);
        snprintf(buf, sizeof buf, "%s/%s/__init__.py", *dir ? dir : ".", last);
        if (is_file(buf)) {
            char sub[1100];
            snprintf(sub, sizeof sub, "%s.__main__", name);
            if (!import_full(full))
                return NULL;
            return vm_find_module_file(sub);
        }
        snprintf(buf, sizeof buf, "%s/%s.py", *dir ? dir : ".", last);
        if (is_file(buf)) {
            char real[4200];
            return strdup(realpath(buf, real) ? real : buf);
        }
    }
    if (!vm_error_pending())
        vm_raise(VM_TYPE(ImportError), "No module named %s", name);
    return NULL;
}

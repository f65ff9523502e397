/* vm/func.c — code objects on the heap, functions, bound methods, cells, builtin functions,
 * modules, and classes (type's own behaviour, class creation). */
#include <stdio.h>
#include <string.h>

#include "vm/interp.h"

static vm_type *TY(vm_value t) { return vm_obj(t); }

/* ---------------------------------------------------------------------------------------
 * Code objects
 */
static vm_value const_value(const vm_code_const *k)
{
    if (k->code)
        return vm_code_wrap(k->code);
    if (k->value.kind == VM_CONST_FROZENSET) {
        vm_value s = vm_set_new(VM_TYPE(FROZENSET));
        if (!s)
            return VM_NULL;
        for (size_t i = 0; i < k->value.u.seq.n; i++) {
            vm_value item = vm_value_from_const(&k->value.u.seq.items[i]);
            if (!item || vm_set_add(s, item) < 0)
                return VM_NULL;
        }
        return s;
    }
    vm_value v = vm_value_from_const(&k->value);
    if (v && (k->value.kind == VM_CONST_STR) && vm_str_view(v).len <= 40)
        v = vm_intern_value(v);     /* identifiers as constants: the same object as names */
    return v ? v : vm_raise_nomem();
}

static vm_value str_tuple(const char *const *names, int n)
{
    vm_value t = vm_tuple_new((size_t)n);
    if (!t)
        return vm_raise_nomem();
    for (int i = 0; i < n; i++) {
        vm_value s = vm_intern(names[i]);
        if (!s)
            return VM_NULL;
        vm_tuple_items(t)[i] = s;
    }
    return t;
}

vm_value vm_code_wrap(const vm_code *code)
{
    vm_value c = vm_obj_new(VM_TYPE(CODE), VM_CODE_NFIELDS);
    if (!c)
        return vm_raise_nomem();
    vm_fields(c)[VM_CODE_C] = vm_tag_ptr(code);
    vm_value consts = vm_tuple_new((size_t)code->nconsts);
    if (!consts)
        return vm_raise_nomem();
    vm_fields(c)[VM_CODE_CONSTS] = consts;
    for (int i = 0; i < code->nconsts; i++) {
        vm_value v = const_value(&code->consts[i]);
        if (!v)
            return VM_NULL;
        vm_tuple_items(consts)[i] = v;
    }
    vm_value v;
    if (!(v = str_tuple(code->names, code->nnames)))
        return VM_NULL;
    vm_fields(c)[VM_CODE_NAMES] = v;
    if (!(v = str_tuple(code->localsplusnames, code->nlocalsplus)))
        return VM_NULL;
    vm_fields(c)[VM_CODE_LOCALNAMES] = v;
    if (!(v = vm_str_c(code->filename)))
        return VM_NULL;
    vm_fields(c)[VM_CODE_FILENAME] = v;
    if (!(v = vm_intern(code->name)))
        return VM_NULL;
    vm_fields(c)[VM_CODE_NAME] = v;
    if (!(v = vm_str_c(code->qualname)))
        return VM_NULL;
    vm_fields(c)[VM_CODE_QUALNAME] = v;
    return c;
}

static vm_value code_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    const vm_code *co = vm_code_of(a[0]);
    return vm_format("<code object %s at %s, file \"%s\", line %d>", co->name,
                     vm_hex_id(stm_id((stm_ref)a[0])), co->filename, co->firstlineno);
}

static vm_value names_subset(vm_value code, int kind_mask, int want)
{
    const vm_code *co = vm_code_of(code);
    vm_value all = vm_fields(code)[VM_CODE_LOCALNAMES];
    vm_value l = vm_list_new(0);
    if (!l)
        return vm_raise_nomem();
    for (int i = 0; i < co->nlocalsplus; i++) {
        int kd = co->localspluskinds[i];
        bool take = want == VM_FAST_LOCAL ? (kd & VM_FAST_LOCAL) != 0
                  : want == VM_FAST_CELL ? (kd & VM_FAST_CELL) != 0
                                         : (kd & VM_FAST_FREE) != 0;
        (void)kind_mask;
        if (take && !vm_list_append(l, vm_tuple_items(all)[i]))
            return vm_raise_nomem();
    }
    return vm_list_as_tuple(l);
}

#define CODE_GETTER(fname, expr)                                                           \
    static vm_value fname(vm_value *a, int64_t n, vm_value k)                              \
    {                                                                                      \
        (void)n; (void)k;                                                                  \
        vm_value self = a[0];                                                              \
        const vm_code *co = vm_code_of(self);                                              \
        (void)co;                                                                          \
        return expr;                                                                       \
    }
CODE_GETTER(code_name, vm_fields(self)[VM_CODE_NAME])
CODE_GETTER(code_qualname, vm_fields(self)[VM_CODE_QUALNAME])
CODE_GETTER(code_filename, vm_fields(self)[VM_CODE_FILENAME])
CODE_GETTER(code_consts, vm_fields(self)[VM_CODE_CONSTS])
CODE_GETTER(code_names, vm_fields(self)[VM_CODE_NAMES])
CODE_GETTER(code_firstlineno, vm_small(co->firstlineno))
CODE_GETTER(code_argcount, vm_small(co->argcount))
CODE_GETTER(code_posonlyargcount, vm_small(co->posonlyargcount))
CODE_GETTER(code_kwonlyargcount, vm_small(co->kwonlyargcount))
CODE_GETTER(code_flags, vm_small(co->flags))
CODE_GETTER(code_nlocals, vm_small(co->nlocals))
CODE_GETTER(code_stacksize, vm_small(co->stacksize))
CODE_GETTER(code_varnames, names_subset(self, 0, VM_FAST_LOCAL))
CODE_GETTER(code_cellvars, names_subset(self, 0, VM_FAST_CELL))
CODE_GETTER(code_freevars, names_subset(self, 0, VM_FAST_FREE))
CODE_GETTER(code_code, vm_bytes_new(co->code, (size_t)co->ncode * 4))

static const vm_method_def code_methods[] = {
    {"__repr__", code_repr, 1, 1, VM_METH_NOKW, NULL},
    {"co_name", code_name, 1, 1, VM_METH_GETTER, NULL},
    {"co_qualname", code_qualname, 1, 1, VM_METH_GETTER, NULL},
    {"co_filename", code_filename, 1, 1, VM_METH_GETTER, NULL},
    {"co_consts", code_consts, 1, 1, VM_METH_GETTER, NULL},
    {"co_names", code_names, 1, 1, VM_METH_GETTER, NULL},
    {"co_firstlineno", code_firstlineno, 1, 1, VM_METH_GETTER, NULL},
    {"co_argcount", code_argcount, 1, 1, VM_METH_GETTER, NULL},
    {"co_posonlyargcount", code_posonlyargcount, 1, 1, VM_METH_GETTER, NULL},
    {"co_kwonlyargcount", code_kwonlyargcount, 1, 1, VM_METH_GETTER, NULL},
    {"co_flags", code_flags, 1, 1, VM_METH_GETTER, NULL},
    {"co_nlocals", code_nlocals, 1, 1, VM_METH_GETTER, NULL},
    {"co_stacksize", code_stacksize, 1, 1, VM_METH_GETTER, NULL},
    {"co_varnames", code_varnames, 1, 1, VM_METH_GETTER, NULL},
    {"co_cellvars", code_cellvars, 1, 1, VM_METH_GETTER, NULL},
    {"co_freevars", code_freevars, 1, 1, VM_METH_GETTER, NULL},
    {"co_code", code_code, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* ---------------------------------------------------------------------------------------
 * Functions
 */
vm_value vm_function_new(vm_value code, vm_value globals, vm_value qualname)
{
    vm_value f = vm_obj_new(VM_TYPE(FUNCTION), VM_FN_NFIELDS);
    if (!f)
        return vm_raise_nomem();
    vm_value *F = vm_fields(f);
    F[VM_FN_CODE] = code;
    F[VM_FN_GLOBALS] = globals;
    vm_value b = vm_dict_getitem_c(globals, "__builtins__");
    if (b && vm_is_type(b, VM_T_MODULE))
        b = vm_module_dict(b);
    if (!b || !vm_is_type(b, VM_T_DICT)) {
        vm_exc_clear();
        b = vm_builtins_dict;
    }
    F = vm_fields(f);
    F[VM_FN_BUILTINS] = b;
    F[VM_FN_NAME] = vm_fields(code)[VM_CODE_NAME];
    F[VM_FN_QUALNAME] = qualname ? qualname : vm_fields(code)[VM_CODE_QUALNAME];
    F[VM_FN_DEFAULTS] = VM_NONE;
    F[VM_FN_KWDEFAULTS] = VM_NONE;
    F[VM_FN_CLOSURE] = VM_NONE;
    /* the docstring: co_consts[0] when it is a str (the compiler puts the docstring or
     * None first, as CPython 3.11's does) */
    F[VM_FN_DOC] = vm_code_docstring(code);
    vm_value mod = vm_dict_getitem_c(globals, "__name__");
    if (!mod)
        vm_exc_clear();
    vm_fields(f)[VM_FN_MODULE] = mod ? mod : VM_NONE;
    return f;
}

vm_value vm_code_docstring(vm_value code)
{
    vm_value consts = vm_fields(code)[VM_CODE_CONSTS];
    if (vm_tuple_length(consts) > 0 && vm_has_layout(vm_tuple_items(consts)[0], VM_L_STR))
        return vm_tuple_items(consts)[0];
    return VM_NONE;
}

static vm_value fn_getset(vm_value *a, int64_t n, int field, const char *name, bool allow_none)
{
    if (n == 2) {
        vm_value v = a[1];
        if (!v && !allow_none) {
            vm_raise(VM_TYPE(TypeError), "cannot delete %s", name);
            return VM_NULL;
        }
        vm_set_field(a[0], field, v ? v : VM_NONE);
        return VM_NONE;
    }
    vm_value v = vm_field(a[0], field);
    return v ? v : VM_NONE;
}

static vm_value fn_name(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2 && (!a[1] || !vm_has_layout(a[1], VM_L_STR))) {
        vm_raise(VM_TYPE(TypeError), "__name__ must be set to a string object");
        return VM_NULL;
    }
    return fn_getset(a, n, VM_FN_NAME, "__name__", false);
}

static vm_value fn_qualname(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2 && (!a[1] || !vm_has_layout(a[1], VM_L_STR))) {
        vm_raise(VM_TYPE(TypeError), "__qualname__ must be set to a string object");
        return VM_NULL;
    }
    return fn_getset(a, n, VM_FN_QUALNAME, "__qualname__", false);
}

static vm_value fn_defaults(vm_value *a, int64_t n, vm_value k) { (void)k; return fn_getset(a, n, VM_FN_DEFAULTS, "__defaults__", true); }
static vm_value fn_kwdefaults(vm_value *a, int64_t n, vm_value k) { (void)k; return fn_getset(a, n, VM_FN_KWDEFAULTS, "__kwdefaults__", true); }
static vm_value fn_doc(vm_value *a, int64_t n, vm_value k) { (void)k; return fn_getset(a, n, VM_FN_DOC, "__doc__", true); }
static vm_value fn_module(vm_value *a, int64_t n, vm_value k) { (void)k; return fn_getset(a, n, VM_FN_MODULE, "__module__", true); }
static vm_value fn_code(vm_value *a, int64_t n, vm_value k) { (void)k; return fn_getset(a, n, VM_FN_CODE, "__code__", false); }

static vm_value fn_globals(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_field(a[0], VM_FN_GLOBALS);
}

static vm_value fn_closure(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_field(a[0], VM_FN_CLOSURE);
}

static vm_value fn_builtins(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_field(a[0], VM_FN_BUILTINS);
}

static vm_value fn_annotations(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2) {
        vm_set_field(a[0], VM_FN_ANNOTATIONS, a[1]);
        return VM_NONE;
    }
    vm_value v = vm_field(a[0], VM_FN_ANNOTATIONS);
    if (!v || v == VM_NONE) {
        v = vm_dict_new();
        if (!v)
            return vm_raise_nomem();
        vm_set_field(a[0], VM_FN_ANNOTATIONS, v);
    } else if (vm_is_type(v, VM_T_TUPLE)) {
        /* MAKE_FUNCTION's annotations: a flat tuple of name, value pairs */
        vm_value d = vm_dict_new();
        if (!d)
            return vm_raise_nomem();
        for (int64_t i = 0; i + 1 < vm_tuple_length(v); i += 2)
            if (vm_dict_setitem(d, vm_tuple_items(v)[i], vm_tuple_items(v)[i + 1]) < 0)
                return VM_NULL;
        vm_set_field(a[0], VM_FN_ANNOTATIONS, d);
        v = d;
    }
    return v;
}

static vm_value fn_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_format("<function %U at %s>", vm_field(a[0], VM_FN_QUALNAME), vm_hex_id(stm_id((stm_ref)a[0])));
}

static vm_value fn_get(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    if (a[1] == VM_NONE)
        return a[0];
    return vm_method_new(a[0], a[1]);
}

static vm_value fn_call(vm_value *a, int64_t n, vm_value k)
{
    return vm_call_function(a[0], a + 1, n - 1, k);
}

static const vm_method_def function_methods[] = {
    {"__repr__", fn_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__get__", fn_get, 3, 3, VM_METH_NOKW, NULL},
    {"__call__", fn_call, 1, -1, 0, NULL},
    {"__name__", fn_name, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__qualname__", fn_qualname, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__defaults__", fn_defaults, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__kwdefaults__", fn_kwdefaults, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__doc__", fn_doc, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__module__", fn_module, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__code__", fn_code, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__globals__", fn_globals, 1, 1, VM_METH_GETTER, NULL},
    {"__closure__", fn_closure, 1, 1, VM_METH_GETTER, NULL},
    {"__builtins__", fn_builtins, 1, 1, VM_METH_GETTER, NULL},
    {"__annotations__", fn_annotations, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* ---------------------------------------------------------------------------------------
 * Bound methods
 */
vm_value vm_method_new(vm_value func, vm_value self)
{
    vm_value m = vm_obj_new(VM_TYPE(METHOD), VM_METHOD_NFIELDS);
    if (!m)
        return vm_raise_nomem();
    vm_fields(m)[VM_METHOD_FUNC] = func;
    vm_fields(m)[VM_METHOD_SELF] = self;
    return m;
}

static vm_value method_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value f = vm_field(a[0], VM_METHOD_FUNC), self = vm_field(a[0], VM_METHOD_SELF);
    vm_value name = vm_getattr_opt(f, vm_intern("__qualname__"));
    if (!name)
        name = vm_getattr_opt(f, vm_intern("__name__"));
    if (!name) {
        if (vm_error_pending())
            return VM_NULL;
        name = vm_str_c("?");
    }
    return vm_format("<bound method %U of %R>", name, self);
}

static vm_value method_func(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return vm_field(a[0], VM_METHOD_FUNC); }
static vm_value method_self(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return vm_field(a[0], VM_METHOD_SELF); }

static vm_value method_eq(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    if (!vm_is_type(a[1], VM_T_METHOD))
        return VM_NOTIMPLEMENTED;
    return vm_field(a[0], 0) == vm_field(a[1], 0) && vm_field(a[0], 1) == vm_field(a[1], 1) ? VM_TRUE : VM_FALSE;
}

static vm_value method_hash(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    int64_t h1, h2;
    if (vm_hash_value(vm_field(a[0], 0), &h1) < 0)
        return VM_NULL;
    h2 = (int64_t)stm_id((stm_ref)vm_field(a[0], 1)) >> 4;
    int64_t h = h1 ^ h2;
    return vm_int_from_int64(h == -1 ? -2 : h);
}

static vm_value method_call(vm_value *a, int64_t n, vm_value k)
{
    return vm_call(a[0], a + 1, n - 1, k);
}

static const vm_method_def method_methods[] = {
    {"__repr__", method_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__call__", method_call, 1, -1, 0, NULL},
    {"__eq__", method_eq, 2, 2, VM_METH_NOKW, NULL},
    {"__hash__", method_hash, 1, 1, VM_METH_NOKW, NULL},
    {"__func__", method_func, 1, 1, VM_METH_GETTER, NULL},
    {"__self__", method_self, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* attributes of the function through the method (m.__name__, m.__doc__): method's
 * __getattr__ fallback */
static vm_value method_getattr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_getattr(vm_field(a[0], VM_METHOD_FUNC), a[1]);
}

/* ---------------------------------------------------------------------------------------
 * Cells
 */
vm_value vm_cell_new(vm_value v)
{
    vm_value c = vm_obj_new(VM_TYPE(CELL), 1);
    if (!c)
        return vm_raise_nomem();
    vm_fields(c)[0] = v;
    return c;
}

static vm_value cell_contents(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2) {
        vm_cell_set(a[0], a[1]);
        return VM_NONE;
    }
    vm_value v = vm_cell_get(a[0]);
    if (!v)
        vm_raise(VM_TYPE(ValueError), "Cell is empty");
    return v;
}

static vm_value cell_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value v = vm_cell_get(a[0]);
    const char *id = vm_hex_id(stm_id((stm_ref)a[0]));
    if (!v)
        return vm_format("<cell at %s: empty>", id);
    return vm_format("<cell at %s: %T object at %s>", id, v,
                     vm_hex_id(vm_is_ref(v) ? stm_id((stm_ref)v) : (uint64_t)v));
}

static const vm_method_def cell_methods[] = {
    {"cell_contents", cell_contents, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__repr__", cell_repr, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* ---------------------------------------------------------------------------------------
 * Builtin functions
 */
vm_value vm_cfunction_new(const vm_method_def *def, vm_value self, vm_value module)
{
    vm_value f = vm_obj_new(VM_TYPE(BUILTIN_FUNCTION), VM_CF_NFIELDS);
    if (!f)
        return vm_raise_nomem();
    vm_fields(f)[VM_CF_DEF] = vm_tag_ptr(def);
    vm_fields(f)[VM_CF_SELF] = self;
    vm_fields(f)[VM_CF_MODULE] = module;
    return f;
}

static const vm_method_def *cf_def(vm_value f) { return vm_untag_ptr(vm_fields(f)[VM_CF_DEF]); }

static vm_value cf_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value self = vm_fields(a[0])[VM_CF_SELF];
    if (!self || vm_is_type(self, VM_T_MODULE))
        return vm_format("<built-in function %s>", cf_def(a[0])->name);
    if (vm_is_type_object(self))
        return vm_format("<built-in method %s of type object at %s>", cf_def(a[0])->name,
                         vm_hex_id(stm_id((stm_ref)self)));
    return vm_format("<built-in method %s of %T object at %s>", cf_def(a[0])->name, self,
                     vm_hex_id(vm_is_ref(self) ? stm_id((stm_ref)self) : (uint64_t)self));
}

static vm_value cf_name(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_str_c(cf_def(a[0])->name);
}

static vm_value cf_qualname(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value self = vm_fields(a[0])[VM_CF_SELF];
    if (!self || vm_is_type(self, VM_T_MODULE))
        return vm_str_c(cf_def(a[0])->name);
    vm_value t = vm_is_type_object(self) ? self : vm_type_of(self);
    return vm_format("%N.%s", t, cf_def(a[0])->name);
}

static vm_value cf_self(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value self = vm_fields(a[0])[VM_CF_SELF];
    if (!self) {
        vm_value m = vm_fields(a[0])[VM_CF_MODULE];
        return m ? m : VM_NONE;
    }
    return self;
}

static vm_value cf_module(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value m = vm_fields(a[0])[VM_CF_MODULE];
    if (m && vm_is_type(m, VM_T_MODULE))
        return vm_dict_getitem_c(vm_module_dict(m), "__name__");
    return VM_NONE;
}

static vm_value cf_doc(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    const char *d = cf_def(a[0])->doc;
    return d ? vm_str_c(d) : VM_NONE;
}

static vm_value cf_call(vm_value *a, int64_t n, vm_value k)
{
    return vm_call(a[0], a + 1, n - 1, k);
}

static vm_value cf_eq(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    if (!vm_is_type(a[1], VM_T_BUILTIN_FUNCTION))
        return VM_NOTIMPLEMENTED;
    return vm_fields(a[0])[0] == vm_fields(a[1])[0] && vm_fields(a[0])[1] == vm_fields(a[1])[1]
               ? VM_TRUE : VM_FALSE;
}

static vm_value cf_hash(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    int64_t h = (int64_t)((uintptr_t)cf_def(a[0]) >> 3);
    vm_value self = vm_fields(a[0])[VM_CF_SELF];
    if (self && vm_is_ref(self))
        h ^= (int64_t)stm_id((stm_ref)self) >> 4;
    return vm_int_from_int64(h == -1 ? -2 : h);
}

static const vm_method_def cfunction_methods[] = {
    {"__repr__", cf_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__call__", cf_call, 1, -1, 0, NULL},
    {"__eq__", cf_eq, 2, 2, VM_METH_NOKW, NULL},
    {"__hash__", cf_hash, 1, 1, VM_METH_NOKW, NULL},
    {"__name__", cf_name, 1, 1, VM_METH_GETTER, NULL},
    {"__qualname__", cf_qualname, 1, 1, VM_METH_GETTER, NULL},
    {"__self__", cf_self, 1, 1, VM_METH_GETTER, NULL},
    {"__module__", cf_module, 1, 1, VM_METH_GETTER, NULL},
    {"__doc__", cf_doc, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* ---------------------------------------------------------------------------------------
 * Modules
 */
vm_value vm_module_new(vm_value name)
{
    vm_value m = vm_obj_new(VM_TYPE(MODULE), VM_MOD_NFIELDS);
    if (!m)
        return vm_raise_nomem();
    vm_value d = vm_dict_new();
    if (!d)
        return vm_raise_nomem();
    vm_fields(m)[VM_MOD_DICT] = d;
    if (vm_dict_setitem_c(d, "__name__", name) < 0 || vm_dict_setitem_c(d, "__doc__", VM_NONE) < 0 ||
        vm_dict_setitem_c(d, "__package__", VM_NONE) < 0 || vm_dict_setitem_c(d, "__loader__", VM_NONE) < 0 ||
        vm_dict_setitem_c(d, "__spec__", VM_NONE) < 0)
        return VM_NULL;
    return m;
}

static vm_value module_new(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value m = vm_obj_new(a[0], VM_MOD_NFIELDS);
    if (!m)
        return vm_raise_nomem();
    vm_value d = vm_dict_new();
    if (!d)
        return vm_raise_nomem();
    vm_fields(m)[VM_MOD_DICT] = d;
    return m;
}

static vm_value module_init(vm_value *a, int64_t n, vm_value k)
{
    static const char *const names[] = {"name", "doc"};
    vm_value out[2];
    if (!vm_bind_args("module", a + 1, n - 1, k, names, 2, 2, 1, out))
        return VM_NULL;
    if (!vm_has_layout(out[0], VM_L_STR)) {
        vm_raise(VM_TYPE(TypeError), "module.__init__() argument 'name' must be str, not %T", out[0]);
        return VM_NULL;
    }
    vm_value d = vm_instance_dict(a[0], true);
    if (!d || vm_dict_setitem_c(d, "__name__", out[0]) < 0 ||
        vm_dict_setitem_c(d, "__doc__", out[1] ? out[1] : VM_NONE) < 0 ||
        vm_dict_setitem_c(d, "__package__", VM_NONE) < 0 || vm_dict_setitem_c(d, "__loader__", VM_NONE) < 0 ||
        vm_dict_setitem_c(d, "__spec__", VM_NONE) < 0)
        return VM_NULL;
    return VM_NONE;
}

static vm_value module_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value d = vm_instance_dict(a[0], false);
    vm_value name = d ? vm_dict_getitem_c(d, "__name__") : VM_NULL;
    vm_value file = d ? vm_dict_getitem_c(d, "__file__") : VM_NULL;
    if (vm_error_pending())
        return VM_NULL;
    if (!name)
        name = vm_str_c("?");
    if (file && vm_has_layout(file, VM_L_STR))
        return vm_format("<module %R from %R>", name, file);
    return vm_format("<module %R (built-in)>", name);
}

static vm_value module_dir(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value d = vm_instance_dict(a[0], true);
    if (!d)
        return VM_NULL;
    vm_value l = vm_list_new(0);
    if (!l)
        return vm_raise_nomem();
    int64_t pos = 0;
    vm_value key, v;
    while (vm_dict_next(d, &pos, &key, &v))
        if (!vm_list_append(l, key))
            return vm_raise_nomem();
    return l;
}

static const vm_method_def module_methods[] = {
    {"__new__", module_new, 1, -1, VM_METH_STATIC, NULL},
    {"__init__", module_init, 1, -1, 0, NULL},
    {"__repr__", module_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__dir__", module_dir, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* ---------------------------------------------------------------------------------------
 * Types: attributes, repr, type(), class creation
 */
vm_value vm_type_module_name(vm_value t)
{
    stm_read((stm_ref)t);
    vm_value m;
    if (vm_dict_get(TY(t)->dict, vm_intern("__module__"), &m) == VM_DICT_OK)
        return vm_has_layout(m, VM_L_STR) ? m : VM_NULL;
    if (!(TY(t)->flags & VM_TPFLAG_HEAPTYPE))
        return vm_intern("builtins");
    return VM_NULL;
}

static vm_value type_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value t = a[0];
    vm_value mod = vm_type_module_name(t);
    stm_read((stm_ref)t);
    vm_value qn = TY(t)->qualname;
    if (mod && !vm_str_eq_c(mod, "builtins"))
        return vm_format("<class '%U.%U'>", mod, qn);
    return vm_format("<class '%U'>", qn);
}

static vm_value type_name_get(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    vm_value t = a[0];
    if (n == 2) {
        if (!(TY(t)->flags & VM_TPFLAG_HEAPTYPE)) {
            vm_raise(VM_TYPE(TypeError), "cannot set '__name__' attribute of immutable type '%N'", t);
            return VM_NULL;
        }
        if (!a[1] || !vm_has_layout(a[1], VM_L_STR)) {
            vm_raise(VM_TYPE(TypeError), "can only assign string to %N.__name__, not '%T'", t, a[1]);
            return VM_NULL;
        }
        stm_write((stm_ref)t);
        TY(t)->name = a[1];
        return VM_NONE;
    }
    stm_read((stm_ref)t);
    return TY(t)->name;
}

static vm_value type_qualname_get(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    vm_value t = a[0];
    if (n == 2) {
        if (!a[1] || !vm_has_layout(a[1], VM_L_STR)) {
            vm_raise(VM_TYPE(TypeError), "can only assign string to %N.__qualname__, not '%T'", t, a[1]);
            return VM_NULL;
        }
        stm_write((stm_ref)t);
        TY(t)->qualname = a[1];
        return VM_NONE;
    }
    stm_read((stm_ref)t);
    return TY(t)->qualname;
}

static vm_value type_module_get(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2) {
        vm_type_modified(a[0]);
        return vm_dict_setitem_c(TY(a[0])->dict, "__module__", a[1]) < 0 ? VM_NULL : VM_NONE;
    }
    vm_value m = vm_type_module_name(a[0]);
    if (!m) {
        stm_read((stm_ref)a[0]);
        m = vm_dict_getitem_c(TY(a[0])->dict, "__module__");
        if (!m && !vm_error_pending())
            vm_raise(VM_TYPE(AttributeError), "__module__");
    }
    return m;
}

static vm_value type_doc_get(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    stm_read((stm_ref)a[0]);
    vm_value d = vm_dict_getitem_c(TY(a[0])->dict, "__doc__");
    if (!d)
        return vm_error_pending() ? VM_NULL : VM_NONE;
    bool hg;
    (void)hg;
    if (vm_is_ref(d) && vm_type_lookup_c(vm_type_of(d), "__get__") && !vm_has_layout(d, VM_L_STR)) {
        vm_value get = vm_type_lookup_c(vm_type_of(d), "__get__");
        vm_value args[3] = {d, VM_NONE, a[0]};
        return vm_call(get, args, 3, VM_NULL);
    }
    return d;
}

static vm_value type_mro_get(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    stm_read((stm_ref)a[0]);
    return TY(a[0])->mro;
}

static vm_value type_bases_get(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    stm_read((stm_ref)a[0]);
    return TY(a[0])->bases;
}

static vm_value type_base_get(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    stm_read((stm_ref)a[0]);
    return TY(a[0])->base ? TY(a[0])->base : VM_NONE;
}

static vm_value type_dict_get(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    stm_read((stm_ref)a[0]);
    vm_value p = vm_obj_new(VM_TYPE(MAPPINGPROXY), 1);
    if (!p)
        return vm_raise_nomem();
    vm_fields(p)[0] = TY(a[0])->dict;
    return p;
}

static vm_value type_mro_method(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    stm_read((stm_ref)a[0]);
    return vm_list_from_iterable(TY(a[0])->mro);
}

static vm_value type_subclasses(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return vm_list_new(0);      /* TODO: weak subclass lists */
}

static vm_value type_instancecheck(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_isinstance(a[1], a[0]) ? VM_TRUE : VM_FALSE;
}

static vm_value type_subclasscheck(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    if (!vm_is_type_object(a[1])) {
        vm_raise(VM_TYPE(TypeError), "issubclass() arg 1 must be a class");
        return VM_NULL;
    }
    return vm_is_subtype(a[1], a[0]) ? VM_TRUE : VM_FALSE;
}

static vm_value type_prepare(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    vm_value d = vm_dict_new();
    return d ? d : vm_raise_nomem();
}

static vm_value type_call_m(vm_value *a, int64_t n, vm_value k)
{
    return vm_call(a[0], a + 1, n - 1, k);
}

static vm_value type_abstractmethods(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    vm_value t = a[0];
    stm_read((stm_ref)t);
    if (n == 2) {
        if (!(TY(t)->flags & VM_TPFLAG_HEAPTYPE)) {
            vm_raise(VM_TYPE(TypeError), "cannot set '__abstractmethods__' attribute of immutable type '%N'", t);
            return VM_NULL;
        }
        int truth = a[1] ? vm_truth(a[1]) : 0;
        if (truth < 0)
            return VM_NULL;
        vm_type_modified(t);
        if (a[1] ? vm_dict_setitem_c(TY(t)->dict, "__abstractmethods__", a[1]) < 0
                 : vm_dict_delitem(TY(t)->dict, vm_intern("__abstractmethods__")) < 0)
            return VM_NULL;
        stm_write((stm_ref)t);
        if (truth)
            TY(t)->flags |= VM_TPFLAG_ABSTRACT;
        else
            TY(t)->flags &= ~(uint64_t)VM_TPFLAG_ABSTRACT;
        return VM_NONE;
    }
    vm_value v = t == VM_TYPE(TYPE) ? VM_NULL : vm_dict_getitem_c(TY(t)->dict, "__abstractmethods__");
    if (!v && !vm_error_pending())
        vm_raise(VM_TYPE(AttributeError), "__abstractmethods__");
    return v;
}

static vm_value type_annotations(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    vm_value t = a[0];
    stm_read((stm_ref)t);
    if (n == 2) {
        vm_type_modified(t);
        return vm_dict_setitem_c(TY(t)->dict, "__annotations__", a[1]) < 0 ? VM_NULL : VM_NONE;
    }
    vm_value v = vm_dict_getitem_c(TY(t)->dict, "__annotations__");
    if (v || vm_error_pending())
        return v;
    if (!(TY(t)->flags & VM_TPFLAG_HEAPTYPE)) {
        vm_raise(VM_TYPE(AttributeError), "type object '%N' has no attribute '__annotations__'", t);
        return VM_NULL;
    }
    v = vm_dict_new();
    vm_type_modified(t);
    if (!v || vm_dict_setitem_c(TY(t)->dict, "__annotations__", v) < 0)
        return VM_NULL;
    return v;
}

static vm_value type_new(vm_value *a, int64_t n, vm_value k);
static vm_value type_init(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)k;
    if (n != 2 && n != 4) {
        vm_raise(VM_TYPE(TypeError), "type.__init__() takes 1 or 3 arguments");
        return VM_NULL;
    }
    return VM_NONE;
}

static vm_value type_or(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_union_new(a[0], a[1]);
}

static vm_value type_ror(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_union_new(a[1], a[0]);
}

static vm_value type_dir(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value od = vm_type_lookup_c(VM_TYPE(OBJECT), "__dir__");
    return vm_call1(od, a[0]);
}

static vm_value type_sizeof(vm_value *a, int64_t n, vm_value k)
{
    (void)a; (void)n; (void)k;
    return vm_small((int64_t)sizeof(vm_type));
}

static vm_value type_flags_get(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    stm_read((stm_ref)a[0]);
    uint64_t f = TY(a[0])->flags;
    int64_t cp = 0;
    if (f & VM_TPFLAG_HEAPTYPE) cp |= 1 << 9;
    if (f & VM_TPFLAG_BASETYPE) cp |= 1 << 10;
    if (f & VM_TPFLAG_ABSTRACT) cp |= 1 << 20;
    return vm_small(cp);
}

static const vm_method_def type_methods[] = {
    {"__new__", type_new, 1, -1, VM_METH_STATIC, NULL},
    {"__init__", type_init, 1, -1, 0, NULL},
    {"__repr__", type_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__call__", type_call_m, 1, -1, 0, NULL},
    {"mro", type_mro_method, 1, 1, VM_METH_NOKW, NULL},
    {"__subclasses__", type_subclasses, 1, 1, VM_METH_NOKW, NULL},
    {"__instancecheck__", type_instancecheck, 2, 2, VM_METH_NOKW, NULL},
    {"__subclasscheck__", type_subclasscheck, 2, 2, VM_METH_NOKW, NULL},
    {"__prepare__", type_prepare, 1, -1, VM_METH_CLASS, NULL},
    {"__or__", type_or, 2, 2, VM_METH_NOKW, NULL},
    {"__ror__", type_ror, 2, 2, VM_METH_NOKW, NULL},
    {"__dir__", type_dir, 1, 1, VM_METH_NOKW, NULL},
    {"__sizeof__", type_sizeof, 1, 1, VM_METH_NOKW, NULL},
    {"__name__", type_name_get, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__qualname__", type_qualname_get, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__module__", type_module_get, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__doc__", type_doc_get, 1, 1, VM_METH_GETTER, NULL},
    {"__mro__", type_mro_get, 1, 1, VM_METH_GETTER, NULL},
    {"__bases__", type_bases_get, 1, 1, VM_METH_GETTER, NULL},
    {"__base__", type_base_get, 1, 1, VM_METH_GETTER, NULL},
    {"__dict__", type_dict_get, 1, 1, VM_METH_GETTER, NULL},
    {"__flags__", type_flags_get, 1, 1, VM_METH_GETTER, NULL},
    {"__abstractmethods__", type_abstractmethods, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__annotations__", type_annotations, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* mappingproxy: a read-only view of a type's dict */
static vm_value mp_target(vm_value p) { return vm_fields(p)[0]; }
static vm_value mp_getitem(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_getitem(mp_target(a[0]), a[1]);
}
static vm_value mp_len(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    int64_t l = vm_len(mp_target(a[0]));
    return l < 0 ? VM_NULL : vm_small(l);
}
static vm_value mp_contains(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    int r = vm_contains(mp_target(a[0]), a[1]);
    return r < 0 ? VM_NULL : r ? VM_TRUE : VM_FALSE;
}
static vm_value mp_iter(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_iter(mp_target(a[0]));
}
static vm_value mp_forward(vm_value *a, int64_t n, const char *name)
{
    return vm_call_method(mp_target(a[0]), name, a + 1, n - 1);
}
static vm_value mp_keys(vm_value *a, int64_t n, vm_value k) { (void)k; return mp_forward(a, n, "keys"); }
static vm_value mp_values(vm_value *a, int64_t n, vm_value k) { (void)k; return mp_forward(a, n, "values"); }
static vm_value mp_items(vm_value *a, int64_t n, vm_value k) { (void)k; return mp_forward(a, n, "items"); }
static vm_value mp_get(vm_value *a, int64_t n, vm_value k) { (void)k; return mp_forward(a, n, "get"); }
static vm_value mp_copy(vm_value *a, int64_t n, vm_value k) { (void)k; return mp_forward(a, n, "copy"); }
static vm_value mp_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_format("mappingproxy(%R)", mp_target(a[0]));
}
static vm_value mp_eq(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_compare(mp_target(a[0]), a[1], VM_CMP_EQ);
}

static const vm_method_def mappingproxy_methods[] = {
    {"__getitem__", mp_getitem, 2, 2, VM_METH_NOKW, NULL},
    {"__len__", mp_len, 1, 1, VM_METH_NOKW, NULL},
    {"__contains__", mp_contains, 2, 2, VM_METH_NOKW, NULL},
    {"__iter__", mp_iter, 1, 1, VM_METH_NOKW, NULL},
    {"__repr__", mp_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__eq__", mp_eq, 2, 2, VM_METH_NOKW, NULL},
    {"keys", mp_keys, 1, 1, VM_METH_NOKW, NULL},
    {"values", mp_values, 1, 1, VM_METH_NOKW, NULL},
    {"items", mp_items, 1, 1, VM_METH_NOKW, NULL},
    {"get", mp_get, 2, 3, VM_METH_NOKW, NULL},
    {"copy", mp_copy, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* The most derived metaclass of meta and the bases' types. */
static vm_value calculate_meta(vm_value meta, vm_value bases)
{
    vm_value winner = meta;
    for (int64_t i = 0; i < vm_tuple_length(bases); i++) {
        vm_value bt = vm_type_of(vm_tuple_items(bases)[i]);
        if (vm_is_subtype(winner, bt))
            continue;
        if (vm_is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        vm_raise(VM_TYPE(TypeError), "metaclass conflict: the metaclass of a derived class must be a "
                 "(non-strict) subclass of the metaclasses of all its bases");
        return VM_NULL;
    }
    return winner;
}

/* The builtin base whose instance layout a class with these bases gets. */
static vm_value solid_base(vm_value t)
{
    stm_read((stm_ref)t);
    return VM_TYPE_I(TY(t)->builtin - 1);
}

static bool is_identifier(vm_value s)
{
    vm_ustr u = vm_str_view(s);
    if (u.len == 0)
        return false;
    const char *c = vm_cstr(s);
    for (size_t i = 0; c[i]; i++) {
        unsigned char ch = (unsigned char)c[i];
        if (!(ch == '_' || ch >= 128 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (i > 0 && ch >= '0' && ch <= '9')))
            return false;
    }
    return true;
}

/* type.__new__(meta, name, bases, ns, **kwargs) */
static vm_value type_new_impl(vm_value meta, vm_value name, vm_value bases, vm_value ns, vm_value kwargs)
{
    (void)kwargs;
    int64_t nb = vm_tuple_length(bases);
    if (nb == 0) {
        bases = vm_tuple_new(1);
        if (!bases)
            return vm_raise_nomem();
        vm_tuple_items(bases)[0] = VM_TYPE(OBJECT);
        nb = 1;
    }
    /* the bases: types that may be subclassed; their layouts must agree */
    vm_value layout_base = VM_NULL;
    int nfields = 0;
    bool base_has_dict = false;
    for (int64_t i = 0; i < nb; i++) {
        vm_value b = vm_tuple_items(bases)[i];
        if (!vm_is_type_object(b)) {
            vm_value mro_entries = vm_getattr_opt(b, vm_intern("__mro_entries__"));
            if (mro_entries)
                vm_raise(VM_TYPE(TypeError), "type() doesn't support MRO entry resolution; use types.new_class()");
            else if (!vm_error_pending())
                vm_raise(VM_TYPE(TypeError), "bases must be types");
            return VM_NULL;
        }
        stm_read((stm_ref)b);
        if (!(TY(b)->flags & VM_TPFLAG_BASETYPE)) {
            vm_raise(VM_TYPE(TypeError), "type '%N' is not an acceptable base type", b);
            return VM_NULL;
        }
        vm_value sb = solid_base(b);
        int bf = (int)TY(b)->nfields;
        if (TY(b)->dict_index >= 0)
            base_has_dict = true;
        if (!layout_base || (sb != VM_TYPE(OBJECT) && vm_is_subtype(sb, layout_base)) ||
            bf > nfields) {
            if (layout_base && sb != layout_base && !vm_is_subtype(sb, layout_base) &&
                !vm_is_subtype(layout_base, sb) && !(sb == VM_TYPE(OBJECT))) {
                vm_raise(VM_TYPE(TypeError), "multiple bases have instance lay-out conflict");
                return VM_NULL;
            }
            if (!layout_base || sb != VM_TYPE(OBJECT) || layout_base == VM_TYPE(OBJECT))
                layout_base = sb == VM_TYPE(OBJECT) && layout_base ? layout_base : sb;
            if (bf > nfields)
                nfields = bf;
        } else if (sb != VM_TYPE(OBJECT) && sb != layout_base && !vm_is_subtype(layout_base, sb)) {
            vm_raise(VM_TYPE(TypeError), "multiple bases have instance lay-out conflict");
            return VM_NULL;
        }
    }
    vm_value base0 = vm_tuple_items(bases)[0];
    stm_ref r = stm_allocate(sizeof(vm_type), VM_L_TYPE);
    if (!r)
        return vm_raise_nomem();
    uint64_t hooks = vm_type_hook_flags(ns);
    for (int64_t i = 0; i < nb; i++)
        hooks |= TY(vm_tuple_items(bases)[i])->flags & (VM_TPFLAG_GETATTR | VM_TPFLAG_SETATTR);
    vm_value t = (vm_value)r;
    vm_type *T = TY(t);
    T->o.type = (stm_ref)meta;
    T->flags = VM_TPFLAG_HEAPTYPE | VM_TPFLAG_BASETYPE | hooks;
    T->id = vm_next_type_id();
    stm_read((stm_ref)layout_base);
    T->instance_layout = TY(layout_base)->instance_layout;
    T->builtin = TY(layout_base)->builtin;
    T->name = name;
    T->qualname = name;
    T->bases = bases;
    T->base = base0;
    T->dict_index = -1;
    vm_value dict = vm_dict_new();
    if (!dict)
        return vm_raise_nomem();
    TY(t)->dict = dict;
    /* the namespace, copied */
    int64_t pos = 0;
    vm_value key, v;
    while (vm_dict_next(ns, &pos, &key, &v))
        if (vm_dict_setitem(dict, key, v) < 0)
            return VM_NULL;
    vm_buf msg = {0};
    vm_value mro = vm_type_mro(t, bases, &msg);
    if (!mro) {
        if (msg.len)
            vm_raise(VM_TYPE(TypeError), "%s", msg.data);
        else
            vm_raise_nomem();
        vm_buf_free(&msg);
        return VM_NULL;
    }
    vm_buf_free(&msg);
    TY(t)->mro = mro;
    /* __slots__ */
    vm_value slots = vm_dict_getitem_c(dict, "__slots__");
    bool want_dict = true;
    int dict_index = -1;
    if (TY(t)->instance_layout == VM_L_OBJ) {
        if (base_has_dict) {
            /* inherit the base's dict field */
            for (int64_t i = 0; i < nb; i++) {
                vm_value b = vm_tuple_items(bases)[i];
                if (TY(b)->dict_index >= 0) {
                    dict_index = TY(b)->dict_index;
                    break;
                }
            }
        }
        if (slots) {
            if (vm_has_layout(slots, VM_L_STR)) {
                vm_value one = vm_tuple_new(1);
                if (!one)
                    return vm_raise_nomem();
                vm_tuple_items(one)[0] = slots;
                slots = one;
            } else {
                slots = vm_tuple_from_iterable(slots);
                if (!slots)
                    return VM_NULL;
            }
            want_dict = false;
            for (int64_t i = 0; i < vm_tuple_length(slots); i++) {
                vm_value s = vm_tuple_items(slots)[i];
                if (!vm_has_layout(s, VM_L_STR)) {
                    vm_raise(VM_TYPE(TypeError), "__slots__ items must be strings, not '%T'", s);
                    return VM_NULL;
                }
                if (!is_identifier(s)) {
                    vm_raise(VM_TYPE(TypeError), "__slots__ must be identifiers");
                    return VM_NULL;
                }
                if (vm_str_eq_c(s, "__dict__")) {
                    if (dict_index >= 0) {
                        vm_raise(VM_TYPE(TypeError), "__dict__ slot disallowed: we already got one");
                        return VM_NULL;
                    }
                    want_dict = true;
                    continue;
                }
                if (vm_str_eq_c(s, "__weakref__"))
                    continue;
                vm_value existing = vm_dict_getitem(dict, s);
                if (existing) {
                    vm_raise(VM_TYPE(ValueError), "%R in __slots__ conflicts with class variable", s);
                    return VM_NULL;
                }
                vm_value m = vm_member_descriptor(s, nfields++, t);
                if (!m || vm_dict_setitem(dict, s, m) < 0)
                    return VM_NULL;
            }
            stm_write((stm_ref)t);
            TY(t)->slots = slots;
        }
        if (want_dict && dict_index < 0)
            dict_index = nfields++;
        stm_write((stm_ref)t);
        TY(t)->nfields = (uint32_t)nfields;
        TY(t)->dict_index = dict_index;
        if (dict_index >= 0 && !base_has_dict) {
            vm_value dd = vm_dict_descriptor(t);
            if (!dd || vm_dict_setitem_c(dict, "__dict__", dd) < 0)
                return VM_NULL;
        }
    } else if (slots) {
        /* instances of list, dict, int... subclasses have no room for fields yet */
        vm_value sl = vm_has_layout(slots, VM_L_STR) ? VM_NULL : vm_tuple_from_iterable(slots);
        if (vm_has_layout(slots, VM_L_STR) || (sl && vm_tuple_length(sl) > 0)) {
            vm_raise(VM_TYPE(TypeError), "nonempty __slots__ not supported for subtype of '%N' in stmpy yet",
                     layout_base);
            return VM_NULL;
        }
        if (!sl)
            return VM_NULL;
    }
    /* __module__, __qualname__, __doc__ */
    if (!vm_dict_getitem_c(dict, "__module__")) {
        if (vm_error_pending())
            return VM_NULL;
        vm_value g = vm_current_globals();
        vm_value mn = g ? vm_dict_getitem_c(g, "__name__") : VM_NULL;
        if (mn && vm_dict_setitem_c(dict, "__module__", mn) < 0)
            return VM_NULL;
        vm_exc_clear();
    }
    vm_value qn = vm_dict_getitem_c(dict, "__qualname__");
    if (qn) {
        if (!vm_has_layout(qn, VM_L_STR)) {
            vm_raise(VM_TYPE(TypeError), "type __qualname__ must be a str, not %T", qn);
            return VM_NULL;
        }
        stm_write((stm_ref)t);
        TY(t)->qualname = qn;
        if (vm_dict_delitem(dict, vm_intern("__qualname__")) < 0)
            return VM_NULL;
    }
    if (!vm_dict_getitem_c(dict, "__doc__")) {
        if (vm_error_pending())
            return VM_NULL;
        if (vm_dict_setitem_c(dict, "__doc__", VM_NONE) < 0)
            return VM_NULL;
    }
    /* a class that defines __eq__ and not __hash__ is unhashable */
    if (vm_dict_getitem_c(dict, "__eq__") && !vm_dict_getitem_c(dict, "__hash__")) {
        if (vm_error_pending() || vm_dict_setitem_c(dict, "__hash__", VM_NONE) < 0)
            return VM_NULL;
    }
    vm_exc_clear();
    /* __new__ is a static method, __init_subclass__ and __class_getitem__ class methods */
    static const char *const wrap_static[] = {"__new__"};
    static const char *const wrap_class[] = {"__init_subclass__", "__class_getitem__"};
    for (size_t i = 0; i < 1; i++) {
        vm_value f = vm_dict_getitem_c(dict, wrap_static[i]);
        if (f && vm_is_type(f, VM_T_FUNCTION)) {
            vm_value sm = vm_obj_new(VM_TYPE(STATICMETHOD), 2);
            if (!sm)
                return vm_raise_nomem();
            vm_fields(sm)[0] = f;
            if (vm_dict_setitem_c(dict, wrap_static[i], sm) < 0)
                return VM_NULL;
        }
    }
    for (size_t i = 0; i < 2; i++) {
        vm_value f = vm_dict_getitem_c(dict, wrap_class[i]);
        if (f && vm_is_type(f, VM_T_FUNCTION)) {
            vm_value cm = vm_obj_new(VM_TYPE(CLASSMETHOD), 2);
            if (!cm)
                return vm_raise_nomem();
            vm_fields(cm)[0] = f;
            if (vm_dict_setitem_c(dict, wrap_class[i], cm) < 0)
                return VM_NULL;
        }
    }
    if (vm_error_pending())
        return VM_NULL;
    /* abstract methods: abc sets __abstractmethods__ afterwards; nothing here */
    /* __set_name__ on the attributes */
    pos = 0;
    vm_value items = vm_list_new(0);
    if (!items)
        return vm_raise_nomem();
    while (vm_dict_next(dict, &pos, &key, &v)) {
        if (!vm_list_append(items, key) || !vm_list_append(items, v))
            return vm_raise_nomem();
    }
    for (int64_t i = 0; i + 1 < vm_list_len(items); i += 2) {
        vm_value attr = vm_list_get(items, i + 1);
        if (!vm_is_ref(attr))
            continue;
        bool found;
        vm_value args[2] = {t, vm_list_get(items, i)};
        vm_value res = vm_call_special(attr, "__set_name__", args, 2, &found);
        if (found && !res) {
            vm_value e = vm_exc_current();
            (void)e;
            return VM_NULL;
        }
    }
    /* the parent's __init_subclass__ */
    vm_value sup = vm_super_lookup(t, t, vm_intern("__init_subclass__"));
    if (!sup)
        return VM_NULL;
    vm_value res = kwargs ? vm_call_kwargs(sup, NULL, 0, kwargs) : vm_call0(sup);
    return res ? t : VM_NULL;
}

static vm_value type_new(vm_value *a, int64_t n, vm_value k)
{
    vm_value meta = a[0];
    int64_t nk = k ? vm_tuple_length(k) : 0;
    if (n == 2 && nk == 0 && meta == VM_TYPE(TYPE))
        return vm_type_of(a[1]);
    if (n != 4) {
        vm_raise(VM_TYPE(TypeError), n == 2 ? "type.__new__() takes exactly 3 arguments (1 given)"
                                            : "type() takes 1 or 3 arguments");
        return VM_NULL;
    }
    vm_value name = a[1], bases = a[2], ns = a[3];
    if (!vm_has_layout(name, VM_L_STR)) {
        vm_raise(VM_TYPE(TypeError), "type.__new__() argument 1 must be str, not %T", name);
        return VM_NULL;
    }
    if (!vm_is_type(bases, VM_T_TUPLE) && !vm_has_layout(bases, VM_L_TUPLE)) {
        vm_raise(VM_TYPE(TypeError), "type.__new__() argument 2 must be tuple, not %T", bases);
        return VM_NULL;
    }
    if (!vm_has_layout(ns, VM_L_DICT)) {
        vm_raise(VM_TYPE(TypeError), "type.__new__() argument 3 must be dict, not %T", ns);
        return VM_NULL;
    }
    vm_value winner = calculate_meta(meta, bases);
    if (!winner)
        return VM_NULL;
    if (winner != meta) {
        vm_value wn = vm_type_lookup_c(winner, "__new__");
        if (wn && wn != vm_type_lookup_c(VM_TYPE(TYPE), "__new__")) {
            vm_value args[4] = {winner, name, bases, ns};
            return vm_call(wn, args, 4, VM_NULL);
        }
        meta = winner;
    }
    vm_value kwargs = VM_NULL;
    if (nk) {
        kwargs = vm_dict_new();
        if (!kwargs)
            return vm_raise_nomem();
        for (int64_t i = 0; i < nk; i++)
            if (vm_dict_setitem(kwargs, vm_tuple_items(k)[i], a[n + i]) < 0)
                return VM_NULL;
    }
    return type_new_impl(meta, name, bases, ns, kwargs);
}

/* __build_class__(func, name, *bases, metaclass=None, **kwds) */
static vm_value build_class(vm_value *a, int64_t n, vm_value k)
{
    if (n < 2) {
        vm_raise(VM_TYPE(TypeError), "__build_class__: not enough arguments");
        return VM_NULL;
    }
    vm_value func = a[0], name = a[1];
    if (!vm_is_type(func, VM_T_FUNCTION)) {
        vm_raise(VM_TYPE(TypeError), "__build_class__: func must be a function");
        return VM_NULL;
    }
    if (!vm_has_layout(name, VM_L_STR)) {
        vm_raise(VM_TYPE(TypeError), "__build_class__: name is not a string");
        return VM_NULL;
    }
    vm_value orig_bases = vm_tuple_new((size_t)(n - 2));
    if (!orig_bases)
        return vm_raise_nomem();
    for (int64_t i = 2; i < n; i++)
        vm_tuple_items(orig_bases)[i - 2] = a[i];
    /* __mro_entries__ */
    vm_value bases = orig_bases;
    bool changed = false;
    vm_value bl = vm_list_new(0);
    if (!bl)
        return vm_raise_nomem();
    for (int64_t i = 2; i < n; i++) {
        vm_value b = a[i];
        if (!vm_is_type_object(b)) {
            vm_value me = vm_getattr_opt(b, vm_intern("__mro_entries__"));
            if (me) {
                vm_value r = vm_call1(me, orig_bases);
                if (!r)
                    return VM_NULL;
                if (!vm_is_type(r, VM_T_TUPLE)) {
                    vm_raise(VM_TYPE(TypeError), "__mro_entries__ must return a tuple");
                    return VM_NULL;
                }
                for (int64_t j = 0; j < vm_tuple_length(r); j++)
                    if (!vm_list_append(bl, vm_tuple_items(r)[j]))
                        return vm_raise_nomem();
                changed = true;
                continue;
            }
            if (vm_error_pending())
                return VM_NULL;
        }
        if (!vm_list_append(bl, b))
            return vm_raise_nomem();
    }
    if (changed && !(bases = vm_list_as_tuple(bl)))
        return VM_NULL;
    /* metaclass and keywords */
    vm_value meta = VM_NULL, kwargs = VM_NULL;
    int64_t nk = k ? vm_tuple_length(k) : 0;
    if (nk) {
        kwargs = vm_dict_new();
        if (!kwargs)
            return vm_raise_nomem();
        for (int64_t i = 0; i < nk; i++) {
            vm_value kn = vm_tuple_items(k)[i];
            if (vm_str_eq_c(kn, "metaclass"))
                meta = a[n + i];
            else if (vm_dict_setitem(kwargs, kn, a[n + i]) < 0)
                return VM_NULL;
        }
    }
    bool is_class = false;
    if (!meta) {
        meta = vm_tuple_length(bases) ? vm_type_of(vm_tuple_items(bases)[0]) : VM_TYPE(TYPE);
        is_class = true;
    } else {
        is_class = vm_is_type_object(meta);
    }
    if (is_class) {
        meta = calculate_meta(meta, bases);
        if (!meta)
            return VM_NULL;
    }
    /* __prepare__ */
    vm_value ns;
    vm_value prep = vm_getattr_opt(meta, vm_intern("__prepare__"));
    if (prep) {
        vm_value pa[2] = {name, bases};
        ns = vm_call_kwargs(prep, pa, 2, kwargs);
        if (!ns)
            return VM_NULL;
        if (!vm_type_lookup_c(vm_type_of(ns), "__getitem__")) {
            vm_raise(VM_TYPE(TypeError), "%s.__prepare__() must return a mapping, not %T",
                     is_class ? vm_cstr(TY(meta)->name) : "<metaclass>", ns);
            return VM_NULL;
        }
    } else {
        if (vm_error_pending())
            return VM_NULL;
        ns = vm_dict_new();
        if (!ns)
            return vm_raise_nomem();
    }
    /* run the class body with ns as its locals */
    vm_value cell = vm_eval_class_body(func, ns);
    if (!cell)
        return VM_NULL;
    if (bases != orig_bases) {
        if (vm_setitem(ns, vm_intern("__orig_bases__"), orig_bases) < 0)
            return VM_NULL;
    }
    vm_value ma[3] = {name, bases, ns};
    vm_value cls = vm_call_kwargs(meta, ma, 3, kwargs);
    if (!cls)
        return VM_NULL;
    if (cell != VM_NONE && vm_is_type(cell, VM_T_CELL)) {
        vm_value cur = vm_cell_get(cell);
        if (!cur)
            vm_cell_set(cell, cls);
        else if (cur != cls) {
            vm_raise(VM_TYPE(TypeError), "__class__ set to %R defining %R as %R", cur, name, cls);
            return VM_NULL;
        }
    }
    return cls;
}

const vm_method_def vm_build_class_def = {"__build_class__", build_class, 2, -1, 0,
    "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"};

/* Calls f(*args, **kwargs) with kwargs a dict (or VM_NULL). */
vm_value vm_call_kwargs(vm_value f, vm_value *args, int64_t nargs, vm_value kwargs)
{
    int64_t nk = kwargs ? vm_dict_len(kwargs) : 0;
    if (!nk)
        return vm_call(f, args, nargs, VM_NULL);
    vm_value all[nargs + nk];
    if (nargs)
        memcpy(all, args, (size_t)nargs * sizeof(vm_value));
    vm_value names = vm_tuple_new((size_t)nk);
    if (!names)
        return vm_raise_nomem();
    int64_t pos = 0, i = 0;
    vm_value key, v;
    while (vm_dict_next(kwargs, &pos, &key, &v)) {
        if (!vm_has_layout(key, VM_L_STR)) {
            vm_raise(VM_TYPE(TypeError), "keywords must be strings");
            return VM_NULL;
        }
        vm_tuple_items(names)[i] = key;
        all[nargs + i] = v;
        i++;
    }
    return vm_call(f, all, nargs, names);
}

/* ---------------------------------------------------------------------------------------
 * super
 */
enum { SUPER_TYPE, SUPER_OBJ, SUPER_OBJTYPE, SUPER_NFIELDS };

/* The attribute name of what follows start_type in obj_type's MRO, bound to obj. */
static vm_value super_find(vm_value start_type, vm_value obj, vm_value obj_type, vm_value name, bool *found)
{
    stm_read((stm_ref)obj_type);
    vm_value mro = TY(obj_type)->mro;
    int64_t n = vm_tuple_length(mro), i;
    *found = false;
    for (i = 0; i < n; i++)
        if (vm_tuple_items(mro)[i] == start_type)
            break;
    for (i++; i < n; i++) {
        vm_value k = vm_tuple_items(mro)[i], v;
        stm_read((stm_ref)k);
        if (vm_dict_get(TY(k)->dict, name, &v) == VM_DICT_OK) {
            *found = true;
            if (!vm_is_ref(v))
                return v;
            vm_value get = vm_type_lookup_c(vm_type_of(v), "__get__");
            if (!get)
                return v;
            vm_value args[3] = {v, obj == obj_type ? VM_NONE : obj, obj_type};
            return vm_call(get, args, 3, VM_NULL);
        }
    }
    return VM_NULL;
}

vm_value vm_super_lookup(vm_value start_type, vm_value cls, vm_value name)
{
    bool found;
    vm_value r = super_find(start_type, cls, cls, name, &found);
    if (!found && !vm_error_pending())
        vm_raise(VM_TYPE(AttributeError), "'super' object has no attribute '%U'", name);
    return r;
}

static vm_value super_check(vm_value type, vm_value obj)
{
    if (vm_is_type_object(obj) && vm_is_subtype(obj, type))
        return obj;
    vm_value t = vm_type_of(obj);
    if (vm_is_subtype(t, type))
        return t;
    vm_value cls = vm_getattr_opt(obj, vm_intern("__class__"));
    if (cls && vm_is_type_object(cls) && cls != t && vm_is_subtype(cls, type))
        return cls;
    if (!vm_error_pending())
        vm_raise(VM_TYPE(TypeError), "super(type, obj): obj must be an instance or subtype of type");
    return VM_NULL;
}

static vm_value super_new(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value s = vm_obj_new(a[0], SUPER_NFIELDS);
    return s ? s : vm_raise_nomem();
}

static vm_value super_init(vm_value *a, int64_t n, vm_value k)
{
    if (k && vm_tuple_length(k)) {
        vm_raise(VM_TYPE(TypeError), "super() takes no keyword arguments");
        return VM_NULL;
    }
    vm_value self = a[0], type, obj = VM_NULL;
    if (n == 1) {
        if (!vm_super_zero_args(&type, &obj))
            return VM_NULL;
    } else {
        type = a[1];
        obj = n > 2 ? a[2] : VM_NULL;
        if (obj == VM_NONE)
            obj = VM_NULL;
    }
    if (!vm_is_type_object(type)) {
        vm_raise(VM_TYPE(TypeError), "super() argument 1 must be a type, not %T", type);
        return VM_NULL;
    }
    vm_value objtype = VM_NULL;
    if (obj && !(objtype = super_check(type, obj)))
        return VM_NULL;
    vm_set_field(self, SUPER_TYPE, type);
    vm_set_field(self, SUPER_OBJ, obj);
    vm_set_field(self, SUPER_OBJTYPE, objtype);
    return VM_NONE;
}

static vm_value super_getattribute(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value self = a[0], name = a[1];
    vm_value type = vm_field(self, SUPER_TYPE), obj = vm_field(self, SUPER_OBJ),
             objtype = vm_field(self, SUPER_OBJTYPE);
    if (objtype && !vm_str_eq_c(name, "__class__")) {
        bool found;
        vm_value r = super_find(type, obj, objtype, name, &found);
        if (found || vm_error_pending())
            return r;
    }
    vm_value ga = vm_type_lookup_c(VM_TYPE(OBJECT), "__getattribute__");
    vm_value r = vm_call2(ga, self, name);
    if (!r && vm_exc_matches(VM_TYPE(AttributeError)))
        vm_raise(VM_TYPE(AttributeError), "'super' object has no attribute '%U'", name);
    return r;
}

static vm_value super_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value type = vm_field(a[0], SUPER_TYPE), objtype = vm_field(a[0], SUPER_OBJTYPE);
    if (objtype)
        return vm_format("<super: <class '%N'>, <%N object>>", type, objtype);
    return vm_format("<super: <class '%N'>, NULL>", type);
}

static vm_value super_get(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    vm_value obj = n > 1 ? a[1] : VM_NONE;
    if (obj == VM_NONE || vm_field(a[0], SUPER_OBJ))
        return a[0];
    vm_value s = vm_obj_new(VM_TYPE(SUPER), SUPER_NFIELDS);
    if (!s)
        return vm_raise_nomem();
    vm_value type = vm_field(a[0], SUPER_TYPE);
    vm_value objtype = super_check(type, obj);
    if (!objtype)
        return VM_NULL;
    vm_fields(s)[SUPER_TYPE] = type;
    vm_fields(s)[SUPER_OBJ] = obj;
    vm_fields(s)[SUPER_OBJTYPE] = objtype;
    return s;
}

#define SUPER_GETTER(fname, idx)                                                           \
    static vm_value fname(vm_value *a, int64_t n, vm_value k)                              \
    {                                                                                      \
        (void)n; (void)k;                                                                  \
        vm_value v = vm_field(a[0], idx);                                                  \
        return v ? v : VM_NONE;                                                            \
    }
SUPER_GETTER(super_thisclass, SUPER_TYPE)
SUPER_GETTER(super_self, SUPER_OBJ)
SUPER_GETTER(super_self_class, SUPER_OBJTYPE)

static const vm_method_def super_methods[] = {
    {"__new__", super_new, 1, -1, VM_METH_STATIC, NULL},
    {"__init__", super_init, 1, 3, 0, NULL},
    {"__getattribute__", super_getattribute, 2, 2, VM_METH_NOKW, NULL},
    {"__repr__", super_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__get__", super_get, 2, 3, VM_METH_NOKW, NULL},
    {"__thisclass__", super_thisclass, 1, 1, VM_METH_GETTER, NULL},
    {"__self__", super_self, 1, 1, VM_METH_GETTER, NULL},
    {"__self_class__", super_self_class, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* ---------------------------------------------------------------------------------------
 * GenericAlias (list[int]) and unions (int | str): enough for annotations and reprs
 */
static vm_value alias_type, union_type;
enum { ALIAS_ORIGIN, ALIAS_ARGS, ALIAS_NFIELDS };

static vm_value type_repr_for_alias(vm_value v, vm_buf *b)
{
    if (v == VM_ELLIPSIS) {
        vm_buf_puts(b, "...");
        return VM_TRUE;
    }
    if (vm_is_type_object(v)) {
        vm_value mod = vm_type_module_name(v);
        stm_read((stm_ref)v);
        if (mod && !vm_str_eq_c(mod, "builtins")) {
            vm_buf_put_str(b, mod);
            vm_buf_putc(b, '.');
        }
        vm_buf_put_str(b, TY(v)->qualname);
        return VM_TRUE;
    }
    vm_value r = vm_repr(v);
    if (!r)
        return VM_NULL;
    vm_buf_put_str(b, r);
    return VM_TRUE;
}

vm_value vm_generic_alias(vm_value origin, vm_value args)
{
    vm_value a = vm_obj_new(alias_type, ALIAS_NFIELDS);
    if (!a)
        return vm_raise_nomem();
    if (!vm_is_type(args, VM_T_TUPLE)) {
        vm_value t = vm_tuple_new(1);
        if (!t)
            return vm_raise_nomem();
        vm_tuple_items(t)[0] = args;
        args = t;
    }
    vm_fields(a)[ALIAS_ORIGIN] = origin;
    vm_fields(a)[ALIAS_ARGS] = args;
    return a;
}

static vm_value alias_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_buf b = {0};
    vm_value args = vm_field(a[0], ALIAS_ARGS);
    if (!type_repr_for_alias(vm_field(a[0], ALIAS_ORIGIN), &b))
        goto fail;
    vm_buf_putc(&b, '[');
    for (int64_t i = 0; i < vm_tuple_length(args); i++) {
        if (i)
            vm_buf_puts(&b, ", ");
        if (!type_repr_for_alias(vm_tuple_items(args)[i], &b))
            goto fail;
    }
    if (vm_tuple_length(args) == 0)
        vm_buf_puts(&b, "()");
    vm_buf_putc(&b, ']');
    vm_value r = vm_str_from_utf8(b.data, b.len);
    vm_buf_free(&b);
    return r ? r : vm_raise_nomem();
fail:
    vm_buf_free(&b);
    return VM_NULL;
}

static vm_value alias_call(vm_value *a, int64_t n, vm_value k)
{
    return vm_call(vm_field(a[0], ALIAS_ORIGIN), a + 1, n - 1, k);
}

static vm_value alias_origin(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return vm_field(a[0], ALIAS_ORIGIN); }
static vm_value alias_args(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return vm_field(a[0], ALIAS_ARGS); }

static vm_value alias_getattr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_getattr(vm_field(a[0], ALIAS_ORIGIN), a[1]);
}

static vm_value alias_eq(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    if (vm_type_of(a[1]) != vm_type_of(a[0]))
        return VM_NOTIMPLEMENTED;
    if (vm_field(a[0], 0) != vm_field(a[1], 0))
        return VM_FALSE;
    return vm_compare(vm_field(a[0], 1), vm_field(a[1], 1), VM_CMP_EQ);
}

static vm_value alias_hash(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    int64_t h1, h2;
    if (vm_hash_value(vm_field(a[0], 0), &h1) < 0 || vm_hash_value(vm_field(a[0], 1), &h2) < 0)
        return VM_NULL;
    return vm_int_from_int64((h1 ^ h2) == -1 ? -2 : h1 ^ h2);
}

static vm_value alias_or(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_union_new(a[0], a[1]);
}

static vm_value alias_ror(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_union_new(a[1], a[0]);
}

static vm_value alias_mro_entries(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value t = vm_tuple_new(1);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = vm_field(a[0], ALIAS_ORIGIN);
    return t;
}

static const vm_method_def alias_methods[] = {
    {"__repr__", alias_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__call__", alias_call, 1, -1, 0, NULL},
    {"__eq__", alias_eq, 2, 2, VM_METH_NOKW, NULL},
    {"__hash__", alias_hash, 1, 1, VM_METH_NOKW, NULL},
    {"__or__", alias_or, 2, 2, VM_METH_NOKW, NULL},
    {"__ror__", alias_ror, 2, 2, VM_METH_NOKW, NULL},
    {"__getattr__", alias_getattr, 2, 2, VM_METH_NOKW, NULL},
    {"__mro_entries__", alias_mro_entries, 2, 2, VM_METH_NOKW, NULL},
    {"__origin__", alias_origin, 1, 1, VM_METH_GETTER, NULL},
    {"__args__", alias_args, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

static bool union_ok(vm_value v)
{
    return v == VM_NONE || vm_is_type_object(v) || vm_type_of(v) == alias_type || vm_type_of(v) == union_type;
}

static int union_add(vm_value l, vm_value v)
{
    if (v == VM_NONE)
        v = VM_TYPE(NONETYPE);
    if (vm_type_of(v) == union_type) {
        vm_value args = vm_field(v, ALIAS_ARGS);
        for (int64_t i = 0; i < vm_tuple_length(args); i++)
            if (union_add(l, vm_tuple_items(args)[i]) < 0)
                return -1;
        return 0;
    }
    for (int64_t i = 0; i < vm_list_len(l); i++)
        if (vm_list_get(l, i) == v)
            return 0;
    return vm_list_append(l, v) ? 0 : -1;
}

vm_value vm_union_new(vm_value a, vm_value b)
{
    if (!union_ok(a) || !union_ok(b))
        return VM_NOTIMPLEMENTED;
    vm_value l = vm_list_new(0);
    if (!l || union_add(l, a) < 0 || union_add(l, b) < 0)
        return vm_raise_nomem();
    if (vm_list_len(l) == 1)
        return vm_list_get(l, 0);
    vm_value u = vm_obj_new(union_type, ALIAS_NFIELDS);
    vm_value t = vm_list_as_tuple(l);
    if (!u || !t)
        return vm_raise_nomem();
    vm_fields(u)[ALIAS_ORIGIN] = VM_NONE;
    vm_fields(u)[ALIAS_ARGS] = t;
    return u;
}

static vm_value union_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_buf b = {0};
    vm_value args = vm_field(a[0], ALIAS_ARGS);
    for (int64_t i = 0; i < vm_tuple_length(args); i++) {
        if (i)
            vm_buf_puts(&b, " | ");
        vm_value x = vm_tuple_items(args)[i];
        if (x == VM_TYPE(NONETYPE))
            vm_buf_puts(&b, "None");
        else if (!type_repr_for_alias(x, &b)) {
            vm_buf_free(&b);
            return VM_NULL;
        }
    }
    vm_value r = vm_str_from_utf8(b.data, b.len);
    vm_buf_free(&b);
    return r ? r : vm_raise_nomem();
}

static vm_value union_instancecheck(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    int r;
    if (!vm_isinstance_check(a[1], vm_field(a[0], ALIAS_ARGS), &r))
        return VM_NULL;
    return r ? VM_TRUE : VM_FALSE;
}

static vm_value union_subclasscheck(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    int r;
    if (!vm_issubclass_check(a[1], vm_field(a[0], ALIAS_ARGS), &r))
        return VM_NULL;
    return r ? VM_TRUE : VM_FALSE;
}

static const vm_method_def union_methods[] = {
    {"__repr__", union_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__eq__", alias_eq, 2, 2, VM_METH_NOKW, NULL},
    {"__hash__", alias_hash, 1, 1, VM_METH_NOKW, NULL},
    {"__or__", alias_or, 2, 2, VM_METH_NOKW, NULL},
    {"__ror__", alias_ror, 2, 2, VM_METH_NOKW, NULL},
    {"__instancecheck__", union_instancecheck, 2, 2, VM_METH_NOKW, NULL},
    {"__subclasscheck__", union_subclasscheck, 2, 2, VM_METH_NOKW, NULL},
    {"__args__", alias_args, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* ---------------------------------------------------------------------------------------
 * Start-up
 */
void vm_init_func(void)
{
    stm_thread *tl = &vm_self->tl;
    vm_type_set_fields(VM_TYPE(FUNCTION), VM_FN_NFIELDS, VM_FN_DICT);
    vm_type_set_fields(VM_TYPE(MODULE), VM_MOD_NFIELDS, VM_MOD_DICT);
    vm_type_set_fields(VM_TYPE(SUPER), SUPER_NFIELDS, -1);
    vm_type_add_methods(VM_TYPE(CODE), code_methods);
    vm_type_add_methods(VM_TYPE(FUNCTION), function_methods);
    vm_type_add_methods(VM_TYPE(METHOD), method_methods);
    static const vm_method_def method_getattr_def[] = {
        {"__getattr__", method_getattr, 2, 2, VM_METH_NOKW, NULL}, {NULL, NULL, 0, 0, 0, NULL}};
    vm_type_add_methods(VM_TYPE(METHOD), method_getattr_def);
    vm_type_add_methods(VM_TYPE(CELL), cell_methods);
    vm_type_add_methods(VM_TYPE(BUILTIN_FUNCTION), cfunction_methods);
    vm_type_add_methods(VM_TYPE(MODULE), module_methods);
    vm_type_add_methods(VM_TYPE(TYPE), type_methods);
    vm_type_add_methods(VM_TYPE(MAPPINGPROXY), mappingproxy_methods);
    vm_type_add_methods(VM_TYPE(SUPER), super_methods);
    vm_value fdd = vm_dict_descriptor(VM_TYPE(FUNCTION));
    vm_dict_setitem_c(TY(VM_TYPE(FUNCTION))->dict, "__dict__", fdd);
    vm_value mdd = vm_dict_descriptor(VM_TYPE(MODULE));
    vm_dict_setitem_c(TY(VM_TYPE(MODULE))->dict, "__dict__", mdd);
    stm_add_global_root((stm_ref *)&alias_type);
    stm_add_global_root((stm_ref *)&union_type);
    stm_global_root_set(tl, (stm_ref *)&alias_type,
                        (stm_ref)vm_new_static_type("GenericAlias", VM_TYPE(OBJECT), ALIAS_NFIELDS, true));
    vm_type_add_methods(alias_type, alias_methods);
    vm_dict_setitem_c(TY(alias_type)->dict, "__module__", vm_str_c("types"));
    stm_global_root_set(tl, (stm_ref *)&union_type,
                        (stm_ref)vm_new_static_type("UnionType", VM_TYPE(OBJECT), ALIAS_NFIELDS, false));
    vm_type_add_methods(union_type, union_methods);
    vm_dict_setitem_c(TY(union_type)->dict, "__module__", vm_str_c("types"));
}

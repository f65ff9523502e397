/* vm/mod_weakref.c — the _weakref module: ref (weakref.ReferenceType, subclassable),
 * proxy (basic), getweakrefcount, getweakrefs, _remove_dead_weakref.
 *
 * A ref is a VM_L_OBJ instance (so subclasses with __slots__/__dict__ work) whose field
 * WR_CELL holds a weak cell: an object of the runtime tid VM_TID_WEAKCELL (registered
 * here, above VM_LAYOUT_END) whose one weak slot is the referent and whose strong slot
 * points back to the ref.  When the referent dies the GC clears the slot and
 * stm_run_finalizers (run by gc.collect) calls weakcell_cleared, which runs the ref's
 * callback.  The refs of each referent are listed in a registry dict (id -> list) for
 * getweakrefcount/getweakrefs and for reusing a callback-less ref. */
#include <stddef.h>
#include <stdio.h>

#include "vm/interp.h"
#include "vm/mod_internal.h"

#define VM_TID_WEAKCELL (VM_LAYOUT_END + 40)

typedef struct weakcell {
    stm_hdr hdr;
    stm_ref referent;       /* weak */
    stm_ref owner;          /* the ref object */
} weakcell;

enum { WR_CELL, WR_CALLBACK, WR_HASH, WR_NFIELDS };
enum { PX_REF, PX_NFIELDS };

static stm_ref ref_type, proxy_type, cproxy_type, registry;

static void weakcell_trace(void *obj, stm_visit_fn visit, void *ctx)
{
    weakcell *c = obj;
    visit(&c->owner, ctx);
}

static void weakcell_cleared(stm_ref cell)
{
    stm_read(cell);
    weakcell *c = stm_addr(cell);
    vm_value wr = (vm_value)c->owner;
    if (!wr)
        return;
    vm_value cb = vm_field(wr, WR_CALLBACK);
    if (cb && cb != VM_NONE) {
        vm_set_field(wr, WR_CALLBACK, VM_NONE);
        vm_value saved = vm_exc_fetch();
        vm_value r = vm_call1(cb, wr);
        if (!r) {
            vm_value exc = vm_exc_fetch();
            vm_value msg = vm_format("Exception ignored in: %R\n", cb);
            if (msg) {
                const char *s = vm_cstr(msg);
                vm_write_stderr(s, strlen(s));
            }
            if (exc)
                vm_print_exception(exc);
            vm_exc_clear();
        }
        if (saved)
            vm_raise_value_keep_tb(saved);
    }
}

static const stm_type weakcell_type = {
    .name = "weakcell",
    .trace = weakcell_trace,
    .weakref_offset = offsetof(weakcell, referent),
    .weakref_cleared = weakcell_cleared,
};

/* The referent of a ref, or VM_NULL if it died. */
static vm_value wr_referent(vm_value wr)
{
    vm_value cell = vm_field(wr, WR_CELL);
    if (!cell)
        return VM_NULL;
    stm_read((stm_ref)cell);
    return (vm_value)((weakcell *)stm_addr((stm_ref)cell))->referent;
}

bool vm_weakref_check(vm_value v)
{
    return vm_is_ref(v) && ref_type && vm_isinstance(v, (vm_value)ref_type);
}

vm_value vm_weakref_get(vm_value wr)
{
    vm_value r = wr_referent(wr);
    return r ? r : VM_NONE;
}

static bool weakrefable(vm_value ob)
{
    if (!vm_is_ref(ob))
        return false;
    vm_value t = vm_type_of(ob);
    static const int no[] = {VM_T_INT, VM_T_BOOL, VM_T_FLOAT, VM_T_STR, VM_T_BYTES,
                             VM_T_TUPLE, VM_T_LIST, VM_T_DICT, VM_T_NONETYPE,
                             VM_T_COMPLEX, VM_T_ELLIPSIS, VM_T_NOTIMPLEMENTED};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (t == VM_TYPE_I(no[i]))
            return false;
    return true;
}

static vm_value reg_key(vm_value ob)
{
    return vm_int_from_int64((int64_t)stm_id((stm_ref)ob));
}

/* The registry's list of refs to ob (created if create), VM_NULL if none. */
static vm_value reg_list(vm_value ob, bool create)
{
    vm_value d = (vm_value)registry;
    vm_value key = reg_key(ob);
    if (!key)
        return vm_raise_nomem();
    vm_value l = vm_dict_getitem(d, key);
    if (l) {
        /* drop dead entries and entries of another (dead) object with the same id */
        vm_value keep = vm_list_new(0);
        if (!keep)
            return vm_raise_nomem();
        int64_t n = vm_list_len(l);
        for (int64_t i = 0; i < n; i++) {
            vm_value w = vm_list_get(l, i);
            if (wr_referent(w) == ob)
                vm_list_append(keep, w);
        }
        if (vm_dict_setitem(d, key, keep) < 0)
            return VM_NULL;
        return keep;
    }
    if (vm_error_pending() || !create)
        return VM_NULL;
    l = vm_list_new(0);
    if (!l || vm_dict_setitem(d, key, l) < 0)
        return VM_NULL;
    return l;
}

static vm_value make_ref(vm_value cls, vm_value ob, vm_value cb)
{
    if (!weakrefable(ob)) {
        vm_raise(VM_TYPE(TypeError), "cannot create weak reference to '%N' object",
                 vm_type_of(ob));
        return VM_NULL;
    }
    if (cb == VM_NONE)
        cb = VM_NULL;
    vm_value l = reg_list(ob, true);
    if (!l)
        return VM_NULL;
    if (!cb && cls == (vm_value)ref_type) {
        int64_t n = vm_list_len(l);
        for (int64_t i = 0; i < n; i++) {
            vm_value w = vm_list_get(l, i);
            if (vm_type_of(w) == cls && vm_field(w, WR_CALLBACK) == VM_NULL)
                return w;
        }
    }
    stm_read((stm_ref)cls);
    vm_type *t = vm_obj(cls);
    vm_value wr = vm_obj_new(cls, (int)t->nfields);
    if (!wr)
        return vm_raise_nomem();
    stm_ref c = stm_allocate_weakref(sizeof(weakcell), VM_TID_WEAKCELL, (stm_ref)ob);
    if (!c)
        return vm_raise_nomem();
    ((weakcell *)stm_addr(c))->owner = (stm_ref)wr;
    vm_fields(wr)[WR_CELL] = (vm_value)c;
    vm_fields(wr)[WR_CALLBACK] = cb;
    /* callback-less refs first, as CPython keeps them */
    if (!cb && vm_list_len(l) > 0) {
        if (!vm_list_insert(l, 0, wr))
            return VM_NULL;
    } else if (!vm_list_append(l, wr))
        return VM_NULL;
    return wr;
}

static vm_value ref_new(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;      /* extra arguments are for a subclass's __init__ */
    if (nargs < 2) {
        vm_raise(VM_TYPE(TypeError), "__new__ expected at least 1 argument, got 0");
        return VM_NULL;
    }
    if (!vm_is_type_object(args[0])) {
        vm_raise(VM_TYPE(TypeError), "ref.__new__(X): X is not a type object");
        return VM_NULL;
    }
    return make_ref(args[0], args[1], nargs >= 3 ? args[2] : VM_NULL);
}

static vm_value ref_init(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return VM_NONE;
}

static vm_value ref_call(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    if (nargs != 1) {
        vm_raise(VM_TYPE(TypeError), "weakref() takes no arguments");
        return VM_NULL;
    }
    return vm_weakref_get(args[0]);
}

static vm_value ref_hash(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value h = vm_field(args[0], WR_HASH);
    if (h)
        return h;
    vm_value ob = wr_referent(args[0]);
    if (!ob) {
        vm_raise(VM_TYPE(TypeError), "weak object has gone away");
        return VM_NULL;
    }
    int64_t hv;
    if (vm_hash_value(ob, &hv) < 0)
        return VM_NULL;
    h = vm_int_from_int64(hv);
    vm_set_field(args[0], WR_HASH, h);
    return h;
}

static vm_value ref_richcmp(vm_value *args, int op)
{
    vm_value a = args[0], b = args[1];
    if (!vm_weakref_check(b))
        return VM_NOTIMPLEMENTED;
    vm_value x = wr_referent(a), y = wr_referent(b);
    if (!x || !y) {
        bool eq = a == b;
        return (op == VM_CMP_EQ) == eq ? VM_TRUE : VM_FALSE;
    }
    return vm_compare(x, y, op);
}

static vm_value ref_eq(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    return ref_richcmp(args, VM_CMP_EQ);
}

static vm_value ref_ne(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    return ref_richcmp(args, VM_CMP_NE);
}

static vm_value ref_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value self = args[0];
    vm_value ob = wr_referent(self);
    char buf[40], obuf[40];
    snprintf(buf, sizeof buf, "%s", vm_hex_id(stm_id((stm_ref)self)));
    if (!ob)
        return vm_format("<weakref at %s; dead>", buf);
    snprintf(obuf, sizeof obuf, "%s", vm_hex_id(stm_id((stm_ref)ob)));
    vm_value name = vm_getattr_opt(ob, vm_intern("__name__"));
    if (!name && vm_error_pending())
        vm_exc_clear();
    if (name && vm_is_type(name, VM_T_STR))
        return vm_format("<weakref at %s; to '%N' at %s (%U)>", buf, vm_type_of(ob), obuf,
                         name);
    return vm_format("<weakref at %s; to '%N' at %s>", buf, vm_type_of(ob), obuf);
}

static vm_value ref_callback(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value cb = vm_field(args[0], WR_CALLBACK);
    return cb ? cb : VM_NONE;
}

static vm_value ref_class_getitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    return vm_generic_alias(args[0], args[1]);
}

static const vm_method_def ref_methods[] = {
    {"__new__", ref_new, 1, -1, VM_METH_STATIC, NULL},
    {"__init__", ref_init, 1, -1, 0, NULL},
    {"__call__", ref_call, 1, -1, 0, NULL},
    {"__hash__", ref_hash, 1, 1, VM_METH_NOKW, NULL},
    {"__eq__", ref_eq, 2, 2, VM_METH_NOKW, NULL},
    {"__ne__", ref_ne, 2, 2, VM_METH_NOKW, NULL},
    {"__repr__", ref_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__callback__", ref_callback, 1, 1, VM_METH_GETTER, NULL},
    {"__class_getitem__", ref_class_getitem, 2, 2, VM_METH_NOKW | VM_METH_CLASS, NULL},
    {0},
};

/* ---- proxies ---- */
static vm_value px_target(vm_value px)
{
    vm_value r = wr_referent(vm_field(px, PX_REF));
    if (!r)
        vm_raise(VM_TYPE(ReferenceError), "weakly-referenced object no longer exists");
    return r;
}

static vm_value px_getattribute(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value t = px_target(args[0]);
    return t ? vm_getattr(t, args[1]) : VM_NULL;
}

static vm_value px_setattr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value t = px_target(args[0]);
    if (!t || vm_setattr(t, args[1], args[2]) < 0)
        return VM_NULL;
    return VM_NONE;
}

static vm_value px_call(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value t = px_target(args[0]);
    return t ? vm_call(t, args + 1, nargs - 1, kwnames) : VM_NULL;
}

static vm_value px_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value ob = wr_referent(vm_field(args[0], PX_REF));
    char buf[40], obuf[40];
    snprintf(buf, sizeof buf, "%s", vm_hex_id(stm_id((stm_ref)args[0])));
    if (!ob)
        return vm_format("<weakproxy at %s; dead>", buf);
    snprintf(obuf, sizeof obuf, "%s", vm_hex_id(stm_id((stm_ref)ob)));
    return vm_format("<weakproxy at %s; to '%N' at %s>", buf, vm_type_of(ob), obuf);
}

static vm_value px_str(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value t = px_target(args[0]);
    return t ? vm_str_of(t) : VM_NULL;
}

#define PX_BIN(fname, op)                                                                  \
    static vm_value fname(vm_value *args, int64_t nargs, vm_value kwnames)                 \
    {                                                                                      \
        (void)nargs, (void)kwnames;                                                        \
        vm_value t = px_target(args[0]);                                                   \
        return t ? vm_binary_op(t, args[1], op) : VM_NULL;                                 \
    }
PX_BIN(px_add, VM_NB_ADD)
PX_BIN(px_sub, VM_NB_SUBTRACT)
PX_BIN(px_mul, VM_NB_MULTIPLY)

static vm_value px_len(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value t = px_target(args[0]);
    if (!t)
        return VM_NULL;
    int64_t n = vm_len(t);
    return n < 0 ? VM_NULL : vm_int_from_int64(n);
}

static vm_value px_getitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value t = px_target(args[0]);
    return t ? vm_getitem(t, args[1]) : VM_NULL;
}

static vm_value px_iter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value t = px_target(args[0]);
    return t ? vm_iter(t) : VM_NULL;
}

static vm_value px_eq(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value t = px_target(args[0]);
    return t ? vm_compare(t, args[1], VM_CMP_EQ) : VM_NULL;
}

static vm_value px_bool(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value t = px_target(args[0]);
    if (!t)
        return VM_NULL;
    int r = vm_truth(t);
    return r < 0 ? VM_NULL : r ? VM_TRUE : VM_FALSE;
}

static const vm_method_def proxy_methods[] = {
    {"__getattribute__", px_getattribute, 2, 2, VM_METH_NOKW, NULL},
    {"__getattr__", px_getattribute, 2, 2, VM_METH_NOKW, NULL},
    {"__setattr__", px_setattr, 3, 3, VM_METH_NOKW, NULL},
    {"__repr__", px_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__str__", px_str, 1, 1, VM_METH_NOKW, NULL},
    {"__add__", px_add, 2, 2, VM_METH_NOKW, NULL},
    {"__sub__", px_sub, 2, 2, VM_METH_NOKW, NULL},
    {"__mul__", px_mul, 2, 2, VM_METH_NOKW, NULL},
    {"__len__", px_len, 1, 1, VM_METH_NOKW, NULL},
    {"__getitem__", px_getitem, 2, 2, VM_METH_NOKW, NULL},
    {"__iter__", px_iter, 1, 1, VM_METH_NOKW, NULL},
    {"__eq__", px_eq, 2, 2, VM_METH_NOKW, NULL},
    {"__bool__", px_bool, 1, 1, VM_METH_NOKW, NULL},
    {0},
};

static const vm_method_def cproxy_methods[] = {
    {"__call__", px_call, 1, -1, 0, NULL},
    {0},
};

static vm_value wr_proxy(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_check_args("proxy", nargs, kwnames, 1, 2))
        return VM_NULL;
    vm_value ob = args[0];
    vm_value wr = make_ref((vm_value)ref_type, ob, nargs > 1 ? args[1] : VM_NULL);
    if (!wr)
        return VM_NULL;
    vm_value t = vm_type_lookup_c(vm_type_of(ob), "__call__") ? (vm_value)cproxy_type
                                                              : (vm_value)proxy_type;
    vm_value px = vm_obj_new(t, PX_NFIELDS);
    if (!px)
        return vm_raise_nomem();
    vm_fields(px)[PX_REF] = wr;
    return px;
}

static vm_value wr_getweakrefcount(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    if (!weakrefable(args[0]))
        return vm_small(0);
    vm_value l = reg_list(args[0], false);
    if (!l)
        return vm_error_pending() ? VM_NULL : vm_small(0);
    return vm_small(vm_list_len(l));
}

static vm_value wr_getweakrefs(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    if (!weakrefable(args[0]))
        return vm_list_new(0);
    vm_value l = reg_list(args[0], false);
    if (!l)
        return vm_error_pending() ? VM_NULL : vm_list_new(0);
    vm_value out = vm_list_new(0);
    if (!out || vm_list_extend(out, l) < 0)
        return VM_NULL;
    return out;
}

static vm_value wr_remove_dead(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value d = args[0], key = args[1];
    if (!vm_isinstance(d, VM_TYPE(DICT))) {
        vm_raise(VM_TYPE(TypeError), "not a dict");
        return VM_NULL;
    }
    vm_value v = vm_dict_getitem(d, key);
    if (!v)
        return vm_error_pending() ? VM_NULL : VM_NONE;
    if (vm_weakref_check(v) && !wr_referent(v))
        if (vm_dict_delitem(d, key) < 0)
            return VM_NULL;
    return VM_NONE;
}

static const vm_method_def weakref_functions[] = {
    {"proxy", wr_proxy, 1, 2, VM_METH_NOKW, NULL},
    {"getweakrefcount", wr_getweakrefcount, 1, 1, VM_METH_NOKW, NULL},
    {"getweakrefs", wr_getweakrefs, 1, 1, VM_METH_NOKW, NULL},
    {"_remove_dead_weakref", wr_remove_dead, 2, 2, VM_METH_NOKW, NULL},
    {0},
};

static vm_value make_type(stm_ref *slot, const char *name, int nfields, bool base,
                          const vm_method_def *m1, const vm_method_def *m2)
{
    vm_value t = vm_new_static_type(name, VM_TYPE(OBJECT), nfields, base);
    if (!t)
        return VM_NULL;
    stm_global_root_set(&vm_self->tl, slot, (stm_ref)t);
    vm_value d = ((vm_type *)vm_obj(t))->dict;
    vm_dict_setitem_c(d, "__module__", vm_str_c("weakref"));
    if (m1)
        vm_type_add_methods(t, m1);
    if (m2)
        vm_type_add_methods(t, m2);
    return t;
}

static vm_value weakref_init(void)
{
    vm_value m = vm_module_new(vm_str_c("_weakref"));
    if (!m)
        return vm_raise_nomem();
    vm_value d = vm_module_dict(m);
    if (vm_mod_add_functions(m, weakref_functions) < 0)
        return VM_NULL;
    vm_dict_setitem_c(d, "ref", (vm_value)ref_type);
    vm_dict_setitem_c(d, "ReferenceType", (vm_value)ref_type);
    vm_dict_setitem_c(d, "ProxyType", (vm_value)proxy_type);
    vm_dict_setitem_c(d, "CallableProxyType", (vm_value)cproxy_type);
    return m;
}

void vm_mod_weakref_register(void)
{
    stm_register_type(VM_TID_WEAKCELL, &weakcell_type);
    stm_add_global_root(&ref_type);
    stm_add_global_root(&proxy_type);
    stm_add_global_root(&cproxy_type);
    stm_add_global_root(&registry);
    make_type(&ref_type, "ReferenceType", WR_NFIELDS, true, ref_methods, NULL);
    make_type(&proxy_type, "ProxyType", PX_NFIELDS, false, proxy_methods, NULL);
    make_type(&cproxy_type, "CallableProxyType", PX_NFIELDS, false, proxy_methods,
              cproxy_methods);
    stm_global_root_set(&vm_self->tl, &registry, (stm_ref)vm_dict_new());
    vm_register_c_module("_weakref", weakref_init);
}

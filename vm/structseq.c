/* vm/structseq.c — named tuples made in C (sys.version_info, sys.flags, sys.float_info...)
 * and types.SimpleNamespace (sys.implementation). */
#include <float.h>
#include <stdio.h>
#include <string.h>

#include "vm/interp.h"

static vm_type *TY(vm_value t) { return vm_obj(t); }

/* fget of a field: a builtin function bound to the field's index */
static vm_value field_get(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    int64_t i = vm_small_value(a[0]);
    vm_value t = a[1];
    if (!vm_has_layout(t, VM_L_TUPLE) || i >= vm_tuple_length(t)) {
        vm_raise(VM_TYPE(TypeError), "descriptor needs a struct sequence");
        return VM_NULL;
    }
    return vm_tuple_items(t)[i];
}
static const vm_method_def field_get_def = {"_field", field_get, 2, 2, VM_METH_NOKW, NULL};

static vm_value ss_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value self = a[0], t = vm_type_of(self);
    vm_value fields = vm_dict_getitem_c(TY(t)->dict, "_fields");
    vm_value mod = vm_type_module_name(t);
    if (!fields)
        return VM_NULL;
    vm_buf b = {0};
    if (mod) {
        vm_buf_put_str(&b, mod);
        vm_buf_putc(&b, '.');
    }
    vm_buf_put_str(&b, TY(t)->name);
    vm_buf_putc(&b, '(');
    for (int64_t i = 0; i < vm_tuple_length(fields) && i < vm_tuple_length(self); i++) {
        vm_value r = vm_repr(vm_tuple_items(self)[i]);
        if (!r) {
            vm_buf_free(&b);
            return VM_NULL;
        }
        if (i)
            vm_buf_puts(&b, ", ");
        vm_buf_put_str(&b, vm_tuple_items(fields)[i]);
        vm_buf_putc(&b, '=');
        vm_buf_put_str(&b, r);
    }
    vm_buf_putc(&b, ')');
    vm_value s = vm_str_from_utf8(b.data, b.len);
    vm_buf_free(&b);
    return s ? s : vm_raise_nomem();
}

static vm_value ss_reduce(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value t = vm_tuple_new(2), items = vm_tuple_new((size_t)vm_tuple_length(a[0]));
    if (!t || !items)
        return vm_raise_nomem();
    memcpy(vm_tuple_items(items), vm_tuple_items(a[0]), (size_t)vm_tuple_length(a[0]) * sizeof(vm_value));
    vm_tuple_items(t)[0] = vm_type_of(a[0]);
    vm_tuple_items(t)[1] = items;
    return t;
}

static const vm_method_def ss_methods[] = {
    {"__repr__", ss_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__reduce__", ss_reduce, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

vm_value vm_structseq_type(const char *module, const char *name, const char *const *fields, int n)
{
    vm_value t = vm_new_static_type(name, VM_TYPE(TUPLE), 0, false);
    stm_write((stm_ref)t);
    TY(t)->instance_layout = VM_L_TUPLE;
    vm_value d = TY(t)->dict;
    vm_type_add_methods(t, ss_methods);
    vm_value ft = vm_tuple_new((size_t)n);
    for (int i = 0; i < n; i++) {
        vm_value fname = vm_intern(fields[i]);
        vm_tuple_items(ft)[i] = fname;
        vm_value g = vm_cfunction_new(&field_get_def, vm_small(i), VM_NULL);
        vm_value p = vm_call1(VM_TYPE(PROPERTY), g);
        vm_dict_setitem(d, fname, p);
    }
    vm_dict_setitem_c(d, "_fields", ft);
    vm_dict_setitem_c(d, "n_fields", vm_small(n));
    vm_dict_setitem_c(d, "n_sequence_fields", vm_small(n));
    vm_dict_setitem_c(d, "n_unnamed_fields", vm_small(0));
    vm_dict_setitem_c(d, "__module__", vm_intern(module));
    return t;
}

vm_value vm_structseq_new(vm_value type, const vm_value *items, int n)
{
    vm_value t = vm_tuple_new((size_t)n);
    if (!t)
        return vm_raise_nomem();
    memcpy(vm_tuple_items(t), items, (size_t)n * sizeof(vm_value));
    ((vm_object *)vm_obj(t))->type = (stm_ref)type;
    return t;
}

/* ---- SimpleNamespace ---- */
static vm_value ns_init(vm_value *a, int64_t n, vm_value k)
{
    if (n > 2) {
        vm_raise(VM_TYPE(TypeError), "SimpleNamespace expected at most 1 argument, got %ld", (long)(n - 1));
        return VM_NULL;
    }
    vm_value d = vm_instance_dict(a[0], true);
    if (!d)
        return VM_NULL;
    if (n == 2 && vm_dict_update(d, a[1]) < 0)
        return VM_NULL;
    int64_t nk = k ? vm_tuple_length(k) : 0;
    for (int64_t i = 0; i < nk; i++)
        if (vm_dict_setitem(d, vm_tuple_items(k)[i], a[n + i]) < 0)
            return VM_NULL;
    return VM_NONE;
}

static vm_value ns_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value self = a[0];
    int r = vm_repr_enter(self);
    if (r < 0)
        return VM_NULL;
    vm_value t = vm_type_of(self);
    const char *name = t == VM_TYPE(NAMESPACE) ? "namespace" : vm_cstr(TY(t)->name);
    if (r)
        return vm_format("%s(...)", name);
    vm_buf b = {0};
    vm_buf_puts(&b, name);
    vm_buf_putc(&b, '(');
    vm_value d = vm_instance_dict(self, true);
    int64_t pos = 0, i = 0;
    vm_value key, v;
    while (d && vm_dict_next(d, &pos, &key, &v)) {
        vm_value rv = vm_repr(v);
        if (!rv) {
            vm_repr_leave(self);
            vm_buf_free(&b);
            return VM_NULL;
        }
        if (i++)
            vm_buf_puts(&b, ", ");
        vm_buf_put_str(&b, key);
        vm_buf_putc(&b, '=');
        vm_buf_put_str(&b, rv);
    }
    vm_repr_leave(self);
    vm_buf_putc(&b, ')');
    vm_value s = vm_str_from_utf8(b.data, b.len);
    vm_buf_free(&b);
    return s ? s : vm_raise_nomem();
}

static vm_value ns_eq(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    if (!vm_isinstance(a[1], VM_TYPE(NAMESPACE)))
        return VM_NOTIMPLEMENTED;
    return vm_compare(vm_instance_dict(a[0], true), vm_instance_dict(a[1], true), VM_CMP_EQ);
}

static const vm_method_def ns_methods[] = {
    {"__init__", ns_init, 1, 2, 0, NULL},
    {"__repr__", ns_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__eq__", ns_eq, 2, 2, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

void vm_init_structseq(void)
{
    vm_type_set_fields(VM_TYPE(NAMESPACE), 1, 0);
    vm_type_add_methods(VM_TYPE(NAMESPACE), ns_methods);
    vm_dict_setitem_c(TY(VM_TYPE(NAMESPACE))->dict, "__module__", vm_intern("types"));
    vm_dict_setitem_c(TY(VM_TYPE(NAMESPACE))->dict, "__hash__", VM_NONE);
    vm_dict_setitem_c(TY(VM_TYPE(NAMESPACE))->dict, "__dict__", vm_dict_descriptor(VM_TYPE(NAMESPACE)));
}

/* sys's named tuples and sys.implementation, into sys's dict */
void vm_sys_structseqs(vm_value d)
{
    static const char *const vi_f[] = {"major", "minor", "micro", "releaselevel", "serial"};
    vm_value vit = vm_structseq_type("sys", "version_info", vi_f, 5);
    vm_value vi[5] = {vm_small(3), vm_small(11), vm_small(2), vm_intern("final"), vm_small(0)};
    vm_value version_info = vm_structseq_new(vit, vi, 5);
    vm_dict_setitem_c(d, "version_info", version_info);
    static const char *const fl_f[] = {"debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
                                       "no_user_site", "no_site", "ignore_environment", "verbose",
                                       "bytes_warning", "quiet", "hash_randomization", "isolated",
                                       "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path",
                                       "int_max_str_digits"};
    vm_value flt = vm_structseq_type("sys", "flags", fl_f, 18);
    vm_value fl[18];
    for (int i = 0; i < 18; i++)
        fl[i] = vm_small(0);
    fl[4] = vm_small(1);
    fl[11] = vm_small(1);
    fl[13] = VM_FALSE;
    fl[16] = VM_FALSE;
    fl[17] = vm_small(-1);
    vm_dict_setitem_c(d, "flags", vm_structseq_new(flt, fl, 18));
    static const char *const fi_f[] = {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
                                       "dig", "mant_dig", "epsilon", "radix", "rounds"};
    vm_value fit = vm_structseq_type("sys", "float_info", fi_f, 11);
    vm_value fi[11] = {vm_float_new(DBL_MAX), vm_small(DBL_MAX_EXP), vm_small(DBL_MAX_10_EXP),
                       vm_float_new(DBL_MIN), vm_small(DBL_MIN_EXP), vm_small(DBL_MIN_10_EXP),
                       vm_small(DBL_DIG), vm_small(DBL_MANT_DIG), vm_float_new(DBL_EPSILON),
                       vm_small(FLT_RADIX), vm_small(1)};
    vm_dict_setitem_c(d, "float_info", vm_structseq_new(fit, fi, 11));
    static const char *const ii_f[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                       "str_digits_check_threshold"};
    vm_value iit = vm_structseq_type("sys", "int_info", ii_f, 4);
    vm_value ii[4] = {vm_small(30), vm_small(4), vm_small(4300), vm_small(640)};
    vm_dict_setitem_c(d, "int_info", vm_structseq_new(iit, ii, 4));
    static const char *const hi_f[] = {"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits",
                                       "seed_bits", "cutoff"};
    vm_value hit = vm_structseq_type("sys", "hash_info", hi_f, 9);
    vm_value hi[9] = {vm_small(64), vm_small(2305843009213693951), vm_small(314159), vm_small(0),
                      vm_small(1000003), vm_intern("siphash13"), vm_small(64), vm_small(128), vm_small(0)};
    vm_dict_setitem_c(d, "hash_info", vm_structseq_new(hit, hi, 9));
    static const char *const ti_f[] = {"name", "lock", "version"};
    vm_value tit = vm_structseq_type("sys", "thread_info", ti_f, 3);
    vm_value ti[3] = {vm_intern("pthread"), vm_intern("mutex+cond"), VM_NONE};
    vm_dict_setitem_c(d, "thread_info", vm_structseq_new(tit, ti, 3));
    vm_value impl = vm_obj_new(VM_TYPE(NAMESPACE), 1);
    vm_value id = vm_instance_dict(impl, true);
    vm_dict_setitem_c(id, "name", vm_intern("stmpy"));
    vm_dict_setitem_c(id, "cache_tag", VM_NONE);
    vm_dict_setitem_c(id, "version", version_info);
    vm_dict_setitem_c(id, "hexversion", vm_small(0x030B02F0));
    vm_dict_setitem_c(id, "_multiarch", vm_intern("x86_64-linux-gnu"));
    vm_dict_setitem_c(d, "implementation", impl);
}

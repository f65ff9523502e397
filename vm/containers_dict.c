/* vm/containers_dict.c — dict: its methods and dunders, update/merge for the eval loop,
 * the views dict_keys / dict_values / dict_items and the dict (and set) iterators.
 *
 * Code that may run Python (__eq__, __hash__, __repr__ of keys) works on a snapshot: a
 * flat tuple (k0, v0, k1, v1, ...) of the entries, so that a dict changed meanwhile
 * neither crashes nor hides a young key from the collector. */
#include <string.h>

#include "vm/containers_internal.h"

static bool is_dict(vm_value v) { return vm_has_layout(v, VM_L_DICT); }

/* The entries as a flat tuple (k0, v0, k1, v1, ...). */
static vm_value dict_snapshot(vm_value d)
{
    int64_t n = vm_dict_len(d);
    vm_value t = vm_tuple_new((size_t)(2 * n));
    if (!t)
        return vm_raise_nomem();
    int64_t pos = 0, i = 0;
    vm_value k, v;
    while (i < n && vm_dict_next(d, &pos, &k, &v)) {
        vm_tuple_items(t)[2 * i] = k;
        vm_tuple_items(t)[2 * i + 1] = v;
        i++;
    }
    return t;
}

static vm_value raise_key_error(vm_value key)
{
    vm_value args = vm_tuple_new(1);
    if (!args)
        return vm_raise_nomem();
    vm_tuple_items(args)[0] = key;
    vm_value e = vm_exc_new(VM_TYPE(KeyError), args);
    if (e)
        vm_raise_value(e);
    return VM_NULL;
}

/* A new dict of type cls (dict or a subclass). */
static vm_value dict_of_type(vm_value cls)
{
    vm_value d = vm_dict_new();
    if (!d)
        return vm_raise_nomem();
    if (cls && cls != VM_TYPE(DICT))
        ((vm_object *)vm_obj(d))->type = (stm_ref)cls;      /* young: no barrier */
    return d;
}

/* Whether d iterates as a plain dict (its entries, in order): the fast path of update. */
static bool iterates_as_dict(vm_value d)
{
    if (!is_dict(d))
        return false;
    vm_value t = vm_type_of(d);
    if (t == VM_TYPE(DICT))
        return true;
    return vm_type_lookup_c(t, "__iter__") == vm_type_lookup_c(VM_TYPE(DICT), "__iter__");
}

/* Adds the entries of a flat snapshot. */
static int dict_add_snapshot(vm_value d, vm_value snap)
{
    int64_t n = vm_tuple_length(snap);
    for (int64_t i = 0; i < n; i += 2)
        if (vm_dict_setitem(d, vm_tuple_items(snap)[i], vm_tuple_items(snap)[i + 1]) < 0)
            return -1;
    return 0;
}

/* d.update(mapping) through keys() and __getitem__ */
static int dict_update_mapping(vm_value d, vm_value other)
{
    vm_value keys = vm_call_method(other, "keys", NULL, 0);
    if (!keys)
        return -1;
    vm_value it = vm_iter(keys);
    if (!it)
        return -1;
    for (;;) {
        vm_value k = vm_next(it);
        if (!k)
            return vm_error_pending() ? -1 : 0;
        vm_value v = vm_getitem(other, k);
        if (!v || vm_dict_setitem(d, k, v) < 0)
            return -1;
    }
}

/* d.update(iterable of pairs) */
static int dict_update_pairs(vm_value d, vm_value other)
{
    vm_value it = vm_iter(other);
    if (!it)
        return -1;
    for (int64_t i = 0;; i++) {
        vm_value item = vm_next(it);
        if (!item)
            return vm_error_pending() ? -1 : 0;
        vm_value pair;
        if (vm_has_layout(item, VM_L_TUPLE)) {
            pair = item;
        } else if (vm_has_layout(item, VM_L_LIST)) {
            pair = cont_list_snapshot(item);
        } else {
            vm_value iit = vm_iter(item);
            if (!iit) {
                if (vm_exc_matches(VM_TYPE(TypeError)))
                    vm_raise(VM_TYPE(TypeError),
                             "cannot convert dictionary update sequence element #%zd to a sequence",
                             (ssize_t)i);
                return -1;
            }
            pair = vm_tuple_from_iterable(iit);
        }
        if (!pair)
            return -1;
        if (vm_tuple_length(pair) != 2) {
            vm_raise(VM_TYPE(ValueError),
                     "dictionary update sequence element #%zd has length %zd; 2 is required",
                     (ssize_t)i, (ssize_t)vm_tuple_length(pair));
            return -1;
        }
        if (vm_dict_setitem(d, vm_tuple_items(pair)[0], vm_tuple_items(pair)[1]) < 0)
            return -1;
    }
}

int vm_dict_update(vm_value d, vm_value other)
{
    if (iterates_as_dict(other)) {
        vm_value snap = dict_snapshot(other);
        return snap ? dict_add_snapshot(d, snap) : -1;
    }
    vm_value keys = vm_getattr_opt(other, vm_intern("keys"));
    if (keys)
        return dict_update_mapping(d, other);
    if (vm_error_pending())
        return -1;
    return dict_update_pairs(d, other);
}

/* "f()" or "module.f()" for messages about a call (CPython's _PyObject_FunctionStr). */
static vm_value function_str(vm_value func)
{
    if (vm_is_type(func, VM_T_METHOD))
        func = vm_field(func, VM_METHOD_FUNC);
    vm_value qn = vm_getattr_opt(func, vm_intern("__qualname__"));
    if (!qn || !vm_has_layout(qn, VM_L_STR)) {
        vm_exc_clear();
        return vm_format("%S()", func);
    }
    vm_value mod = vm_getattr_opt(func, vm_intern("__module__"));
    vm_exc_clear();
    if (mod && vm_has_layout(mod, VM_L_STR) && !vm_str_eq_c(mod, "builtins"))
        return vm_format("%U.%U()", mod, qn);
    return vm_format("%U()", qn);
}

int vm_dict_merge(vm_value d, vm_value other, vm_value func)
{
    bool mapping = is_dict(other);
    if (!mapping) {
        vm_value keys = vm_getattr_opt(other, vm_intern("keys"));
        if (!keys && vm_error_pending())
            return -1;
        mapping = keys != VM_NULL;
    }
    if (!mapping) {
        if (!func) {
            vm_raise(VM_TYPE(TypeError), "'%T' object is not a mapping", other);
        } else {
            vm_value fs = function_str(func);
            if (fs)
                vm_raise(VM_TYPE(TypeError), "%U argument after ** must be a mapping, not %T",
                         fs, other);
        }
        return -1;
    }
    if (!func)
        return vm_dict_update(d, other);
    /* **kwargs: keys are str, no key twice */
    vm_value snap;
    if (iterates_as_dict(other)) {
        snap = dict_snapshot(other);
    } else {
        vm_value tmp = vm_dict_new();
        if (!tmp)
            return vm_raise_nomem(), -1;
        if (dict_update_mapping(tmp, other) < 0)
            return -1;
        snap = dict_snapshot(tmp);
    }
    if (!snap)
        return -1;
    int64_t n = vm_tuple_length(snap);
    for (int64_t i = 0; i < n; i += 2) {
        vm_value k = vm_tuple_items(snap)[i];
        if (!vm_has_layout(k, VM_L_STR)) {
            vm_raise(VM_TYPE(TypeError), "keywords must be strings");
            return -1;
        }
        vm_value old = vm_dict_getitem(d, k);
        if (old) {
            vm_value fs = function_str(func);
            if (fs)
                vm_raise(VM_TYPE(TypeError), "%U got multiple values for keyword argument '%U'",
                         fs, k);
            return -1;
        }
        if (vm_error_pending() || vm_dict_setitem(d, k, vm_tuple_items(snap)[i + 1]) < 0)
            return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------------------------------
 * dict methods
 */
static vm_value dict_new_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return dict_of_type(args[0]);
}

/* The keyword arguments of a call added to d. */
static int add_kwargs(vm_value d, vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!kwnames)
        return 0;
    int64_t nk = vm_tuple_length(kwnames);
    for (int64_t i = 0; i < nk; i++)
        if (vm_dict_setitem(d, vm_tuple_items(kwnames)[i], args[nargs + i]) < 0)
            return -1;
    return 0;
}

static vm_value dict_update_common(const char *name, vm_value *args, int64_t nargs,
                                   vm_value kwnames)
{
    if (nargs > 2) {
        vm_raise(VM_TYPE(TypeError), "%s expected at most 1 argument, got %d", name,
                 (int)(nargs - 1));
        return VM_NULL;
    }
    if (nargs == 2 && vm_dict_update(args[0], args[1]) < 0)
        return VM_NULL;
    if (add_kwargs(args[0], args, nargs, kwnames) < 0)
        return VM_NULL;
    return VM_NONE;
}

static vm_value dict_init(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return dict_update_common("dict", args, nargs, kwnames);
}

static vm_value dict_update_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return dict_update_common("update", args, nargs, kwnames);
}

static vm_value dict_len(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return vm_small(vm_dict_len(args[0]));
}

static vm_value dict_getitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value d = args[0], key = args[1];
    vm_value v = vm_dict_getitem(d, key);
    if (v || vm_error_pending())
        return v;
    vm_value t = vm_type_of(d);
    if (t != VM_TYPE(DICT)) {
        bool found;
        vm_value r = vm_call_special(d, "__missing__", &key, 1, &found);
        if (found)
            return r;
    }
    return raise_key_error(key);
}

static vm_value dict_setitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return vm_dict_setitem(args[0], args[1], args[2]) < 0 ? VM_NULL : VM_NONE;
}

static vm_value dict_delitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return vm_dict_delitem(args[0], args[1]) < 0 ? VM_NULL : VM_NONE;
}

static vm_value dict_contains(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value v = vm_dict_getitem(args[0], args[1]);
    if (!v && vm_error_pending())
        return VM_NULL;
    return cont_bool(v != VM_NULL);
}

static vm_value dict_get(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    vm_value v = vm_dict_getitem(args[0], args[1]);
    if (v || vm_error_pending())
        return v;
    return nargs > 2 ? args[2] : VM_NONE;
}

static vm_value dict_setdefault(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    vm_value v = vm_dict_getitem(args[0], args[1]);
    if (v || vm_error_pending())
        return v;
    v = nargs > 2 ? args[2] : VM_NONE;
    return vm_dict_setitem(args[0], args[1], v) < 0 ? VM_NULL : v;
}

static vm_value dict_pop(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    vm_value v = vm_dict_getitem(args[0], args[1]);
    if (!v) {
        if (vm_error_pending())
            return VM_NULL;
        return nargs > 2 ? args[2] : raise_key_error(args[1]);
    }
    return vm_dict_delitem(args[0], args[1]) < 0 ? VM_NULL : v;
}

static vm_value dict_popitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value d = args[0], k, v;
    int64_t pos = vm_dict_end(d);
    if (!vm_dict_prev(d, &pos, &k, &v)) {
        vm_raise(VM_TYPE(KeyError), "popitem(): dictionary is empty");
        return VM_NULL;
    }
    vm_value t = vm_tuple_new(2);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = k;
    vm_tuple_items(t)[1] = v;
    return vm_dict_delitem(d, k) < 0 ? VM_NULL : t;
}

static vm_value dict_clear_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return vm_dict_clear(args[0]) ? VM_NONE : vm_raise_nomem();
}

static vm_value dict_copy_of(vm_value d)
{
    vm_value snap = dict_snapshot(d);
    vm_value r = snap ? dict_of_type(VM_NULL) : VM_NULL;
    if (!r || dict_add_snapshot(r, snap) < 0)
        return VM_NULL;
    return r;
}

static vm_value dict_copy(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return dict_copy_of(args[0]);
}

static vm_value dict_fromkeys(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    vm_value cls = args[0], value = nargs > 2 ? args[2] : VM_NONE;
    vm_value d = vm_call0(cls);
    if (!d)
        return VM_NULL;
    bool plain = vm_is_type(d, VM_T_DICT);
    vm_value it = vm_iter(args[1]);
    if (!it)
        return VM_NULL;
    for (;;) {
        vm_value k = vm_next(it);
        if (!k)
            return vm_error_pending() ? VM_NULL : d;
        if (plain ? vm_dict_setitem(d, k, value) < 0 : vm_setitem(d, k, value) < 0)
            return VM_NULL;
    }
}

static vm_value dict_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value d = args[0];
    if (vm_dict_len(d) == 0)
        return vm_str_c("{}");
    int r = vm_repr_enter(d);
    if (r != 0)
        return r > 0 ? vm_str_c("{...}") : VM_NULL;
    vm_value snap = dict_snapshot(d);
    vm_value s = VM_NULL;
    if (snap) {
        vm_buf b = {0};
        vm_buf_put(&b, "{", 1);
        int64_t n = vm_tuple_length(snap);
        bool ok = true;
        for (int64_t i = 0; i < n && ok; i += 2) {
            if (i)
                vm_buf_put(&b, ", ", 2);
            vm_value kr = vm_repr(vm_tuple_items(snap)[i]);
            vm_value vr = kr ? vm_repr(vm_tuple_items(snap)[i + 1]) : VM_NULL;
            if (!vr) {
                ok = false;
                break;
            }
            vm_buf_put_str(&b, kr);
            vm_buf_put(&b, ": ", 2);
            vm_buf_put_str(&b, vr);
        }
        if (ok) {
            vm_buf_put(&b, "}", 1);
            s = cont_buf_str(&b);
        } else {
            vm_buf_free(&b);
        }
    }
    vm_repr_leave(d);
    return s;
}

static vm_value dict_richcompare(vm_value a, vm_value b, int op)
{
    if (!is_dict(b) || (op != VM_CMP_EQ && op != VM_CMP_NE))
        return VM_NOTIMPLEMENTED;
    bool eq = true;
    if (vm_dict_len(a) != vm_dict_len(b)) {
        eq = false;
    } else {
        vm_value snap = dict_snapshot(a);
        if (!snap)
            return VM_NULL;
        int64_t n = vm_tuple_length(snap);
        for (int64_t i = 0; i < n && eq; i += 2) {
            vm_value bv = vm_dict_getitem(b, vm_tuple_items(snap)[i]);
            if (!bv) {
                if (vm_error_pending())
                    return VM_NULL;
                eq = false;
                break;
            }
            int e = vm_eq(vm_tuple_items(snap)[i + 1], bv);
            if (e < 0)
                return VM_NULL;
            eq = e;
        }
    }
    return cont_bool(op == VM_CMP_EQ ? eq : !eq);
}

CMP_FUNCS(dict, dict_richcompare)

static vm_value dict_or(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    if (!is_dict(args[0]) || !is_dict(args[1]))
        return VM_NOTIMPLEMENTED;
    vm_value r = dict_copy_of(args[0]);
    if (!r || vm_dict_update(r, args[1]) < 0)
        return VM_NULL;
    return r;
}

static vm_value dict_ror(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    if (!is_dict(args[1]))
        return VM_NOTIMPLEMENTED;
    vm_value r = dict_copy_of(args[1]);
    if (!r || vm_dict_update(r, args[0]) < 0)
        return VM_NULL;
    return r;
}

static vm_value dict_ior(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return vm_dict_update(args[0], args[1]) < 0 ? VM_NULL : args[0];
}

static vm_value dict_sizeof(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    stm_read((stm_ref)args[0]);
    return vm_small(48 + 8 * ((vm_dict *)vm_obj(args[0]))->size * 4);
}

/* ---------------------------------------------------------------------------------------
 * Iterators (dict and set) and views
 */
enum { KIND_KEYS, KIND_VALUES, KIND_ITEMS };
enum { DICTIT_F_REV = DICTIT_NFIELDS };     /* a fifth field: 1 when reversed */

static vm_value dictiter_new(vm_builtin_type t, vm_value d, bool rev)
{
    vm_value it = vm_obj_new(VM_TYPE_I(t), DICTIT_NFIELDS + 1);
    if (!it)
        return vm_raise_nomem();
    int64_t n = vm_dict_len(d);
    vm_fields(it)[DICTIT_F_DICT] = d;
    vm_fields(it)[DICTIT_F_POS] = vm_small(rev ? vm_dict_end(d) : 0);
    vm_fields(it)[DICTIT_F_USED] = vm_small(n);
    vm_fields(it)[DICTIT_F_LEFT] = vm_small(n);
    vm_fields(it)[DICTIT_F_REV] = vm_small(rev);
    return it;
}

vm_value cont_dictiter_next(vm_value it)
{
    stm_read((stm_ref)it);
    vm_value *f = vm_fields(it);
    vm_value d = f[DICTIT_F_DICT];
    if (!d)
        return VM_NULL;
    int64_t used = vm_small_value(f[DICTIT_F_USED]);
    if (used != vm_dict_len(d)) {
        vm_raise(VM_TYPE(RuntimeError), "dictionary changed size during iteration");
        vm_set_field(it, DICTIT_F_USED, vm_small(-1));
        return VM_NULL;
    }
    int64_t pos = vm_small_value(f[DICTIT_F_POS]);
    vm_value k, v;
    bool found = f[DICTIT_F_REV] == vm_small(1) ? vm_dict_prev(d, &pos, &k, &v)
                                                : vm_dict_next(d, &pos, &k, &v);
    if (!found) {
        vm_set_field(it, DICTIT_F_DICT, VM_NULL);
        return VM_NULL;
    }
    int64_t left = vm_small_value(f[DICTIT_F_LEFT]);
    if (left == 0) {
        vm_raise(VM_TYPE(RuntimeError), "dictionary keys changed during iteration");
        vm_set_field(it, DICTIT_F_DICT, VM_NULL);
        return VM_NULL;
    }
    stm_write((stm_ref)it);
    f = vm_fields(it);
    f[DICTIT_F_POS] = vm_small(pos);
    f[DICTIT_F_LEFT] = vm_small(left - 1);
    if (vm_is_type(it, VM_T_DICT_KEYITERATOR))
        return k;
    if (vm_is_type(it, VM_T_DICT_VALUEITERATOR))
        return v;
    vm_value t = vm_tuple_new(2);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = k;
    vm_tuple_items(t)[1] = v;
    return t;
}


static vm_value dictiter_length_hint(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value it = args[0];
    vm_value d = vm_field(it, DICTIT_F_DICT);
    if (!d || vm_small_value(vm_field(it, DICTIT_F_USED)) != vm_dict_len(d))
        return vm_small(0);
    return vm_field(it, DICTIT_F_LEFT);
}

static vm_value dict_iter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return dictiter_new(VM_T_DICT_KEYITERATOR, args[0], false);
}

static vm_value dict_reversed(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return dictiter_new(VM_T_DICT_KEYITERATOR, args[0], true);
}

static vm_value view_new(vm_builtin_type t, vm_value d)
{
    vm_value v = vm_obj_new(VM_TYPE_I(t), VIEW_NFIELDS);
    if (!v)
        return vm_raise_nomem();
    vm_fields(v)[VIEW_F_DICT] = d;
    return v;
}

static vm_value dict_keys(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return view_new(VM_T_DICT_KEYS, args[0]);
}

static vm_value dict_values(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return view_new(VM_T_DICT_VALUES, args[0]);
}

static vm_value dict_items(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return view_new(VM_T_DICT_ITEMS, args[0]);
}

static vm_value view_dict(vm_value v) { return vm_fields(v)[VIEW_F_DICT]; }

static vm_builtin_type view_iter_type(vm_value v)
{
    return vm_is_type(v, VM_T_DICT_KEYS)     ? VM_T_DICT_KEYITERATOR
           : vm_is_type(v, VM_T_DICT_VALUES) ? VM_T_DICT_VALUEITERATOR
                                             : VM_T_DICT_ITEMITERATOR;
}

static vm_value view_len(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return vm_small(vm_dict_len(view_dict(args[0])));
}

static vm_value view_iter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return dictiter_new(view_iter_type(args[0]), view_dict(args[0]), false);
}

static vm_value view_reversed(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return dictiter_new(view_iter_type(args[0]), view_dict(args[0]), true);
}

static vm_value view_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value v = args[0];
    int r = vm_repr_enter(v);
    if (r != 0)
        return r > 0 ? vm_str_c("...") : VM_NULL;
    vm_value l = vm_list_from_iterable(v);
    vm_value lr = l ? vm_repr(l) : VM_NULL;
    vm_repr_leave(v);
    if (!lr)
        return VM_NULL;
    vm_buf b = {0};
    vm_type_name(vm_type_of(v), &b);
    vm_buf_put(&b, "(", 1);
    vm_buf_put_str(&b, lr);
    vm_buf_put(&b, ")", 1);
    return cont_buf_str(&b);
}

/* (key, value) in items view */
static int items_contains(vm_value d, vm_value item)
{
    if (!vm_has_layout(item, VM_L_TUPLE) || vm_tuple_length(item) != 2)
        return 0;
    vm_value v = vm_dict_getitem(d, vm_tuple_items(item)[0]);
    if (!v)
        return vm_error_pending() ? -1 : 0;
    return vm_eq(v, vm_tuple_items(item)[1]);
}

static int view_contains_c(vm_value view, vm_value x)
{
    vm_value d = view_dict(view);
    if (vm_is_type(view, VM_T_DICT_ITEMS))
        return items_contains(d, x);
    if (vm_is_type(view, VM_T_DICT_KEYS)) {
        vm_value v = vm_dict_getitem(d, x);
        return v ? 1 : vm_error_pending() ? -1 : 0;
    }
    /* values: a linear search */
    vm_value snap = dict_snapshot(d);
    if (!snap)
        return -1;
    int64_t n = vm_tuple_length(snap);
    for (int64_t i = 1; i < n; i += 2) {
        int e = vm_eq(vm_tuple_items(snap)[i], x);
        if (e)
            return e;
    }
    return 0;
}

static vm_value view_contains(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    int r = view_contains_c(args[0], args[1]);
    return r < 0 ? VM_NULL : cont_bool(r);
}


static bool is_setlike_view(vm_value v)
{
    return vm_is_type(v, VM_T_DICT_KEYS) || vm_is_type(v, VM_T_DICT_ITEMS);
}

/* Set operations: set(a) op b, where a is a view or any iterable (dictviews_to_set). */
static vm_value view_setop(vm_value a, vm_value b, int op)
{
    vm_value left = a;
    if (vm_is_type(a, VM_T_DICT_KEYS) && vm_is_type(view_dict(a), VM_T_DICT))
        left = view_dict(a);
    vm_value s = cont_set_from_iterable(VM_TYPE(SET), left);
    if (!s || cont_set_inplace(s, b, op) < 0)
        return VM_NULL;
    return s;
}

static int view_contains_c(vm_value view, vm_value x);

/* view & other (_PyDictView_Intersect): the items of the smaller side found in the
 * other. */
static vm_value view_intersect(vm_value self, vm_value other)
{
    if (!is_setlike_view(self)) {
        vm_value t = self;
        self = other;
        other = t;
    }
    int64_t len_self = vm_dict_len(view_dict(self));
    if (vm_is_type(other, VM_T_SET)) {
        int64_t n = vm_len(other);
        if (n < 0)
            return VM_NULL;
        if (len_self <= n)
            return vm_call_method(other, "intersection", &self, 1);
    }
    if (is_setlike_view(other) && vm_dict_len(view_dict(other)) > len_self) {
        vm_value t = self;
        self = other;
        other = t;
    }
    vm_value result = vm_set_new(VM_TYPE(SET));
    vm_value it = result ? vm_iter(other) : VM_NULL;
    if (!it)
        return VM_NULL;
    for (;;) {
        vm_value x = vm_next(it);
        if (!x)
            return vm_error_pending() ? VM_NULL : result;
        int c = view_contains_c(self, x);
        if (c < 0 || (c && vm_set_add(result, x) < 0))
            return VM_NULL;
    }
}

#define VIEW_SETOP(name, op, reflected)                                                    \
    static vm_value name(vm_value *args, int64_t nargs, vm_value kwnames)                  \
    {                                                                                      \
        (void)nargs;                                                                       \
        (void)kwnames;                                                                     \
        return reflected ? view_setop(args[1], args[0], op) : view_setop(args[0], args[1], op); \
    }
static vm_value view_and(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return view_intersect(args[0], args[1]);
}
static vm_value view_rand(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return view_intersect(args[1], args[0]);
}
VIEW_SETOP(view_or, '|', false)
VIEW_SETOP(view_ror, '|', true)
VIEW_SETOP(view_sub, '-', false)
VIEW_SETOP(view_rsub, '-', true)
VIEW_SETOP(view_xor, '^', false)
VIEW_SETOP(view_rxor, '^', true)
#undef VIEW_SETOP

/* Every item of a (a view or set) is in b. */
static int all_contained_in(vm_value a, vm_value b)
{
    vm_value it = vm_iter(a);
    if (!it)
        return -1;
    for (;;) {
        vm_value x = vm_next(it);
        if (!x)
            return vm_error_pending() ? -1 : 1;
        int c = is_setlike_view(b) ? view_contains_c(b, x) : vm_contains(b, x);
        if (c <= 0)
            return c;
    }
}

static vm_value view_richcompare(vm_value a, vm_value b, int op)
{
    if (!vm_is_anyset(b) && !is_setlike_view(b))
        return VM_NOTIMPLEMENTED;
    int64_t la = vm_len(a), lb = la < 0 ? -1 : vm_len(b);
    if (lb < 0)
        return VM_NULL;
    int r;
    switch (op) {
    case VM_CMP_EQ:
    case VM_CMP_NE:
        r = la == lb ? all_contained_in(a, b) : 0;
        if (r >= 0 && op == VM_CMP_NE)
            r = !r;
        break;
    case VM_CMP_LT: r = la < lb ? all_contained_in(a, b) : 0; break;
    case VM_CMP_LE: r = la <= lb ? all_contained_in(a, b) : 0; break;
    case VM_CMP_GT: r = la > lb ? all_contained_in(b, a) : 0; break;
    default: r = la >= lb ? all_contained_in(b, a) : 0; break;
    }
    return r < 0 ? VM_NULL : cont_bool(r);
}

CMP_FUNCS(view, view_richcompare)

static vm_value view_isdisjoint(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value it = vm_iter(args[1]);
    if (!it)
        return VM_NULL;
    for (;;) {
        vm_value x = vm_next(it);
        if (!x)
            return vm_error_pending() ? VM_NULL : VM_TRUE;
        int c = view_contains_c(args[0], x);
        if (c < 0)
            return VM_NULL;
        if (c)
            return VM_FALSE;
    }
}

static vm_value view_mapping(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    /* TODO: a read-only mappingproxy; the dict itself meanwhile */
    return view_dict(args[0]);
}

static const vm_method_def dict_methods[] = {
    {"__new__", dict_new_m, 1, -1, VM_METH_STATIC, NULL},
    {"__init__", dict_init, 1, -1, 0, NULL},
    {"keys", dict_keys, 1, 1, VM_METH_NOKW, NULL},
    {"values", dict_values, 1, 1, VM_METH_NOKW, NULL},
    {"items", dict_items, 1, 1, VM_METH_NOKW, NULL},
    {"get", dict_get, 2, 3, VM_METH_NOKW, NULL},
    {"setdefault", dict_setdefault, 2, 3, VM_METH_NOKW, NULL},
    {"pop", dict_pop, 2, 3, VM_METH_NOKW, NULL},
    {"popitem", dict_popitem, 1, 1, VM_METH_NOKW, NULL},
    {"update", dict_update_m, 1, -1, 0, NULL},
    {"clear", dict_clear_m, 1, 1, VM_METH_NOKW, NULL},
    {"copy", dict_copy, 1, 1, VM_METH_NOKW, NULL},
    {"fromkeys", dict_fromkeys, 2, 3, VM_METH_NOKW | VM_METH_CLASS, NULL},
    {"__len__", dict_len, 1, 1, VM_METH_NOKW, NULL},
    {"__getitem__", dict_getitem, 2, 2, VM_METH_NOKW, NULL},
    {"__setitem__", dict_setitem, 3, 3, VM_METH_NOKW, NULL},
    {"__delitem__", dict_delitem, 2, 2, VM_METH_NOKW, NULL},
    {"__contains__", dict_contains, 2, 2, VM_METH_NOKW, NULL},
    {"__iter__", dict_iter, 1, 1, VM_METH_NOKW, NULL},
    {"__reversed__", dict_reversed, 1, 1, VM_METH_NOKW, NULL},
    CMP_DEFS(dict),
    {"__or__", dict_or, 2, 2, VM_METH_NOKW, NULL},
    {"__ror__", dict_ror, 2, 2, VM_METH_NOKW, NULL},
    {"__ior__", dict_ior, 2, 2, VM_METH_NOKW, NULL},
    {"__repr__", dict_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__sizeof__", dict_sizeof, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

static const vm_method_def view_methods[] = {
    {"__len__", view_len, 1, 1, VM_METH_NOKW, NULL},
    {"__iter__", view_iter, 1, 1, VM_METH_NOKW, NULL},
    {"__reversed__", view_reversed, 1, 1, VM_METH_NOKW, NULL},
    {"__contains__", view_contains, 2, 2, VM_METH_NOKW, NULL},
    {"__repr__", view_repr, 1, 1, VM_METH_NOKW, NULL},
    {"mapping", view_mapping, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

static const vm_method_def setview_methods[] = {
    {"__and__", view_and, 2, 2, VM_METH_NOKW, NULL},
    {"__rand__", view_rand, 2, 2, VM_METH_NOKW, NULL},
    {"__or__", view_or, 2, 2, VM_METH_NOKW, NULL},
    {"__ror__", view_ror, 2, 2, VM_METH_NOKW, NULL},
    {"__sub__", view_sub, 2, 2, VM_METH_NOKW, NULL},
    {"__rsub__", view_rsub, 2, 2, VM_METH_NOKW, NULL},
    {"__xor__", view_xor, 2, 2, VM_METH_NOKW, NULL},
    {"__rxor__", view_rxor, 2, 2, VM_METH_NOKW, NULL},
    CMP_DEFS(view),
    {"isdisjoint", view_isdisjoint, 2, 2, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

static const vm_method_def dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

void cont_init_dict(void)
{
    vm_type_add_methods(VM_TYPE(DICT), dict_methods);
    stm_read((stm_ref)VM_TYPE(DICT));
    vm_dict_setitem_c(TY(VM_TYPE(DICT))->dict, "__hash__", VM_NONE);
    static const vm_builtin_type views[] = {VM_T_DICT_KEYS, VM_T_DICT_VALUES, VM_T_DICT_ITEMS};
    for (size_t i = 0; i < 3; i++) {
        vm_type_add_methods(VM_TYPE_I(views[i]), view_methods);
        if (views[i] != VM_T_DICT_VALUES) {
            vm_type_add_methods(VM_TYPE_I(views[i]), setview_methods);
            stm_read((stm_ref)VM_TYPE_I(views[i]));
            vm_dict_setitem_c(TY(VM_TYPE_I(views[i]))->dict, "__hash__", VM_NONE);
        }
    }
    static const vm_builtin_type iters[] = {VM_T_DICT_KEYITERATOR, VM_T_DICT_VALUEITERATOR,
                                            VM_T_DICT_ITEMITERATOR};
    for (size_t i = 0; i < 3; i++) {
        vm_type_add_methods(VM_TYPE_I(iters[i]), cont_iter_methods);
        vm_type_add_methods(VM_TYPE_I(iters[i]), dictiter_methods);
    }
}

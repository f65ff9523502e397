/* vm/containers.c — the containers and iterators: what their files share (indexes,
 * slices, reprs, lexicographic comparison) and vm_init_containers.  The types live in
 * containers_list.c (list, tuple, sort), containers_dict.c (dict, its views and
 * iterators), containers_set.c (set, frozenset) and containers_iter.c (range, slice,
 * enumerate, zip, map, filter, reversed, the iterators and vm_builtin_next). */
#include <string.h>

#include "vm/containers_internal.h"

/* ---------------------------------------------------------------------------------------
 * Indexes and slices
 */
int cont_index(vm_value v, int64_t *out)
{
    if (vm_is_small(v)) {
        *out = vm_small_value(v);
        return 1;
    }
    if (v == VM_TRUE || v == VM_FALSE) {
        *out = v == VM_TRUE;
        return 1;
    }
    if (!vm_is_int(v)) {
        if (!vm_type_lookup_c(vm_type_of(v), "__index__"))
            return 0;
        v = vm_index_value(v);
        if (!v)
            return -1;
        if (vm_is_small(v)) {
            *out = vm_small_value(v);
            return 1;
        }
        if (v == VM_TRUE || v == VM_FALSE) {
            *out = v == VM_TRUE;
            return 1;
        }
    }
    uint32_t tmp[2];
    vm_bigint b;
    vm_int_view(v, &b, tmp);
    if (vm_bigint_to_int64(&b, out))
        return 1;
    vm_raise(VM_TYPE(IndexError), "cannot fit '%T' into an index-sized integer", v);
    return -1;
}

/* A slice bound: None -> def; an integer clamped to int64 (_PyEval_SliceIndex). */
static bool slice_bound(vm_value v, int64_t def, int64_t *out)
{
    if (v == VM_NONE) {
        *out = def;
        return true;
    }
    if (vm_is_small(v)) {
        *out = vm_small_value(v);
        return true;
    }
    if (!vm_is_int(v) && !vm_type_lookup_c(vm_type_of(v), "__index__")) {
        vm_raise(VM_TYPE(TypeError),
                 "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    return vm_index_clamped(v, out);
}

bool cont_slice_unpack(vm_value slice, int64_t *start, int64_t *stop, int64_t *step)
{
    vm_value f0 = vm_fields(slice)[SLICE_F_START], f1 = vm_fields(slice)[SLICE_F_STOP],
             f2 = vm_fields(slice)[SLICE_F_STEP];
    if (!slice_bound(f2, 1, step))
        return false;
    if (*step == 0) {
        vm_raise(VM_TYPE(ValueError), "slice step cannot be zero");
        return false;
    }
    if (*step < -INT64_MAX)
        *step = -INT64_MAX;
    if (!slice_bound(f0, *step < 0 ? INT64_MAX : 0, start))
        return false;
    return slice_bound(f1, *step < 0 ? INT64_MIN : INT64_MAX, stop);
}

int64_t cont_slice_adjust(int64_t len, int64_t *start, int64_t *stop, int64_t step)
{
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= len) {
        *start = step < 0 ? len - 1 : len;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= len) {
        *stop = step < 0 ? len - 1 : len;
    }
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

bool vm_slice_indices(vm_value slice, int64_t length, int64_t *start, int64_t *stop,
                      int64_t *step, int64_t *slicelength)
{
    if (!cont_slice_unpack(slice, start, stop, step))
        return false;
    *slicelength = cont_slice_adjust(length, start, stop, *step);
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Operators, reprs, comparison
 */
bool cont_other_may_reflect(vm_value other, const char *rname)
{
    vm_value t = vm_type_of(other);
    stm_read((stm_ref)t);
    if (!(TY(t)->flags & VM_TPFLAG_HEAPTYPE))
        return false;
    return vm_type_lookup_c(t, rname) != VM_NULL;
}

vm_value cont_buf_str(vm_buf *b)
{
    vm_value s = vm_str_from_utf8(b->data ? b->data : "", b->len);
    vm_buf_free(b);
    return s ? s : vm_raise_nomem();
}

vm_value cont_repr_items(const char *open, vm_value items, const char *close)
{
    int64_t n = vm_tuple_length(items);
    vm_buf b = {0};
    vm_buf_puts(&b, open);
    for (int64_t i = 0; i < n; i++) {
        if (i)
            vm_buf_put(&b, ", ", 2);
        vm_value r = vm_repr(vm_tuple_items(items)[i]);
        if (!r) {
            vm_buf_free(&b);
            return VM_NULL;
        }
        vm_buf_put_str(&b, r);
    }
    vm_buf_puts(&b, close);
    return cont_buf_str(&b);
}

vm_value cont_seq_compare(vm_value ta, vm_value tb, int op)
{
    int64_t i = 0, na = vm_tuple_length(ta), nb = vm_tuple_length(tb);
    for (; i < na && i < nb; i++) {
        vm_value x = vm_tuple_items(ta)[i], y = vm_tuple_items(tb)[i];
        if (x == y)
            continue;
        int eq = vm_eq(x, y);
        if (eq < 0)
            return VM_NULL;
        if (!eq)
            break;
    }
    if (i >= na || i >= nb) {
        bool r;
        switch (op) {
        case VM_CMP_LT: r = na < nb; break;
        case VM_CMP_LE: r = na <= nb; break;
        case VM_CMP_EQ: r = na == nb; break;
        case VM_CMP_NE: r = na != nb; break;
        case VM_CMP_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        return cont_bool(r);
    }
    if (op == VM_CMP_EQ)
        return VM_FALSE;
    if (op == VM_CMP_NE)
        return VM_TRUE;
    return vm_compare(vm_tuple_items(ta)[i], vm_tuple_items(tb)[i], op);
}

void cont_raise_stop(void)
{
    vm_value args = vm_tuple_new(0);
    vm_value e = args ? vm_exc_new(VM_TYPE(StopIteration), args) : VM_NULL;
    if (e)
        vm_raise_value(e);
    else
        vm_raise_nomem();
}

/* ---------------------------------------------------------------------------------------
 * Start-up
 */
static vm_value class_getitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return vm_generic_alias(args[0], args[1]);
}

static const vm_method_def class_getitem_defs[] = {
    {"__class_getitem__", class_getitem, 2, 2, VM_METH_NOKW | VM_METH_CLASS, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

void vm_init_containers(void)
{
    cont_init_list();
    cont_init_dict();
    cont_init_set();
    cont_init_iter();
    static const vm_builtin_type generic[] = {VM_T_LIST, VM_T_TUPLE, VM_T_DICT, VM_T_SET,
                                              VM_T_FROZENSET, VM_T_ENUMERATE};
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
        vm_type_add_methods(VM_TYPE_I(generic[i]), class_getitem_defs);
}

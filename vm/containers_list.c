/* vm/containers_list.c — list and tuple: their methods and dunders, their iterators'
 * next, and sort.
 *
 * Values read out of a list are only ever held in C locals or in tuples made from the
 * list (snapshots): a call that may run Python code (__eq__, __lt__, a key function) can
 * mutate the list, collect garbage and move young objects, so no raw pointer into a heap
 * object is kept across one (refs on the C stack are found by the conservative scan).
 *
 * Sort is a stable merge sort over a permutation of indexes (plain C integers the GC
 * never needs to see) comparing a tuple of keys: runs already in order are not merged
 * (sorted input costs n comparisons), and lists of only small ints, floats or str compare
 * without going through vm_compare_bool.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/containers_internal.h"

static bool is_list(vm_value v) { return vm_has_layout(v, VM_L_LIST); }
static bool is_tuple(vm_value v) { return vm_has_layout(v, VM_L_TUPLE); }

/* An integer argument (list.insert, pop, __mul__...): CPython's messages. */
static bool arg_ssize(vm_value v, int64_t *out, bool overflow_as_index)
{
    int r = cont_index(v, out);
    if (r > 0)
        return true;
    if (r == 0) {
        vm_raise(VM_TYPE(TypeError), "'%T' object cannot be interpreted as an integer", v);
        return false;
    }
    if (!overflow_as_index && vm_exc_matches(VM_TYPE(IndexError)))
        vm_raise(VM_TYPE(OverflowError), "Python int too large to convert to C ssize_t");
    else if (overflow_as_index && vm_exc_matches(VM_TYPE(IndexError)))
        vm_raise(VM_TYPE(OverflowError), "cannot fit 'int' into an index-sized integer");
    return false;
}

vm_value cont_list_snapshot(vm_value list)
{
    int64_t n = vm_list_len(list);
    vm_value t = vm_tuple_new((size_t)n);
    if (!t)
        return vm_raise_nomem();
    for (int64_t i = 0; i < n; i++)
        vm_tuple_items(t)[i] = vm_list_get(list, i);
    return t;
}

vm_value vm_list_as_tuple(vm_value list) { return cont_list_snapshot(list); }

/* A list of type cls (list or a subclass), empty. */
static vm_value list_of_type(vm_value cls, int64_t capacity)
{
    vm_value l = vm_list_new(capacity);
    if (!l)
        return vm_raise_nomem();
    if (cls && cls != VM_TYPE(LIST))
        ((vm_object *)vm_obj(l))->type = (stm_ref)cls;      /* young: no barrier */
    return l;
}

/* A list of a tuple's items. */
static vm_value list_from_tuple(vm_value t)
{
    int64_t n = vm_tuple_length(t);
    vm_value l = list_of_type(VM_NULL, n);
    if (l && n && !vm_list_replace(l, 0, 0, t))
        return vm_raise_nomem();
    return l;
}

int vm_list_extend(vm_value list, vm_value iterable)
{
    vm_value t = VM_NULL;
    if (is_list(iterable) && vm_is_type(iterable, VM_T_LIST))
        t = cont_list_snapshot(iterable);
    else if (vm_is_type(iterable, VM_T_TUPLE))
        t = iterable;
    if (t) {
        int64_t n = vm_list_len(list);
        if (!vm_list_replace(list, n, n, t)) {
            vm_raise_nomem();
            return -1;
        }
        return 0;
    }
    if (vm_error_pending())
        return -1;
    if (vm_is_type(iterable, VM_T_RANGE))
        return cont_range_extend(list, iterable);
    vm_value it = vm_iter(iterable);
    if (!it)
        return -1;
    for (;;) {
        vm_value x = vm_next(it);
        if (!x)
            return vm_error_pending() ? -1 : 0;
        if (!vm_list_append(list, x)) {
            vm_raise_nomem();
            return -1;
        }
    }
}

/* ---------------------------------------------------------------------------------------
 * list methods
 */
static vm_value list_new(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return list_of_type(args[0], 0);
}

static vm_value list_init(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (kwnames && vm_tuple_length(kwnames)) {
        vm_raise(VM_TYPE(TypeError), "list() takes no keyword arguments");
        return VM_NULL;
    }
    if (nargs > 2) {
        vm_raise(VM_TYPE(TypeError), "list expected at most 1 argument, got %d", (int)(nargs - 1));
        return VM_NULL;
    }
    vm_list_clear(args[0]);
    if (nargs == 2 && vm_list_extend(args[0], args[1]) < 0)
        return VM_NULL;
    return VM_NONE;
}

static vm_value list_append(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    if (!vm_list_append(args[0], args[1]))
        return vm_raise_nomem();
    return VM_NONE;
}

static vm_value list_extend(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return vm_list_extend(args[0], args[1]) < 0 ? VM_NULL : VM_NONE;
}

static vm_value list_insert(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    int64_t i;
    if (!arg_ssize(args[1], &i, false))
        return VM_NULL;
    if (!vm_list_insert(args[0], i, args[2]))
        return vm_raise_nomem();
    return VM_NONE;
}

static vm_value list_pop(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    int64_t i = -1;
    if (nargs > 1 && !arg_ssize(args[1], &i, false))
        return VM_NULL;
    int64_t n = vm_list_len(args[0]);
    if (n == 0) {
        vm_raise(VM_TYPE(IndexError), "pop from empty list");
        return VM_NULL;
    }
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        vm_raise(VM_TYPE(IndexError), "pop index out of range");
        return VM_NULL;
    }
    return vm_list_pop(args[0], i);
}

static vm_value list_clear_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_list_clear(args[0]);
    return VM_NONE;
}

static vm_value list_copy(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value t = cont_list_snapshot(args[0]);
    return t ? list_from_tuple(t) : VM_NULL;
}

/* Index of the first item == x in [start, stop), -1 if none, -2 on error. */
static int64_t list_find(vm_value l, vm_value x, int64_t start, int64_t stop)
{
    for (int64_t i = start; i < stop && i < vm_list_len(l); i++) {
        vm_value y = vm_list_get(l, i);
        if (y == x)
            return i;
        int eq = vm_eq(y, x);
        if (eq < 0)
            return -2;
        if (eq)
            return i;
    }
    return -1;
}

/* start/stop of index() (_PyEval_SliceIndexNotNone), adjusted to the length. */
static bool index_bounds(vm_value *args, int64_t nargs, int64_t len, int64_t *start,
                         int64_t *stop)
{
    *start = 0;
    *stop = INT64_MAX;
    for (int k = 0; k < 2 && k + 2 < nargs; k++) {
        vm_value v = args[k + 2];
        int64_t *out = k ? stop : start;
        if (!vm_is_small(v) && !vm_is_int(v) && !vm_type_lookup_c(vm_type_of(v), "__index__")) {
            vm_raise(VM_TYPE(TypeError),
                     "slice indices must be integers or have an __index__ method");
            return false;
        }
        if (vm_is_small(v))
            *out = vm_small_value(v);
        else if (!vm_index_clamped(v, out))
            return false;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0)
            *stop = 0;
    }
    return true;
}

static vm_value list_index(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    int64_t start, stop;
    if (!index_bounds(args, nargs, vm_list_len(args[0]), &start, &stop))
        return VM_NULL;
    int64_t i = list_find(args[0], args[1], start, stop);
    if (i == -2)
        return VM_NULL;
    if (i < 0) {
        vm_raise(VM_TYPE(ValueError), "%R is not in list", args[1]);
        return VM_NULL;
    }
    return vm_small(i);
}

static vm_value list_count(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    int64_t count = 0;
    for (int64_t i = 0; i < vm_list_len(args[0]); i++) {
        vm_value y = vm_list_get(args[0], i);
        int eq = y == args[1] ? 1 : vm_eq(y, args[1]);
        if (eq < 0)
            return VM_NULL;
        count += eq;
    }
    return vm_small(count);
}

static vm_value list_remove(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    int64_t i = list_find(args[0], args[1], 0, INT64_MAX);
    if (i == -2)
        return VM_NULL;
    if (i < 0) {
        vm_raise(VM_TYPE(ValueError), "list.remove(x): x not in list");
        return VM_NULL;
    }
    vm_list_pop(args[0], i);
    return VM_NONE;
}

static void list_reverse_range(vm_value l, int64_t lo, int64_t hi)
{
    for (hi--; lo < hi; lo++, hi--) {
        vm_value a = vm_list_get(l, lo), b = vm_list_get(l, hi);
        vm_list_set(l, lo, b);
        vm_list_set(l, hi, a);
    }
}

static vm_value list_reverse(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    list_reverse_range(args[0], 0, vm_list_len(args[0]));
    return VM_NONE;
}

static vm_value list_sort_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (nargs > 1) {
        vm_raise(VM_TYPE(TypeError), "sort() takes no positional arguments");
        return VM_NULL;
    }
    static const char *const names[] = {"key", "reverse"};
    vm_value out[2];
    if (!vm_bind_args("sort", args + 1, 0, kwnames, names, 2, 0, 0, out))
        return VM_NULL;
    bool reverse = false;
    if (out[1]) {
        int64_t r;
        if (!arg_ssize(out[1], &r, false))
            return VM_NULL;
        reverse = r != 0;
    }
    return vm_list_sort(args[0], out[0], reverse) < 0 ? VM_NULL : VM_NONE;
}

static vm_value list_len(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return vm_small(vm_list_len(args[0]));
}

/* A new list of n items of l: start, start + step, ... */
static vm_value list_slice(vm_value l, int64_t start, int64_t step, int64_t n)
{
    vm_value r = list_of_type(VM_NULL, n);
    if (!r)
        return VM_NULL;
    for (int64_t i = 0; i < n; i++)
        vm_list_append(r, vm_list_get(l, start + i * step));
    return r;
}

static vm_value list_getitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value l = args[0], key = args[1];
    int64_t i;
    if (vm_is_small(key)) {
        i = vm_small_value(key);
    } else if (cont_is_slice(key)) {
        int64_t start, stop, step;
        if (!cont_slice_unpack(key, &start, &stop, &step))
            return VM_NULL;
        int64_t n = cont_slice_adjust(vm_list_len(l), &start, &stop, step);
        return list_slice(l, start, step, n);
    } else {
        int r = cont_index(key, &i);
        if (r < 0)
            return VM_NULL;
        if (r == 0) {
            vm_raise(VM_TYPE(TypeError), "list indices must be integers or slices, not %T", key);
            return VM_NULL;
        }
    }
    int64_t n = vm_list_len(l);
    if (i < 0)
        i += n;
    if ((uint64_t)i >= (uint64_t)n) {
        vm_raise(VM_TYPE(IndexError), "list index out of range");
        return VM_NULL;
    }
    return vm_list_get(l, i);
}

/* l[slice] = value (value VM_NULL: del). */
static bool list_ass_slice(vm_value l, vm_value slice, vm_value value)
{
    int64_t start, stop, step;
    if (!cont_slice_unpack(slice, &start, &stop, &step))
        return false;
    int64_t len = vm_list_len(l);
    int64_t n = cont_slice_adjust(len, &start, &stop, step);
    vm_value t = VM_NULL;
    if (value) {
        if (is_list(value))
            t = cont_list_snapshot(value);
        else if (is_tuple(value))
            t = value;
        else {
            vm_value it = vm_iter(value);
            if (!it) {
                if (step == 1 && vm_exc_matches(VM_TYPE(TypeError)))
                    vm_raise(VM_TYPE(TypeError), "can only assign an iterable");
                else if (step != 1 && vm_exc_matches(VM_TYPE(TypeError)))
                    vm_raise(VM_TYPE(TypeError), "must assign iterable to extended slice");
                return false;
            }
            t = vm_tuple_from_iterable(it);
        }
        if (!t)
            return false;
        /* making the items may have changed the list: adjust again */
        if (!cont_slice_unpack(slice, &start, &stop, &step))
            return false;
        len = vm_list_len(l);
        n = cont_slice_adjust(len, &start, &stop, step);
    }
    if (step == 1) {
        if (stop < start)
            stop = start;
        if (!vm_list_replace(l, start, stop, t)) {
            vm_raise_nomem();
            return false;
        }
        return true;
    }
    if (value) {
        int64_t m = vm_tuple_length(t);
        if (m != n) {
            vm_raise(VM_TYPE(ValueError),
                     "attempt to assign sequence of size %zd to extended slice of size %zd",
                     (ssize_t)m, (ssize_t)n);
            return false;
        }
        for (int64_t k = 0; k < n; k++)
            vm_list_set(l, start + k * step, vm_tuple_items(t)[k]);
        return true;
    }
    if (n == 0)
        return true;
    /* an extended del: keep the others, in order */
    if (step < 0) {
        start = start + step * (n - 1);
        step = -step;
    }
    vm_value keep = vm_tuple_new((size_t)(len - n));
    if (!keep) {
        vm_raise_nomem();
        return false;
    }
    int64_t j = 0;
    for (int64_t i = 0; i < len; i++) {
        if (i >= start && (i - start) % step == 0 && (i - start) / step < n)
            continue;
        vm_tuple_items(keep)[j++] = vm_list_get(l, i);
    }
    if (!vm_list_replace(l, 0, len, keep)) {
        vm_raise_nomem();
        return false;
    }
    return true;
}

static vm_value list_ass_item(vm_value l, vm_value key, vm_value value)
{
    int64_t i;
    if (vm_is_small(key)) {
        i = vm_small_value(key);
    } else if (cont_is_slice(key)) {
        return list_ass_slice(l, key, value) ? VM_NONE : VM_NULL;
    } else {
        int r = cont_index(key, &i);
        if (r < 0)
            return VM_NULL;
        if (r == 0) {
            vm_raise(VM_TYPE(TypeError), "list indices must be integers or slices, not %T", key);
            return VM_NULL;
        }
    }
    int64_t n = vm_list_len(l);
    if (i < 0)
        i += n;
    if ((uint64_t)i >= (uint64_t)n) {
        vm_raise(VM_TYPE(IndexError), "list assignment index out of range");
        return VM_NULL;
    }
    if (value)
        vm_list_set(l, i, value);
    else
        vm_list_pop(l, i);
    return VM_NONE;
}

static vm_value list_setitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return list_ass_item(args[0], args[1], args[2]);
}

static vm_value list_delitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return list_ass_item(args[0], args[1], VM_NULL);
}

static vm_value list_contains(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    int64_t i = list_find(args[0], args[1], 0, INT64_MAX);
    return i == -2 ? VM_NULL : cont_bool(i >= 0);
}

vm_value cont_seqiter_new(vm_builtin_type t, vm_value seq, int64_t index)
{
    vm_value it = vm_obj_new(VM_TYPE_I(t), SEQIT_NFIELDS);
    if (!it)
        return vm_raise_nomem();
    vm_fields(it)[SEQIT_F_SEQ] = seq;
    vm_fields(it)[SEQIT_F_INDEX] = vm_small(index);
    return it;
}

static vm_value list_iter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return cont_seqiter_new(VM_T_LIST_ITERATOR, args[0], 0);
}

static vm_value list_reversed(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return cont_seqiter_new(VM_T_LIST_REVITERATOR, args[0], vm_list_len(args[0]) - 1);
}

vm_value cont_list_iter_next(vm_value it)
{
    vm_value *f = vm_fields(it);
    stm_read((stm_ref)it);
    int64_t i = vm_small_value(f[SEQIT_F_INDEX]);
    if (i < 0)
        return VM_NULL;
    vm_value l = f[SEQIT_F_SEQ];
    if (i < vm_list_len(l)) {
        vm_value x = vm_list_get(l, i);
        vm_set_field(it, SEQIT_F_INDEX, vm_small(i + 1));
        return x;
    }
    vm_set_field(it, SEQIT_F_INDEX, vm_small(-1));
    return VM_NULL;
}

vm_value cont_list_reviter_next(vm_value it)
{
    vm_value *f = vm_fields(it);
    stm_read((stm_ref)it);
    int64_t i = vm_small_value(f[SEQIT_F_INDEX]);
    if (i < 0)
        return VM_NULL;
    vm_value l = f[SEQIT_F_SEQ];
    if (i < vm_list_len(l)) {
        vm_value x = vm_list_get(l, i);
        vm_set_field(it, SEQIT_F_INDEX, vm_small(i - 1));
        return x;
    }
    vm_set_field(it, SEQIT_F_INDEX, vm_small(-1));
    return VM_NULL;
}

vm_value cont_tuple_iter_next(vm_value it)
{
    vm_value *f = vm_fields(it);
    stm_read((stm_ref)it);
    int64_t i = vm_small_value(f[SEQIT_F_INDEX]);
    vm_value t = f[SEQIT_F_SEQ];
    if (i < 0 || i >= vm_tuple_length(t)) {
        if (i >= 0)
            vm_set_field(it, SEQIT_F_INDEX, vm_small(-1));
        return VM_NULL;
    }
    vm_set_field(it, SEQIT_F_INDEX, vm_small(i + 1));
    return vm_tuple_items(t)[i];
}

/* n copies of a tuple's items, as a tuple; VM_NULL on error. */
static vm_value tuple_repeat_items(vm_value t, int64_t n)
{
    int64_t m = vm_tuple_length(t);
    if (n < 0)
        n = 0;
    if (m && n > INT64_MAX / 16 / m)
        return vm_raise_nomem();
    vm_value r = vm_tuple_new((size_t)(m * n));
    if (!r)
        return vm_raise_nomem();
    for (int64_t k = 0; k < n; k++)
        memcpy(vm_tuple_items(r) + k * m, vm_tuple_items(t), (size_t)m * sizeof(vm_value));
    return r;
}

static vm_value list_add(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value a = args[0], b = args[1];
    if (!is_list(b)) {
        if (cont_other_may_reflect(b, "__radd__"))
            return VM_NOTIMPLEMENTED;
        vm_raise(VM_TYPE(TypeError), "can only concatenate list (not \"%T\") to list", b);
        return VM_NULL;
    }
    int64_t na = vm_list_len(a), nb = vm_list_len(b);
    vm_value r = list_of_type(VM_NULL, na + nb);
    if (!r)
        return VM_NULL;
    for (int64_t i = 0; i < na; i++)
        vm_list_append(r, vm_list_get(a, i));
    for (int64_t i = 0; i < nb; i++)
        vm_list_append(r, vm_list_get(b, i));
    return r;
}

static vm_value list_iadd(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    if (vm_list_extend(args[0], args[1]) < 0)
        return VM_NULL;
    return args[0];
}

/* The count of seq * count: false with NotImplemented in *ni, or an exception. */
static bool repeat_count(vm_value count, int64_t *n, bool *ni)
{
    *ni = false;
    int r = cont_index(count, n);
    if (r > 0)
        return true;
    if (r < 0) {
        if (vm_exc_matches(VM_TYPE(IndexError)))
            vm_raise(VM_TYPE(OverflowError), "cannot fit 'int' into an index-sized integer");
        return false;
    }
    if (cont_other_may_reflect(count, "__rmul__")) {
        *ni = true;
        return false;
    }
    vm_raise(VM_TYPE(TypeError), "can't multiply sequence by non-int of type '%T'", count);
    return false;
}

static vm_value list_mul(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    int64_t n;
    bool ni;
    if (!repeat_count(args[1], &n, &ni))
        return ni ? VM_NOTIMPLEMENTED : VM_NULL;
    vm_value t = cont_list_snapshot(args[0]);
    if (!t || !(t = tuple_repeat_items(t, n)))
        return VM_NULL;
    return list_from_tuple(t);
}

static vm_value list_imul(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    int64_t n;
    if (!arg_ssize(args[1], &n, true))
        return VM_NULL;
    vm_value t = cont_list_snapshot(args[0]);
    if (!t || !(t = tuple_repeat_items(t, n)))
        return VM_NULL;
    if (!vm_list_replace(args[0], 0, vm_list_len(args[0]), t))
        return vm_raise_nomem();
    return args[0];
}

static vm_value list_richcompare(vm_value a, vm_value b, int op)
{
    if (!is_list(b))
        return VM_NOTIMPLEMENTED;
    if ((op == VM_CMP_EQ || op == VM_CMP_NE) && vm_list_len(a) != vm_list_len(b))
        return cont_bool(op == VM_CMP_NE);
    vm_value ta = cont_list_snapshot(a), tb = ta ? cont_list_snapshot(b) : VM_NULL;
    if (!tb)
        return VM_NULL;
    return cont_seq_compare(ta, tb, op);
}

CMP_FUNCS(list, list_richcompare)

static vm_value list_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value l = args[0];
    if (vm_list_len(l) == 0)
        return vm_str_c("[]");
    int r = vm_repr_enter(l);
    if (r != 0)
        return r > 0 ? vm_str_c("[...]") : VM_NULL;
    vm_value t = cont_list_snapshot(l);
    vm_value s = t ? cont_repr_items("[", t, "]") : VM_NULL;
    vm_repr_leave(l);
    return s;
}

static vm_value list_sizeof(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    stm_read((stm_ref)args[0]);
    int64_t cap = ((vm_list *)vm_obj(args[0]))->capacity;
    return vm_small(40 + 8 * (cap > 0 ? cap : 0));
}

static const vm_method_def list_methods[] = {
    {"__new__", list_new, 1, -1, VM_METH_STATIC, NULL},
    {"__init__", list_init, 1, -1, 0, NULL},
    {"append", list_append, 2, 2, VM_METH_NOKW, NULL},
    {"extend", list_extend, 2, 2, VM_METH_NOKW, NULL},
    {"insert", list_insert, 3, 3, VM_METH_NOKW, NULL},
    {"pop", list_pop, 1, 2, VM_METH_NOKW, NULL},
    {"remove", list_remove, 2, 2, VM_METH_NOKW, NULL},
    {"clear", list_clear_m, 1, 1, VM_METH_NOKW, NULL},
    {"copy", list_copy, 1, 1, VM_METH_NOKW, NULL},
    {"index", list_index, 2, 4, VM_METH_NOKW, NULL},
    {"count", list_count, 2, 2, VM_METH_NOKW, NULL},
    {"reverse", list_reverse, 1, 1, VM_METH_NOKW, NULL},
    {"sort", list_sort_m, 1, -1, 0, NULL},
    {"__len__", list_len, 1, 1, VM_METH_NOKW, NULL},
    {"__getitem__", list_getitem, 2, 2, VM_METH_NOKW, NULL},
    {"__setitem__", list_setitem, 3, 3, VM_METH_NOKW, NULL},
    {"__delitem__", list_delitem, 2, 2, VM_METH_NOKW, NULL},
    {"__contains__", list_contains, 2, 2, VM_METH_NOKW, NULL},
    {"__iter__", list_iter, 1, 1, VM_METH_NOKW, NULL},
    {"__reversed__", list_reversed, 1, 1, VM_METH_NOKW, NULL},
    {"__add__", list_add, 2, 2, VM_METH_NOKW, NULL},
    {"__iadd__", list_iadd, 2, 2, VM_METH_NOKW, NULL},
    {"__mul__", list_mul, 2, 2, VM_METH_NOKW, NULL},
    {"__rmul__", list_mul, 2, 2, VM_METH_NOKW, NULL},
    {"__imul__", list_imul, 2, 2, VM_METH_NOKW, NULL},
    CMP_DEFS(list),
    {"__repr__", list_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__sizeof__", list_sizeof, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

/* ---------------------------------------------------------------------------------------
 * tuple
 */
/* A tuple of cls (tuple or a subclass) with t's items. */
static vm_value tuple_of_type(vm_value cls, vm_value t)
{
    if (cls == VM_TYPE(TUPLE) && vm_is_type(t, VM_T_TUPLE))
        return t;
    int64_t n = vm_tuple_length(t);
    vm_value r = vm_tuple_new((size_t)n);
    if (!r)
        return vm_raise_nomem();
    memcpy(vm_tuple_items(r), vm_tuple_items(t), (size_t)n * sizeof(vm_value));
    if (cls != VM_TYPE(TUPLE))
        ((vm_object *)vm_obj(r))->type = (stm_ref)cls;      /* young: no barrier */
    return r;
}

static vm_value tuple_new(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (kwnames && vm_tuple_length(kwnames)) {
        vm_raise(VM_TYPE(TypeError), "tuple() takes no keyword arguments");
        return VM_NULL;
    }
    if (nargs > 2) {
        vm_raise(VM_TYPE(TypeError), "tuple expected at most 1 argument, got %d", (int)(nargs - 1));
        return VM_NULL;
    }
    vm_value t;
    if (nargs < 2) {
        t = vm_tuple_new(0);
        if (!t)
            return vm_raise_nomem();
    } else if (vm_is_type(args[1], VM_T_TUPLE)) {
        t = args[1];
    } else if (is_list(args[1])) {
        t = cont_list_snapshot(args[1]);
    } else {
        t = vm_tuple_from_iterable(args[1]);
    }
    return t ? tuple_of_type(args[0], t) : VM_NULL;
}

static vm_value tuple_len(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return vm_small(vm_tuple_length(args[0]));
}

static vm_value tuple_getitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value t = args[0], key = args[1];
    int64_t i, n = vm_tuple_length(t);
    if (vm_is_small(key)) {
        i = vm_small_value(key);
    } else if (cont_is_slice(key)) {
        int64_t start, stop, step;
        if (!cont_slice_unpack(key, &start, &stop, &step))
            return VM_NULL;
        int64_t m = cont_slice_adjust(n, &start, &stop, step);
        if (m == n && step == 1 && vm_is_type(t, VM_T_TUPLE))
            return t;
        vm_value r = vm_tuple_new((size_t)m);
        if (!r)
            return vm_raise_nomem();
        for (int64_t k = 0; k < m; k++)
            vm_tuple_items(r)[k] = vm_tuple_items(t)[start + k * step];
        return r;
    } else {
        int r = cont_index(key, &i);
        if (r < 0)
            return VM_NULL;
        if (r == 0) {
            vm_raise(VM_TYPE(TypeError), "tuple indices must be integers or slices, not %T", key);
            return VM_NULL;
        }
    }
    if (i < 0)
        i += n;
    if ((uint64_t)i >= (uint64_t)n) {
        vm_raise(VM_TYPE(IndexError), "tuple index out of range");
        return VM_NULL;
    }
    return vm_tuple_items(t)[i];
}

/* Index of the first item == x in [start, stop), -1 if none, -2 on error. */
static int64_t tuple_find(vm_value t, vm_value x, int64_t start, int64_t stop)
{
    int64_t n = vm_tuple_length(t);
    for (int64_t i = start; i < stop && i < n; i++) {
        vm_value y = vm_tuple_items(t)[i];
        if (y == x)
            return i;
        int eq = vm_eq(y, x);
        if (eq < 0)
            return -2;
        if (eq)
            return i;
    }
    return -1;
}

static vm_value tuple_contains(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    int64_t i = tuple_find(args[0], args[1], 0, INT64_MAX);
    return i == -2 ? VM_NULL : cont_bool(i >= 0);
}

static vm_value tuple_index(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    int64_t start, stop;
    if (!index_bounds(args, nargs, vm_tuple_length(args[0]), &start, &stop))
        return VM_NULL;
    int64_t i = tuple_find(args[0], args[1], start, stop);
    if (i == -2)
        return VM_NULL;
    if (i < 0) {
        vm_raise(VM_TYPE(ValueError), "tuple.index(x): x not in tuple");
        return VM_NULL;
    }
    return vm_small(i);
}

static vm_value tuple_count(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    int64_t count = 0, n = vm_tuple_length(args[0]);
    for (int64_t i = 0; i < n; i++) {
        vm_value y = vm_tuple_items(args[0])[i];
        int eq = y == args[1] ? 1 : vm_eq(y, args[1]);
        if (eq < 0)
            return VM_NULL;
        count += eq;
    }
    return vm_small(count);
}

static vm_value tuple_iter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return cont_seqiter_new(VM_T_TUPLE_ITERATOR, args[0], 0);
}

static vm_value tuple_add(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value a = args[0], b = args[1];
    if (!is_tuple(b)) {
        if (cont_other_may_reflect(b, "__radd__"))
            return VM_NOTIMPLEMENTED;
        vm_raise(VM_TYPE(TypeError), "can only concatenate tuple (not \"%T\") to tuple", b);
        return VM_NULL;
    }
    int64_t na = vm_tuple_length(a), nb = vm_tuple_length(b);
    if (nb == 0 && vm_is_type(a, VM_T_TUPLE))
        return a;
    if (na == 0 && vm_is_type(b, VM_T_TUPLE))
        return b;
    vm_value r = vm_tuple_new((size_t)(na + nb));
    if (!r)
        return vm_raise_nomem();
    memcpy(vm_tuple_items(r), vm_tuple_items(a), (size_t)na * sizeof(vm_value));
    memcpy(vm_tuple_items(r) + na, vm_tuple_items(b), (size_t)nb * sizeof(vm_value));
    return r;
}

static vm_value tuple_mul(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    int64_t n;
    bool ni;
    if (!repeat_count(args[1], &n, &ni))
        return ni ? VM_NOTIMPLEMENTED : VM_NULL;
    if (n == 1 && vm_is_type(args[0], VM_T_TUPLE))
        return args[0];
    return tuple_repeat_items(args[0], n);
}

static vm_value tuple_richcompare(vm_value a, vm_value b, int op)
{
    if (!is_tuple(b))
        return VM_NOTIMPLEMENTED;
    if ((op == VM_CMP_EQ || op == VM_CMP_NE) && vm_tuple_length(a) != vm_tuple_length(b))
        return cont_bool(op == VM_CMP_NE);
    return cont_seq_compare(a, b, op);
}

CMP_FUNCS(tuple, tuple_richcompare)

static vm_value tuple_hash(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    /* CPython's xxHash-based tuplehash, with each item's hash() */
    const uint64_t p1 = UINT64_C(11400714785074694791), p2 = UINT64_C(14029467366897019727),
                   p5 = UINT64_C(2870177450012600261);
    vm_value t = args[0];
    int64_t n = vm_tuple_length(t);
    uint64_t acc = p5;
    for (int64_t i = 0; i < n; i++) {
        int64_t lane;
        if (vm_hash_value(vm_tuple_items(t)[i], &lane) < 0)
            return VM_NULL;
        acc += (uint64_t)lane * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
    }
    acc += (uint64_t)n ^ (p5 ^ UINT64_C(3527539));
    int64_t h = (int64_t)acc == -1 ? 1546275796 : (int64_t)acc;
    return vm_int_from_int64(h);
}

static vm_value tuple_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value t = args[0];
    int64_t n = vm_tuple_length(t);
    if (n == 0)
        return vm_str_c("()");
    int r = vm_repr_enter(t);
    if (r != 0)
        return r > 0 ? vm_str_c("(...)") : VM_NULL;
    vm_value s = cont_repr_items("(", t, n == 1 ? ",)" : ")");
    vm_repr_leave(t);
    return s;
}

static vm_value tuple_getnewargs(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value inner = tuple_of_type(VM_TYPE(TUPLE), args[0]);
    vm_value r = inner ? vm_tuple_new(1) : VM_NULL;
    if (!r)
        return inner ? vm_raise_nomem() : VM_NULL;
    vm_tuple_items(r)[0] = inner;
    return r;
}

static const vm_method_def tuple_methods[] = {
    {"__new__", tuple_new, 1, -1, VM_METH_STATIC, NULL},
    {"count", tuple_count, 2, 2, VM_METH_NOKW, NULL},
    {"index", tuple_index, 2, 4, VM_METH_NOKW, NULL},
    {"__len__", tuple_len, 1, 1, VM_METH_NOKW, NULL},
    {"__getitem__", tuple_getitem, 2, 2, VM_METH_NOKW, NULL},
    {"__contains__", tuple_contains, 2, 2, VM_METH_NOKW, NULL},
    {"__iter__", tuple_iter, 1, 1, VM_METH_NOKW, NULL},
    {"__add__", tuple_add, 2, 2, VM_METH_NOKW, NULL},
    {"__mul__", tuple_mul, 2, 2, VM_METH_NOKW, NULL},
    {"__rmul__", tuple_mul, 2, 2, VM_METH_NOKW, NULL},
    CMP_DEFS(tuple),
    {"__hash__", tuple_hash, 1, 1, VM_METH_NOKW, NULL},
    {"__repr__", tuple_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__getnewargs__", tuple_getnewargs, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

/* ---------------------------------------------------------------------------------------
 * sort
 */
typedef enum { SORT_GENERIC, SORT_SMALL, SORT_FLOAT, SORT_STR } sort_kind;

typedef struct sorter {
    vm_value keys;          /* tuple */
    sort_kind kind;
    int64_t *tmp;
} sorter;

/* keys[i] < keys[j]: 1, 0, -1 on error */
static int sort_lt(const sorter *s, int64_t i, int64_t j)
{
    vm_value a = vm_tuple_items(s->keys)[i], b = vm_tuple_items(s->keys)[j];
    switch (s->kind) {
    case SORT_SMALL:
        return (int64_t)a < (int64_t)b;     /* tagged: same order */
    case SORT_FLOAT:
        return vm_float_value(a) < vm_float_value(b);
    case SORT_STR:
        return vm_ustr_compare(vm_str_view(a), vm_str_view(b)) < 0;
    default:
        return vm_compare_bool(a, b, VM_CMP_LT);
    }
}

/* Sorts perm[lo, hi) stably; false on a comparison error. */
static bool merge_sort(sorter *s, int64_t *perm, int64_t lo, int64_t hi)
{
    if (hi - lo <= 16) {
        for (int64_t i = lo + 1; i < hi; i++) {
            int64_t x = perm[i], j = i;
            /* binary search for the insertion point (after equal items: stable) */
            int64_t a = lo, b = i;
            while (a < b) {
                int64_t m = a + (b - a) / 2;
                int lt = sort_lt(s, x, perm[m]);
                if (lt < 0)
                    return false;
                if (lt)
                    b = m;
                else
                    a = m + 1;
            }
            for (j = i; j > a; j--)
                perm[j] = perm[j - 1];
            perm[a] = x;
        }
        return true;
    }
    int64_t mid = lo + (hi - lo) / 2;
    if (!merge_sort(s, perm, lo, mid) || !merge_sort(s, perm, mid, hi))
        return false;
    int lt = sort_lt(s, perm[mid], perm[mid - 1]);
    if (lt <= 0)
        return lt == 0;         /* already in order */
    int64_t *tmp = s->tmp, nl = mid - lo;
    memcpy(tmp, perm + lo, (size_t)nl * sizeof *tmp);
    int64_t i = 0, j = mid, k = lo;
    while (i < nl && j < hi) {
        lt = sort_lt(s, perm[j], tmp[i]);
        if (lt < 0) {
            /* leave perm a permutation: put the rest back */
            while (i < nl)
                perm[k++] = tmp[i++];
            return false;
        }
        perm[k++] = lt ? perm[j++] : tmp[i++];
    }
    while (i < nl)
        perm[k++] = tmp[i++];
    return true;
}

static sort_kind sort_kind_of(vm_value keys)
{
    int64_t n = vm_tuple_length(keys);
    if (n == 0)
        return SORT_GENERIC;
    vm_value first = vm_tuple_items(keys)[0];
    sort_kind k = vm_is_small(first)                 ? SORT_SMALL
                  : vm_is_type(first, VM_T_FLOAT)     ? SORT_FLOAT
                  : vm_is_type(first, VM_T_STR)       ? SORT_STR
                                                      : SORT_GENERIC;
    for (int64_t i = 1; i < n && k != SORT_GENERIC; i++) {
        vm_value v = vm_tuple_items(keys)[i];
        bool same = k == SORT_SMALL   ? vm_is_small(v)
                    : k == SORT_FLOAT ? vm_is_type(v, VM_T_FLOAT)
                                      : vm_is_type(v, VM_T_STR);
        if (!same)
            k = SORT_GENERIC;
    }
    return k;
}

int vm_list_sort(vm_value list, vm_value key, bool reverse)
{
    if (key == VM_NONE)
        key = VM_NULL;
    vm_value items = cont_list_snapshot(list);
    if (!items)
        return -1;
    int64_t n = vm_tuple_length(items);
    if (n < 2 && !key)
        return 0;
    vm_list_detach(list);
    vm_value keys = items, result = VM_NULL;
    bool ok = true;
    if (key) {
        vm_value kl = vm_list_new(n);
        if (!kl) {
            vm_raise_nomem();
            ok = false;
        }
        for (int64_t i = 0; ok && i < n; i++) {
            vm_value k = vm_call1(key, vm_tuple_items(items)[i]);
            if (!k || !vm_list_append(kl, k)) {
                if (k)
                    vm_raise_nomem();
                ok = false;
            }
        }
        if (ok && !(keys = cont_list_snapshot(kl)))
            ok = false;
    }
    int64_t *perm = NULL;
    if (ok) {
        perm = malloc((size_t)(n ? n : 1) * 2 * sizeof *perm);
        if (!perm)
            abort();
        for (int64_t i = 0; i < n; i++)
            perm[i] = reverse ? n - 1 - i : i;
        sorter s = {keys, sort_kind_of(keys), perm + n};
        ok = merge_sort(&s, perm, 0, n);
        if (ok && reverse)
            for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
                int64_t x = perm[i];
                perm[i] = perm[j];
                perm[j] = x;
            }
        if (ok) {
            result = vm_tuple_new((size_t)n);
            if (result) {
                for (int64_t i = 0; i < n; i++)
                    vm_tuple_items(result)[i] = vm_tuple_items(items)[perm[i]];
            } else {
                vm_raise_nomem();
                ok = false;
            }
        }
        free(perm);
    }
    bool changed = vm_list_was_changed(list);
    vm_list_clear(list);
    if (!vm_list_replace(list, 0, 0, ok ? result : items)) {
        if (ok)
            vm_raise_nomem();
        return -1;
    }
    if (ok && changed) {
        vm_raise(VM_TYPE(ValueError), "list modified during sort");
        return -1;
    }
    return ok ? 0 : -1;
}

/* ---------------------------------------------------------------------------------------
 * Iterator types' methods
 */
static vm_value iter_self(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    return args[0];
}

static vm_value iter_next_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    bool handled;
    vm_value x = vm_builtin_next(args[0], &handled);
    if (!x && !vm_error_pending())
        cont_raise_stop();
    return x;
}

static vm_value seqiter_length_hint(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs;
    (void)kwnames;
    vm_value it = args[0];
    int64_t i = vm_small_value(vm_field(it, SEQIT_F_INDEX));
    vm_value seq = vm_field(it, SEQIT_F_SEQ);
    if (i < 0)
        return vm_small(0);
    if (vm_is_type(it, VM_T_LIST_REVITERATOR))
        return vm_small(i < vm_list_len(seq) ? i + 1 : 0);
    int64_t n = vm_is_type(it, VM_T_LIST_ITERATOR) ? vm_list_len(seq) : vm_tuple_length(seq);
    return vm_small(n > i ? n - i : 0);
}

const vm_method_def cont_iter_methods[] = {
    {"__iter__", iter_self, 1, 1, VM_METH_NOKW, NULL},
    {"__next__", iter_next_m, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

static const vm_method_def seqiter_methods[] = {
    {"__length_hint__", seqiter_length_hint, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

void cont_init_list(void)
{
    vm_type_add_methods(VM_TYPE(LIST), list_methods);
    stm_read((stm_ref)VM_TYPE(LIST));
    vm_dict_setitem_c(TY(VM_TYPE(LIST))->dict, "__hash__", VM_NONE);
    vm_type_add_methods(VM_TYPE(TUPLE), tuple_methods);
    static const vm_builtin_type iters[] = {VM_T_LIST_ITERATOR, VM_T_LIST_REVITERATOR,
                                            VM_T_TUPLE_ITERATOR};
    for (size_t i = 0; i < sizeof iters / sizeof iters[0]; i++) {
        vm_type_add_methods(VM_TYPE_I(iters[i]), cont_iter_methods);
        vm_type_add_methods(VM_TYPE_I(iters[i]), seqiter_methods);
    }
}


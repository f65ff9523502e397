/* vm/containers_iter.c — range, slice, enumerate, zip, map, filter, reversed, the
 * iterators over __getitem__ and over a callable, and vm_builtin_next (FOR_ITER's fast
 * path over every builtin iterator).
 *
 * A range holds ints of any size; when start, stop, step and the length are small ints
 * (nearly always) the operations compute in C (with 128-bit intermediates), otherwise
 * through the int operators.  Its iterator keeps start, step, index and length: small
 * ints and C arithmetic, or ints and the operators (CPython's longrange_iterator).
 */
#include <string.h>

#include "vm/containers_internal.h"

#define UNUSED_ARGS (void)nargs, (void)kwnames

static bool no_kwargs(const char *name, vm_value kwnames)
{
    if (kwnames && vm_tuple_length(kwnames)) {
        vm_raise(VM_TYPE(TypeError), "%s() takes no keyword arguments", name);
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Int arithmetic for big ranges
 */
static vm_value iadd(vm_value a, vm_value b) { return vm_binary_op(a, b, VM_NB_ADD); }
static vm_value isub(vm_value a, vm_value b) { return vm_binary_op(a, b, VM_NB_SUBTRACT); }
static vm_value imul(vm_value a, vm_value b) { return vm_binary_op(a, b, VM_NB_MULTIPLY); }
static vm_value ifloordiv(vm_value a, vm_value b) { return vm_binary_op(a, b, VM_NB_FLOOR_DIVIDE); }
static vm_value imod(vm_value a, vm_value b) { return vm_binary_op(a, b, VM_NB_REMAINDER); }
static int icmp(vm_value a, vm_value b, int op)
{
    if (vm_is_small(a) && vm_is_small(b)) {
        int64_t x = vm_small_value(a), y = vm_small_value(b);
        switch (op) {
        case VM_CMP_LT: return x < y;
        case VM_CMP_LE: return x <= y;
        case VM_CMP_EQ: return x == y;
        case VM_CMP_NE: return x != y;
        case VM_CMP_GT: return x > y;
        default: return x >= y;
        }
    }
    return vm_compare_bool(a, b, op);
}
static int isneg(vm_value a) { return icmp(a, vm_small(0), VM_CMP_LT); }

static vm_value int128_value(__int128 x)
{
    if (x >= INT64_MIN && x <= INT64_MAX)
        return vm_int_from_int64((int64_t)x);
    vm_value hi = vm_int_from_int64((int64_t)(x / ((__int128)1 << 62)));
    vm_value lo = vm_int_from_int64((int64_t)(x % ((__int128)1 << 62)));
    vm_value m = vm_int_from_int64((int64_t)1 << 62);
    if (!hi || !lo || !m)
        return vm_raise_nomem();
    vm_value p = imul(hi, m);
    return p ? iadd(p, lo) : VM_NULL;
}

/* ---------------------------------------------------------------------------------------
 * range
 */
static vm_value rfield(vm_value r, int i) { return vm_fields(r)[i]; }   /* immutable */

static bool range_is_small(vm_value r)
{
    return vm_is_small(rfield(r, RANGE_F_START)) && vm_is_small(rfield(r, RANGE_F_STOP)) &&
           vm_is_small(rfield(r, RANGE_F_STEP)) && vm_is_small(rfield(r, RANGE_F_LEN));
}

/* The length of range(start, stop, step), step != 0. */
static vm_value range_length(vm_value start, vm_value stop, vm_value step)
{
    if (vm_is_small(start) && vm_is_small(stop) && vm_is_small(step)) {
        __int128 lo = vm_small_value(start), hi = vm_small_value(stop), st = vm_small_value(step);
        __int128 n = 0;
        if (st > 0 && lo < hi)
            n = (hi - lo - 1) / st + 1;
        else if (st < 0 && lo > hi)
            n = (lo - hi - 1) / (-st) + 1;
        return int128_value(n);
    }
    int neg = isneg(step);
    if (neg < 0)
        return VM_NULL;
    vm_value lo = neg ? stop : start, hi = neg ? start : stop;
    int c = icmp(lo, hi, VM_CMP_LT);
    if (c <= 0)
        return c < 0 ? VM_NULL : vm_small(0);
    vm_value st = neg ? vm_unary_op(step, VM_OP_UNARY_NEGATIVE) : step;
    vm_value d = st ? isub(hi, lo) : VM_NULL;
    d = d ? isub(d, vm_small(1)) : VM_NULL;
    d = d ? ifloordiv(d, st) : VM_NULL;
    return d ? iadd(d, vm_small(1)) : VM_NULL;
}

static vm_value range_make(vm_value start, vm_value stop, vm_value step)
{
    vm_value len = range_length(start, stop, step);
    if (!len)
        return VM_NULL;
    vm_value r = vm_obj_new(VM_TYPE(RANGE), RANGE_NFIELDS);
    if (!r)
        return vm_raise_nomem();
    vm_value *f = vm_fields(r);
    f[RANGE_F_START] = start;
    f[RANGE_F_STOP] = stop;
    f[RANGE_F_STEP] = step;
    f[RANGE_F_LEN] = len;
    return r;
}

vm_value vm_range_new(int64_t start, int64_t stop, int64_t step)
{
    vm_value a = vm_int_from_int64(start), b = vm_int_from_int64(stop),
             c = vm_int_from_int64(step);
    if (!a || !b || !c)
        return vm_raise_nomem();
    return range_make(a, b, c);
}

static vm_value range_new_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!no_kwargs("range", kwnames))
        return VM_NULL;
    int64_t n = nargs - 1;
    if (n < 1) {
        vm_raise(VM_TYPE(TypeError), "range expected at least 1 argument, got %d", (int)n);
        return VM_NULL;
    }
    if (n > 3) {
        vm_raise(VM_TYPE(TypeError), "range expected at most 3 arguments, got %d", (int)n);
        return VM_NULL;
    }
    vm_value v[3];
    for (int i = 0; i < n; i++)
        if (!(v[i] = vm_index_value(args[1 + i])))
            return VM_NULL;
    vm_value start = vm_small(0), stop, step = vm_small(1);
    if (n == 1) {
        stop = v[0];
    } else {
        start = v[0];
        stop = v[1];
        if (n == 3)
            step = v[2];
    }
    if (step == vm_small(0)) {
        vm_raise(VM_TYPE(ValueError), "range() arg 3 must not be zero");
        return VM_NULL;
    }
    return range_make(start, stop, step);
}

/* start + i * step */
static vm_value range_item(vm_value r, vm_value i)
{
    if (range_is_small(r) && vm_is_small(i))
        return int128_value((__int128)vm_small_value(rfield(r, RANGE_F_START)) +
                            (__int128)vm_small_value(i) * vm_small_value(rfield(r, RANGE_F_STEP)));
    vm_value p = imul(i, rfield(r, RANGE_F_STEP));
    return p ? iadd(rfield(r, RANGE_F_START), p) : VM_NULL;
}

int cont_range_extend(vm_value list, vm_value r)
{
    vm_value len = rfield(r, RANGE_F_LEN);
    if (!vm_is_small(len)) {
        vm_raise(VM_TYPE(OverflowError), "Python int too large to convert to C ssize_t");
        return -1;
    }
    int64_t n = vm_small_value(len);
    if (!vm_list_reserve(list, n)) {
        vm_raise_nomem();
        return -1;
    }
    bool small = range_is_small(r);
    int64_t start = small ? vm_small_value(rfield(r, RANGE_F_START)) : 0;
    int64_t step = small ? vm_small_value(rfield(r, RANGE_F_STEP)) : 0;
    for (int64_t i = 0; i < n; i++) {
        vm_value x = small ? vm_small(start + i * step) : range_item(r, vm_small(i));
        if (!x || !vm_list_append(list, x))
            return x ? (vm_raise_nomem(), -1) : -1;
    }
    return 0;
}

static vm_value range_len_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    vm_value len = rfield(args[0], RANGE_F_LEN);
    if (!vm_is_small(len)) {
        vm_raise(VM_TYPE(OverflowError), "Python int too large to convert to C ssize_t");
        return VM_NULL;
    }
    return len;
}

static vm_value range_bool_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return cont_bool(rfield(args[0], RANGE_F_LEN) != vm_small(0));
}

/* One bound of _PySlice_GetLongIndices: v (None: def) adjusted into [lower, upper]. */
static vm_value long_bound(vm_value v, vm_value def, vm_value len, vm_value lower, vm_value upper)
{
    if (v == VM_NONE)
        return def;
    if (!vm_is_int(v) && !vm_type_lookup_c(vm_type_of(v), "__index__")) {
        vm_raise(VM_TYPE(TypeError),
                 "slice indices must be integers or None or have an __index__ method");
        return VM_NULL;
    }
    vm_value x = vm_index_value(v);
    if (!x)
        return VM_NULL;
    int c = isneg(x);
    if (c < 0)
        return VM_NULL;
    if (c) {
        if (!(x = iadd(x, len)))
            return VM_NULL;
        c = icmp(x, lower, VM_CMP_LT);
        if (c)
            return c < 0 ? VM_NULL : lower;
        return x;
    }
    c = icmp(x, upper, VM_CMP_GT);
    if (c)
        return c < 0 ? VM_NULL : upper;
    return x;
}

/* _PySlice_GetLongIndices: a slice's start, stop and step for a sequence of length len
 * (an int of any size); false with an exception. */
static bool slice_long_indices(vm_value slice, vm_value len, vm_value *start_out,
                               vm_value *stop_out, vm_value *step_out)
{
    vm_value sstep = vm_fields(slice)[SLICE_F_STEP], step;
    if (sstep == VM_NONE) {
        step = vm_small(1);
    } else {
        if (!vm_is_int(sstep) && !vm_type_lookup_c(vm_type_of(sstep), "__index__")) {
            vm_raise(VM_TYPE(TypeError),
                     "slice indices must be integers or None or have an __index__ method");
            return false;
        }
        if (!(step = vm_index_value(sstep)))
            return false;
        if (step == vm_small(0)) {
            vm_raise(VM_TYPE(ValueError), "slice step cannot be zero");
            return false;
        }
    }
    int neg = isneg(step);
    if (neg < 0)
        return false;
    vm_value lower = neg ? vm_small(-1) : vm_small(0);
    vm_value upper = neg ? isub(len, vm_small(1)) : len;
    if (!upper)
        return false;
    vm_value start = long_bound(vm_fields(slice)[SLICE_F_START], neg ? upper : lower, len, lower, upper);
    vm_value stop = start ? long_bound(vm_fields(slice)[SLICE_F_STOP], neg ? lower : upper, len,
                                       lower, upper)
                          : VM_NULL;
    if (!stop)
        return false;
    *start_out = start;
    *stop_out = stop;
    *step_out = step;
    return true;
}

static vm_value range_slice(vm_value r, vm_value slice)
{
    vm_value start, stop, step;
    if (!slice_long_indices(slice, rfield(r, RANGE_F_LEN), &start, &stop, &step))
        return VM_NULL;
    vm_value nstart = range_item(r, start), nstop = nstart ? range_item(r, stop) : VM_NULL;
    vm_value nstep = nstop ? imul(rfield(r, RANGE_F_STEP), step) : VM_NULL;
    return nstep ? range_make(nstart, nstop, nstep) : VM_NULL;
}

static vm_value range_getitem_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    vm_value r = args[0], key = args[1];
    if (cont_is_slice(key))
        return range_slice(r, key);
    vm_value i;
    if (vm_is_small(key)) {
        i = key;
    } else if (vm_is_int(key) || vm_type_lookup_c(vm_type_of(key), "__index__")) {
        if (!(i = vm_index_value(key)))
            return VM_NULL;
    } else {
        vm_raise(VM_TYPE(TypeError), "range indices must be integers or slices, not %T", key);
        return VM_NULL;
    }
    vm_value len = rfield(r, RANGE_F_LEN);
    if (vm_is_small(i) && vm_is_small(len)) {
        int64_t k = vm_small_value(i), n = vm_small_value(len);
        if (k < 0)
            k += n;
        if (k < 0 || k >= n) {
            vm_raise(VM_TYPE(IndexError), "range object index out of range");
            return VM_NULL;
        }
        return range_item(r, vm_small(k));
    }
    int c = isneg(i);
    if (c < 0)
        return VM_NULL;
    if (c && !(i = iadd(i, len)))
        return VM_NULL;
    int lo = isneg(i), hi = lo ? 0 : icmp(i, len, VM_CMP_GE);
    if (lo < 0 || hi < 0)
        return VM_NULL;
    if (lo || hi) {
        vm_raise(VM_TYPE(IndexError), "range object index out of range");
        return VM_NULL;
    }
    return range_item(r, i);
}

/* An int x in r: 1, 0, -1 */
static int range_contains_int(vm_value r, vm_value x)
{
    vm_value start = rfield(r, RANGE_F_START), stop = rfield(r, RANGE_F_STOP),
             step = rfield(r, RANGE_F_STEP);
    if (x == VM_TRUE || x == VM_FALSE)
        x = vm_small(x == VM_TRUE);
    if (range_is_small(r) && vm_is_small(x)) {
        int64_t a = vm_small_value(start), b = vm_small_value(stop), s = vm_small_value(step),
                v = vm_small_value(x);
        if (s > 0 ? (v < a || v >= b) : (v > a || v <= b))
            return 0;
        return ((__int128)v - a) % s == 0;
    }
    int neg = isneg(step);
    if (neg < 0)
        return -1;
    int c1 = neg ? icmp(x, start, VM_CMP_LE) : icmp(start, x, VM_CMP_LE);
    int c2 = c1 > 0 ? (neg ? icmp(stop, x, VM_CMP_LT) : icmp(x, stop, VM_CMP_LT)) : c1;
    if (c2 <= 0)
        return c2;
    vm_value d = isub(x, start);
    vm_value m = d ? imod(d, step) : VM_NULL;
    if (!m)
        return -1;
    return m == vm_small(0);
}

static bool is_exact_int(vm_value v)
{
    return vm_is_small(v) || v == VM_TRUE || v == VM_FALSE ||
           (vm_has_layout(v, VM_L_INT) && vm_is_type(v, VM_T_INT));
}

/* Iterates r comparing with x: count (all) or the first index (first). */
static vm_value range_iter_new(vm_value r, bool reversed);
static int64_t range_search(vm_value r, vm_value x, bool first, int64_t *count)
{
    vm_value it = range_iter_new(r, false);
    if (!it)
        return -2;
    *count = 0;
    for (int64_t i = 0;; i++) {
        bool handled;
        vm_value y = vm_builtin_next(it, &handled);
        if (!y)
            return vm_error_pending() ? -2 : -1;
        int e = vm_eq(y, x);
        if (e < 0)
            return -2;
        if (e) {
            ++*count;
            if (first)
                return i;
        }
    }
}

static vm_value range_contains_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    if (is_exact_int(args[1])) {
        int c = range_contains_int(args[0], args[1]);
        return c < 0 ? VM_NULL : cont_bool(c);
    }
    int64_t count;
    int64_t i = range_search(args[0], args[1], true, &count);
    return i == -2 ? VM_NULL : cont_bool(i >= 0);
}

static vm_value range_count_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    if (is_exact_int(args[1])) {
        int c = range_contains_int(args[0], args[1]);
        return c < 0 ? VM_NULL : vm_small(c);
    }
    int64_t count;
    int64_t i = range_search(args[0], args[1], false, &count);
    return i == -2 ? VM_NULL : vm_small(count);
}

static vm_value range_index_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    vm_value r = args[0], x = args[1];
    if (is_exact_int(x)) {
        int c = range_contains_int(r, x);
        if (c < 0)
            return VM_NULL;
        if (!c) {
            vm_raise(VM_TYPE(ValueError), "%R is not in range", x);
            return VM_NULL;
        }
        if (x == VM_TRUE || x == VM_FALSE)
            x = vm_small(x == VM_TRUE);
        vm_value d = isub(x, rfield(r, RANGE_F_START));
        return d ? ifloordiv(d, rfield(r, RANGE_F_STEP)) : VM_NULL;
    }
    int64_t count;
    int64_t i = range_search(r, x, true, &count);
    if (i == -2)
        return VM_NULL;
    if (i < 0) {
        vm_raise(VM_TYPE(ValueError), "sequence.index(x): x not in sequence");
        return VM_NULL;
    }
    return vm_small(i);
}

static int range_equal(vm_value a, vm_value b)
{
    if (a == b)
        return 1;
    int c = icmp(rfield(a, RANGE_F_LEN), rfield(b, RANGE_F_LEN), VM_CMP_EQ);
    if (c <= 0)
        return c;
    if (rfield(a, RANGE_F_LEN) == vm_small(0))
        return 1;
    c = icmp(rfield(a, RANGE_F_START), rfield(b, RANGE_F_START), VM_CMP_EQ);
    if (c <= 0)
        return c;
    if (rfield(a, RANGE_F_LEN) == vm_small(1))
        return 1;
    return icmp(rfield(a, RANGE_F_STEP), rfield(b, RANGE_F_STEP), VM_CMP_EQ);
}

static vm_value range_richcompare(vm_value a, vm_value b, int op)
{
    if (!vm_is_type(b, VM_T_RANGE) || (op != VM_CMP_EQ && op != VM_CMP_NE))
        return VM_NOTIMPLEMENTED;
    int c = range_equal(a, b);
    if (c < 0)
        return VM_NULL;
    return cont_bool(op == VM_CMP_EQ ? c : !c);
}

CMP_FUNCS(range, range_richcompare)

static vm_value range_hash_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    vm_value r = args[0], len = rfield(r, RANGE_F_LEN);
    vm_value t = vm_tuple_new(3);
    if (!t)
        return vm_raise_nomem();
    vm_value *it = vm_tuple_items(t);
    it[0] = len;
    it[1] = len == vm_small(0) ? VM_NONE : rfield(r, RANGE_F_START);
    it[2] = len == vm_small(0) || len == vm_small(1) ? VM_NONE : rfield(r, RANGE_F_STEP);
    int64_t h;
    if (vm_hash_value(t, &h) < 0)
        return VM_NULL;
    return vm_int_from_int64(h);
}

static vm_value range_repr_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    vm_value r = args[0];
    if (rfield(r, RANGE_F_STEP) == vm_small(1))
        return vm_format("range(%R, %R)", rfield(r, RANGE_F_START), rfield(r, RANGE_F_STOP));
    return vm_format("range(%R, %R, %R)", rfield(r, RANGE_F_START), rfield(r, RANGE_F_STOP),
                     rfield(r, RANGE_F_STEP));
}

static vm_value range_start_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return rfield(args[0], RANGE_F_START);
}

static vm_value range_stop_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return rfield(args[0], RANGE_F_STOP);
}

static vm_value range_step_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return rfield(args[0], RANGE_F_STEP);
}

/* range_iterator fields: start, step, index, length, and whether they are big */
enum { RIT_START, RIT_STEP, RIT_INDEX, RIT_LEN, RIT_BIG, RIT_NFIELDS };

static vm_value range_iter_new(vm_value r, bool reversed)
{
    vm_value start = rfield(r, RANGE_F_START), step = rfield(r, RANGE_F_STEP),
             len = rfield(r, RANGE_F_LEN);
    if (reversed) {
        /* start + (len - 1) * step, stepping by -step */
        vm_value last = len == vm_small(0) ? start : VM_NULL;
        if (!last) {
            vm_value lm1 = isub(len, vm_small(1));
            if (!lm1 || !(last = range_item(r, lm1)))
                return VM_NULL;
        }
        start = last;
        if (!(step = vm_unary_op(step, VM_OP_UNARY_NEGATIVE)))
            return VM_NULL;
    }
    vm_value it = vm_obj_new(VM_TYPE(RANGE_ITERATOR), RIT_NFIELDS);
    if (!it)
        return vm_raise_nomem();
    vm_value *f = vm_fields(it);
    f[RIT_START] = start;
    f[RIT_STEP] = step;
    f[RIT_INDEX] = vm_small(0);
    f[RIT_LEN] = len;
    bool small = vm_is_small(start) && vm_is_small(step) && vm_is_small(len);
    f[RIT_BIG] = vm_small(!small);
    return it;
}

static vm_value range_iter_next(vm_value it)
{
    stm_read((stm_ref)it);
    vm_value *f = vm_fields(it);
    if (f[RIT_BIG] == vm_small(0)) {
        int64_t i = vm_small_value(f[RIT_INDEX]);
        if (i >= vm_small_value(f[RIT_LEN]))
            return VM_NULL;
        stm_write((stm_ref)it);
        f = vm_fields(it);
        f[RIT_INDEX] = vm_small(i + 1);
        __int128 v = (__int128)vm_small_value(f[RIT_START]) + (__int128)i * vm_small_value(f[RIT_STEP]);
        if (v >= VM_SMALL_MIN && v <= VM_SMALL_MAX)
            return vm_small((int64_t)v);
        return int128_value(v);
    }
    vm_value i = f[RIT_INDEX];
    int c = icmp(i, f[RIT_LEN], VM_CMP_GE);
    if (c)
        return VM_NULL;         /* c < 0: the error is pending */
    vm_value p = imul(i, f[RIT_STEP]);
    vm_value v = p ? iadd(f[RIT_START], p) : VM_NULL;
    vm_value n = v ? iadd(i, vm_small(1)) : VM_NULL;
    if (!n)
        return VM_NULL;
    vm_set_field(it, RIT_INDEX, n);
    return v;
}

static vm_value range_iter_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return range_iter_new(args[0], false);
}

static vm_value range_reversed_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return range_iter_new(args[0], true);
}

static vm_value rangeiter_length_hint(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    vm_value it = args[0];
    return isub(vm_field(it, RIT_LEN), vm_field(it, RIT_INDEX));
}

static const vm_method_def range_methods[] = {
    {"__new__", range_new_m, 1, -1, VM_METH_STATIC, NULL},
    {"__len__", range_len_m, 1, 1, VM_METH_NOKW, NULL},
    {"__bool__", range_bool_m, 1, 1, VM_METH_NOKW, NULL},
    {"__getitem__", range_getitem_m, 2, 2, VM_METH_NOKW, NULL},
    {"__contains__", range_contains_m, 2, 2, VM_METH_NOKW, NULL},
    {"__iter__", range_iter_m, 1, 1, VM_METH_NOKW, NULL},
    {"__reversed__", range_reversed_m, 1, 1, VM_METH_NOKW, NULL},
    CMP_DEFS(range),
    {"__hash__", range_hash_m, 1, 1, VM_METH_NOKW, NULL},
    {"__repr__", range_repr_m, 1, 1, VM_METH_NOKW, NULL},
    {"count", range_count_m, 2, 2, VM_METH_NOKW, NULL},
    {"index", range_index_m, 2, 2, VM_METH_NOKW, NULL},
    {"start", range_start_m, 1, 1, VM_METH_GETTER, NULL},
    {"stop", range_stop_m, 1, 1, VM_METH_GETTER, NULL},
    {"step", range_step_m, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

static const vm_method_def rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

/* ---------------------------------------------------------------------------------------
 * slice
 */
vm_value vm_slice_new(vm_value start, vm_value stop, vm_value step)
{
    vm_value s = vm_obj_new(VM_TYPE(SLICE), SLICE_NFIELDS);
    if (!s)
        return vm_raise_nomem();
    vm_value *f = vm_fields(s);
    f[SLICE_F_START] = start ? start : VM_NONE;
    f[SLICE_F_STOP] = stop ? stop : VM_NONE;
    f[SLICE_F_STEP] = step ? step : VM_NONE;
    return s;
}

static vm_value slice_new_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!no_kwargs("slice", kwnames))
        return VM_NULL;
    int64_t n = nargs - 1;
    if (n < 1) {
        vm_raise(VM_TYPE(TypeError), "slice expected at least 1 argument, got %d", (int)n);
        return VM_NULL;
    }
    if (n > 3) {
        vm_raise(VM_TYPE(TypeError), "slice expected at most 3 arguments, got %d", (int)n);
        return VM_NULL;
    }
    if (n == 1)
        return vm_slice_new(VM_NONE, args[1], VM_NONE);
    return vm_slice_new(args[1], args[2], n == 3 ? args[3] : VM_NONE);
}

static vm_value slice_as_tuple(vm_value s)
{
    vm_value t = vm_tuple_new(3);
    if (!t)
        return vm_raise_nomem();
    memcpy(vm_tuple_items(t), vm_fields(s), 3 * sizeof(vm_value));
    return t;
}

static vm_value slice_richcompare(vm_value a, vm_value b, int op)
{
    if (!vm_is_type(b, VM_T_SLICE))
        return VM_NOTIMPLEMENTED;
    vm_value ta = slice_as_tuple(a), tb = ta ? slice_as_tuple(b) : VM_NULL;
    return tb ? cont_seq_compare(ta, tb, op) : VM_NULL;
}

CMP_FUNCS(slice, slice_richcompare)

static vm_value slice_repr_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    vm_value *f = vm_fields(args[0]);
    return vm_format("slice(%R, %R, %R)", f[SLICE_F_START], f[SLICE_F_STOP], f[SLICE_F_STEP]);
}

static vm_value slice_indices_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    vm_value len = vm_index_value(args[1]);
    if (!len)
        return VM_NULL;
    int neg = isneg(len);
    if (neg) {
        if (neg > 0)
            vm_raise(VM_TYPE(ValueError), "length should not be negative");
        return VM_NULL;
    }
    vm_value start, stop, step;
    if (!slice_long_indices(args[0], len, &start, &stop, &step))
        return VM_NULL;
    vm_value t = vm_tuple_new(3);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = start;
    vm_tuple_items(t)[1] = stop;
    vm_tuple_items(t)[2] = step;
    return t;
}

static vm_value slice_start_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return vm_fields(args[0])[SLICE_F_START];
}

static vm_value slice_stop_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return vm_fields(args[0])[SLICE_F_STOP];
}

static vm_value slice_step_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return vm_fields(args[0])[SLICE_F_STEP];
}

static const vm_method_def slice_methods[] = {
    {"__new__", slice_new_m, 1, -1, VM_METH_STATIC, NULL},
    CMP_DEFS(slice),
    {"__repr__", slice_repr_m, 1, 1, VM_METH_NOKW, NULL},
    {"indices", slice_indices_m, 2, 2, VM_METH_NOKW, NULL},
    {"start", slice_start_m, 1, 1, VM_METH_GETTER, NULL},
    {"stop", slice_stop_m, 1, 1, VM_METH_GETTER, NULL},
    {"step", slice_step_m, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

/* ---------------------------------------------------------------------------------------
 * enumerate, zip, map, filter, reversed
 */
static vm_value enum_new_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    static const char *const names[] = {"iterable", "start"};
    vm_value out[2];
    if (!vm_bind_args("enumerate", args + 1, nargs - 1, kwnames, names, 2, 2, 0, out))
        return VM_NULL;
    if (!out[0]) {
        vm_raise(VM_TYPE(TypeError), "enumerate() missing required argument 'iterable'");
        return VM_NULL;
    }
    vm_value start = vm_small(0);
    if (out[1] && !(start = vm_index_value(out[1])))
        return VM_NULL;
    vm_value it = vm_iter(out[0]);
    if (!it)
        return VM_NULL;
    vm_value e = vm_obj_new(args[0], ENUM_NFIELDS);
    if (!e)
        return vm_raise_nomem();
    vm_fields(e)[ENUM_F_ITER] = it;
    vm_fields(e)[ENUM_F_COUNT] = start;
    return e;
}

static vm_value enum_next(vm_value e)
{
    vm_value x = vm_next(vm_field(e, ENUM_F_ITER));
    if (!x)
        return VM_NULL;
    vm_value count = vm_field(e, ENUM_F_COUNT);
    vm_value next = vm_is_small(count) && vm_small_value(count) < VM_SMALL_MAX
                        ? vm_small(vm_small_value(count) + 1)
                        : iadd(count, vm_small(1));
    vm_value t = next ? vm_tuple_new(2) : VM_NULL;
    if (!t)
        return next ? vm_raise_nomem() : VM_NULL;
    vm_set_field(e, ENUM_F_COUNT, next);
    vm_tuple_items(t)[0] = count;
    vm_tuple_items(t)[1] = x;
    return t;
}

static vm_value zip_new_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    bool strict = false;
    if (kwnames) {
        int64_t nk = vm_tuple_length(kwnames);
        for (int64_t i = 0; i < nk; i++) {
            vm_value kn = vm_tuple_items(kwnames)[i];
            if (!vm_str_eq_c(kn, "strict")) {
                vm_raise(VM_TYPE(TypeError), "zip() got an unexpected keyword argument '%U'", kn);
                return VM_NULL;
            }
            int t = vm_truth(args[nargs + i]);
            if (t < 0)
                return VM_NULL;
            strict = t;
        }
    }
    vm_value iters = vm_tuple_new((size_t)(nargs - 1));
    if (!iters)
        return vm_raise_nomem();
    for (int64_t i = 1; i < nargs; i++) {
        vm_value it = vm_iter(args[i]);
        if (!it)
            return VM_NULL;
        vm_tuple_items(iters)[i - 1] = it;
    }
    vm_value z = vm_obj_new(args[0], ZIP_NFIELDS);
    if (!z)
        return vm_raise_nomem();
    vm_fields(z)[ZIP_F_ITERS] = iters;
    vm_fields(z)[ZIP_F_STRICT] = cont_bool(strict);
    return z;
}

static vm_value zip_next(vm_value z)
{
    vm_value iters = vm_field(z, ZIP_F_ITERS);
    int64_t n = vm_tuple_length(iters);
    if (n == 0)
        return VM_NULL;
    vm_value t = vm_tuple_new((size_t)n);
    if (!t)
        return vm_raise_nomem();
    for (int64_t i = 0; i < n; i++) {
        vm_value x = vm_next(vm_tuple_items(iters)[i]);
        if (x) {
            vm_tuple_items(t)[i] = x;
            continue;
        }
        if (vm_error_pending() || vm_field(z, ZIP_F_STRICT) != VM_TRUE)
            return VM_NULL;
        if (i) {
            vm_raise(VM_TYPE(ValueError), "zip() argument %d is shorter than argument%s%d",
                     (int)(i + 1), i == 1 ? " " : "s 1-", (int)i);
            return VM_NULL;
        }
        for (int64_t j = 1; j < n; j++) {
            vm_value y = vm_next(vm_tuple_items(iters)[j]);
            if (y) {
                vm_raise(VM_TYPE(ValueError), "zip() argument %d is longer than argument%s%d",
                         (int)(j + 1), j == 1 ? " " : "s 1-", (int)j);
                return VM_NULL;
            }
            if (vm_error_pending())
                return VM_NULL;
        }
        return VM_NULL;
    }
    return t;
}

static vm_value map_new_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (args[0] == VM_TYPE(MAP) && !no_kwargs("map", kwnames))
        return VM_NULL;
    if (nargs < 3) {
        vm_raise(VM_TYPE(TypeError), "map() must have at least two arguments.");
        return VM_NULL;
    }
    vm_value iters = vm_tuple_new((size_t)(nargs - 2));
    if (!iters)
        return vm_raise_nomem();
    for (int64_t i = 2; i < nargs; i++) {
        vm_value it = vm_iter(args[i]);
        if (!it)
            return VM_NULL;
        vm_tuple_items(iters)[i - 2] = it;
    }
    vm_value m = vm_obj_new(args[0], MAP_NFIELDS);
    if (!m)
        return vm_raise_nomem();
    vm_fields(m)[MAP_F_FUNC] = args[1];
    vm_fields(m)[MAP_F_ITERS] = iters;
    return m;
}

static vm_value map_next(vm_value m)
{
    vm_value iters = vm_field(m, MAP_F_ITERS), func = vm_field(m, MAP_F_FUNC);
    int64_t n = vm_tuple_length(iters);
    if (n == 1) {
        vm_value x = vm_next(vm_tuple_items(iters)[0]);
        return x ? vm_call1(func, x) : VM_NULL;
    }
    vm_value t = vm_tuple_new((size_t)n);
    if (!t)
        return vm_raise_nomem();
    for (int64_t i = 0; i < n; i++) {
        vm_value x = vm_next(vm_tuple_items(iters)[i]);
        if (!x)
            return VM_NULL;
        vm_tuple_items(t)[i] = x;
    }
    return vm_call(func, vm_tuple_items(t), n, VM_NULL);
}

static vm_value filter_new_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (args[0] == VM_TYPE(FILTER) && !no_kwargs("filter", kwnames))
        return VM_NULL;
    if (nargs != 3) {
        vm_raise(VM_TYPE(TypeError), "filter expected 2 arguments, got %d", (int)(nargs - 1));
        return VM_NULL;
    }
    vm_value it = vm_iter(args[2]);
    if (!it)
        return VM_NULL;
    vm_value f = vm_obj_new(args[0], FILTER_NFIELDS);
    if (!f)
        return vm_raise_nomem();
    vm_fields(f)[FILTER_F_FUNC] = args[1];
    vm_fields(f)[FILTER_F_ITER] = it;
    return f;
}

static vm_value filter_next(vm_value f)
{
    vm_value func = vm_field(f, FILTER_F_FUNC), it = vm_field(f, FILTER_F_ITER);
    bool plain = func == VM_NONE || func == VM_TYPE(BOOL);
    for (;;) {
        vm_value x = vm_next(it);
        if (!x)
            return VM_NULL;
        vm_value r = plain ? x : vm_call1(func, x);
        if (!r)
            return VM_NULL;
        int t = vm_truth(r);
        if (t < 0)
            return VM_NULL;
        if (t)
            return x;
    }
}

static vm_value reversed_new_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (args[0] == VM_TYPE(REVERSED) && !no_kwargs("reversed", kwnames))
        return VM_NULL;
    if (nargs != 2) {
        vm_raise(VM_TYPE(TypeError), "reversed expected 1 argument, got %d", (int)(nargs - 1));
        return VM_NULL;
    }
    vm_value seq = args[1], t = vm_type_of(seq);
    vm_value rev = vm_type_lookup_c(t, "__reversed__");
    if (rev == VM_NONE) {
        vm_raise(VM_TYPE(TypeError), "'%T' object is not reversible", seq);
        return VM_NULL;
    }
    if (rev)
        return vm_call_method(seq, "__reversed__", NULL, 0);
    if (!vm_type_lookup_c(t, "__getitem__") || vm_has_layout(seq, VM_L_DICT) ||
        !vm_type_lookup_c(t, "__len__")) {
        vm_raise(VM_TYPE(TypeError), "'%T' object is not reversible", seq);
        return VM_NULL;
    }
    int64_t n = vm_len(seq);
    if (n < 0)
        return VM_NULL;
    vm_value r = vm_obj_new(args[0], REV_NFIELDS);
    if (!r)
        return vm_raise_nomem();
    vm_fields(r)[REV_F_SEQ] = seq;
    vm_fields(r)[REV_F_INDEX] = vm_small(n - 1);
    return r;
}

static vm_value reversed_next(vm_value r)
{
    int64_t i = vm_small_value(vm_field(r, REV_F_INDEX));
    vm_value seq = vm_field(r, REV_F_SEQ);
    if (i >= 0 && seq) {
        vm_value x = vm_getitem(seq, vm_small(i));
        if (x) {
            vm_set_field(r, REV_F_INDEX, vm_small(i - 1));
            return x;
        }
        if (!vm_exc_matches(VM_TYPE(IndexError)) && !vm_exc_matches(VM_TYPE(StopIteration)))
            return VM_NULL;
    }
    vm_set_field(r, REV_F_INDEX, vm_small(-1));
    vm_set_field(r, REV_F_SEQ, VM_NULL);
    return VM_NULL;
}

static vm_value reversed_length_hint(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    vm_value seq = vm_field(args[0], REV_F_SEQ);
    int64_t i = vm_small_value(vm_field(args[0], REV_F_INDEX));
    if (!seq)
        return vm_small(0);
    int64_t n = vm_len(seq);
    if (n < 0)
        return VM_NULL;
    return vm_small(n < i + 1 ? 0 : i + 1);
}

/* ---------------------------------------------------------------------------------------
 * The iterators over __getitem__ and over a callable
 */
static vm_value seqiter_next(vm_value it)
{
    vm_value seq = vm_field(it, SEQIT_F_SEQ);
    if (!seq)
        return VM_NULL;
    int64_t i = vm_small_value(vm_field(it, SEQIT_F_INDEX));
    vm_value x = vm_getitem(seq, vm_small(i));
    if (x) {
        vm_set_field(it, SEQIT_F_INDEX, vm_small(i + 1));
        return x;
    }
    if (vm_exc_matches(VM_TYPE(IndexError)) || vm_exc_matches(VM_TYPE(StopIteration)))
        vm_set_field(it, SEQIT_F_SEQ, VM_NULL);
    return VM_NULL;
}

static vm_value callit_next(vm_value it)
{
    vm_value func = vm_field(it, CALLIT_F_FUNC);
    if (!func)
        return VM_NULL;
    vm_value r = vm_call0(func);
    if (!r) {
        if (vm_exc_matches(VM_TYPE(StopIteration)))
            vm_set_field(it, CALLIT_F_FUNC, VM_NULL);
        return VM_NULL;
    }
    int e = vm_eq(r, vm_field(it, CALLIT_F_SENTINEL));
    if (e < 0)
        return VM_NULL;
    if (e) {
        vm_set_field(it, CALLIT_F_FUNC, VM_NULL);
        return VM_NULL;
    }
    return r;
}

/* The str iterator (made by vm/strobj.c: fields [str or VM_NULL once exhausted, index]). */
static vm_value str_iter_next(vm_value it)
{
    vm_value s = vm_field(it, 0);
    if (!s)
        return VM_NULL;
    int64_t i = vm_small_value(vm_field(it, 1));
    vm_ustr u = vm_str_view(s);
    if (i >= (int64_t)u.len) {
        vm_set_field(it, 0, VM_NULL);
        return VM_NULL;
    }
    vm_set_field(it, 1, vm_small(i + 1));
    vm_value c = vm_str_from_ustr(vm_ustr_slice(u, (size_t)i, (size_t)i + 1));
    return c ? c : vm_raise_nomem();
}

/* ---------------------------------------------------------------------------------------
 * vm_builtin_next
 */
vm_value vm_builtin_next(vm_value it, bool *handled)
{
    *handled = true;
    if (vm_is_ref(it)) {
        vm_value t = vm_type_of(it);
        vm_value *types = vm_builtin_types;
        if (t == types[VM_T_LIST_ITERATOR])
            return cont_list_iter_next(it);
        if (t == types[VM_T_RANGE_ITERATOR])
            return range_iter_next(it);
        if (t == types[VM_T_TUPLE_ITERATOR])
            return cont_tuple_iter_next(it);
        if (t == types[VM_T_DICT_KEYITERATOR] || t == types[VM_T_DICT_VALUEITERATOR] ||
            t == types[VM_T_DICT_ITEMITERATOR])
            return cont_dictiter_next(it);
        if (t == types[VM_T_SET_ITERATOR])
            return cont_setiter_next(it);
        if (t == types[VM_T_ENUMERATE])
            return enum_next(it);
        if (t == types[VM_T_ZIP])
            return zip_next(it);
        if (t == types[VM_T_MAP])
            return map_next(it);
        if (t == types[VM_T_FILTER])
            return filter_next(it);
        if (t == types[VM_T_REVERSED])
            return reversed_next(it);
        if (t == types[VM_T_LIST_REVITERATOR])
            return cont_list_reviter_next(it);
        if (t == types[VM_T_SEQ_ITERATOR])
            return seqiter_next(it);
        if (t == types[VM_T_CALLABLE_ITERATOR])
            return callit_next(it);
        if (t == types[VM_T_STR_ITERATOR])
            return str_iter_next(it);
    }
    *handled = false;
    return VM_NULL;
}

/* __next__ of the subclassable iterators (a subclass's instance is not handled by
 * vm_builtin_next, which takes exact types only). */
#define NEXT_METHOD(name, fn)                                                              \
    static vm_value name(vm_value *args, int64_t nargs, vm_value kwnames)                  \
    {                                                                                      \
        UNUSED_ARGS;                                                                       \
        vm_value x = fn(args[0]);                                                          \
        if (!x && !vm_error_pending())                                                     \
            cont_raise_stop();                                        \
        return x;                                                                          \
    }
NEXT_METHOD(enum_next_m, enum_next)
NEXT_METHOD(zip_next_m, zip_next)
NEXT_METHOD(map_next_m, map_next)
NEXT_METHOD(filter_next_m, filter_next)
NEXT_METHOD(reversed_next_m, reversed_next)
#undef NEXT_METHOD

static vm_value iter_self_m(vm_value *args, int64_t nargs, vm_value kwnames)
{
    UNUSED_ARGS;
    return args[0];
}

#define ITER_TYPE_METHODS(prefix, newf, nextf)                                             \
    static const vm_method_def prefix##_methods[] = {                                      \
        {"__new__", newf, 1, -1, VM_METH_STATIC, NULL},                                    \
        {"__iter__", iter_self_m, 1, 1, VM_METH_NOKW, NULL},                               \
        {"__next__", nextf, 1, 1, VM_METH_NOKW, NULL},                                     \
        {NULL, NULL, 0, 0, 0, NULL},                                                       \
    };
ITER_TYPE_METHODS(enum, enum_new_m, enum_next_m)
ITER_TYPE_METHODS(zip, zip_new_m, zip_next_m)
ITER_TYPE_METHODS(map, map_new_m, map_next_m)
ITER_TYPE_METHODS(filter, filter_new_m, filter_next_m)
ITER_TYPE_METHODS(reversed, reversed_new_m, reversed_next_m)
#undef ITER_TYPE_METHODS

static const vm_method_def reversed_extra[] = {
    {"__length_hint__", reversed_length_hint, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

void cont_init_iter(void)
{
    vm_type_add_methods(VM_TYPE(RANGE), range_methods);
    vm_type_add_methods(VM_TYPE(RANGE_ITERATOR), cont_iter_methods);
    vm_type_add_methods(VM_TYPE(RANGE_ITERATOR), rangeiter_methods);
    vm_type_add_methods(VM_TYPE(SLICE), slice_methods);
    stm_read((stm_ref)VM_TYPE(SLICE));
    vm_dict_setitem_c(TY(VM_TYPE(SLICE))->dict, "__hash__", VM_NONE);
    static const struct { vm_builtin_type t; const vm_method_def *defs; int nfields; } its[] = {
        {VM_T_ENUMERATE, enum_methods, ENUM_NFIELDS},
        {VM_T_ZIP, zip_methods, ZIP_NFIELDS},
        {VM_T_MAP, map_methods, MAP_NFIELDS},
        {VM_T_FILTER, filter_methods, FILTER_NFIELDS},
        {VM_T_REVERSED, reversed_methods, REV_NFIELDS},
    };
    for (size_t i = 0; i < sizeof its / sizeof its[0]; i++) {
        vm_value t = VM_TYPE_I(its[i].t);
        stm_write((stm_ref)t);
        vm_type_set_fields(t, (uint32_t)its[i].nfields, -1);
        vm_type_add_methods(t, its[i].defs);
    }
    vm_type_add_methods(VM_TYPE(REVERSED), reversed_extra);
    vm_type_add_methods(VM_TYPE(SEQ_ITERATOR), cont_iter_methods);
    vm_type_add_methods(VM_TYPE(CALLABLE_ITERATOR), cont_iter_methods);
}

#undef UNUSED_ARGS

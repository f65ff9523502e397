/* vm/memview.c — memoryview over bytes and bytearray: one-dimensional, format 'B'.  A view
 * reads its object's bytes at each access (vm_strobj_buffer), so it sees a bytearray's
 * changes; slices are views with a start and a step. */
#include <stdlib.h>
#include <string.h>

#include "vm/interp.h"
#include "vm/strobj_shared.h"

enum { MV_OBJ, MV_START, MV_LEN, MV_STEP, MV_RELEASED, MV_NFIELDS };

static bool mv_data(vm_value mv, const uint8_t **data, size_t *n)
{
    if (vm_field(mv, MV_RELEASED) == VM_TRUE) {
        vm_raise(VM_TYPE(ValueError), "operation forbidden on released memoryview object");
        return false;
    }
    if (!vm_strobj_buffer(vm_field(mv, MV_OBJ), data, n)) {
        vm_raise(VM_TYPE(TypeError), "memoryview: a bytes-like object is required");
        return false;
    }
    return true;
}

static int64_t F(vm_value mv, int i) { return vm_small_value(vm_field(mv, i)); }

static vm_value mv_make(vm_value obj, int64_t start, int64_t len, int64_t step)
{
    vm_value m = vm_obj_new(VM_TYPE(MEMORYVIEW), MV_NFIELDS);
    if (!m)
        return vm_raise_nomem();
    vm_value *f = vm_fields(m);
    f[MV_OBJ] = obj;
    f[MV_START] = vm_small(start);
    f[MV_LEN] = vm_small(len);
    f[MV_STEP] = vm_small(step);
    f[MV_RELEASED] = VM_FALSE;
    return m;
}

static vm_value mv_new(vm_value *a, int64_t n, vm_value k)
{
    static const char *const names[] = {"object"};
    vm_value v[1];
    if (!vm_bind_args("memoryview", a + 1, n - 1, k, names, 1, 1, 1, v))
        return VM_NULL;
    if (vm_is_type(v[0], VM_T_MEMORYVIEW))
        return mv_make(vm_field(v[0], MV_OBJ), F(v[0], MV_START), F(v[0], MV_LEN), F(v[0], MV_STEP));
    const uint8_t *d;
    size_t len;
    if (!vm_strobj_buffer(v[0], &d, &len)) {
        vm_raise(VM_TYPE(TypeError), "memoryview: a bytes-like object is required, not '%T'", v[0]);
        return VM_NULL;
    }
    return mv_make(v[0], 0, (int64_t)len, 1);
}

/* the view's bytes, copied into a new bytes object */
static vm_value mv_tobytes_v(vm_value mv)
{
    const uint8_t *d;
    size_t n;
    if (!mv_data(mv, &d, &n))
        return VM_NULL;
    int64_t start = F(mv, MV_START), len = F(mv, MV_LEN), step = F(mv, MV_STEP);
    uint8_t tmp[256], *buf = len <= 256 ? tmp : malloc((size_t)len);
    for (int64_t i = 0; i < len; i++) {
        int64_t j = start + i * step;
        buf[i] = j >= 0 && (size_t)j < n ? d[j] : 0;
    }
    vm_value r = vm_bytes_new(buf, (size_t)len);
    if (buf != tmp)
        free(buf);
    return r ? r : vm_raise_nomem();
}

static vm_value mv_tobytes(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return mv_tobytes_v(a[0]); }

static vm_value mv_tolist(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value b = mv_tobytes_v(a[0]);
    if (!b)
        return VM_NULL;
    const vm_bytes *o = vm_obj(b);
    vm_value l = vm_list_new(o->length);
    for (int64_t i = 0; l && i < o->length; i++)
        vm_list_append(l, vm_small(((const vm_bytes *)vm_obj(b))->data[i]));
    return l ? l : vm_raise_nomem();
}

static vm_value mv_len(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    const uint8_t *d;
    size_t sz;
    if (!mv_data(a[0], &d, &sz))
        return VM_NULL;
    return vm_small(F(a[0], MV_LEN));
}

static vm_value mv_getitem(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value mv = a[0], key = a[1];
    const uint8_t *d;
    size_t sz;
    if (!mv_data(mv, &d, &sz))
        return VM_NULL;
    int64_t len = F(mv, MV_LEN);
    if (vm_is_type(key, VM_T_SLICE)) {
        int64_t start, stop, step, slen;
        if (!vm_slice_indices(key, len, &start, &stop, &step, &slen))
            return VM_NULL;
        return mv_make(vm_field(mv, MV_OBJ), F(mv, MV_START) + start * F(mv, MV_STEP), slen,
                       step * F(mv, MV_STEP));
    }
    int64_t i;
    if (!vm_index(key, &i)) {
        if (vm_exc_matches(VM_TYPE(TypeError)))
            vm_raise(VM_TYPE(TypeError), "memoryview: invalid slice key");
        return VM_NULL;
    }
    if (i < 0)
        i += len;
    if (i < 0 || i >= len) {
        vm_raise(VM_TYPE(IndexError), "index out of bounds on dimension 1");
        return VM_NULL;
    }
    int64_t j = F(mv, MV_START) + i * F(mv, MV_STEP);
    return vm_small(j >= 0 && (size_t)j < sz ? d[j] : 0);
}

static vm_value mv_setitem(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value obj = vm_field(a[0], MV_OBJ);
    if (!vm_is_type(obj, VM_T_BYTEARRAY)) {
        vm_raise(VM_TYPE(TypeError), "cannot modify read-only memory");
        return VM_NULL;
    }
    int64_t i;
    if (!vm_index(a[1], &i))
        return VM_NULL;
    int64_t len = F(a[0], MV_LEN);
    if (i < 0)
        i += len;
    if (i < 0 || i >= len) {
        vm_raise(VM_TYPE(IndexError), "index out of bounds on dimension 1");
        return VM_NULL;
    }
    return vm_setitem(obj, vm_small(F(a[0], MV_START) + i * F(a[0], MV_STEP)), a[2]) < 0 ? VM_NULL : VM_NONE;
}

static vm_value mv_eq(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value other = a[1];
    if (vm_is_type(other, VM_T_MEMORYVIEW))
        other = mv_tobytes_v(other);
    const uint8_t *d;
    size_t sz;
    if (!other || !vm_strobj_buffer(other, &d, &sz))
        return other ? VM_NOTIMPLEMENTED : VM_NULL;
    vm_value mine = mv_tobytes_v(a[0]);
    if (!mine)
        return VM_NULL;
    vm_strobj_buffer(other, &d, &sz);
    const vm_bytes *b = vm_obj(mine);
    return (size_t)b->length == sz && memcmp(b->data, d, sz) == 0 ? VM_TRUE : VM_FALSE;
}

static vm_value mv_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    const char *what = vm_field(a[0], MV_RELEASED) == VM_TRUE ? "released memory" : "memory";
    return vm_format("<%s at %s>", what, vm_hex_id(stm_id((stm_ref)a[0])));
}

static vm_value mv_release(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_set_field(a[0], MV_RELEASED, VM_TRUE);
    return VM_NONE;
}

static vm_value mv_enter(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return a[0]; }
static vm_value mv_exit(vm_value *a, int64_t n, vm_value k) { return mv_release(a, n, k); }

static vm_value mv_hex(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value b = mv_tobytes_v(a[0]);
    return b ? vm_call_method(b, "hex", NULL, 0) : VM_NULL;
}

#define MV_CONST(fname, expr)                                                              \
    static vm_value fname(vm_value *a, int64_t n, vm_value k)                              \
    {                                                                                      \
        (void)n; (void)k;                                                                  \
        const uint8_t *d;                                                                  \
        size_t sz;                                                                         \
        if (!mv_data(a[0], &d, &sz))                                                       \
            return VM_NULL;                                                                \
        return expr;                                                                       \
    }
MV_CONST(mv_nbytes, vm_small(F(a[0], MV_LEN)))
MV_CONST(mv_readonly, vm_is_type(vm_field(a[0], MV_OBJ), VM_T_BYTEARRAY) ? VM_FALSE : VM_TRUE)
MV_CONST(mv_format, vm_intern("B"))
MV_CONST(mv_itemsize, vm_small(1))
MV_CONST(mv_ndim, vm_small(1))
MV_CONST(mv_obj, vm_field(a[0], MV_OBJ))

static vm_value one_tuple(vm_value v)
{
    vm_value t = vm_tuple_new(1);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = v;
    return t;
}
MV_CONST(mv_shape, one_tuple(vm_small(F(a[0], MV_LEN))))
MV_CONST(mv_strides, one_tuple(vm_small(F(a[0], MV_STEP))))
MV_CONST(mv_contiguous, F(a[0], MV_STEP) == 1 ? VM_TRUE : VM_FALSE)

static const vm_method_def mv_methods[] = {
    {"__new__", mv_new, 1, -1, VM_METH_STATIC, NULL},
    {"__len__", mv_len, 1, 1, VM_METH_NOKW, NULL},
    {"__getitem__", mv_getitem, 2, 2, VM_METH_NOKW, NULL},
    {"__setitem__", mv_setitem, 3, 3, VM_METH_NOKW, NULL},
    {"__eq__", mv_eq, 2, 2, VM_METH_NOKW, NULL},
    {"__repr__", mv_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__enter__", mv_enter, 1, 1, VM_METH_NOKW, NULL},
    {"__exit__", mv_exit, 1, -1, VM_METH_NOKW, NULL},
    {"tobytes", mv_tobytes, 1, 2, 0, NULL},
    {"tolist", mv_tolist, 1, 1, VM_METH_NOKW, NULL},
    {"release", mv_release, 1, 1, VM_METH_NOKW, NULL},
    {"hex", mv_hex, 1, 1, VM_METH_NOKW, NULL},
    {"nbytes", mv_nbytes, 1, 1, VM_METH_GETTER, NULL},
    {"readonly", mv_readonly, 1, 1, VM_METH_GETTER, NULL},
    {"format", mv_format, 1, 1, VM_METH_GETTER, NULL},
    {"itemsize", mv_itemsize, 1, 1, VM_METH_GETTER, NULL},
    {"ndim", mv_ndim, 1, 1, VM_METH_GETTER, NULL},
    {"obj", mv_obj, 1, 1, VM_METH_GETTER, NULL},
    {"shape", mv_shape, 1, 1, VM_METH_GETTER, NULL},
    {"strides", mv_strides, 1, 1, VM_METH_GETTER, NULL},
    {"contiguous", mv_contiguous, 1, 1, VM_METH_GETTER, NULL},
    {"c_contiguous", mv_contiguous, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

void vm_init_memoryview(void)
{
    vm_type_set_fields(VM_TYPE(MEMORYVIEW), MV_NFIELDS, -1);
    vm_type_add_methods(VM_TYPE(MEMORYVIEW), mv_methods);
    vm_dict_setitem_c(((vm_type *)vm_obj(VM_TYPE(MEMORYVIEW)))->dict, "__hash__", VM_NONE);
}

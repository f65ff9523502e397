/* vm/object.c — values and the immutable builtin objects (vm/object.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/numfmt.h"
#include "vm/object.h"

vm_value vm_singletons[VM_NSINGLETONS];
stm_ref vm_layout_types[VM_LAYOUT_END - VM_LAYOUT_BASE];

static stm_ref type_of_layout(vm_layout l)
{
    return vm_layout_types[l - VM_LAYOUT_BASE];
}

/* ---------------------------------------------------------------------------------------
 * The layouts the GC traces
 */

static void trace_type_only(void *obj, stm_visit_fn visit, void *ctx)
{
    visit(&((vm_object *)obj)->type, ctx);
}

static void trace_tuple(void *obj, stm_visit_fn visit, void *ctx)
{
    vm_tuple *t = obj;
    visit(&t->o.type, ctx);
    for (int64_t i = 0; i < t->length; i++)
        visit(&t->items[i], ctx);   /* small ints are skipped by the GC */
}

static size_t size_int(const void *obj)
{
    return sizeof(vm_int) + ((const vm_int *)obj)->nlimbs * sizeof(uint32_t);
}

static size_t size_str(const void *obj)
{
    const vm_str *s = obj;
    return sizeof(vm_str) + (size_t)s->length * s->kind;
}

static size_t size_bytes(const void *obj)
{
    return sizeof(vm_bytes) + (size_t)((const vm_bytes *)obj)->length;
}

static size_t size_tuple(const void *obj)
{
    return sizeof(vm_tuple) + (size_t)((const vm_tuple *)obj)->length * sizeof(vm_value);
}

static size_t size_float(const void *obj)
{
    (void)obj;
    return sizeof(vm_float);
}

static size_t size_singleton(const void *obj)
{
    (void)obj;
    return sizeof(vm_object);
}

void vm_objects_init(stm_thread *tl)
{
    static const stm_type types[] = {
        [VM_L_SINGLETON - VM_LAYOUT_BASE] = {"singleton", trace_type_only, NULL, size_singleton},
        [VM_L_FLOAT - VM_LAYOUT_BASE] = {"float", trace_type_only, NULL, size_float},
        [VM_L_INT - VM_LAYOUT_BASE] = {"int", trace_type_only, NULL, size_int},
        [VM_L_STR - VM_LAYOUT_BASE] = {"str", trace_type_only, NULL, size_str},
        [VM_L_BYTES - VM_LAYOUT_BASE] = {"bytes", trace_type_only, NULL, size_bytes},
        [VM_L_TUPLE - VM_LAYOUT_BASE] = {"tuple", trace_tuple, NULL, size_tuple},
    };
    for (int l = VM_LAYOUT_BASE; l < VM_LAYOUT_END; l++) {
        stm_register_type((uint32_t)l, &types[l - VM_LAYOUT_BASE]);
        stm_add_global_root(&vm_layout_types[l - VM_LAYOUT_BASE]);
    }
    for (int i = 0; i < VM_NSINGLETONS; i++)
        stm_add_global_root((stm_ref *)&vm_singletons[i]);
    stm_start_transaction(tl);
    for (int i = 0; i < VM_NSINGLETONS; i++) {
        stm_ref r = stm_allocate(sizeof(vm_object), VM_L_SINGLETON);
        if (!r)
            abort();    /* no heap at start-up */
        stm_global_root_set(tl, (stm_ref *)&vm_singletons[i], r);
    }
    stm_commit_transaction(tl);
}

/* A new object of a builtin layout, its type set; VM_NULL when the heap is exhausted. */
static vm_value alloc(size_t size, vm_layout l)
{
    stm_ref r = stm_allocate(size, (uint32_t)l);
    if (r == STM_NULL)
        return VM_NULL;
    ((vm_object *)stm_addr(r))->type = type_of_layout(l);
    return (vm_value)r;
}

/* ---------------------------------------------------------------------------------------
 * float, int
 */

vm_value vm_float_new(double x)
{
    vm_value v = alloc(sizeof(vm_float), VM_L_FLOAT);
    if (v)
        ((vm_float *)vm_obj(v))->value = x;
    return v;
}

vm_value vm_int_from_int64(int64_t i)
{
    if (vm_fits_small(i))
        return vm_small(i);
    uint32_t tmp[2];
    vm_bigint b = {tmp, 0, false};
    vm_bigint_from_int64(&b, i);
    return vm_int_from_bigint(&b);
}

vm_value vm_int_from_bigint(const vm_bigint *a)
{
    int64_t i;
    if (a->n <= 2 && vm_bigint_to_int64(a, &i) && vm_fits_small(i))
        return vm_small(i);
    if (a->n > UINT32_MAX)
        return VM_NULL;
    vm_value v = alloc(sizeof(vm_int) + a->n * sizeof(uint32_t), VM_L_INT);
    if (!v)
        return VM_NULL;
    vm_int *o = vm_obj(v);
    o->nlimbs = (uint32_t)a->n;
    o->negative = a->neg;
    memcpy(o->limbs, a->d, a->n * sizeof(uint32_t));
    return v;
}

bool vm_is_int(vm_value v)
{
    return vm_is_small(v) || vm_has_layout(v, VM_L_INT);
}

void vm_int_view(vm_value v, vm_bigint *view, uint32_t tmp[2])
{
    if (vm_is_small(v)) {
        *view = (vm_bigint){tmp, 0, false};
        vm_bigint_from_int64(view, vm_small_value(v));
        return;
    }
    vm_int *o = vm_obj(v);
    *view = (vm_bigint){o->limbs, o->nlimbs, o->negative != 0};
}

/* ---------------------------------------------------------------------------------------
 * str, bytes
 */

vm_value vm_str_from_ustr(vm_ustr s)
{
    uint32_t maxchar = vm_ustr_maxchar(s);
    uint8_t kind = vm_ustr_kind_for(maxchar);
    if (s.len > (SIZE_MAX - sizeof(vm_str)) / 4)
        return VM_NULL;
    vm_value v = alloc(sizeof(vm_str) + s.len * kind, VM_L_STR);
    if (!v)
        return VM_NULL;
    vm_str *o = vm_obj(v);
    o->length = (int64_t)s.len;
    o->kind = kind;
    o->ascii = maxchar < 128;
    vm_ustr_copy(o->data, kind, 0, s);
    return v;
}

vm_value vm_str_from_utf8(const char *s, size_t n)
{
    /* generalised UTF-8: surrogates encoded as if UTF-8 allowed them */
    vm_ustr_size size;
    if (vm_ustr_decode_size(VM_USTR_UTF8, (const uint8_t *)s, n, VM_USTR_SURROGATEPASS, &size,
                            NULL) != VM_USTR_OK)
        return VM_NULL;
    uint8_t kind = vm_ustr_kind_for(size.maxchar);
    vm_value v = alloc(sizeof(vm_str) + size.len * kind, VM_L_STR);
    if (!v)
        return VM_NULL;
    vm_str *o = vm_obj(v);
    o->length = (int64_t)size.len;
    o->kind = kind;
    o->ascii = size.maxchar < 128;
    vm_ustr_decode(o->data, kind, VM_USTR_UTF8, (const uint8_t *)s, n, VM_USTR_SURROGATEPASS);
    return v;
}

vm_value vm_bytes_new(const void *data, size_t n)
{
    vm_value v = alloc(sizeof(vm_bytes) + n, VM_L_BYTES);
    if (!v)
        return VM_NULL;
    vm_bytes *o = vm_obj(v);
    o->length = (int64_t)n;
    if (n)
        memcpy(o->data, data, n);
    return v;
}

/* ---------------------------------------------------------------------------------------
 * tuple
 */

vm_value vm_tuple_new(size_t n)
{
    if (n > (SIZE_MAX - sizeof(vm_tuple)) / sizeof(vm_value))
        return VM_NULL;
    vm_value v = alloc(sizeof(vm_tuple) + n * sizeof(vm_value), VM_L_TUPLE);
    if (!v)
        return VM_NULL;
    vm_tuple *t = vm_obj(v);
    t->length = (int64_t)n;
    for (size_t i = 0; i < n; i++)
        t->items[i] = VM_NONE;
    return v;
}

/* ---------------------------------------------------------------------------------------
 * Constants
 */

vm_value vm_value_from_const(const vm_ast_const *k)
{
    switch (k->kind) {
    case VM_CONST_NONE: return VM_NONE;
    case VM_CONST_TRUE: return VM_TRUE;
    case VM_CONST_FALSE: return VM_FALSE;
    case VM_CONST_ELLIPSIS: return VM_ELLIPSIS;
    case VM_CONST_INT: return vm_int_from_int64(k->u.i);
    case VM_CONST_BIGINT: {
        vm_bigint b = {(uint32_t *)k->u.big.limbs, k->u.big.n, k->u.big.negative};
        vm_bigint_normalize(&b);
        return vm_int_from_bigint(&b);
    }
    case VM_CONST_FLOAT: return vm_float_new(k->u.f);
    case VM_CONST_STR: return vm_str_from_utf8(k->u.str.s, k->u.str.len);
    case VM_CONST_BYTES: return vm_bytes_new(k->u.str.s, k->u.str.len);
    case VM_CONST_TUPLE: {
        vm_value t = vm_tuple_new(k->u.seq.n);
        if (!t)
            return VM_NULL;
        for (size_t i = 0; i < k->u.seq.n; i++) {
            vm_value item = vm_value_from_const(&k->u.seq.items[i]);
            if (!item)
                return VM_NULL;
            /* re-read: the item's allocation may have collected (t is pinned: it stays) */
            vm_tuple_items(t)[i] = item;
        }
        return t;
    }
    case VM_CONST_COMPLEX:      /* complex and frozenset objects come with the object model */
    case VM_CONST_FROZENSET:
        return VM_NULL;
    }
    return VM_NULL;
}

/* ---------------------------------------------------------------------------------------
 * repr
 */

void vm_repr_simple(vm_value v, vm_buf *out)
{
    if (vm_is_small(v)) {
        vm_buf_printf(out, "%lld", (long long)vm_small_value(v));
        return;
    }
    static const char *const singleton_names[VM_NSINGLETONS] = {
        "None", "True", "False", "Ellipsis", "NotImplemented"};
    for (int i = 0; i < VM_NSINGLETONS; i++)
        if (v == vm_singletons[i]) {
            vm_buf_puts(out, singleton_names[i]);
            return;
        }
    switch (vm_layout_of(v)) {
    case VM_L_FLOAT: {
        char tmp[VM_NUMFMT_REPR_MAX];
        size_t n = vm_numfmt_repr_double(vm_float_value(v), true, tmp);
        vm_buf_put(out, tmp, n);
        return;
    }
    case VM_L_INT: {
        uint32_t t[2];
        vm_bigint b;
        vm_int_view(v, &b, t);
        char *s = malloc(vm_bigint_to_str_cap(&b, 10));
        if (!s)
            abort();
        size_t n = vm_bigint_to_str(&b, 10, s);
        vm_buf_put(out, s, n);
        free(s);
        return;
    }
    case VM_L_STR: {
        vm_ustr s = vm_str_view(v);
        vm_ustr_size size = vm_ustr_repr_size(s, false);
        uint8_t kind = vm_ustr_kind_for(size.maxchar);
        void *buf = malloc(size.len * kind + 1);
        if (!buf)
            abort();
        vm_ustr_repr(buf, kind, s, false);
        vm_ustr r = {buf, size.len, kind};
        size_t nbytes = 0;
        vm_ustr_encode_size(VM_USTR_UTF8, r, VM_USTR_SURROGATEPASS, &nbytes, NULL);
        vm_buf_reserve(out, nbytes);
        vm_ustr_encode((uint8_t *)out->data + out->len, VM_USTR_UTF8, r, VM_USTR_SURROGATEPASS);
        out->len += nbytes;
        out->data[out->len] = '\0';
        free(buf);
        return;
    }
    case VM_L_BYTES: {
        const vm_bytes *b = vm_obj(v);
        vm_ast_const k = {.kind = VM_CONST_BYTES};
        k.u.str.s = (const char *)b->data;
        k.u.str.len = (size_t)b->length;
        vm_ast_const_repr(&k, out);
        return;
    }
    case VM_L_TUPLE: {
        int64_t n = vm_tuple_length(v);
        vm_buf_puts(out, "(");
        for (int64_t i = 0; i < n; i++) {
            if (i)
                vm_buf_puts(out, ", ");
            vm_repr_simple(vm_tuple_items(v)[i], out);
        }
        vm_buf_puts(out, n == 1 ? ",)" : ")");
        return;
    }
    default:
        vm_buf_printf(out, "<object of layout %d>", (int)vm_layout_of(v));
    }
}

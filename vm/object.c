/* vm/object.c — values and the immutable builtin objects (vm/object.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/list.h"
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

static void trace_dict(void *obj, stm_visit_fn visit, void *ctx)
{
    vm_dict *d = obj;
    visit(&d->o.type, ctx);
    visit(&d->table, ctx);
}

static size_t size_dict(const void *obj)
{
    (void)obj;
    return sizeof(vm_dict);
}

static void trace_list(void *obj, stm_visit_fn visit, void *ctx)
{
    vm_list *l = obj;
    visit(&l->o.type, ctx);
    visit(&l->items, ctx);
}

/* OBJ: every word after the header is a value (odd words: tagged data, skipped) */
static void trace_obj(void *obj, stm_visit_fn visit, void *ctx)
{
    vm_object *o = obj;
    size_t n = (stm_size_units(&o->hdr) * 16 - sizeof(stm_hdr)) / 8;
    stm_ref *w = &o->type;
    for (size_t i = 0; i < n; i++)
        visit(&w[i], ctx);
}

static size_t size_complex(const void *obj)
{
    (void)obj;
    return sizeof(vm_complex);
}

static size_t size_list(const void *obj)
{
    (void)obj;
    return sizeof(vm_list);
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

/* CPython's _Py_HashRandomization_Init: PYTHONHASHSEED=0 disables randomisation (a zero
 * key), a number seeds lcg_urandom, anything else (or nothing) takes random bytes. */
static void init_hash_key(void)
{
    const char *seed = getenv("PYTHONHASHSEED");
    uint8_t secret[24];
    if (seed && *seed && strcmp(seed, "random") != 0) {
        unsigned long x = strtoul(seed, NULL, 10);
        if (x == 0) {
            memset(vm_hash_key, 0, sizeof vm_hash_key);
            return;
        }
        uint32_t lcg = (uint32_t)x;
        for (size_t i = 0; i < sizeof secret; i++) {
            lcg = lcg * 214013u + 2531011u;
            secret[i] = (uint8_t)((lcg >> 16) & 0xff);
        }
    } else {
        FILE *f = fopen("/dev/urandom", "rb");
        if (!f || fread(secret, 1, sizeof secret, f) != sizeof secret)
            abort();
        fclose(f);
    }
    memcpy(vm_hash_key, secret, sizeof vm_hash_key);
}

void vm_objects_init(stm_thread *tl)
{
    init_hash_key();
    static const stm_type types[VM_LAYOUT_END - VM_LAYOUT_BASE] = {
        [VM_L_SINGLETON - VM_LAYOUT_BASE] = {"singleton", trace_type_only, NULL, size_singleton},
        [VM_L_FLOAT - VM_LAYOUT_BASE] = {"float", trace_type_only, NULL, size_float},
        [VM_L_INT - VM_LAYOUT_BASE] = {"int", trace_type_only, NULL, size_int},
        [VM_L_STR - VM_LAYOUT_BASE] = {"str", trace_type_only, NULL, size_str},
        [VM_L_BYTES - VM_LAYOUT_BASE] = {"bytes", trace_type_only, NULL, size_bytes},
        [VM_L_TUPLE - VM_LAYOUT_BASE] = {"tuple", trace_tuple, NULL, size_tuple},
        [VM_L_DICT - VM_LAYOUT_BASE] = {"dict", trace_dict, NULL, size_dict},
        [VM_L_LIST - VM_LAYOUT_BASE] = {"list", trace_list, NULL, size_list},
        [VM_L_OBJ - VM_LAYOUT_BASE] = {"object", trace_obj, NULL, NULL},
        [VM_L_COMPLEX - VM_LAYOUT_BASE] = {"complex", trace_type_only, NULL, size_complex},
    };
    for (int l = VM_LAYOUT_BASE; l < VM_LAYOUT_END; l++) {
        if (types[l - VM_LAYOUT_BASE].name)     /* TYPE: vm/type.c registers it */
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
    o->hash = s.len <= 64 ? vm_ustr_hash(vm_str_view(v), vm_hash_key) : -1;
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
    o->hash = size.len <= 64 ? vm_ustr_hash(vm_str_view(v), vm_hash_key) : -1;
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
    case VM_CONST_COMPLEX: return vm_complex_new(k->u.c.real, k->u.c.imag);
    case VM_CONST_FROZENSET:    /* the interpreter makes these (vm/func.c) */
        return VM_NULL;
    }
    return VM_NULL;
}

/* ---------------------------------------------------------------------------------------
 * repr
 */

static void put_ustr(vm_buf *out, vm_ustr s)
{
    size_t nbytes = 0;
    vm_ustr_encode_size(VM_USTR_UTF8, s, VM_USTR_SURROGATEPASS, &nbytes, NULL);
    vm_buf_reserve(out, nbytes);
    vm_ustr_encode((uint8_t *)out->data + out->len, VM_USTR_UTF8, s, VM_USTR_SURROGATEPASS);
    out->len += nbytes;
    out->data[out->len] = '\0';
}

void vm_buf_put_str(vm_buf *out, vm_value str)
{
    put_ustr(out, vm_str_view(str));
}

/* The lists being printed, innermost last: a list inside itself prints as [...], as
 * CPython's Py_ReprEnter makes it. */
typedef struct repr_stack {
    const struct repr_stack *up;
    vm_value list;
} repr_stack;

static void repr_in(vm_value v, vm_buf *out, const repr_stack *up);

void vm_repr_simple(vm_value v, vm_buf *out)
{
    repr_in(v, out, NULL);
}

static void repr_in(vm_value v, vm_buf *out, const repr_stack *up)
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
        put_ustr(out, (vm_ustr){buf, size.len, kind});
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
            repr_in(vm_tuple_items(v)[i], out, up);
        }
        vm_buf_puts(out, n == 1 ? ",)" : ")");
        return;
    }
    case VM_L_LIST: {
        for (const repr_stack *s = up; s; s = s->up)
            if (s->list == v) {
                vm_buf_puts(out, "[...]");
                return;
            }
        repr_stack here = {up, v};
        int64_t n = vm_list_len(v);
        vm_buf_puts(out, "[");
        for (int64_t i = 0; i < n; i++) {
            if (i)
                vm_buf_puts(out, ", ");
            repr_in(vm_list_get(v, i), out, &here);
        }
        vm_buf_puts(out, "]");
        return;
    }
    default:
        vm_buf_printf(out, "<object of layout %d>", (int)vm_layout_of(v));
    }
}

/* ---------------------------------------------------------------------------------------
 * Hashing and equality (Python/pyhash.c, Objects/longobject.c, floatobject.c,
 * tupleobject.c)
 */

uint8_t vm_hash_key[16];

static int64_t fix_hash(uint64_t x)
{
    return (int64_t)x == -1 ? -2 : (int64_t)x;
}

static int64_t hash_int(vm_value v)
{
    uint32_t tmp[2];
    vm_bigint b;
    vm_int_view(v, &b, tmp);
    return vm_bigint_hash(&b);
}

static int64_t hash_pointer(vm_value v)
{
    uint64_t y = (uint64_t)stm_id((stm_ref)v);
    y = (y >> 4) | (y << 60);
    return fix_hash(y);
}

static int64_t hash_double(vm_value obj, double v)
{
    return isnan(v) ? hash_pointer(obj) : vm_numfmt_hash_double(v);
}

/* True and False are the ints 1 and 0 in arithmetic, hashing and comparison. */
static vm_value bool_as_int(vm_value v)
{
    return v == VM_TRUE ? vm_small(1) : v == VM_FALSE ? vm_small(0) : v;
}

bool vm_hash(vm_value v, int64_t *out)
{
    v = bool_as_int(v);
    if (vm_is_small(v) || vm_has_layout(v, VM_L_INT)) {
        *out = hash_int(v);
        return true;
    }
    switch (vm_layout_of(v)) {
    case VM_L_SINGLETON:
        *out = hash_pointer(v);
        return true;
    case VM_L_FLOAT:
        *out = hash_double(v, vm_float_value(v));
        return true;
    case VM_L_STR: {
        vm_str *o = vm_obj(v);
        if (o->hash != -1) {
            *out = o->hash;
            return true;
        }
        *out = vm_ustr_hash(vm_str_view(v), vm_hash_key);
        if (stm_is_young((stm_ref)v))
            o->hash = *out;         /* private to this transaction: no barrier needed */
        return true;
    }
    case VM_L_BYTES: {
        const vm_bytes *b = vm_obj(v);
        *out = vm_ustr_hash((vm_ustr){b->data, (size_t)b->length, 1}, vm_hash_key);
        return true;
    }
    case VM_L_TUPLE: {
        const uint64_t p1 = UINT64_C(11400714785074694791), p2 = UINT64_C(14029467366897019727),
                       p5 = UINT64_C(2870177450012600261);
        int64_t n = vm_tuple_length(v);
        uint64_t acc = p5;
        for (int64_t i = 0; i < n; i++) {
            int64_t lane;
            if (!vm_hash(vm_tuple_items(v)[i], &lane))
                return false;
            acc += (uint64_t)lane * p2;
            acc = (acc << 31) | (acc >> 33);
            acc *= p1;
        }
        acc += (uint64_t)n ^ (p5 ^ UINT64_C(3527539));
        *out = (int64_t)acc == -1 ? 1546275796 : (int64_t)acc;
        return true;
    }
    default:
        return vm_hash_hook ? vm_hash_hook(v, out) : false;
    }
}

bool (*vm_hash_hook)(vm_value v, int64_t *out);
bool (*vm_equal_hook)(vm_value v, vm_value w);

/* An int (or bool) against a float, exactly (float_richcompare's rules). */
static bool int_equals_double(vm_value i, double d)
{
    if (!isfinite(d) || d != floor(d))
        return false;
    uint32_t tmp[2];
    vm_bigint b;
    vm_int_view(i, &b, tmp);
    double back;
    if (vm_bigint_to_double(&b, &back) != VM_BIGINT_OK || back != d)
        return false;
    /* d is an integer and b rounds to it: equal only if b is exactly d */
    vm_bigint db = {NULL, 0, false};
    size_t cap = vm_bigint_from_double_cap(d);
    uint32_t *limbs = malloc((cap ? cap : 1) * sizeof *limbs);
    if (!limbs)
        abort();
    db.d = limbs;
    vm_bigint_from_double(&db, d);
    bool eq = vm_bigint_cmp(&b, &db) == 0;
    free(limbs);
    return eq;
}

bool vm_equal(vm_value v, vm_value w)
{
    if (v == w)
        return !vm_has_layout(v, VM_L_FLOAT) || !isnan(vm_float_value(v));
    if (vm_equal_hook) {
        vm_layout lv = vm_is_ref(v) ? vm_layout_of(v) : VM_L_INT;
        vm_layout lw = vm_is_ref(w) ? vm_layout_of(w) : VM_L_INT;
        if (lv >= VM_L_DICT || lw >= VM_L_DICT)
            return vm_equal_hook(v, w);
    }
    v = bool_as_int(v);
    w = bool_as_int(w);
    bool vi = vm_is_int(v), wi = vm_is_int(w);
    bool vf = vm_has_layout(v, VM_L_FLOAT), wf = vm_has_layout(w, VM_L_FLOAT);
    if (vi && wi) {
        uint32_t t1[2], t2[2];
        vm_bigint a, b;
        vm_int_view(v, &a, t1);
        vm_int_view(w, &b, t2);
        return vm_bigint_cmp(&a, &b) == 0;
    }
    if (vf && wf)
        return vm_float_value(v) == vm_float_value(w);
    if (vi && wf)
        return int_equals_double(v, vm_float_value(w));
    if (vf && wi)
        return int_equals_double(w, vm_float_value(v));
    if (!vm_is_ref(v) || !vm_is_ref(w) || vm_layout_of(v) != vm_layout_of(w))
        return false;
    switch (vm_layout_of(v)) {
    case VM_L_STR: {
        const vm_str *a = vm_obj(v), *b = vm_obj(w);
        if (a->length != b->length || (a->hash != -1 && b->hash != -1 && a->hash != b->hash))
            return false;
        return vm_ustr_equal(vm_str_view(v), vm_str_view(w));
    }
    case VM_L_BYTES: {
        const vm_bytes *a = vm_obj(v), *b = vm_obj(w);
        return a->length == b->length && memcmp(a->data, b->data, (size_t)a->length) == 0;
    }
    case VM_L_TUPLE: {
        int64_t n = vm_tuple_length(v);
        if (n != vm_tuple_length(w))
            return false;
        for (int64_t i = 0; i < n; i++)
            if (!vm_same_key(vm_tuple_items(v)[i], vm_tuple_items(w)[i]))
                return false;
        return true;
    }
    default:
        return false;
    }
}

/* vm/strobj.c — the str type: its methods and dunders, printf-style % formatting (str and
 * bytes), str.format / format_map, and the codecs behind str.encode / bytes.decode.
 *
 * The algorithms are vm/ustr.h's (PEP 393 buffers); this file turns Python arguments into
 * views and results into objects.  Results are allocated once at their exact size where
 * the size is known in advance (the ustr two-call contract, join and concatenation from
 * the items' kinds); otherwise they go through a growable builder (so_sb) that starts at
 * kind 1 and widens when a wider code point arrives.  bytes and bytearray live in
 * vm/strobj_bytes.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/charmap.h"
#include "vm/numfmt.h"
#include "vm/strobj_shared.h"

#define TYPE_ERROR VM_TYPE(TypeError)
#define VALUE_ERROR VM_TYPE(ValueError)

/* ---------------------------------------------------------------------------------------
 * Allocation
 */

vm_value vm_strobj_alloc(size_t len, uint32_t maxchar)
{
    uint8_t kind = vm_ustr_kind_for(maxchar);
    if (len > (size_t)(INT64_MAX / 4) - 64) {
        vm_raise(VM_TYPE(OverflowError), "string is too large");
        return VM_NULL;
    }
    stm_ref r = stm_allocate(sizeof(vm_str) + len * kind, VM_L_STR);
    if (r == STM_NULL)
        return vm_raise_nomem();
    vm_str *o = stm_addr(r);
    o->o.type = (stm_ref)VM_TYPE(STR);
    o->length = (int64_t)len;
    o->hash = -1;
    o->kind = kind;
    o->ascii = maxchar < 128;
    return (vm_value)r;
}

vm_value vm_strobj_done(vm_value s)
{
    vm_str *o = vm_obj(s);
    if (o->length <= 64)
        o->hash = vm_ustr_hash(vm_str_view(s), vm_hash_key);
    return s;
}

vm_value vm_strobj_bytes_alloc(size_t n)
{
    if (n > (size_t)INT64_MAX - 64)
        return vm_raise_nomem();
    stm_ref r = stm_allocate(sizeof(vm_bytes) + n, VM_L_BYTES);
    if (r == STM_NULL)
        return vm_raise_nomem();
    vm_bytes *o = stm_addr(r);
    o->o.type = (stm_ref)VM_TYPE(BYTES);
    o->length = (int64_t)n;
    return (vm_value)r;
}

/* A str holding the view's code points (any kind in, canonical kind out). */
static vm_value str_from_view(vm_ustr s)
{
    uint32_t maxchar = vm_ustr_maxchar(s);
    vm_value r = vm_strobj_alloc(s.len, maxchar);
    if (!r)
        return VM_NULL;
    vm_ustr_copy(so_str_data(r), vm_ustr_kind_for(maxchar), 0, s);
    return vm_strobj_done(r);
}

/* s[start:end] of a str value: s itself when whole (exact str only). */
static vm_value str_substr(vm_value s, size_t start, size_t end)
{
    if (start == 0 && end == (size_t)so_str_len(s) && vm_is_type(s, VM_T_STR))
        return s;
    vm_ustr v = vm_str_view(s);
    vm_ustr part = vm_ustr_slice(v, start, end);
    if (v.kind == 1) {
        vm_value r = vm_strobj_alloc(part.len, ((vm_str *)vm_obj(s))->ascii ? 0 : 0xff);
        if (!r)
            return VM_NULL;
        v = vm_str_view(s);
        memcpy(so_str_data(r), (const uint8_t *)v.data + start, part.len);
        if (!((vm_str *)vm_obj(s))->ascii) {
            /* the part may be ASCII: recompute the flag */
            const uint8_t *d = so_str_data(r);
            uint8_t m = 0;
            for (size_t i = 0; i < part.len; i++)
                m |= d[i];
            ((vm_str *)vm_obj(r))->ascii = m < 128;
        }
        return vm_strobj_done(r);
    }
    uint32_t maxchar = vm_ustr_maxchar(part);
    vm_value r = vm_strobj_alloc(part.len, maxchar);
    if (!r)
        return VM_NULL;
    part = vm_ustr_slice(vm_str_view(s), start, end);
    vm_ustr_copy(so_str_data(r), vm_ustr_kind_for(maxchar), 0, part);
    return vm_strobj_done(r);
}

/* The one-character strs of Latin-1, made at start-up (old, immutable, shared by every
 * thread: as CPython's cache, s[i] and iteration allocate nothing for them). */
static stm_ref latin1_chars[256];

/* The str of exactly one code point. */
static vm_value str_char(uint32_t cp)
{
    if (cp < 256 && latin1_chars[cp])
        return (vm_value)latin1_chars[cp];
    vm_value r = vm_strobj_alloc(1, cp);
    if (!r)
        return VM_NULL;
    vm_ustr_put(so_str_data(r), vm_ustr_kind_for(cp), 0, cp);
    return vm_strobj_done(r);
}

static vm_value str_empty(void)
{
    vm_value r = vm_strobj_alloc(0, 0);
    return r ? vm_strobj_done(r) : VM_NULL;
}

/* self as an exact str (a subclass instance is copied, as CPython's str methods that
 * return "self unchanged" do). */
static vm_value str_exact(vm_value s)
{
    if (vm_is_type(s, VM_T_STR))
        return s;
    vm_ustr v = vm_str_view(s);
    vm_value r = vm_strobj_alloc(v.len, ((vm_str *)vm_obj(s))->ascii ? 0x7f
                                        : v.kind == 1 ? 0xff : v.kind == 2 ? 0xffff : 0x10ffff);
    if (!r)
        return VM_NULL;
    v = vm_str_view(s);
    memcpy(so_str_data(r), v.data, v.len * v.kind);
    return vm_strobj_done(r);
}

/* ---------------------------------------------------------------------------------------
 * The builder
 */

void so_sb_init(so_sb *b)
{
    b->p = NULL;
    b->len = b->cap = 0;
    b->kind = 1;
}

void so_sb_free(so_sb *b)
{
    free(b->p);
    so_sb_init(b);
}

static void sb_grow(so_sb *b, size_t extra)
{
    if (b->len + extra <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra)
        cap *= 2;
    uint8_t *p = realloc(b->p, cap * b->kind);
    if (!p)
        abort();
    b->p = p;
    b->cap = cap;
}

static void sb_widen(so_sb *b, uint8_t kind)
{
    if (kind <= b->kind)
        return;
    size_t cap = b->cap ? b->cap : 64;
    uint8_t *p = malloc(cap * kind);
    if (!p)
        abort();
    vm_ustr_copy(p, kind, 0, vm_ustr_make(b->p, b->len, b->kind));
    free(b->p);
    b->p = p;
    b->cap = cap;
    b->kind = kind;
}

void so_sb_put(so_sb *b, vm_ustr s)
{
    if (s.len == 0)
        return;
    if (s.kind > b->kind)
        sb_widen(b, vm_ustr_kind_for(vm_ustr_maxchar(s)));
    sb_grow(b, s.len);
    if (s.kind == b->kind)
        memcpy(b->p + b->len * b->kind, s.data, s.len * s.kind);
    else
        vm_ustr_copy(b->p, b->kind, b->len, s);
    b->len += s.len;
}

void so_sb_put_str(so_sb *b, vm_value str)
{
    so_sb_put(b, vm_str_view(str));
}

void so_sb_put_char(so_sb *b, uint32_t cp)
{
    if (cp >= 0x100 && vm_ustr_kind_for(cp) > b->kind)
        sb_widen(b, vm_ustr_kind_for(cp));
    sb_grow(b, 1);
    vm_ustr_put(b->p, b->kind, b->len++, cp);
}

void so_sb_put_ascii(so_sb *b, const char *s, size_t n)
{
    so_sb_put(b, vm_ustr_make(s, n, 1));
}

void so_sb_put_utf8(so_sb *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (uint8_t)s[i] < 0x80)
        i++;
    if (i == n) {
        so_sb_put(b, vm_ustr_make(s, n, 1));
        return;
    }
    vm_ustr_size size;
    if (vm_ustr_decode_size(VM_USTR_UTF8, (const uint8_t *)s, n, VM_USTR_SURROGATEPASS, &size,
                            NULL) != VM_USTR_OK) {
        so_sb_put(b, vm_ustr_make(s, n, 1));
        return;
    }
    uint8_t kind = vm_ustr_kind_for(size.maxchar);
    void *tmp = malloc(size.len * kind + 1);
    if (!tmp)
        abort();
    vm_ustr_decode(tmp, kind, VM_USTR_UTF8, (const uint8_t *)s, n, VM_USTR_SURROGATEPASS);
    so_sb_put(b, vm_ustr_make(tmp, size.len, kind));
    free(tmp);
}

vm_value so_sb_finish(so_sb *b)
{
    uint32_t maxchar;
    if (b->kind == 1) {
        uint8_t m = 0;
        for (size_t i = 0; i < b->len; i++)
            m |= b->p[i];
        maxchar = m < 128 ? 0x7f : 0xff;
    } else {
        maxchar = vm_ustr_maxchar(vm_ustr_make(b->p, b->len, b->kind));
    }
    vm_value r = vm_strobj_alloc(b->len, maxchar);
    if (r)
        vm_ustr_copy(so_str_data(r), vm_ustr_kind_for(maxchar), 0,
                     vm_ustr_make(b->p, b->len, b->kind));
    so_sb_free(b);
    return r ? vm_strobj_done(r) : VM_NULL;
}

/* ---------------------------------------------------------------------------------------
 * Argument helpers
 */

bool so_int_view(vm_value v, vm_bigint *view, uint32_t tmp[2])
{
    if (v == VM_TRUE || v == VM_FALSE) {
        *view = (vm_bigint){tmp, 0, false};
        vm_bigint_from_int64(view, v == VM_TRUE);
        return true;
    }
    if (!vm_is_int(v))
        return false;
    vm_int_view(v, view, tmp);
    return true;
}

bool so_ssize_arg(vm_value v, int64_t *out)
{
    if (vm_is_small(v)) {
        *out = vm_small_value(v);
        return true;
    }
    return vm_index(v, out);
}

bool so_slice_arg(vm_value v, ptrdiff_t *out)
{
    if (v == VM_NULL || v == VM_NONE)
        return true;
    if (vm_is_small(v)) {
        *out = (ptrdiff_t)vm_small_value(v);
        return true;
    }
    if (!vm_is_int(v) && v != VM_TRUE && v != VM_FALSE &&
        !vm_type_lookup_c(vm_type_of(v), "__index__")) {
        vm_raise(TYPE_ERROR, "slice indices must be integers or None or have an __index__ "
                             "method");
        return false;
    }
    int64_t i;
    if (!vm_index_clamped(v, &i))
        return false;
    *out = (ptrdiff_t)i;
    return true;
}

/* A str argument: TypeError "must be str, not int" otherwise. */
static bool want_str(vm_value v, const char *what)
{
    if (so_is_str(v))
        return true;
    if (what)
        vm_raise(TYPE_ERROR, "%s must be str, not %T", what, v);
    else
        vm_raise(TYPE_ERROR, "must be str, not %T", v);
    return false;
}

/* The type name argument clinic's messages give ("None" for None). */
static const char *clinic_type_name(vm_value v)
{
    if (v == VM_NONE)
        return "None";
    static __thread char names[4][64];
    static __thread unsigned k;
    char *out = names[k++ % 4];
    vm_buf b = {0};
    vm_type_name(vm_type_of(v), &b);
    snprintf(out, 64, "%s", b.data ? b.data : "?");
    vm_buf_free(&b);
    return out;
}

static vm_value bool_value(bool b) { return b ? VM_TRUE : VM_FALSE; }

static vm_value raise_ustr(vm_ustr_status st, const vm_ustr_error *err)
{
    switch (st) {
    case VM_USTR_EMPTY_SEPARATOR:
        vm_raise(VALUE_ERROR, "empty separator");
        break;
    case VM_USTR_NOT_FOUND:
        vm_raise(VALUE_ERROR, "substring not found");
        break;
    case VM_USTR_TOO_LONG:
        vm_raise(VM_TYPE(OverflowError), "%s", err ? err->msg : "string is too long");
        break;
    case VM_USTR_DECODE_ERROR:
        vm_raise(VM_TYPE(UnicodeDecodeError), "%s", err->msg);
        break;
    case VM_USTR_ENCODE_ERROR:
        vm_raise(VM_TYPE(UnicodeEncodeError), "%s", err->msg);
        break;
    case VM_USTR_MAPPING_RANGE:
        vm_raise(VALUE_ERROR, "character mapping must be in range(0x110000)");
        break;
    case VM_USTR_UNKNOWN_HANDLER:
        vm_raise(strncmp(err->msg, "don't", 5) == 0 ? TYPE_ERROR : VM_TYPE(LookupError), "%s",
                 err->msg);
        break;
    default:
        break;
    }
    return VM_NULL;
}

/* ---------------------------------------------------------------------------------------
 * Exported to the eval loop
 */

vm_value vm_str_concat(vm_value a, vm_value b)
{
    if (!so_is_str(b)) {
        vm_raise(TYPE_ERROR, "can only concatenate str (not \"%T\") to str", b);
        return VM_NULL;
    }
    const vm_str *x = vm_obj(a), *y = vm_obj(b);
    if (y->length == 0 && vm_is_type(a, VM_T_STR))
        return a;
    if (x->length == 0 && vm_is_type(b, VM_T_STR))
        return b;
    if (x->length > INT64_MAX / 4 - y->length) {
        vm_raise(VM_TYPE(OverflowError), "strings are too large to concat");
        return VM_NULL;
    }
    uint8_t kind = x->kind > y->kind ? x->kind : y->kind;
    uint32_t maxchar = x->ascii && y->ascii ? 0x7f : kind == 1 ? 0xff : kind == 2 ? 0xffff
                                                                                 : 0x10ffff;
    size_t la = (size_t)x->length, lb = (size_t)y->length;
    vm_value r = vm_strobj_alloc(la + lb, maxchar);
    if (!r)
        return VM_NULL;
    x = vm_obj(a);
    y = vm_obj(b);
    vm_ustr_copy(so_str_data(r), kind, 0, vm_str_view(a));
    vm_ustr_copy(so_str_data(r), kind, la, vm_str_view(b));
    return vm_strobj_done(r);
}

/* Joins n str values with sep (VM_NULL: none), sizes and kinds known from the objects.
 * items may point into the tuple seq (VM_NULL: a C array or a frame's stack): it is read
 * again after the allocation, which may have moved a young tuple. */
static vm_value join_strs(vm_value sep, vm_value seq, const vm_value *items, int64_t n)
{
    size_t total = 0;
    uint8_t kind = 1;
    bool ascii = true;
    size_t seplen = 0;
    if (sep) {
        const vm_str *s = vm_obj(sep);
        seplen = (size_t)s->length;
        if (n > 1) {
            kind = s->kind;
            ascii = s->ascii;
            total = seplen * (size_t)(n - 1);
        }
    }
    for (int64_t i = 0; i < n; i++) {
        const vm_str *s = vm_obj(items[i]);
        total += (size_t)s->length;
        if (s->kind > kind)
            kind = s->kind;
        ascii &= s->ascii;
        if (total > (size_t)INT64_MAX / 4) {
            vm_raise(VM_TYPE(OverflowError), "join() result is too long for a Python string");
            return VM_NULL;
        }
    }
    if (n == 1 && vm_is_type(items[0], VM_T_STR))
        return items[0];
    uint32_t maxchar = ascii ? 0x7f : kind == 1 ? 0xff : kind == 2 ? 0xffff : 0x10ffff;
    vm_value r = vm_strobj_alloc(total, maxchar);
    if (!r)
        return VM_NULL;
    if (seq)
        items = vm_tuple_items(seq);
    uint8_t *out = so_str_data(r);
    size_t at = 0;
    for (int64_t i = 0; i < n; i++) {
        if (i > 0 && seplen) {
            const vm_str *s = vm_obj(sep);
            if (s->kind == kind)
                memcpy(out + at * kind, s->data, seplen * kind);
            else
                vm_ustr_copy(out, kind, at, vm_str_view(sep));
            at += seplen;
        }
        const vm_str *s = vm_obj(items[i]);
        size_t len = (size_t)s->length;
        if (s->kind == kind)
            memcpy(out + at * kind, s->data, len * kind);
        else
            vm_ustr_copy(out, kind, at, vm_str_view(items[i]));
        at += len;
    }
    return vm_strobj_done(r);
}

vm_value vm_str_join_values(vm_value *items, int64_t n)
{
    return join_strs(VM_NULL, VM_NULL, items, n);
}

vm_value vm_str_repr(vm_value s)
{
    vm_ustr v = vm_str_view(s);
    if (((vm_str *)vm_obj(s))->ascii && v.len < 4096) {
        /* common case: printable ASCII without quotes or backslashes */
        const uint8_t *d = v.data;
        bool plain = true;
        bool has_single = false;
        for (size_t i = 0; i < v.len; i++) {
            uint8_t c = d[i];
            if (c < 0x20 || c == 0x7f || c == '\\') {
                plain = false;
                break;
            }
            if (c == '\'')
                has_single = true;
        }
        if (plain && !has_single) {
            vm_value r = vm_strobj_alloc(v.len + 2, 0x7f);
            if (!r)
                return VM_NULL;
            uint8_t *o = so_str_data(r);
            o[0] = '\'';
            memcpy(o + 1, ((vm_str *)vm_obj(s))->data, v.len);
            o[v.len + 1] = '\'';
            return vm_strobj_done(r);
        }
    }
    vm_ustr_size size = vm_ustr_repr_size(v, false);
    if (size.len == SIZE_MAX) {
        vm_raise(VM_TYPE(OverflowError), "string is too long to generate repr");
        return VM_NULL;
    }
    vm_value r = vm_strobj_alloc(size.len, size.maxchar);
    if (!r)
        return VM_NULL;
    vm_ustr_repr(so_str_data(r), vm_ustr_kind_for(size.maxchar), vm_str_view(s), false);
    return vm_strobj_done(r);
}

/* ---------------------------------------------------------------------------------------
 * str methods: case and predicates
 */

static vm_value case_op(vm_value self, vm_ustr_case_op op)
{
    vm_str *o = vm_obj(self);
    if (o->ascii && (op == VM_USTR_UPPER || op == VM_USTR_LOWER)) {
        size_t n = (size_t)o->length;
        vm_value r = vm_strobj_alloc(n, 0x7f);
        if (!r)
            return VM_NULL;
        const uint8_t *s = ((vm_str *)vm_obj(self))->data;
        uint8_t *d = so_str_data(r);
        if (op == VM_USTR_UPPER) {
            for (size_t i = 0; i < n; i++)
                d[i] = s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i];
        } else {
            for (size_t i = 0; i < n; i++)
                d[i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i];
        }
        return vm_strobj_done(r);
    }
    vm_ustr_size size = vm_ustr_case_size(op, vm_str_view(self));
    vm_value r = vm_strobj_alloc(size.len, size.maxchar);
    if (!r)
        return VM_NULL;
    vm_ustr_case(so_str_data(r), vm_ustr_kind_for(size.maxchar), op, vm_str_view(self));
    return vm_strobj_done(r);
}

#define CASE_METHOD(name, OP)                                                             \
    static vm_value str_##name(vm_value *args, int64_t nargs, vm_value kwnames)           \
    {                                                                                     \
        return case_op(args[0], VM_USTR_##OP);                                            \
    }
CASE_METHOD(upper, UPPER)
CASE_METHOD(lower, LOWER)
CASE_METHOD(casefold, CASEFOLD)
CASE_METHOD(title, TITLE)
CASE_METHOD(capitalize, CAPITALIZE)
CASE_METHOD(swapcase, SWAPCASE)
#undef CASE_METHOD

#define PRED_METHOD(name)                                                                 \
    static vm_value str_##name(vm_value *args, int64_t nargs, vm_value kwnames)           \
    {                                                                                     \
        return bool_value(vm_ustr_##name(vm_str_view(args[0])));                          \
    }
PRED_METHOD(isalpha)
PRED_METHOD(isalnum)
PRED_METHOD(isdecimal)
PRED_METHOD(isdigit)
PRED_METHOD(isnumeric)
PRED_METHOD(isspace)
PRED_METHOD(isupper)
PRED_METHOD(islower)
PRED_METHOD(istitle)
PRED_METHOD(isprintable)
PRED_METHOD(isidentifier)
#undef PRED_METHOD

static vm_value str_isascii(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return bool_value(((vm_str *)vm_obj(args[0]))->ascii);
}

/* ---------------------------------------------------------------------------------------
 * Searching
 */

/* (sub, start, end) of find, count, index...: false on error. */
static bool search_args(vm_value *args, int64_t nargs, ptrdiff_t *start, ptrdiff_t *end)
{
    *start = 0;
    *end = VM_USTR_END;
    if (!want_str(args[1], NULL))
        return false;
    if (nargs > 2 && !so_slice_arg(args[2], start))
        return false;
    if (nargs > 3 && !so_slice_arg(args[3], end))
        return false;
    return true;
}

static vm_value str_find(vm_value *args, int64_t nargs, vm_value kwnames)
{
    ptrdiff_t start, end;
    if (!search_args(args, nargs, &start, &end))
        return VM_NULL;
    return vm_small(vm_ustr_find(vm_str_view(args[0]), vm_str_view(args[1]), start, end));
}

static vm_value str_rfind(vm_value *args, int64_t nargs, vm_value kwnames)
{
    ptrdiff_t start, end;
    if (!search_args(args, nargs, &start, &end))
        return VM_NULL;
    return vm_small(vm_ustr_rfind(vm_str_view(args[0]), vm_str_view(args[1]), start, end));
}

static vm_value str_index_impl(vm_value *args, int64_t nargs, bool last)
{
    ptrdiff_t start, end;
    if (!search_args(args, nargs, &start, &end))
        return VM_NULL;
    ptrdiff_t at = last ? vm_ustr_rfind(vm_str_view(args[0]), vm_str_view(args[1]), start, end)
                        : vm_ustr_find(vm_str_view(args[0]), vm_str_view(args[1]), start, end);
    if (at < 0) {
        vm_raise(VALUE_ERROR, "substring not found");
        return VM_NULL;
    }
    return vm_small(at);
}

static vm_value str_index(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return str_index_impl(args, nargs, false);
}

static vm_value str_rindex(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return str_index_impl(args, nargs, true);
}

static vm_value str_count(vm_value *args, int64_t nargs, vm_value kwnames)
{
    ptrdiff_t start, end;
    if (!search_args(args, nargs, &start, &end))
        return VM_NULL;
    return vm_small(
        (int64_t)vm_ustr_count(vm_str_view(args[0]), vm_str_view(args[1]), start, end));
}

static vm_value startsendswith(vm_value *args, int64_t nargs, bool ends, const char *name)
{
    ptrdiff_t start = 0, end = VM_USTR_END;
    if (nargs > 2 && !so_slice_arg(args[2], &start))
        return VM_NULL;
    if (nargs > 3 && !so_slice_arg(args[3], &end))
        return VM_NULL;
    vm_value x = args[1];
    vm_ustr s = vm_str_view(args[0]);
    if (vm_has_layout(x, VM_L_TUPLE)) {
        int64_t n = vm_tuple_length(x);
        for (int64_t i = 0; i < n; i++) {
            vm_value p = vm_tuple_items(x)[i];
            if (!so_is_str(p)) {
                vm_raise(TYPE_ERROR, "tuple for %s must only contain str, not %T", name, p);
                return VM_NULL;
            }
            if (ends ? vm_ustr_endswith(s, vm_str_view(p), start, end)
                     : vm_ustr_startswith(s, vm_str_view(p), start, end))
                return VM_TRUE;
        }
        return VM_FALSE;
    }
    if (!so_is_str(x)) {
        vm_raise(TYPE_ERROR, "%s first arg must be str or a tuple of str, not %T", name, x);
        return VM_NULL;
    }
    return bool_value(ends ? vm_ustr_endswith(s, vm_str_view(x), start, end)
                           : vm_ustr_startswith(s, vm_str_view(x), start, end));
}

static vm_value str_startswith(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return startsendswith(args, nargs, false, "startswith");
}

static vm_value str_endswith(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return startsendswith(args, nargs, true, "endswith");
}

static vm_value str_contains(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_is_str(args[1])) {
        vm_raise(TYPE_ERROR, "'in <string>' requires string as left operand, not %T", args[1]);
        return VM_NULL;
    }
    return bool_value(vm_ustr_contains(vm_str_view(args[0]), vm_str_view(args[1])));
}

/* ---------------------------------------------------------------------------------------
 * split, partition, strip, join
 */

static vm_value spans_to_list(vm_value s, const vm_ustr_span *spans, size_t n)
{
    vm_value list = vm_list_new((int64_t)n);
    if (!list)
        return vm_raise_nomem();
    for (size_t i = 0; i < n; i++) {
        vm_value part = str_substr(s, spans[i].start, spans[i].end);
        if (!part)
            return VM_NULL;
        if (!vm_list_append(list, part))
            return vm_raise_nomem();
    }
    return list;
}

/* s.split() on whitespace for an ASCII str: the common case, without the span array. */
#define ASCII_WS(c) ((c) == ' ' || ((c) >= 9 && (c) <= 13) || ((c) >= 0x1c && (c) <= 0x1f))
static vm_value split_ascii_ws(vm_value s, int64_t maxsplit)
{
    size_t n = (size_t)so_str_len(s);
    int64_t pieces = 0;
    {
        /* count the pieces first: the list is made at its final size */
        const uint8_t *d = ((vm_str *)vm_obj(s))->data;
        bool in_word = false;
        for (size_t k = 0; k < n; k++) {
            bool ws = ASCII_WS(d[k]);
            if (!ws && !in_word)
                pieces++;
            in_word = !ws;
        }
        if (maxsplit >= 0 && pieces > maxsplit + 1)
            pieces = maxsplit + 1;
    }
    vm_value list = vm_list_new(pieces);
    if (!list)
        return vm_raise_nomem();
    size_t i = 0;
    while (maxsplit != 0) {
        const uint8_t *d = ((vm_str *)vm_obj(s))->data;
        while (i < n && ASCII_WS(d[i]))
            i++;
        if (i == n)
            break;
        size_t j = i;
        while (j < n && !ASCII_WS(d[j]))
            j++;
        vm_value part = str_substr(s, i, j);
        if (!part)
            return VM_NULL;
        if (!vm_list_append(list, part))
            return vm_raise_nomem();
        if (maxsplit > 0)
            maxsplit--;
        i = j;
    }
    if (i < n) {
        const uint8_t *d = ((vm_str *)vm_obj(s))->data;
        while (i < n && ASCII_WS(d[i]))
            i++;
        if (i < n) {
            vm_value part = str_substr(s, i, n);
            if (!part)
                return VM_NULL;
            if (!vm_list_append(list, part))
                return vm_raise_nomem();
        }
    }
    return list;
}
#undef ASCII_WS

/* s.split(sep) with a one-character separator, kind-1 strings. */
static vm_value split_char1(vm_value s, uint8_t c, int64_t maxsplit)
{
    size_t n = (size_t)so_str_len(s);
    int64_t pieces = 1;
    {
        const uint8_t *d = ((vm_str *)vm_obj(s))->data;
        for (size_t k = 0; k < n; k++)
            pieces += d[k] == c;
        if (maxsplit >= 0 && pieces > maxsplit + 1)
            pieces = maxsplit + 1;
    }
    vm_value list = vm_list_new(pieces);
    if (!list)
        return vm_raise_nomem();
    size_t i = 0;
    while (true) {
        const uint8_t *d = ((vm_str *)vm_obj(s))->data;
        const uint8_t *hit = maxsplit != 0 ? memchr(d + i, c, n - i) : NULL;
        size_t j = hit ? (size_t)(hit - d) : n;
        vm_value part = str_substr(s, i, j);
        if (!part)
            return VM_NULL;
        if (!vm_list_append(list, part))
            return vm_raise_nomem();
        if (!hit)
            break;
        if (maxsplit > 0)
            maxsplit--;
        i = j + 1;
    }
    return list;
}

static const char *const split_names[] = {"sep", "maxsplit"};

static vm_value split_impl(vm_value *args, int64_t nargs, vm_value kwnames, bool right)
{
    vm_value a[2];
    if (!so_bind(right ? "rsplit" : "split", args + 1, nargs - 1, kwnames, split_names,
                      2, 2, 0, a))
        return VM_NULL;
    vm_value s = args[0];
    vm_value sep = a[0] && a[0] != VM_NONE ? a[0] : VM_NULL;
    int64_t maxsplit = -1;
    if (a[1] && !so_ssize_arg(a[1], &maxsplit))
        return VM_NULL;
    if (sep && !so_is_str(sep)) {
        vm_raise(TYPE_ERROR, "must be str or None, not %T", sep);
        return VM_NULL;
    }
    if (maxsplit < 0)
        maxsplit = -1;
    const vm_str *o = vm_obj(s);
    if (!right) {
        if (!sep && o->ascii)
            return split_ascii_ws(s, maxsplit);
        if (sep && o->kind == 1 && so_str_len(sep) == 1 &&
            ((vm_str *)vm_obj(sep))->kind == 1)
            return split_char1(s, ((vm_str *)vm_obj(sep))->data[0], maxsplit);
    }
    vm_ustr sepv;
    if (sep)
        sepv = vm_str_view(sep);
    vm_ustr_span *spans = NULL;
    size_t n = 0;
    vm_ustr_status st = right ? vm_ustr_rsplit(vm_str_view(s), sep ? &sepv : NULL,
                                               (ptrdiff_t)maxsplit, &spans, &n)
                              : vm_ustr_split(vm_str_view(s), sep ? &sepv : NULL,
                                              (ptrdiff_t)maxsplit, &spans, &n);
    if (st != VM_USTR_OK)
        return raise_ustr(st, NULL);
    vm_value r = spans_to_list(s, spans, n);
    free(spans);
    return r;
}

static vm_value str_split(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return split_impl(args, nargs, kwnames, false);
}

static vm_value str_rsplit(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return split_impl(args, nargs, kwnames, true);
}

static const char *const keepends_names[] = {"keepends"};

static vm_value str_splitlines(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value a[1];
    if (!so_bind("splitlines", args + 1, nargs - 1, kwnames, keepends_names, 1, 1, 0, a))
        return VM_NULL;
    int keep = 0;
    if (a[0]) {
        keep = vm_truth(a[0]);
        if (keep < 0)
            return VM_NULL;
    }
    vm_ustr_span *spans = NULL;
    size_t n = 0;
    vm_ustr_splitlines(vm_str_view(args[0]), keep, &spans, &n);
    vm_value r = spans_to_list(args[0], spans, n);
    free(spans);
    return r;
}

static vm_value partition_impl(vm_value *args, bool right)
{
    vm_value s = args[0], sep = args[1];
    if (!want_str(sep, NULL))
        return VM_NULL;
    vm_ustr_span sp[3];
    vm_ustr_status st = right ? vm_ustr_rpartition(vm_str_view(s), vm_str_view(sep), sp)
                              : vm_ustr_partition(vm_str_view(s), vm_str_view(sep), sp);
    if (st != VM_USTR_OK)
        return raise_ustr(st, NULL);
    vm_value parts[3];
    bool found = sp[1].end > sp[1].start;
    for (int i = 0; i < 3; i++) {
        if (i == 1 && found)
            parts[i] = sep;     /* CPython returns the separator object itself */
        else if (!found && i == (right ? 2 : 0))
            parts[i] = s;       /* and the string itself when it is not found */
        else
            parts[i] = str_substr(s, sp[i].start, sp[i].end);
        if (!parts[i])
            return VM_NULL;
    }
    vm_value t = vm_tuple_new(3);
    if (!t)
        return vm_raise_nomem();
    for (int i = 0; i < 3; i++)
        vm_tuple_items(t)[i] = parts[i];
    return t;
}

static vm_value str_partition(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return partition_impl(args, false);
}

static vm_value str_rpartition(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return partition_impl(args, true);
}

static vm_value strip_impl(vm_value *args, int64_t nargs, vm_ustr_strip_how how)
{
    vm_value s = args[0];
    vm_value chars = nargs > 1 && args[1] != VM_NONE ? args[1] : VM_NULL;
    if (chars && !so_is_str(chars)) {
        vm_raise(TYPE_ERROR, "%s arg must be None or str",
                 how == VM_USTR_STRIP_BOTH ? "strip" : how == VM_USTR_STRIP_LEFT ? "lstrip"
                                                                                 : "rstrip");
        return VM_NULL;
    }
    vm_ustr cv;
    if (chars)
        cv = vm_str_view(chars);
    vm_ustr_span sp = vm_ustr_strip(vm_str_view(s), chars ? &cv : NULL, how);
    return str_substr(s, sp.start, sp.end);
}

static vm_value str_strip(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return strip_impl(args, nargs, VM_USTR_STRIP_BOTH);
}

static vm_value str_lstrip(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return strip_impl(args, nargs, VM_USTR_STRIP_LEFT);
}

static vm_value str_rstrip(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return strip_impl(args, nargs, VM_USTR_STRIP_RIGHT);
}

static vm_value str_join(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value sep = args[0], it = args[1];
    vm_value seq;
    const vm_value *items;
    int64_t n;
    if (vm_has_layout(it, VM_L_TUPLE)) {
        seq = it;
        items = vm_tuple_items(it);
        n = vm_tuple_length(it);
    } else {
        if (!vm_has_layout(it, VM_L_LIST) &&
            !vm_type_lookup_c(vm_type_of(it), "__iter__") &&
            !vm_type_lookup_c(vm_type_of(it), "__getitem__")) {
            vm_raise(TYPE_ERROR, "can only join an iterable");
            return VM_NULL;
        }
        vm_value list = vm_has_layout(it, VM_L_LIST) ? it : vm_list_from_iterable(it);
        if (!list)
            return VM_NULL;
        seq = vm_list_as_tuple(list);
        if (!seq)
            return VM_NULL;
        items = vm_tuple_items(seq);
        n = vm_tuple_length(seq);
    }
    for (int64_t i = 0; i < n; i++) {
        if (!so_is_str(items[i])) {
            vm_raise(TYPE_ERROR, "sequence item %ld: expected str instance, %T found", (long)i,
                     items[i]);
            return VM_NULL;
        }
    }
    if (n == 0)
        return str_empty();
    return join_strs(sep, seq, items, n);
}

/* ---------------------------------------------------------------------------------------
 * Building: replace, pad, expandtabs, affixes, translate
 */

/* s.replace(old, new, count) when all three are kind 1 and old is not empty: positions
 * found with memchr/memcmp, the result allocated once at its size. */
static vm_value replace_kind1(vm_value s, vm_value old, vm_value new_, int64_t count)
{
    size_t n = (size_t)so_str_len(s), lo = (size_t)so_str_len(old),
           ln = (size_t)so_str_len(new_);
    size_t maxcount = count < 0 ? SIZE_MAX : (size_t)count;
    size_t stack_pos[64];
    size_t *pos = stack_pos, cap = 64, hits = 0;
    const uint8_t *d = ((vm_str *)vm_obj(s))->data, *o = ((vm_str *)vm_obj(old))->data;
    size_t i = 0;
    while (hits < maxcount && i + lo <= n) {
        const uint8_t *h = memchr(d + i, o[0], n - lo + 1 - i);
        if (!h)
            break;
        size_t at = (size_t)(h - d);
        if (lo == 1 || memcmp(h + 1, o + 1, lo - 1) == 0) {
            if (hits == cap) {
                size_t *np = malloc(cap * 2 * sizeof *np);
                if (!np)
                    abort();
                memcpy(np, pos, hits * sizeof *np);
                if (pos != stack_pos)
                    free(pos);
                pos = np;
                cap *= 2;
            }
            pos[hits++] = at;
            i = at + lo;
        } else {
            i = at + 1;
        }
    }
    if (hits == 0) {
        if (pos != stack_pos)
            free(pos);
        return str_exact(s);
    }
    if (ln > lo && (SIZE_MAX / 8 - n) / (ln - lo) < hits) {
        if (pos != stack_pos)
            free(pos);
        vm_raise(VM_TYPE(OverflowError), "replace string is too long");
        return VM_NULL;
    }
    size_t total = n - hits * lo + hits * ln;
    bool ascii = ((vm_str *)vm_obj(s))->ascii && ((vm_str *)vm_obj(new_))->ascii;
    vm_value r = vm_strobj_alloc(total, ascii ? 0x7f : 0xff);
    if (!r) {
        if (pos != stack_pos)
            free(pos);
        return VM_NULL;
    }
    d = ((vm_str *)vm_obj(s))->data;
    const uint8_t *nw = ((vm_str *)vm_obj(new_))->data;
    uint8_t *out = so_str_data(r);
    size_t from = 0, at = 0;
    for (size_t k = 0; k < hits; k++) {
        memcpy(out + at, d + from, pos[k] - from);
        at += pos[k] - from;
        if (ln == 1)
            out[at] = nw[0];
        else
            memcpy(out + at, nw, ln);
        at += ln;
        from = pos[k] + lo;
    }
    memcpy(out + at, d + from, n - from);
    if (pos != stack_pos)
        free(pos);
    if (!ascii) {
        uint8_t m = 0;
        for (size_t k = 0; k < total; k++)
            m |= out[k];
        ((vm_str *)vm_obj(r))->ascii = m < 128;
    }
    return vm_strobj_done(r);
}

static vm_value str_replace(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value s = args[0], old = args[1], new_ = args[2];
    if (!so_is_str(old)) {
        vm_raise(TYPE_ERROR, "replace() argument 1 must be str, not %s", clinic_type_name(old));
        return VM_NULL;
    }
    if (!so_is_str(new_)) {
        vm_raise(TYPE_ERROR, "replace() argument 2 must be str, not %s", clinic_type_name(new_));
        return VM_NULL;
    }
    int64_t count = -1;
    if (nargs > 3 && !so_ssize_arg(args[3], &count))
        return VM_NULL;
    const vm_str *so = vm_obj(s), *oo = vm_obj(old), *no = vm_obj(new_);
    if (so->kind == 1 && oo->kind == 1 && no->kind == 1 && oo->length > 0)
        return replace_kind1(s, old, new_, count);
    vm_ustr_size size = vm_ustr_replace_size(vm_str_view(s), vm_str_view(old),
                                             vm_str_view(new_), (ptrdiff_t)count);
    if (size.len == SIZE_MAX) {
        vm_raise(VM_TYPE(OverflowError), "replace string is too long");
        return VM_NULL;
    }
    if (size.len == (size_t)so_str_len(s) && vm_is_type(s, VM_T_STR) &&
        (count == 0 || !vm_ustr_contains(vm_str_view(s), vm_str_view(old))))
        return s;
    vm_value r = vm_strobj_alloc(size.len, size.maxchar);
    if (!r)
        return VM_NULL;
    vm_ustr_replace(so_str_data(r), vm_ustr_kind_for(size.maxchar), vm_str_view(s),
                    vm_str_view(old), vm_str_view(new_), (ptrdiff_t)count);
    return vm_strobj_done(r);
}

static vm_value pad_impl(vm_value *args, int64_t nargs, vm_ustr_pad_how how)
{
    vm_value s = args[0];
    int64_t width;
    if (!so_ssize_arg(args[1], &width))
        return VM_NULL;
    uint32_t fill = ' ';
    if (nargs > 2) {
        vm_value f = args[2];
        if (!so_is_str(f)) {
            vm_raise(TYPE_ERROR, "The fill character must be a unicode character, not %T", f);
            return VM_NULL;
        }
        if (so_str_len(f) != 1) {
            vm_raise(TYPE_ERROR, "The fill character must be exactly one character long");
            return VM_NULL;
        }
        fill = vm_ustr_get(vm_str_view(f), 0);
    }
    if (width <= so_str_len(s))
        return str_exact(s);
    vm_ustr_size size = vm_ustr_pad_size(vm_str_view(s), (ptrdiff_t)width, fill, how);
    if (size.len == SIZE_MAX || size.len > (size_t)INT64_MAX / 8)
        return vm_raise_nomem();
    vm_value r = vm_strobj_alloc(size.len, size.maxchar);
    if (!r)
        return VM_NULL;
    vm_ustr_pad(so_str_data(r), vm_ustr_kind_for(size.maxchar), vm_str_view(s),
                (ptrdiff_t)width, fill, how);
    return vm_strobj_done(r);
}

static vm_value str_ljust(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return pad_impl(args, nargs, VM_USTR_LJUST);
}

static vm_value str_rjust(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return pad_impl(args, nargs, VM_USTR_RJUST);
}

static vm_value str_center(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return pad_impl(args, nargs, VM_USTR_CENTER);
}

static vm_value str_zfill(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return pad_impl(args, 2, VM_USTR_ZFILL);
}

static const char *const tabsize_names[] = {"tabsize"};

static vm_value str_expandtabs(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value a[1];
    if (!so_bind("expandtabs", args + 1, nargs - 1, kwnames, tabsize_names, 1, 1, 0, a))
        return VM_NULL;
    int64_t tabsize = 8;
    if (a[0] && !so_ssize_arg(a[0], &tabsize))
        return VM_NULL;
    vm_ustr_size size = vm_ustr_expandtabs_size(vm_str_view(args[0]), (ptrdiff_t)tabsize);
    if (size.len == SIZE_MAX) {
        vm_raise(VM_TYPE(OverflowError), "new string is too long");
        return VM_NULL;
    }
    vm_value r = vm_strobj_alloc(size.len, size.maxchar);
    if (!r)
        return VM_NULL;
    vm_ustr_expandtabs(so_str_data(r), vm_ustr_kind_for(size.maxchar), vm_str_view(args[0]),
                       (ptrdiff_t)tabsize);
    return vm_strobj_done(r);
}

static vm_value affix_impl(vm_value *args, bool suffix)
{
    vm_value s = args[0], a = args[1];
    if (!so_is_str(a)) {
        vm_raise(TYPE_ERROR, "%s() argument must be str, not %s",
                 suffix ? "removesuffix" : "removeprefix", clinic_type_name(a));
        return VM_NULL;
    }
    vm_ustr_span sp = suffix ? vm_ustr_removesuffix(vm_str_view(s), vm_str_view(a))
                             : vm_ustr_removeprefix(vm_str_view(s), vm_str_view(a));
    return str_substr(s, sp.start, sp.end);
}

static vm_value str_removeprefix(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return affix_impl(args, false);
}

static vm_value str_removesuffix(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return affix_impl(args, true);
}

typedef struct translate_ctx {
    vm_value table;
    vm_value last;      /* the str result of the last lookup (kept on the stack) */
} translate_ctx;

static vm_ustr_map_result translate_map(void *ctxp, uint32_t cp, uint32_t *out_cp,
                                        vm_ustr *out_str)
{
    translate_ctx *ctx = ctxp;
    vm_value r = vm_getitem(ctx->table, vm_small(cp));
    if (!r) {
        if (vm_exc_matches(VM_TYPE(LookupError)))
            return VM_USTR_MAP_KEEP;
        return VM_USTR_MAP_ERROR;
    }
    if (r == VM_NONE)
        return VM_USTR_MAP_DELETE;
    if (vm_is_int(r) || r == VM_TRUE || r == VM_FALSE) {
        int64_t i;
        if (!vm_is_small(r) && !vm_index(r, &i))
            return VM_USTR_MAP_ERROR;
        i = vm_is_small(r) ? vm_small_value(r) : r == VM_TRUE ? 1 : r == VM_FALSE ? 0 : i;
        if (i < 0 || i > 0x10ffff) {
            vm_raise(VALUE_ERROR, "character mapping must be in range(0x110000)");
            return VM_USTR_MAP_ERROR;
        }
        *out_cp = (uint32_t)i;
        return VM_USTR_MAP_CHAR;
    }
    if (so_is_str(r)) {
        ctx->last = r;
        *out_str = vm_str_view(r);
        return VM_USTR_MAP_STR;
    }
    vm_raise(TYPE_ERROR, "character mapping must return integer, None or str");
    return VM_USTR_MAP_ERROR;
}

static vm_value str_translate(vm_value *args, int64_t nargs, vm_value kwnames)
{
    translate_ctx ctx = {args[1], VM_NULL};
    uint32_t *out = NULL;
    size_t n = 0;
    uint32_t maxchar = 0;
    vm_ustr_error err;
    vm_ustr_status st = vm_ustr_translate(vm_str_view(args[0]), translate_map, &ctx, &out, &n,
                                          &maxchar, &err);
    if (st != VM_USTR_OK) {
        free(out);
        if (st == VM_USTR_CALLBACK_ERROR)
            return VM_NULL;
        return raise_ustr(st, &err);
    }
    vm_value r = vm_strobj_alloc(n, maxchar);
    if (r)
        vm_ustr_copy(so_str_data(r), vm_ustr_kind_for(maxchar), 0, vm_ustr_make(out, n, 4));
    free(out);
    return r ? vm_strobj_done(r) : VM_NULL;
}

static vm_value str_maketrans(vm_value *args, int64_t nargs, vm_value kwnames)
{
    /* a staticmethod: args are x[, y[, z]] */
    vm_value d = vm_dict_new();
    if (!d)
        return vm_raise_nomem();
    if (nargs == 1) {
        vm_value x = args[0];
        if (!vm_has_layout(x, VM_L_DICT)) {
            vm_raise(TYPE_ERROR, "if you give only one argument to maketrans it must be a dict");
            return VM_NULL;
        }
        int64_t pos = 0;
        vm_value k, v;
        while (vm_dict_next(x, &pos, &k, &v)) {
            if (so_is_str(k)) {
                if (so_str_len(k) != 1) {
                    vm_raise(VALUE_ERROR, "string keys in translate table must be of length 1");
                    return VM_NULL;
                }
                k = vm_small(vm_ustr_get(vm_str_view(k), 0));
            } else if (!vm_is_int(k) && k != VM_TRUE && k != VM_FALSE) {
                vm_raise(TYPE_ERROR, "keys in translate table must be strings or integers");
                return VM_NULL;
            }
            if (vm_dict_setitem(d, k, v) < 0)
                return VM_NULL;
        }
        return d;
    }
    vm_value x = args[0], y = args[1];
    if (!so_is_str(x)) {
        vm_raise(TYPE_ERROR, "first maketrans argument must be a string if there is a second "
                             "argument");
        return VM_NULL;
    }
    if (!so_is_str(y)) {
        vm_raise(TYPE_ERROR, "maketrans() argument 2 must be str, not %s", clinic_type_name(y));
        return VM_NULL;
    }
    if (so_str_len(x) != so_str_len(y)) {
        vm_raise(VALUE_ERROR, "the first two maketrans arguments must have equal length");
        return VM_NULL;
    }
    for (int64_t i = 0; i < so_str_len(x); i++) {
        if (vm_dict_setitem(d, vm_small(vm_ustr_get(vm_str_view(x), (size_t)i)),
                            vm_small(vm_ustr_get(vm_str_view(y), (size_t)i))) < 0)
            return VM_NULL;
    }
    if (nargs > 2) {
        vm_value z = args[2];
        if (!so_is_str(z)) {
            vm_raise(TYPE_ERROR, "maketrans() argument 3 must be str, not %s", clinic_type_name(z));
            return VM_NULL;
        }
        for (int64_t i = 0; i < so_str_len(z); i++) {
            if (vm_dict_setitem(d, vm_small(vm_ustr_get(vm_str_view(z), (size_t)i)), VM_NONE) <
                0)
                return VM_NULL;
        }
    }
    return d;
}

/* ---------------------------------------------------------------------------------------
 * printf-style formatting: str % args and bytes % args (one parser; bytes_mode changes
 * the conversions as PEP 461 does)
 */

typedef struct pct_out {
    bool bytes_mode;
    so_sb sb;           /* str mode */
    vm_buf buf;         /* bytes mode */
} pct_out;

static void out_utf8(pct_out *o, const char *s, size_t n)
{
    if (o->bytes_mode)
        vm_buf_put(&o->buf, s, n);
    else
        so_sb_put_utf8(&o->sb, s, n);
}

/* Pads text (a str view in str mode, bytes in bytes mode) for %s %r %a %c %b. */
static void out_padded(pct_out *o, const vm_numfmt_percent *p, vm_ustr text)
{
    size_t len = text.len;
    if (p->precision >= 0 && (size_t)p->precision < len && p->conv != 'c')
        len = (size_t)p->precision;
    text.len = len;
    size_t pad = p->width > 0 && (size_t)p->width > len ? (size_t)p->width - len : 0;
    bool left = (p->flags & VM_NUMFMT_F_LJUST) != 0;
    if (o->bytes_mode) {
        if (!left)
            for (size_t i = 0; i < pad; i++)
                vm_buf_put(&o->buf, " ", 1);
        vm_buf_put(&o->buf, text.data, len);
        if (left)
            for (size_t i = 0; i < pad; i++)
                vm_buf_put(&o->buf, " ", 1);
        return;
    }
    if (!left)
        for (size_t i = 0; i < pad; i++)
            so_sb_put_char(&o->sb, ' ');
    so_sb_put(&o->sb, text);
    if (left)
        for (size_t i = 0; i < pad; i++)
            so_sb_put_char(&o->sb, ' ');
}

static bool raise_numfmt(vm_numfmt_status st, vm_buf *err)
{
    const char *exc = vm_numfmt_exception_name(st);
    if (st == VM_NUMFMT_MEMORY_ERROR || !exc) {
        vm_raise_nomem();
        return false;
    }
    vm_value t = st == VM_NUMFMT_VALUE_ERROR      ? VALUE_ERROR
                 : st == VM_NUMFMT_OVERFLOW_ERROR ? VM_TYPE(OverflowError)
                 : st == VM_NUMFMT_TYPE_ERROR     ? TYPE_ERROR
                                                  : VM_TYPE(ZeroDivisionError);
    vm_raise(t, "%s", err->data ? err->data : "");
    return false;
}

static bool has_special(vm_value v, const char *name)
{
    return vm_type_lookup_c(vm_type_of(v), name) != VM_NULL;
}

static bool is_float(vm_value v) { return vm_has_layout(v, VM_L_FLOAT); }

/* %d %i %u %o %x %X */
static bool pct_int(pct_out *o, vm_numfmt_percent *p, vm_value v)
{
    char c = p->conv;
    bool int_only = c == 'o' || c == 'x' || c == 'X';
    vm_buf tmp = {0}, err = {0};
    vm_numfmt_status st;
    uint32_t t2[2];
    vm_bigint view;
    if (vm_is_small(v) && p->flags == 0 && p->width < 0 && p->precision < 0 &&
        (c == 'd' || c == 'i' || c == 'u')) {
        char num[32];
        int len = snprintf(num, sizeof num, "%lld", (long long)vm_small_value(v));
        out_utf8(o, num, (size_t)len);
        return true;
    }
    if (is_float(v) && !int_only) {
        st = vm_numfmt_percent_int_of_float(&tmp, p, vm_float_value(v),
                                            VM_NUMFMT_MAX_STR_DIGITS, &err);
    } else {
        vm_value iv = v;
        if (!so_int_view(v, &view, t2)) {
            bool number = has_special(v, "__index__") || has_special(v, "__int__") ||
                          has_special(v, "__float__") || vm_is_type(v, VM_T_COMPLEX);
            if (number) {
                iv = int_only ? vm_index_value(v) : vm_call1(VM_TYPE(INT), v);
                if (!iv) {
                    if (!vm_exc_matches(TYPE_ERROR))
                        return false;
                    number = false;
                }
            }
            if (!number) {
                if (int_only)
                    vm_raise(TYPE_ERROR, "%%%c format: an integer is required, not %T", c, v);
                else
                    vm_raise(TYPE_ERROR, "%%%c format: a real number is required, not %T", c,
                             v);
                return false;
            }
            if (!so_int_view(iv, &view, t2)) {
                vm_raise(TYPE_ERROR, "__int__ returned non-int (type %T)", iv);
                return false;
            }
        }
        st = vm_numfmt_percent_int(&tmp, p, &view, VM_NUMFMT_MAX_STR_DIGITS, &err);
        (void)iv;
    }
    if (st != VM_NUMFMT_OK) {
        vm_buf_free(&tmp);
        bool r = raise_numfmt(st, &err);
        vm_buf_free(&err);
        return r;
    }
    out_utf8(o, tmp.data, tmp.len);
    vm_buf_free(&tmp);
    vm_buf_free(&err);
    return true;
}

/* %e %E %f %F %g %G */
static bool pct_float(pct_out *o, vm_numfmt_percent *p, vm_value v)
{
    double x;
    if (is_float(v)) {
        x = vm_float_value(v);
    } else {
        if (!vm_is_int(v) && v != VM_TRUE && v != VM_FALSE && !has_special(v, "__float__") &&
            !has_special(v, "__index__")) {
            vm_raise(TYPE_ERROR, o->bytes_mode ? "float argument required, not %T"
                                               : "must be real number, not %T", v);
            return false;
        }
        if (!vm_as_double(v, &x))
            return false;
    }
    vm_buf tmp = {0}, err = {0};
    vm_numfmt_status st = vm_numfmt_percent_float(&tmp, p, x, &err);
    if (st != VM_NUMFMT_OK) {
        vm_buf_free(&tmp);
        bool r = raise_numfmt(st, &err);
        vm_buf_free(&err);
        return r;
    }
    out_utf8(o, tmp.data, tmp.len);
    vm_buf_free(&tmp);
    vm_buf_free(&err);
    return true;
}

/* %c */
static bool pct_char(pct_out *o, vm_numfmt_percent *p, vm_value v)
{
    uint32_t cp;
    if (o->bytes_mode) {
        const uint8_t *d;
        size_t n;
        if (vm_strobj_buffer(v, &d, &n) && n == 1) {
            cp = d[0];
        } else if (vm_is_int(v) || v == VM_TRUE || v == VM_FALSE || has_special(v, "__index__")) {
            int64_t i;
            if (!vm_index(v, &i)) {
                if (vm_exc_matches(VM_TYPE(OverflowError)))
                    vm_raise(VM_TYPE(OverflowError), "%%c arg not in range(256)");
                return false;
            }
            if (i < 0 || i > 255) {
                vm_raise(VM_TYPE(OverflowError), "%%c arg not in range(256)");
                return false;
            }
            cp = (uint32_t)i;
        } else {
            vm_raise(TYPE_ERROR, "%%c requires an integer in range(256) or a single byte");
            return false;
        }
        uint8_t b = (uint8_t)cp;
        out_padded(o, p, vm_ustr_make(&b, 1, 1));
        return true;
    }
    if (so_is_str(v)) {
        if (so_str_len(v) != 1) {
            vm_raise(TYPE_ERROR, "%%c requires int or char");
            return false;
        }
        cp = vm_ustr_get(vm_str_view(v), 0);
    } else if (vm_is_int(v) || v == VM_TRUE || v == VM_FALSE || has_special(v, "__index__")) {
        int64_t i;
        if (!vm_index(v, &i)) {
            if (!vm_exc_matches(VM_TYPE(OverflowError)))
                return false;
            i = -1;
        }
        if (i < 0 || i > 0x10ffff) {
            vm_raise(VM_TYPE(OverflowError), "%%c arg not in range(0x110000)");
            return false;
        }
        cp = (uint32_t)i;
    } else {
        vm_raise(TYPE_ERROR, "%%c requires int or char");
        return false;
    }
    uint32_t one = cp;
    out_padded(o, p, vm_ustr_make(&one, 1, 4));
    return true;
}

/* %s %r %a (and %b in bytes mode) */
static bool pct_text(pct_out *o, vm_numfmt_percent *p, vm_value v)
{
    char c = p->conv;
    if (o->bytes_mode) {
        if (c == 'r' || c == 'a') {
            vm_value r = vm_ascii(v);
            if (!r)
                return false;
            vm_ustr rv = vm_str_view(r);   /* ASCII: kind 1 */
            out_padded(o, p, rv);
            return true;
        }
        const uint8_t *d;
        size_t n;
        if (vm_strobj_buffer(v, &d, &n)) {
            out_padded(o, p, vm_ustr_make(d, n, 1));
            return true;
        }
        if (has_special(v, "__bytes__")) {
            vm_value b = vm_call_method(v, "__bytes__", NULL, 0);
            if (!b)
                return false;
            if (!so_is_bytes(b)) {
                vm_raise(TYPE_ERROR, "__bytes__ returned non-bytes (type %T)", b);
                return false;
            }
            out_padded(o, p, vm_ustr_make(so_bytes_data(b), (size_t)so_bytes_len(b), 1));
            return true;
        }
        vm_raise(TYPE_ERROR, "%%b requires a bytes-like object, or an object that implements "
                             "__bytes__, not '%T'", v);
        return false;
    }
    vm_value s;
    if (c == 's')
        s = so_is_str(v) ? v : vm_str_of(v);
    else if (c == 'r')
        s = vm_repr(v);
    else
        s = vm_ascii(v);
    if (!s)
        return false;
    out_padded(o, p, vm_str_view(s));
    return true;
}

/* The formatter: fmt (kind 1 in bytes mode), args as the right operand of %. */
static vm_value percent_format(vm_value fmtobj, const uint8_t *bfmt, size_t bn, vm_value args,
                               bool bytes_mode, bool as_bytearray)
{
    pct_out o;
    o.bytes_mode = bytes_mode;
    so_sb_init(&o.sb);
    memset(&o.buf, 0, sizeof o.buf);
    int64_t arglen, argidx;
    vm_value dict = VM_NULL;
    if (vm_has_layout(args, VM_L_TUPLE)) {
        arglen = vm_tuple_length(args);
        argidx = 0;
    } else {
        arglen = -1;
        argidx = -2;
    }
    if (!vm_has_layout(args, VM_L_TUPLE) &&
        !so_is_str(args) && !(bytes_mode && (so_is_bytes(args) || so_is_bytearray(args))) &&
        has_special(args, "__getitem__"))
        dict = args;
    /* bfmt is stable only for bytes objects we were given as C data (copied by caller) */
#define FMT_VIEW() (bytes_mode ? vm_ustr_make(bfmt, bn, 1) : vm_str_view(fmtobj))
    size_t n = FMT_VIEW().len;
    size_t i = 0;
    while (i < n) {
        /* the literal run up to the next '%' */
        size_t j = i;
        {
            vm_ustr f = FMT_VIEW();
            if (f.kind == 1) {
                const uint8_t *hit = memchr((const uint8_t *)f.data + i, '%', n - i);
                j = hit ? (size_t)(hit - (const uint8_t *)f.data) : n;
            } else {
                while (j < n && vm_ustr_get(f, j) != '%')
                    j++;
            }
            if (j > i) {
                if (bytes_mode)
                    vm_buf_put(&o.buf, (const char *)f.data + i, j - i);
                else
                    so_sb_put(&o.sb, vm_ustr_slice(f, i, j));
            }
        }
        if (j >= n)
            break;
        i = j + 1;
        vm_ustr f = FMT_VIEW();
        if (i < n && vm_ustr_get(f, i) == '%') {
            out_utf8(&o, "%", 1);
            i++;
            continue;
        }
        vm_numfmt_percent p = {0, -1, -1, 0};
        vm_value v = VM_NULL;
        if (i < n && vm_ustr_get(f, i) == '(') {
            if (!dict) {
                vm_raise(TYPE_ERROR, "format requires a mapping");
                goto fail;
            }
            size_t k = ++i;
            int depth = 1;
            while (k < n && depth > 0) {
                uint32_t ch = vm_ustr_get(f, k);
                if (ch == ')')
                    depth--;
                else if (ch == '(')
                    depth++;
                k++;
            }
            if (depth > 0) {
                vm_raise(VALUE_ERROR, "incomplete format key");
                goto fail;
            }
            vm_value key = bytes_mode ? vm_bytes_new((const char *)f.data + i, k - 1 - i)
                                      : str_from_view(vm_ustr_slice(f, i, k - 1));
            if (!key)
                goto fail;
            v = vm_getitem(dict, key);
            if (!v)
                goto fail;
            /* the value becomes the argument list, as CPython's ctx->args */
            args = v;
            arglen = -1;
            argidx = -2;
            i = k;
            f = FMT_VIEW();
        }
        /* flags */
        while (i < n) {
            uint32_t ch = vm_ustr_get(f, i);
            int fl = ch == '-' ? VM_NUMFMT_F_LJUST : ch == '+' ? VM_NUMFMT_F_SIGN
                   : ch == ' ' ? VM_NUMFMT_F_BLANK : ch == '#' ? VM_NUMFMT_F_ALT
                   : ch == '0' ? VM_NUMFMT_F_ZERO : 0;
            if (!fl)
                break;
            p.flags |= fl;
            i++;
        }
        /* width */
        if (i < n && vm_ustr_get(f, i) == '*') {
            i++;
            vm_value w;
            if (arglen >= 0 ? argidx < arglen : argidx == -2) {
                w = arglen >= 0 ? vm_tuple_items(args)[argidx++] : (argidx = -1, args);
            } else {
                vm_raise(TYPE_ERROR, "not enough arguments for format string");
                goto fail;
            }
            if (!vm_is_int(w) && w != VM_TRUE && w != VM_FALSE) {
                vm_raise(TYPE_ERROR, "* wants int");
                goto fail;
            }
            int64_t wi;
            if (!vm_index(w, &wi))
                goto fail;
            if (wi < 0) {
                p.flags |= VM_NUMFMT_F_LJUST;
                wi = -wi;
            }
            p.width = wi;
            f = FMT_VIEW();
        } else {
            while (i < n) {
                uint32_t ch = vm_ustr_get(f, i);
                if (ch < '0' || ch > '9')
                    break;
                if (p.width < 0)
                    p.width = 0;
                if (p.width > (INT64_MAX - 9) / 10) {
                    vm_raise(VALUE_ERROR, "width too big");
                    goto fail;
                }
                p.width = p.width * 10 + (ch - '0');
                i++;
            }
        }
        /* precision */
        if (i < n && vm_ustr_get(f, i) == '.') {
            i++;
            p.precision = 0;
            if (i < n && vm_ustr_get(f, i) == '*') {
                i++;
                vm_value w;
                if (arglen >= 0 ? argidx < arglen : argidx == -2) {
                    w = arglen >= 0 ? vm_tuple_items(args)[argidx++] : (argidx = -1, args);
                } else {
                    vm_raise(TYPE_ERROR, "not enough arguments for format string");
                    goto fail;
                }
                if (!vm_is_int(w) && w != VM_TRUE && w != VM_FALSE) {
                    vm_raise(TYPE_ERROR, "* wants int");
                    goto fail;
                }
                int64_t pi;
                if (!vm_index(w, &pi))
                    goto fail;
                if (pi > INT32_MAX) {
                    vm_raise(VALUE_ERROR, "precision too big");
                    goto fail;
                }
                p.precision = pi < 0 ? 0 : (int)pi;
                f = FMT_VIEW();
            } else {
                while (i < n) {
                    uint32_t ch = vm_ustr_get(f, i);
                    if (ch < '0' || ch > '9')
                        break;
                    if (p.precision > (INT32_MAX - 9) / 10) {
                        vm_raise(VALUE_ERROR, "precision too big");
                        goto fail;
                    }
                    p.precision = p.precision * 10 + (int)(ch - '0');
                    i++;
                }
            }
        }
        if (i >= n) {
            vm_raise(VALUE_ERROR, "incomplete format");
            goto fail;
        }
        uint32_t conv = vm_ustr_get(f, i);
        i++;
        if (arglen >= 0 ? argidx < arglen : argidx == -2) {
            v = arglen >= 0 ? vm_tuple_items(args)[argidx++] : (argidx = -1, args);
        } else {
            vm_raise(TYPE_ERROR, "not enough arguments for format string");
            goto fail;
        }
        if (p.width > 0x7fffffff) {
            vm_raise_nomem();
            goto fail;
        }
        p.conv = (char)conv;
        bool ok;
        switch (conv) {
        case 's': case 'r': case 'a':
            ok = pct_text(&o, &p, v);
            break;
        case 'b':
            if (!bytes_mode)
                goto unsupported;
            p.conv = 's';
            ok = pct_text(&o, &p, v);
            break;
        case 'i': case 'd': case 'u': case 'o': case 'x': case 'X':
            ok = pct_int(&o, &p, v);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            ok = pct_float(&o, &p, v);
            break;
        case 'c':
            ok = pct_char(&o, &p, v);
            break;
        default:
        unsupported:
        {
            char hexbuf[16];
            snprintf(hexbuf, sizeof hexbuf, "%x", (unsigned)conv);
            vm_raise(VALUE_ERROR, "unsupported format character '%c' (0x%s) at index %zd",
                     conv >= 32 && conv < 127 ? (int)conv : '?', hexbuf, (ssize_t)(i - 1));
        }
            goto fail;
        }
        if (!ok)
            goto fail;
    }
#undef FMT_VIEW
    if (argidx < arglen && !dict) {
        vm_raise(TYPE_ERROR, "not all arguments converted during %s formatting",
                 bytes_mode ? "bytes" : "string");
        goto fail;
    }
    if (bytes_mode) {
        vm_value r;
        if (as_bytearray) {
            vm_value b = vm_bytes_new(o.buf.data ? o.buf.data : "", o.buf.len);
            r = b ? vm_call1(VM_TYPE(BYTEARRAY), b) : vm_raise_nomem();
        } else {
            r = vm_bytes_new(o.buf.data ? o.buf.data : "", o.buf.len);
            if (!r)
                vm_raise_nomem();
        }
        vm_buf_free(&o.buf);
        return r;
    }
    return so_sb_finish(&o.sb);
fail:
    so_sb_free(&o.sb);
    vm_buf_free(&o.buf);
    return VM_NULL;
}

vm_value vm_strobj_bytes_format(const uint8_t *fmt, size_t n, vm_value args, bool as_bytearray)
{
    return percent_format(VM_NULL, fmt, n, args, true, as_bytearray);
}

static vm_value str_mod(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return percent_format(args[0], NULL, 0, args[1], false, false);
}

static vm_value str_rmod(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_is_str(args[1]))
        return VM_NOTIMPLEMENTED;
    return percent_format(args[1], NULL, 0, args[0], false, false);
}

/* ---------------------------------------------------------------------------------------
 * str.format and format_map (PEP 3101's replacement fields)
 */

typedef struct fmt_ctx {
    vm_value *args;         /* positional arguments (VM_NULL for format_map) */
    int64_t nargs;
    vm_value *kwvalues;     /* format: keyword values named by kwnames */
    vm_value kwnames;
    vm_value mapping;       /* format_map */
    int auto_state;         /* 0 unknown, 1 automatic, 2 manual */
    int64_t auto_next;
} fmt_ctx;

static vm_value build_format(fmt_ctx *ctx, vm_value fmt, size_t start, size_t end, int depth,
                             so_sb *out);

static bool all_digits(vm_ustr s, size_t a, size_t b)
{
    if (a >= b)
        return false;
    for (size_t i = a; i < b; i++) {
        uint32_t c = vm_ustr_get(s, i);
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

/* The decimal value of s[a:b) (all digits); -1 when too large. */
static int64_t digits_value(vm_ustr s, size_t a, size_t b)
{
    int64_t v = 0;
    for (size_t i = a; i < b; i++) {
        if (v > (INT64_MAX - 9) / 10)
            return -1;
        v = v * 10 + (vm_ustr_get(s, i) - '0');
    }
    return v;
}

/* The object a field name [a, b) of fmt designates. */
static vm_value field_object(fmt_ctx *ctx, vm_value fmt, size_t a, size_t b)
{
    vm_ustr s = vm_str_view(fmt);
    size_t i = a;
    while (i < b) {
        uint32_t c = vm_ustr_get(s, i);
        if (c == '.' || c == '[')
            break;
        i++;
    }
    vm_value obj;
    if (i == a || all_digits(s, a, i)) {
        int64_t index;
        if (i == a) {
            if (ctx->auto_state == 2) {
                vm_raise(VALUE_ERROR, "cannot switch from manual field specification to "
                                      "automatic field numbering");
                return VM_NULL;
            }
            ctx->auto_state = 1;
            index = ctx->auto_next++;
        } else {
            if (ctx->auto_state == 1) {
                vm_raise(VALUE_ERROR, "cannot switch from automatic field numbering to "
                                      "manual field specification");
                return VM_NULL;
            }
            ctx->auto_state = 2;
            index = digits_value(s, a, i);
            if (index < 0) {
                vm_raise(VALUE_ERROR, "Too many decimal digits in format string");
                return VM_NULL;
            }
        }
        if (!ctx->args) {
            vm_raise(VALUE_ERROR, "Format string contains positional fields");
            return VM_NULL;
        }
        if (index >= ctx->nargs) {
            vm_raise(VM_TYPE(IndexError),
                     "Replacement index %ld out of range for positional args tuple",
                     (long)index);
            return VM_NULL;
        }
        obj = ctx->args[index];
    } else {
        vm_value key = str_from_view(vm_ustr_slice(s, a, i));
        if (!key)
            return VM_NULL;
        if (ctx->mapping) {
            obj = vm_getitem(ctx->mapping, key);
            if (!obj)
                return VM_NULL;
        } else {
            obj = VM_NULL;
            if (ctx->kwnames) {
                int64_t nk = vm_tuple_length(ctx->kwnames);
                for (int64_t k = 0; k < nk; k++) {
                    vm_value name = vm_tuple_items(ctx->kwnames)[k];
                    if (vm_ustr_equal(vm_str_view(name), vm_str_view(key))) {
                        obj = ctx->kwvalues[k];
                        break;
                    }
                }
            }
            if (!obj) {
                vm_value t = vm_tuple_new(1);
                if (!t)
                    return vm_raise_nomem();
                vm_tuple_items(t)[0] = key;
                vm_raise_value(vm_exc_new(VM_TYPE(KeyError), t));
                return VM_NULL;
            }
        }
    }
    /* .attr and [key] */
    while (i < b) {
        s = vm_str_view(fmt);
        uint32_t c = vm_ustr_get(s, i);
        if (c == '.') {
            size_t j = ++i;
            while (j < b && vm_ustr_get(s, j) != '.' && vm_ustr_get(s, j) != '[')
                j++;
            if (j == i) {
                vm_raise(VALUE_ERROR, "Empty attribute in format string");
                return VM_NULL;
            }
            vm_value name = str_from_view(vm_ustr_slice(s, i, j));
            if (!name)
                return VM_NULL;
            obj = vm_getattr(obj, name);
            if (!obj)
                return VM_NULL;
            i = j;
        } else if (c == '[') {
            size_t j = ++i;
            while (j < b && vm_ustr_get(s, j) != ']')
                j++;
            if (j >= b) {
                vm_raise(VALUE_ERROR, "Missing ']' in format string");
                return VM_NULL;
            }
            if (j == i) {
                vm_raise(VALUE_ERROR, "Empty attribute in format string");
                return VM_NULL;
            }
            vm_value key;
            if (all_digits(s, i, j)) {
                int64_t v = digits_value(s, i, j);
                if (v < 0) {
                    vm_raise(VALUE_ERROR, "Too many decimal digits in format string");
                    return VM_NULL;
                }
                key = vm_small(v);
            } else {
                key = str_from_view(vm_ustr_slice(s, i, j));
                if (!key)
                    return VM_NULL;
            }
            obj = vm_getitem(obj, key);
            if (!obj)
                return VM_NULL;
            i = j + 1;
            if (i < b) {
                uint32_t d = vm_ustr_get(vm_str_view(fmt), i);
                if (d != '.' && d != '[') {
                    vm_raise(VALUE_ERROR, "Only '.' or '[' may follow ']' in format field "
                                          "specifier");
                    return VM_NULL;
                }
            }
        } else {
            vm_raise(VALUE_ERROR, "Only '.' or '[' may follow ']' in format field specifier");
            return VM_NULL;
        }
    }
    return obj;
}

/* One replacement field starting after its '{' at *pos (CPython 3.11's parse_field):
 * renders it and leaves *pos after its '}'. */
/* A replacement field's parts (CPython 3.11's parse_field), positions in the format. */
typedef struct field_parts {
    size_t name_a, name_b;
    uint32_t conversion;        /* 0: none */
    size_t spec_a, spec_b;      /* empty when spec_a >= spec_b */
    bool nested;                /* the spec holds replacement fields */
} field_parts;

/* Parses the field starting after its '{' at *pos; leaves *pos after its '}'. */
static bool parse_field(vm_value fmt, size_t *pos, size_t end, field_parts *fp)
{
    vm_ustr s = vm_str_view(fmt);
    size_t i = *pos, a = i;
    uint32_t c = 0;
    bool stopped = false;
    while (i < end) {
        c = vm_ustr_get(s, i++);
        if (c == '{') {
            vm_raise(VALUE_ERROR, "unexpected '{' in field name");
            return false;
        }
        if (c == '[') {
            while (i < end && vm_ustr_get(s, i) != ']')
                i++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') {
            stopped = true;
            break;
        }
    }
    if (!stopped) {
        vm_raise(VALUE_ERROR, "expected '}' before end of string");
        return false;
    }
    size_t name_end = i - 1;
    uint32_t conversion = 0;
    size_t spec_a = 0, spec_b = 0;
    bool nested = false;
    if (c == '!' || c == ':') {
        bool done = false;
        if (c == '!') {
            if (i >= end) {
                vm_raise(VALUE_ERROR, "end of string while looking for conversion specifier");
                return false;
            }
            conversion = vm_ustr_get(s, i++);
            if (i < end) {
                uint32_t d = vm_ustr_get(s, i++);
                if (d == '}')
                    done = true;
                else if (d != ':') {
                    vm_raise(VALUE_ERROR, "expected ':' after conversion specifier");
                    return false;
                }
            }
        }
        if (!done) {
            spec_a = i;
            int count = 1;
            while (i < end) {
                uint32_t d = vm_ustr_get(s, i++);
                if (d == '{') {
                    nested = true;
                    count++;
                } else if (d == '}') {
                    if (--count == 0) {
                        spec_b = i - 1;
                        done = true;
                        break;
                    }
                }
            }
            if (!done) {
                vm_raise(VALUE_ERROR, "unmatched '{' in format spec");
                return false;
            }
        }
    }
    *pos = i;
    fp->name_a = a;
    fp->name_b = name_end;
    fp->conversion = conversion;
    fp->spec_a = spec_a;
    fp->spec_b = spec_b;
    fp->nested = nested;
    return true;
}

static bool render_field(fmt_ctx *ctx, vm_value fmt, size_t *pos, size_t end, int depth,
                         so_sb *out)
{
    field_parts fp;
    if (!parse_field(fmt, pos, end, &fp))
        return false;
    size_t a = fp.name_a, name_end = fp.name_b, spec_a = fp.spec_a, spec_b = fp.spec_b;
    uint32_t conversion = fp.conversion;
    bool nested = fp.nested;
    vm_value obj = field_object(ctx, fmt, a, name_end);
    if (!obj)
        return false;
    if (conversion) {
        switch (conversion) {
        case 'r': obj = vm_repr(obj); break;
        case 's': obj = vm_str_of(obj); break;
        case 'a': obj = vm_ascii(obj); break;
        default:
            if (conversion > 32 && conversion < 127)
                vm_raise(VALUE_ERROR, "Unknown conversion specifier %c", (int)conversion);
            else
            {
                char hexbuf[16];
                snprintf(hexbuf, sizeof hexbuf, "%x", (unsigned)conversion);
                vm_raise(VALUE_ERROR, "Unknown conversion specifier \\x%s", hexbuf);
            }
            return false;
        }
        if (!obj)
            return false;
    }
    vm_value spec;
    if (spec_a >= spec_b) {
        if (vm_is_type(obj, VM_T_STR)) {
            so_sb_put_str(out, obj);
            return true;
        }
        if (vm_is_small(obj)) {
            /* format(int, '') is str(int) */
            char num[32];
            int len = snprintf(num, sizeof num, "%lld", (long long)vm_small_value(obj));
            so_sb_put_ascii(out, num, (size_t)len);
            return true;
        }
        spec = VM_NULL;     /* vm_format_value: the empty spec */
    } else if (nested) {
        so_sb sub;
        so_sb_init(&sub);
        if (!build_format(ctx, fmt, spec_a, spec_b, depth - 1, &sub)) {
            so_sb_free(&sub);
            return false;
        }
        spec = so_sb_finish(&sub);
    } else {
        spec = str_from_view(vm_ustr_slice(vm_str_view(fmt), spec_a, spec_b));
    }
    if (!spec && vm_error_pending())
        return false;
    vm_value r = vm_format_value(obj, spec);
    if (!r)
        return false;
    so_sb_put_str(out, r);
    return true;
}

static vm_value build_format(fmt_ctx *ctx, vm_value fmt, size_t start, size_t end, int depth,
                             so_sb *out)
{
    if (depth <= 0) {
        vm_raise(VALUE_ERROR, "Max string recursion exceeded");
        return VM_NULL;
    }
    size_t i = start;
    while (i < end) {
        vm_ustr s = vm_str_view(fmt);
        size_t j = i;
        uint32_t c = 0;
        if (s.kind == 1) {
            const uint8_t *d = s.data;
            while (j < end && d[j] != '{' && d[j] != '}')
                j++;
        } else {
            while (j < end && (c = vm_ustr_get(s, j)) != '{' && c != '}')
                j++;
        }
        if (j > i)
            so_sb_put(out, vm_ustr_slice(s, i, j));
        if (j >= end)
            break;
        c = vm_ustr_get(s, j);
        bool at_end = j + 1 >= end;
        if (c == '}') {
            if (at_end || vm_ustr_get(s, j + 1) != '}') {
                vm_raise(VALUE_ERROR, "Single '}' encountered in format string");
                return VM_NULL;
            }
            so_sb_put_char(out, '}');
            i = j + 2;
            continue;
        }
        if (at_end) {
            vm_raise(VALUE_ERROR, "Single '{' encountered in format string");
            return VM_NULL;
        }
        if (vm_ustr_get(s, j + 1) == '{') {
            so_sb_put_char(out, '{');
            i = j + 2;
            continue;
        }
        i = j + 1;
        if (!render_field(ctx, fmt, &i, end, depth, out))
            return VM_NULL;
    }
    return VM_TRUE;
}

static vm_value str_format(vm_value *args, int64_t nargs, vm_value kwnames)
{
    fmt_ctx ctx = {args + 1, nargs - 1, args + nargs, kwnames, VM_NULL, 0, 0};
    so_sb out;
    so_sb_init(&out);
    if (!build_format(&ctx, args[0], 0, (size_t)so_str_len(args[0]), 2, &out)) {
        so_sb_free(&out);
        return VM_NULL;
    }
    return so_sb_finish(&out);
}

static vm_value str_format_map(vm_value *args, int64_t nargs, vm_value kwnames)
{
    fmt_ctx ctx = {VM_NULL, 0, NULL, VM_NULL, args[1], 0, 0};
    so_sb out;
    so_sb_init(&out);
    if (!build_format(&ctx, args[0], 0, (size_t)so_str_len(args[0]), 2, &out)) {
        so_sb_free(&out);
        return VM_NULL;
    }
    return so_sb_finish(&out);
}

static vm_value str_dunder_format(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value self = args[0], spec = args[1];
    if (!so_is_str(spec)) {
        vm_raise(TYPE_ERROR, "__format__() argument must be str, not %T", spec);
        return VM_NULL;
    }
    if (so_str_len(spec) == 0)
        return str_exact(self);
    vm_buf s = {0}, sp = {0}, out = {0}, err = {0}, tn = {0};
    vm_buf_put_str(&s, self);
    vm_buf_put_str(&sp, spec);
    vm_type_name(vm_type_of(self), &tn);
    vm_numfmt_status st = vm_numfmt_format_str(&out, s.data ? s.data : "", s.len,
                                               sp.data, sp.len, tn.data, &err);
    vm_value r = VM_NULL;
    if (st == VM_NUMFMT_OK) {
        so_sb b;
        so_sb_init(&b);
        so_sb_put_utf8(&b, out.data ? out.data : "", out.len);
        r = so_sb_finish(&b);
    } else {
        raise_numfmt(st, &err);
    }
    vm_buf_free(&s);
    vm_buf_free(&sp);
    vm_buf_free(&out);
    vm_buf_free(&err);
    vm_buf_free(&tn);
    return r;
}

/* ---------------------------------------------------------------------------------------
 * The _string module (string.Formatter's helpers)
 */

static vm_value tuple4(vm_value a, vm_value b, vm_value c, vm_value d)
{
    vm_value t = vm_tuple_new(4);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = a;
    vm_tuple_items(t)[1] = b;
    vm_tuple_items(t)[2] = c;
    vm_tuple_items(t)[3] = d;
    return t;
}

/* _string.formatter_parser(s): (literal, field_name, format_spec, conversion) tuples. */
static vm_value string_formatter_parser(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value fmt = args[0];
    if (!so_is_str(fmt)) {
        vm_raise(TYPE_ERROR, "expected str, got %T", fmt);
        return VM_NULL;
    }
    vm_value list = vm_list_new(0);
    if (!list)
        return vm_raise_nomem();
    size_t end = (size_t)so_str_len(fmt), i = 0;
    while (i < end) {
        vm_ustr s = vm_str_view(fmt);
        size_t j = i;
        uint32_t c = 0;
        while (j < end && (c = vm_ustr_get(s, j)) != '{' && c != '}')
            j++;
        size_t lit_end = j;
        bool field = false;
        field_parts fp = {0};
        if (j < end) {
            bool at_end = j + 1 >= end;
            if (c == '}' && (at_end || vm_ustr_get(s, j + 1) != '}')) {
                vm_raise(VALUE_ERROR, "Single '}' encountered in format string");
                return VM_NULL;
            }
            if (c == '{' && at_end) {
                vm_raise(VALUE_ERROR, "Single '{' encountered in format string");
                return VM_NULL;
            }
            if (vm_ustr_get(s, j + 1) == c) {
                lit_end = j + 1;        /* an escaped brace: the literal keeps one */
                j += 2;
            } else {
                j++;
                if (!parse_field(fmt, &j, end, &fp))
                    return VM_NULL;
                field = true;
            }
        }
        vm_value lit = str_substr(fmt, i, lit_end);
        if (!lit)
            return VM_NULL;
        vm_value t;
        if (field) {
            vm_value name = str_substr(fmt, fp.name_a, fp.name_b);
            vm_value spec = fp.spec_a < fp.spec_b ? str_substr(fmt, fp.spec_a, fp.spec_b)
                                                  : str_empty();
            vm_value conv = fp.conversion ? str_char(fp.conversion) : VM_NONE;
            if (!name || !spec || !conv)
                return VM_NULL;
            t = tuple4(lit, name, spec, conv);
        } else {
            t = tuple4(lit, VM_NONE, VM_NONE, VM_NONE);
        }
        if (!t)
            return VM_NULL;
        if (!vm_list_append(list, t))
            return vm_raise_nomem();
        i = j;
    }
    return vm_iter(list);
}

/* _string.formatter_field_name_split(name): (first, iterator of (is_attr, key)). */
static vm_value string_field_name_split(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value name = args[0];
    if (!so_is_str(name)) {
        vm_raise(TYPE_ERROR, "expected str, got %T", name);
        return VM_NULL;
    }
    size_t b = (size_t)so_str_len(name), i = 0;
    vm_ustr s = vm_str_view(name);
    while (i < b && vm_ustr_get(s, i) != '.' && vm_ustr_get(s, i) != '[')
        i++;
    vm_value first;
    if (i > 0 && all_digits(s, 0, i)) {
        int64_t v = digits_value(s, 0, i);
        if (v < 0) {
            vm_raise(VALUE_ERROR, "Too many decimal digits in format string");
            return VM_NULL;
        }
        first = vm_small(v);
    } else {
        first = str_substr(name, 0, i);
    }
    if (!first)
        return VM_NULL;
    vm_value rest = vm_list_new(0);
    if (!rest)
        return vm_raise_nomem();
    while (i < b) {
        s = vm_str_view(name);
        uint32_t c = vm_ustr_get(s, i);
        bool is_attr = c == '.';
        size_t j = ++i;
        vm_value key;
        if (is_attr) {
            while (j < b && vm_ustr_get(s, j) != '.' && vm_ustr_get(s, j) != '[')
                j++;
            if (j == i) {
                vm_raise(VALUE_ERROR, "Empty attribute in format string");
                return VM_NULL;
            }
            key = str_substr(name, i, j);
            i = j;
        } else if (c == '[') {
            while (j < b && vm_ustr_get(s, j) != ']')
                j++;
            if (j >= b) {
                vm_raise(VALUE_ERROR, "Missing ']' in format string");
                return VM_NULL;
            }
            if (j == i) {
                vm_raise(VALUE_ERROR, "Empty attribute in format string");
                return VM_NULL;
            }
            key = all_digits(s, i, j) && digits_value(s, i, j) >= 0
                      ? vm_small(digits_value(s, i, j)) : str_substr(name, i, j);
            i = j + 1;
            if (i < b) {
                uint32_t d = vm_ustr_get(vm_str_view(name), i);
                if (d != '.' && d != '[') {
                    vm_raise(VALUE_ERROR, "Only '.' or '[' may follow ']' in format field "
                                          "specifier");
                    return VM_NULL;
                }
            }
        } else {
            vm_raise(VALUE_ERROR, "Only '.' or '[' may follow ']' in format field specifier");
            return VM_NULL;
        }
        if (!key)
            return VM_NULL;
        vm_value pair = vm_tuple_new(2);
        if (!pair)
            return vm_raise_nomem();
        vm_tuple_items(pair)[0] = is_attr ? VM_TRUE : VM_FALSE;
        vm_tuple_items(pair)[1] = key;
        if (!vm_list_append(rest, pair))
            return vm_raise_nomem();
    }
    vm_value it = vm_iter(rest);
    if (!it)
        return VM_NULL;
    vm_value t = vm_tuple_new(2);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = first;
    vm_tuple_items(t)[1] = it;
    return t;
}

static const vm_method_def string_module_functions[] = {
    {"formatter_parser", string_formatter_parser, 1, 1, VM_METH_NOKW, NULL},
    {"formatter_field_name_split", string_field_name_split, 1, 1, VM_METH_NOKW, NULL},
    {0},
};

vm_value vm_strobj_string_module(void)
{
    vm_value m = vm_module_new(vm_str_c("_string"));
    if (!m)
        return VM_NULL;
    vm_value d = vm_module_dict(m);
    for (const vm_method_def *f = string_module_functions; f->name; f++) {
        vm_value fn = vm_cfunction_new(f, VM_NULL, m);
        if (!fn || vm_dict_setitem_c(d, f->name, fn) < 0)
            return VM_NULL;
    }
    vm_dict_setitem_c(d, "__doc__", vm_str_c("string helper module"));
    return m;
}

/* ---------------------------------------------------------------------------------------
 * Codecs
 */

typedef enum { CODEC_UTF8, CODEC_LATIN1, CODEC_ASCII, CODEC_UTF16, CODEC_UTF16LE,
               CODEC_UTF16BE, CODEC_UTF32, CODEC_UTF32LE, CODEC_UTF32BE, CODEC_UTF8SIG,
               CODEC_UNIESC, CODEC_RAWUNIESC, CODEC_CHARMAP, CODEC_UNKNOWN } codec_id;

/* The table of the last CODEC_CHARMAP lookup (per thread: set and used in one call). */
static __thread const uint16_t *charmap_table;

static codec_id codec_lookup(const char *name)
{
    char norm[64];
    size_t n = 0;
    for (const char *p = name; *p && n < sizeof norm - 1; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c == '-' || c == ' ')
            c = '_';
        norm[n++] = c;
    }
    norm[n] = 0;
    static const struct { const char *name; codec_id id; } names[] = {
        {"utf_8", CODEC_UTF8}, {"utf8", CODEC_UTF8}, {"u8", CODEC_UTF8}, {"utf", CODEC_UTF8},
        {"utf8_ucs2", CODEC_UTF8}, {"utf8_ucs4", CODEC_UTF8}, {"cp65001", CODEC_UTF8},
        {"latin_1", CODEC_LATIN1}, {"latin1", CODEC_LATIN1}, {"latin", CODEC_LATIN1},
        {"l1", CODEC_LATIN1}, {"iso_8859_1", CODEC_LATIN1}, {"iso8859_1", CODEC_LATIN1},
        {"8859", CODEC_LATIN1}, {"cp819", CODEC_LATIN1}, {"iso_ir_100", CODEC_LATIN1},
        {"iso_8859_1:1987", CODEC_LATIN1}, {"csisolatin1", CODEC_LATIN1},
        {"ascii", CODEC_ASCII}, {"us_ascii", CODEC_ASCII}, {"646", CODEC_ASCII},
        {"us", CODEC_ASCII}, {"ansi_x3.4_1968", CODEC_ASCII}, {"cp367", CODEC_ASCII},
        {"iso646_us", CODEC_ASCII}, {"csascii", CODEC_ASCII},
        {"utf_16", CODEC_UTF16}, {"utf16", CODEC_UTF16}, {"u16", CODEC_UTF16},
        {"utf_16_le", CODEC_UTF16LE}, {"utf_16le", CODEC_UTF16LE},
        {"utf_16_be", CODEC_UTF16BE}, {"utf_16be", CODEC_UTF16BE},
        {"utf_32", CODEC_UTF32}, {"utf32", CODEC_UTF32}, {"u32", CODEC_UTF32},
        {"utf_32_le", CODEC_UTF32LE}, {"utf_32le", CODEC_UTF32LE},
        {"utf_32_be", CODEC_UTF32BE}, {"utf_32be", CODEC_UTF32BE},
        {"utf_8_sig", CODEC_UTF8SIG}, {"utf8_sig", CODEC_UTF8SIG},
        {"unicode_escape", CODEC_UNIESC}, {"raw_unicode_escape", CODEC_RAWUNIESC},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(norm, names[i].name) == 0)
            return names[i].id;
    charmap_table = vm_charmap_lookup(name, NULL);
    return charmap_table ? CODEC_CHARMAP : CODEC_UNKNOWN;
}

/* encoding/errors arguments (VM_NULL: defaults). */
static bool codec_args(vm_value encoding, vm_value errors, const char *fname, codec_id *id,
                       const char **errname)
{
    *id = CODEC_UTF8;
    *errname = "strict";
    if (encoding) {
        if (!so_is_str(encoding)) {
            vm_raise(TYPE_ERROR, "%s() argument 'encoding' must be str, not %s", fname,
                     clinic_type_name(encoding));
            return false;
        }
        *id = codec_lookup(vm_cstr(encoding));
        if (*id == CODEC_UNKNOWN) {
            vm_raise(VM_TYPE(LookupError), "unknown encoding: %U", encoding);
            return false;
        }
    }
    if (errors) {
        if (!so_is_str(errors)) {
            vm_raise(TYPE_ERROR, "%s() argument 'errors' must be str, not %s", fname,
                     clinic_type_name(errors));
            return false;
        }
        *errname = vm_cstr(errors);
    }
    return true;
}

static bool is_utf16_32(codec_id id) { return id >= CODEC_UTF16 && id <= CODEC_UTF32BE; }

/* Raises UnicodeEncodeError(encoding, str, start, end, reason): the exception's attributes
 * and message as CPython's. */
static vm_value raise_encode_error(const char *encoding, vm_value str, size_t start,
                                   size_t end, const char *reason)
{
    vm_value a[5];
    a[0] = vm_str_c(encoding);
    a[1] = str;
    a[2] = vm_small((int64_t)start);
    a[3] = vm_small((int64_t)end);
    a[4] = a[0] ? vm_str_c(reason) : VM_NULL;
    if (!a[0] || !a[4])
        return VM_NULL;
    vm_value e = vm_call(VM_TYPE(UnicodeEncodeError), a, 5, VM_NULL);
    if (e)
        vm_raise_value(e);
    return VM_NULL;
}

/* Raises UnicodeDecodeError(encoding, bytes(d[0..n)), start, end, reason). */
static vm_value raise_decode_error(const char *encoding, const uint8_t *d, size_t n,
                                   size_t start, size_t end, const char *reason)
{
    vm_value a[5];
    a[1] = vm_bytes_new(n ? (const char *)d : "", n);
    if (!a[1])
        return vm_raise_nomem();
    a[0] = vm_str_c(encoding);
    a[2] = vm_small((int64_t)start);
    a[3] = vm_small((int64_t)end);
    a[4] = a[0] ? vm_str_c(reason) : VM_NULL;
    if (!a[0] || !a[4])
        return VM_NULL;
    vm_value e = vm_call(VM_TYPE(UnicodeDecodeError), a, 5, VM_NULL);
    if (e)
        vm_raise_value(e);
    return VM_NULL;
}

/* UTF-16 / UTF-32 encoding (strict or the simple handlers). */
static vm_value encode_wide(vm_value str, codec_id id, const char *errname)
{
    vm_ustr s = vm_str_view(str);
    bool utf32 = id >= CODEC_UTF32;
    bool bom = id == CODEC_UTF16 || id == CODEC_UTF32;
    bool big = id == CODEC_UTF16BE || id == CODEC_UTF32BE;
    bool pass = strcmp(errname, "surrogatepass") == 0;
    bool ignore = strcmp(errname, "ignore") == 0;
    bool replace = strcmp(errname, "replace") == 0;
    vm_buf out = {0};
    uint8_t unit[4];
#define PUT(u, w)                                                                          \
    do {                                                                                   \
        for (int b_ = 0; b_ < (w); b_++)                                                   \
            unit[b_] = (uint8_t)((u) >> (8 * (big ? (w) - 1 - b_ : b_)));                  \
        vm_buf_put(&out, (const char *)unit, (w));                                         \
    } while (0)
    if (bom)
        PUT(utf32 ? 0xFEFFu : 0xFEFFu, utf32 ? 4 : 2);
    for (size_t i = 0; i < s.len; i++) {
        uint32_t c = vm_ustr_get(s, i);
        if (c >= 0xD800 && c < 0xE000 && !pass) {
            if (ignore)
                continue;
            if (replace) {
                c = '?';
            } else {
                const char *cn = utf32 ? (bom ? "utf-32" : big ? "utf-32-be" : "utf-32-le")
                                       : (bom ? "utf-16" : big ? "utf-16-be" : "utf-16-le");
                size_t j = i + 1;
                while (j < s.len && vm_ustr_get(s, j) >= 0xD800 && vm_ustr_get(s, j) < 0xE000)
                    j++;
                vm_buf_free(&out);
                return raise_encode_error(cn, str, i, j, "surrogates not allowed");
            }
        }
        if (utf32) {
            PUT(c, 4);
        } else if (c >= 0x10000) {
            c -= 0x10000;
            PUT(0xD800 | (c >> 10), 2);
            PUT(0xDC00 | (c & 0x3FF), 2);
        } else {
            PUT(c, 2);
        }
    }
#undef PUT
    vm_value r = vm_bytes_new(out.data ? out.data : "", out.len);
    vm_buf_free(&out);
    return r ? r : vm_raise_nomem();
}

static vm_value decode_wide(const uint8_t *d, size_t n, codec_id id, const char *errname)
{
    bool utf32 = id >= CODEC_UTF32;
    size_t w = utf32 ? 4 : 2;
    bool big = id == CODEC_UTF16BE || id == CODEC_UTF32BE;
    const char *cn = utf32 ? (id == CODEC_UTF32 ? "utf-32" : big ? "utf-32-be" : "utf-32-le")
                           : (id == CODEC_UTF16 ? "utf-16" : big ? "utf-16-be" : "utf-16-le");
    bool ignore = strcmp(errname, "ignore") == 0;
    bool replace = strcmp(errname, "replace") == 0;
    size_t i = 0;
    if (id == CODEC_UTF16 || id == CODEC_UTF32) {
        if (utf32 && n >= 4 && d[0] == 0xFF && d[1] == 0xFE && d[2] == 0 && d[3] == 0) {
            i = 4;
        } else if (utf32 && n >= 4 && d[0] == 0 && d[1] == 0 && d[2] == 0xFE && d[3] == 0xFF) {
            i = 4;
            big = true;
        } else if (!utf32 && n >= 2 && d[0] == 0xFF && d[1] == 0xFE) {
            i = 2;
        } else if (!utf32 && n >= 2 && d[0] == 0xFE && d[1] == 0xFF) {
            i = 2;
            big = true;
        }
    }
    /* errors name the byte order found (or the native one) */
    cn = utf32 ? (big ? "utf-32-be" : "utf-32-le") : (big ? "utf-16-be" : "utf-16-le");
    so_sb b;
    so_sb_init(&b);
    const char *reason = NULL;
    size_t estart = 0, eend = 0;
    while (i < n) {
        if (n - i < w) {
            reason = "truncated data";
            estart = i;
            eend = n;
            goto error;
        }
        uint32_t u = 0;
        for (size_t k = 0; k < w; k++)
            u |= (uint32_t)d[i + k] << (8 * (big ? w - 1 - k : k));
        if (utf32) {
            if (u > 0x10FFFF || (u >= 0xD800 && u < 0xE000)) {
                reason = u > 0x10FFFF ? "code point not in range(0x110000)"
                                      : "code point in surrogate character range";
                estart = i;
                eend = i + 4;
                goto error;
            }
            so_sb_put_char(&b, u);
            i += 4;
            continue;
        }
        if (u >= 0xD800 && u < 0xDC00) {
            if (n - i < 4) {
                reason = n - i < 4 && n - i > 2 ? "unexpected end of data" : "unexpected end of data";
                estart = i;
                eend = n;
                goto error;
            }
            uint32_t u2 = big ? ((uint32_t)d[i + 2] << 8 | d[i + 3]) : (d[i + 2] | (uint32_t)d[i + 3] << 8);
            if (u2 >= 0xDC00 && u2 < 0xE000) {
                so_sb_put_char(&b, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
                i += 4;
                continue;
            }
            reason = "illegal UTF-16 surrogate";
            estart = i;
            eend = i + 2;
            goto error;
        }
        if (u >= 0xDC00 && u < 0xE000) {
            reason = "illegal encoding";
            estart = i;
            eend = i + 2;
            goto error;
        }
        so_sb_put_char(&b, u);
        i += 2;
        continue;
    error:
        if (ignore || replace) {
            if (replace)
                so_sb_put_char(&b, 0xFFFD);
            i = eend;
            continue;
        }
        if (strcmp(errname, "backslashreplace") == 0) {
            static const char hx[] = "0123456789abcdef";
            for (size_t q = estart; q < eend; q++) {
                char e4[4] = {'\\', 'x', hx[d[q] >> 4], hx[d[q] & 15]};
                so_sb_put_ascii(&b, e4, 4);
            }
            i = eend;
            continue;
        }
        if (strcmp(errname, "surrogateescape") == 0) {
            bool all_high = true;
            for (size_t q = estart; q < eend; q++)
                all_high &= d[q] >= 0x80;
            if (all_high) {
                for (size_t q = estart; q < eend; q++)
                    so_sb_put_char(&b, 0xDC00 | d[q]);
                i = eend;
                continue;
            }
        }
        so_sb_free(&b);
        return raise_decode_error(cn, d, n, estart, eend, reason);
    }
    return so_sb_finish(&b);
}

/* unicode_escape, raw_unicode_escape, the 8-bit charmaps, utf-8-sig: encoders */
static vm_value encode_other(vm_value str, codec_id id, const char *errname)
{
    vm_ustr s = vm_str_view(str);
    vm_buf out = {0};
    static const char hex[] = "0123456789abcdef";
    char esc[12];
    if (id == CODEC_UTF8SIG) {
        vm_value rest = vm_strobj_encode(str, VM_NULL, VM_NULL);
        if (!rest)
            return VM_NULL;
        vm_buf_put(&out, "\xef\xbb\xbf", 3);
        vm_buf_put(&out, (const char *)so_bytes_data(rest), (size_t)so_bytes_len(rest));
    } else if (id == CODEC_UNIESC || id == CODEC_RAWUNIESC) {
        bool raw = id == CODEC_RAWUNIESC;
        for (size_t i = 0; i < s.len; i++) {
            uint32_t c = vm_ustr_get(s, i);
            if (raw ? c < 0x100 : (c >= 0x20 && c < 0x7f && c != '\\')) {
                char b = (char)c;
                vm_buf_put(&out, &b, 1);
            } else if (!raw && c == '\\') {
                vm_buf_put(&out, "\\\\", 2);
            } else if (!raw && (c == '\t' || c == '\n' || c == '\r')) {
                vm_buf_put(&out, c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r", 2);
            } else if (c < 0x100) {
                esc[0] = '\\', esc[1] = 'x', esc[2] = hex[c >> 4], esc[3] = hex[c & 15];
                vm_buf_put(&out, esc, 4);
            } else if (c < 0x10000) {
                esc[0] = '\\', esc[1] = 'u';
                for (int k = 0; k < 4; k++)
                    esc[2 + k] = hex[(c >> (12 - 4 * k)) & 15];
                vm_buf_put(&out, esc, 6);
            } else {
                esc[0] = '\\', esc[1] = 'U';
                for (int k = 0; k < 8; k++)
                    esc[2 + k] = hex[(c >> (28 - 4 * k)) & 15];
                vm_buf_put(&out, esc, 10);
            }
        }
    } else {
        const uint16_t *table = charmap_table;
        for (size_t i = 0; i < s.len; i++) {
            uint32_t c = vm_ustr_get(s, i);
            int b = -1;
            for (int k = 0; k < 256; k++)
                if (table[k] == c && table[k] != VM_CHARMAP_UNDEFINED) {
                    b = k;
                    break;
                }
            if (b >= 0) {
                char ch = (char)b;
                vm_buf_put(&out, &ch, 1);
                continue;
            }
            if (strcmp(errname, "ignore") == 0)
                continue;
            if (strcmp(errname, "replace") == 0) {
                vm_buf_put(&out, "?", 1);
                continue;
            }
            if (strcmp(errname, "xmlcharrefreplace") == 0) {
                vm_buf_printf(&out, "&#%u;", (unsigned)c);
                continue;
            }
            if (strcmp(errname, "backslashreplace") == 0) {
                if (c < 0x100)
                    vm_buf_printf(&out, "\\x%02x", (unsigned)c);
                else if (c < 0x10000)
                    vm_buf_printf(&out, "\\u%04x", (unsigned)c);
                else
                    vm_buf_printf(&out, "\\U%08x", (unsigned)c);
                continue;
            }
            size_t j = i + 1;
            while (j < s.len) {
                uint32_t c2 = vm_ustr_get(s, j);
                bool ok2 = false;
                for (int k = 0; k < 256; k++)
                    if (table[k] == c2) {
                        ok2 = true;
                        break;
                    }
                if (ok2)
                    break;
                j++;
            }
            vm_buf_free(&out);
            return raise_encode_error("charmap", str, i, j, "character maps to <undefined>");
        }
    }
    vm_value r = vm_bytes_new(out.data ? out.data : "", out.len);
    vm_buf_free(&out);
    return r ? r : vm_raise_nomem();
}

static int hexval(uint8_t c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* unicode_escape, raw_unicode_escape, the 8-bit charmaps: decoders */
static vm_value decode_other(const uint8_t *d, size_t n, codec_id id, const char *errname)
{
    so_sb b;
    so_sb_init(&b);
    bool ignore = strcmp(errname, "ignore") == 0, replace = strcmp(errname, "replace") == 0;
    if (id == CODEC_CHARMAP) {
        const uint16_t *table = charmap_table;
        for (size_t i = 0; i < n; i++) {
            uint16_t c = table[d[i]];
            if (c != VM_CHARMAP_UNDEFINED) {
                so_sb_put_char(&b, c);
                continue;
            }
            if (ignore)
                continue;
            if (replace) {
                so_sb_put_char(&b, 0xFFFD);
                continue;
            }
            so_sb_free(&b);
            return raise_decode_error("charmap", d, n, i, i + 1,
                                      "character maps to <undefined>");
        }
        return so_sb_finish(&b);
    }
    bool raw = id == CODEC_RAWUNIESC;
    const char *cn = raw ? "rawunicodeescape" : "unicodeescape";
    size_t i = 0;
    while (i < n) {
        uint8_t c = d[i];
        if (c != '\\' || i + 1 >= n) {
            if (c == '\\' && !raw) {
                so_sb_free(&b);
                return raise_decode_error(cn, d, n, i, n, "\\ at end of string");
            }
            so_sb_put_char(&b, c);
            i++;
            continue;
        }
        uint8_t e = d[i + 1];
        int digits = 0;
        if (raw) {
            if (e == 'u')
                digits = 4;
            else if (e == 'U')
                digits = 8;
            else {
                so_sb_put_char(&b, '\\');
                i++;
                continue;
            }
        } else {
            switch (e) {
            case '\n': i += 2; continue;
            case '\\': so_sb_put_char(&b, '\\'); i += 2; continue;
            case '\'': so_sb_put_char(&b, '\''); i += 2; continue;
            case '"': so_sb_put_char(&b, '"'); i += 2; continue;
            case 'a': so_sb_put_char(&b, 7); i += 2; continue;
            case 'b': so_sb_put_char(&b, 8); i += 2; continue;
            case 'f': so_sb_put_char(&b, 12); i += 2; continue;
            case 'n': so_sb_put_char(&b, 10); i += 2; continue;
            case 'r': so_sb_put_char(&b, 13); i += 2; continue;
            case 't': so_sb_put_char(&b, 9); i += 2; continue;
            case 'v': so_sb_put_char(&b, 11); i += 2; continue;
            case 'x': digits = 2; break;
            case 'u': digits = 4; break;
            case 'U': digits = 8; break;
            default:
                if (e >= '0' && e <= '7') {
                    uint32_t v = 0;
                    size_t k = i + 1;
                    for (int q = 0; q < 3 && k < n && d[k] >= '0' && d[k] <= '7'; q++, k++)
                        v = v * 8 + (d[k] - '0');
                    so_sb_put_char(&b, v);
                    i = k;
                    continue;
                }
                so_sb_put_char(&b, '\\');
                so_sb_put_char(&b, e);
                i += 2;
                continue;
            }
        }
        uint32_t v = 0;
        size_t k = i + 2;
        int got = 0;
        for (; got < digits && k < n && hexval(d[k]) >= 0; got++, k++)
            v = v * 16 + (uint32_t)hexval(d[k]);
        if (got < digits || v > 0x10FFFF) {
            if (ignore || replace) {
                if (replace)
                    so_sb_put_char(&b, 0xFFFD);
                i = k;
                continue;
            }
            so_sb_free(&b);
            const char *why = got < digits ? (digits == 2 ? "truncated \\xXX escape"
                                              : digits == 4 ? "truncated \\uXXXX escape"
                                                            : "truncated \\UXXXXXXXX escape")
                                           : "illegal Unicode character";
            return raise_decode_error(cn, d, n, i, k, why);
        }
        so_sb_put_char(&b, v);
        i = k;
    }
    return so_sb_finish(&b);
}

static bool resolve_errors(const char *errname, vm_ustr_errors *h, bool *unknown)
{
    vm_ustr_error err;
    *unknown = vm_ustr_errors_from_name(errname, h, &err) != VM_USTR_OK;
    if (*unknown)
        *h = VM_USTR_STRICT;
    return true;
}

vm_value vm_strobj_encode(vm_value str, vm_value encoding, vm_value errors)
{
    codec_id id;
    const char *errname;
    if (!codec_args(encoding, errors, "encode", &id, &errname))
        return VM_NULL;
    if (is_utf16_32(id))
        return encode_wide(str, id, errname);
    if (id >= CODEC_UTF8SIG)
        return encode_other(str, id, errname);
    vm_ustr_codec codec = id == CODEC_UTF8 ? VM_USTR_UTF8 : id == CODEC_LATIN1 ? VM_USTR_LATIN1
                                                                               : VM_USTR_ASCII;
    vm_ustr s = vm_str_view(str);
    /* fast path: ASCII text encodes to itself in all three */
    if (((vm_str *)vm_obj(str))->ascii) {
        vm_value r = vm_strobj_bytes_alloc(s.len);
        if (!r)
            return VM_NULL;
        memcpy(so_bytes_data(r), ((vm_str *)vm_obj(str))->data, s.len);
        return r;
    }
    vm_ustr_errors h;
    bool unknown;
    char errcopy[64];
    snprintf(errcopy, sizeof errcopy, "%s", errname);
    resolve_errors(errcopy, &h, &unknown);
    size_t nbytes;
    vm_ustr_error err;
    vm_ustr_status st = vm_ustr_encode_size(codec, s, h, &nbytes, &err);
    if (st != VM_USTR_OK) {
        if (unknown && st == VM_USTR_ENCODE_ERROR) {
            vm_raise(VM_TYPE(LookupError), "unknown error handler name '%s'", errcopy);
            return VM_NULL;
        }
        if (st == VM_USTR_ENCODE_ERROR)
            return raise_encode_error(codec == VM_USTR_UTF8 ? "utf-8" : codec == VM_USTR_LATIN1
                                      ? "latin-1" : "ascii", str, err.start, err.end, err.reason);
        return raise_ustr(st, &err);
    }
    vm_value r = vm_strobj_bytes_alloc(nbytes);
    if (!r)
        return VM_NULL;
    vm_ustr_encode(so_bytes_data(r), codec, vm_str_view(str), h);
    return r;
}

vm_value vm_strobj_decode(const uint8_t *data, size_t n, vm_value encoding, vm_value errors)
{
    codec_id id;
    const char *errname;
    if (!codec_args(encoding, errors, "decode", &id, &errname))
        return VM_NULL;
    if (is_utf16_32(id))
        return decode_wide(data, n, id, errname);
    if (id == CODEC_UTF8SIG) {
        if (n >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) {
            data += 3;
            n -= 3;
        }
        id = CODEC_UTF8;
    } else if (id > CODEC_UTF8SIG) {
        return decode_other(data, n, id, errname);
    }
    vm_ustr_codec codec = id == CODEC_UTF8 ? VM_USTR_UTF8 : id == CODEC_LATIN1 ? VM_USTR_LATIN1
                                                                               : VM_USTR_ASCII;
    /* fast path: ASCII bytes */
    size_t i = 0;
    uint8_t m = 0;
    for (; i < n; i++)
        m |= data[i];
    if (m < 0x80 || codec == VM_USTR_LATIN1) {
        vm_value r = vm_strobj_alloc(n, m < 0x80 ? 0x7f : 0xff);
        if (!r)
            return VM_NULL;
        memcpy(so_str_data(r), data, n);
        return vm_strobj_done(r);
    }
    vm_ustr_errors h;
    bool unknown;
    char errcopy[64];
    snprintf(errcopy, sizeof errcopy, "%s", errname);
    resolve_errors(errcopy, &h, &unknown);
    vm_ustr_size size;
    vm_ustr_error err;
    vm_ustr_status st = vm_ustr_decode_size(codec, data, n, h, &size, &err);
    if (st != VM_USTR_OK) {
        if (unknown && st == VM_USTR_DECODE_ERROR) {
            vm_raise(VM_TYPE(LookupError), "unknown error handler name '%s'", errcopy);
            return VM_NULL;
        }
        if (st == VM_USTR_DECODE_ERROR)
            return raise_decode_error(codec == VM_USTR_UTF8 ? "utf-8" : "ascii", data, n,
                                      err.start, err.end, err.reason);
        return raise_ustr(st, &err);
    }
    vm_value r = vm_strobj_alloc(size.len, size.maxchar);
    if (!r)
        return VM_NULL;
    vm_ustr_decode(so_str_data(r), vm_ustr_kind_for(size.maxchar), codec, data, n, h);
    return vm_strobj_done(r);
}

static const char *const encode_names[] = {"encoding", "errors"};

static vm_value str_encode(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value a[2];
    if (!so_bind("encode", args + 1, nargs - 1, kwnames, encode_names, 2, 2, 0, a))
        return VM_NULL;
    return vm_strobj_encode(args[0], a[0], a[1]);
}

/* ---------------------------------------------------------------------------------------
 * Dunders
 */

static const char *const str_new_names[] = {"object", "encoding", "errors"};

static vm_value str_new(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_new_cls("str", VM_TYPE(STR), args, nargs))
        return VM_NULL;
    vm_value cls = args[0];
    vm_value a[3];
    if (!so_check_kwnames("str", kwnames, str_new_names, 3) ||
        !so_bind("str", args + 1, nargs - 1, kwnames, str_new_names, 3, 3, 0, a))
        return VM_NULL;
    vm_value r;
    if (a[1] || a[2]) {
        vm_value obj = a[0];
        if (!obj) {
            r = str_empty();
        } else if (so_is_str(obj)) {
            vm_raise(TYPE_ERROR, "decoding str is not supported");
            return VM_NULL;
        } else {
            const uint8_t *d;
            size_t n;
            if (!vm_strobj_buffer(obj, &d, &n)) {
                vm_raise(TYPE_ERROR, "decoding to str: need a bytes-like object, %T found",
                         obj);
                return VM_NULL;
            }
            uint8_t *copy = malloc(n + 1);
            if (!copy)
                return vm_raise_nomem();
            memcpy(copy, d, n);
            r = vm_strobj_decode(copy, n, a[1], a[2]);
            free(copy);
        }
    } else {
        r = a[0] ? vm_str_of(a[0]) : str_empty();
    }
    if (!r)
        return VM_NULL;
    if (cls == VM_TYPE(STR))
        return r;
    /* a subclass instance: a copy of the text with the class as its type */
    vm_ustr v = vm_str_view(r);
    const vm_str *src = vm_obj(r);
    vm_value s = vm_strobj_alloc(v.len, src->ascii ? 0x7f : v.kind == 1 ? 0xff
                                        : v.kind == 2 ? 0xffff : 0x10ffff);
    if (!s)
        return VM_NULL;
    memcpy(so_str_data(s), ((vm_str *)vm_obj(r))->data, v.len * v.kind);
    ((vm_str *)vm_obj(s))->o.type = (stm_ref)cls;
    return vm_strobj_done(s);
}

static vm_value str_dunder_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return vm_str_repr(args[0]);
}

static vm_value str_dunder_str(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return str_exact(args[0]);
}

static vm_value str_len(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return vm_small(so_str_len(args[0]));
}

static vm_value str_getitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value s = args[0], key = args[1];
    int64_t len = so_str_len(s);
    if (vm_is_small(key) || vm_is_int(key) || key == VM_TRUE || key == VM_FALSE ||
        (!vm_is_type(key, VM_T_SLICE) && has_special(key, "__index__"))) {
        int64_t i;
        if (vm_is_small(key)) {
            i = vm_small_value(key);
        } else if (!vm_index(key, &i)) {
            if (vm_exc_matches(VM_TYPE(OverflowError)))
                vm_raise(VM_TYPE(IndexError), "cannot fit '%T' into an index-sized integer",
                         key);
            return VM_NULL;
        }
        if (i < 0)
            i += len;
        if (i < 0 || i >= len) {
            vm_raise(VM_TYPE(IndexError), "string index out of range");
            return VM_NULL;
        }
        return str_char(vm_ustr_get(vm_str_view(s), (size_t)i));
    }
    if (vm_is_type(key, VM_T_SLICE)) {
        int64_t start, stop, step, n;
        if (!vm_slice_indices(key, len, &start, &stop, &step, &n))
            return VM_NULL;
        if (n <= 0)
            return str_empty();
        if (step == 1)
            return str_substr(s, (size_t)start, (size_t)(start + n));
        vm_ustr_size size = vm_ustr_slice_step_size(vm_str_view(s), (size_t)start,
                                                    (ptrdiff_t)step, (size_t)n);
        vm_value r = vm_strobj_alloc(size.len, size.maxchar);
        if (!r)
            return VM_NULL;
        vm_ustr_slice_step(so_str_data(r), vm_ustr_kind_for(size.maxchar), vm_str_view(s),
                           (size_t)start, (ptrdiff_t)step, (size_t)n);
        return vm_strobj_done(r);
    }
    vm_raise(TYPE_ERROR, "string indices must be integers, not '%T'", key);
    return VM_NULL;
}

static vm_value str_iter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value it = vm_obj_new(VM_TYPE(STR_ITERATOR), 2);
    if (!it)
        return vm_raise_nomem();
    vm_fields(it)[0] = args[0];
    vm_fields(it)[1] = vm_small(0);
    return it;
}

static vm_value str_iter_next(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value it = args[0];
    vm_value s = vm_field(it, 0);
    if (!s) {
        so_raise_stop();
        return VM_NULL;
    }
    int64_t i = vm_small_value(vm_field(it, 1));
    if (i >= so_str_len(s)) {
        vm_set_field(it, 0, VM_NULL);
        so_raise_stop();
        return VM_NULL;
    }
    vm_set_field(it, 1, vm_small(i + 1));
    return str_char(vm_ustr_get(vm_str_view(s), (size_t)i));
}

static vm_value iter_self(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return args[0];
}

static vm_value str_iter_length_hint(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value s = vm_field(args[0], 0);
    if (!s)
        return vm_small(0);
    int64_t left = so_str_len(s) - vm_small_value(vm_field(args[0], 1));
    return vm_small(left > 0 ? left : 0);
}

static vm_value str_add(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_is_str(args[1])) {
        /* CPython's str has only sq_concat: the right operand's __radd__ runs first, and
         * str.__add__(s, 1) called directly raises */
        if (has_special(args[1], "__radd__"))
            return VM_NOTIMPLEMENTED;
        return vm_str_concat(args[0], args[1]);
    }
    return vm_str_concat(args[0], args[1]);
}

static vm_value str_mul(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value s = args[0], nv = args[1];
    if (!vm_is_int(nv) && nv != VM_TRUE && nv != VM_FALSE && !has_special(nv, "__index__"))
        return VM_NOTIMPLEMENTED;
    int64_t count;
    if (!vm_index(nv, &count)) {
        if (vm_exc_matches(VM_TYPE(OverflowError)))
            vm_raise(VM_TYPE(OverflowError), "cannot fit '%T' into an index-sized integer", nv);
        return VM_NULL;
    }
    int64_t len = so_str_len(s);
    if (count <= 0 || len == 0)
        return str_empty();
    if (count == 1)
        return str_exact(s);
    if (count > (INT64_MAX / 4) / len) {
        vm_raise(VM_TYPE(OverflowError), "repeated string is too long");
        return VM_NULL;
    }
    const vm_str *o = vm_obj(s);
    uint32_t maxchar = o->ascii ? 0x7f : o->kind == 1 ? 0xff : o->kind == 2 ? 0xffff : 0x10ffff;
    size_t total = (size_t)len * (size_t)count;
    vm_value r = vm_strobj_alloc(total, maxchar);
    if (!r)
        return VM_NULL;
    o = vm_obj(s);
    size_t bytes = total * o->kind, unit = (size_t)len * o->kind;
    uint8_t *d = so_str_data(r);
    if (unit == 1) {
        memset(d, o->data[0], bytes);
    } else {
        memcpy(d, o->data, unit);
        size_t done = unit;
        while (done < bytes) {
            size_t k = done <= bytes - done ? done : bytes - done;
            memcpy(d + done, d, k);
            done += k;
        }
    }
    return vm_strobj_done(r);
}

static vm_value str_hash(vm_value *args, int64_t nargs, vm_value kwnames)
{
    int64_t h;
    vm_hash(args[0], &h);
    return vm_int_from_int64(h);
}

static bool str_equal(vm_value a, vm_value b)
{
    if (a == b)
        return true;
    const vm_str *x = vm_obj(a), *y = vm_obj(b);
    if (x->length != y->length || x->kind != y->kind)
        return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
        return false;
    return memcmp(x->data, y->data, (size_t)x->length * x->kind) == 0;
}

#define CMP_METHOD(name, expr)                                                            \
    static vm_value str_##name(vm_value *args, int64_t nargs, vm_value kwnames)           \
    {                                                                                     \
        if (!so_is_str(args[1]))                                                          \
            return VM_NOTIMPLEMENTED;                                                     \
        vm_value a = args[0], b = args[1];                                                \
        (void)a; (void)b;                                                                 \
        return bool_value(expr);                                                          \
    }
CMP_METHOD(eq, str_equal(a, b))
CMP_METHOD(ne, !str_equal(a, b))
CMP_METHOD(lt, vm_ustr_compare(vm_str_view(a), vm_str_view(b)) < 0)
CMP_METHOD(le, vm_ustr_compare(vm_str_view(a), vm_str_view(b)) <= 0)
CMP_METHOD(gt, vm_ustr_compare(vm_str_view(a), vm_str_view(b)) > 0)
CMP_METHOD(ge, vm_ustr_compare(vm_str_view(a), vm_str_view(b)) >= 0)
#undef CMP_METHOD

static vm_value str_getnewargs(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value s = str_exact(args[0]);
    if (!s)
        return VM_NULL;
    if (s == args[0]) {
        /* CPython returns a copy: identity does not matter for pickling */
    }
    vm_value t = vm_tuple_new(1);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = s;
    return t;
}

static vm_value str_sizeof(vm_value *args, int64_t nargs, vm_value kwnames)
{
    const vm_str *o = vm_obj(args[0]);
    int64_t size = o->ascii ? 48 + o->length + 1 : 72 + (o->length + 1) * o->kind;
    return vm_small(size);
}

/* ---------------------------------------------------------------------------------------
 * The method table
 */

static vm_value str_iter_reduce(vm_value *args, int64_t nargs, vm_value kwnames);
static vm_value str_iter_setstate(vm_value *args, int64_t nargs, vm_value kwnames);

/* Checked entry points (see so_check_count). */
static vm_value chk0_str_dunder_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__repr__", nargs, 1, 1, false))
        return VM_NULL;
    return str_dunder_repr(args, nargs, kwnames);
}

static vm_value chk1_str_dunder_str(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__str__", nargs, 1, 1, false))
        return VM_NULL;
    return str_dunder_str(args, nargs, kwnames);
}

static vm_value chk2_str_len(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__len__", nargs, 1, 1, false))
        return VM_NULL;
    return str_len(args, nargs, kwnames);
}

static vm_value chk3_str_getitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__getitem__", nargs, 2, 2, false))
        return VM_NULL;
    return str_getitem(args, nargs, kwnames);
}

static vm_value chk4_str_contains(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__contains__", nargs, 2, 2, false))
        return VM_NULL;
    return str_contains(args, nargs, kwnames);
}

static vm_value chk5_str_iter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__iter__", nargs, 1, 1, false))
        return VM_NULL;
    return str_iter(args, nargs, kwnames);
}

static vm_value chk6_str_add(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__add__", nargs, 2, 2, false))
        return VM_NULL;
    return str_add(args, nargs, kwnames);
}

static vm_value chk7_str_mul(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__mul__", nargs, 2, 2, false))
        return VM_NULL;
    return str_mul(args, nargs, kwnames);
}

static vm_value chk8_str_mul(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__rmul__", nargs, 2, 2, false))
        return VM_NULL;
    return str_mul(args, nargs, kwnames);
}

static vm_value chk9_str_mod(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__mod__", nargs, 2, 2, false))
        return VM_NULL;
    return str_mod(args, nargs, kwnames);
}

static vm_value chk10_str_rmod(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__rmod__", nargs, 2, 2, false))
        return VM_NULL;
    return str_rmod(args, nargs, kwnames);
}

static vm_value chk11_str_dunder_format(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__format__", nargs, 2, 2, false))
        return VM_NULL;
    return str_dunder_format(args, nargs, kwnames);
}

static vm_value chk12_str_hash(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__hash__", nargs, 1, 1, false))
        return VM_NULL;
    return str_hash(args, nargs, kwnames);
}

static vm_value chk13_str_eq(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__eq__", nargs, 2, 2, false))
        return VM_NULL;
    return str_eq(args, nargs, kwnames);
}

static vm_value chk14_str_ne(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__ne__", nargs, 2, 2, false))
        return VM_NULL;
    return str_ne(args, nargs, kwnames);
}

static vm_value chk15_str_lt(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__lt__", nargs, 2, 2, false))
        return VM_NULL;
    return str_lt(args, nargs, kwnames);
}

static vm_value chk16_str_le(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__le__", nargs, 2, 2, false))
        return VM_NULL;
    return str_le(args, nargs, kwnames);
}

static vm_value chk17_str_gt(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__gt__", nargs, 2, 2, false))
        return VM_NULL;
    return str_gt(args, nargs, kwnames);
}

static vm_value chk18_str_ge(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__ge__", nargs, 2, 2, false))
        return VM_NULL;
    return str_ge(args, nargs, kwnames);
}

static vm_value chk19_str_getnewargs(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__getnewargs__", nargs, 1, 1, false))
        return VM_NULL;
    return str_getnewargs(args, nargs, kwnames);
}

static vm_value chk20_str_sizeof(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "__sizeof__", nargs, 1, 1, false))
        return VM_NULL;
    return str_sizeof(args, nargs, kwnames);
}

static vm_value chk21_str_capitalize(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "capitalize", nargs, 1, 1, false))
        return VM_NULL;
    return str_capitalize(args, nargs, kwnames);
}

static vm_value chk22_str_casefold(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "casefold", nargs, 1, 1, false))
        return VM_NULL;
    return str_casefold(args, nargs, kwnames);
}

static vm_value chk23_str_center(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "center", nargs, 2, 3, false))
        return VM_NULL;
    return str_center(args, nargs, kwnames);
}

static vm_value chk24_str_count(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "count", nargs, 2, 4, false))
        return VM_NULL;
    return str_count(args, nargs, kwnames);
}


static vm_value chk26_str_endswith(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "endswith", nargs, 2, 4, false))
        return VM_NULL;
    return str_endswith(args, nargs, kwnames);
}


static vm_value chk28_str_find(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "find", nargs, 2, 4, false))
        return VM_NULL;
    return str_find(args, nargs, kwnames);
}


static vm_value chk30_str_format_map(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "format_map", nargs, 2, 2, false))
        return VM_NULL;
    return str_format_map(args, nargs, kwnames);
}

static vm_value chk31_str_index(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "index", nargs, 2, 4, false))
        return VM_NULL;
    return str_index(args, nargs, kwnames);
}

static vm_value chk32_str_isalnum(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "isalnum", nargs, 1, 1, false))
        return VM_NULL;
    return str_isalnum(args, nargs, kwnames);
}

static vm_value chk33_str_isalpha(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "isalpha", nargs, 1, 1, false))
        return VM_NULL;
    return str_isalpha(args, nargs, kwnames);
}

static vm_value chk34_str_isascii(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "isascii", nargs, 1, 1, false))
        return VM_NULL;
    return str_isascii(args, nargs, kwnames);
}

static vm_value chk35_str_isdecimal(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "isdecimal", nargs, 1, 1, false))
        return VM_NULL;
    return str_isdecimal(args, nargs, kwnames);
}

static vm_value chk36_str_isdigit(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "isdigit", nargs, 1, 1, false))
        return VM_NULL;
    return str_isdigit(args, nargs, kwnames);
}

static vm_value chk37_str_isidentifier(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "isidentifier", nargs, 1, 1, false))
        return VM_NULL;
    return str_isidentifier(args, nargs, kwnames);
}

static vm_value chk38_str_islower(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "islower", nargs, 1, 1, false))
        return VM_NULL;
    return str_islower(args, nargs, kwnames);
}

static vm_value chk39_str_isnumeric(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "isnumeric", nargs, 1, 1, false))
        return VM_NULL;
    return str_isnumeric(args, nargs, kwnames);
}

static vm_value chk40_str_isprintable(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "isprintable", nargs, 1, 1, false))
        return VM_NULL;
    return str_isprintable(args, nargs, kwnames);
}

static vm_value chk41_str_isspace(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "isspace", nargs, 1, 1, false))
        return VM_NULL;
    return str_isspace(args, nargs, kwnames);
}

static vm_value chk42_str_istitle(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "istitle", nargs, 1, 1, false))
        return VM_NULL;
    return str_istitle(args, nargs, kwnames);
}

static vm_value chk43_str_isupper(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "isupper", nargs, 1, 1, false))
        return VM_NULL;
    return str_isupper(args, nargs, kwnames);
}

static vm_value chk44_str_join(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "join", nargs, 2, 2, false))
        return VM_NULL;
    return str_join(args, nargs, kwnames);
}

static vm_value chk45_str_ljust(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "ljust", nargs, 2, 3, false))
        return VM_NULL;
    return str_ljust(args, nargs, kwnames);
}

static vm_value chk46_str_lower(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "lower", nargs, 1, 1, false))
        return VM_NULL;
    return str_lower(args, nargs, kwnames);
}

static vm_value chk47_str_lstrip(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "lstrip", nargs, 1, 2, false))
        return VM_NULL;
    return str_lstrip(args, nargs, kwnames);
}

static vm_value chk48_str_maketrans(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "maketrans", nargs, 1, 3, true))
        return VM_NULL;
    return str_maketrans(args, nargs, kwnames);
}

static vm_value chk49_str_partition(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "partition", nargs, 2, 2, false))
        return VM_NULL;
    return str_partition(args, nargs, kwnames);
}

static vm_value chk50_str_removeprefix(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "removeprefix", nargs, 2, 2, false))
        return VM_NULL;
    return str_removeprefix(args, nargs, kwnames);
}

static vm_value chk51_str_removesuffix(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "removesuffix", nargs, 2, 2, false))
        return VM_NULL;
    return str_removesuffix(args, nargs, kwnames);
}

static vm_value chk52_str_replace(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "replace", nargs, 3, 4, false))
        return VM_NULL;
    return str_replace(args, nargs, kwnames);
}

static vm_value chk53_str_rfind(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "rfind", nargs, 2, 4, false))
        return VM_NULL;
    return str_rfind(args, nargs, kwnames);
}

static vm_value chk54_str_rindex(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "rindex", nargs, 2, 4, false))
        return VM_NULL;
    return str_rindex(args, nargs, kwnames);
}

static vm_value chk55_str_rjust(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "rjust", nargs, 2, 3, false))
        return VM_NULL;
    return str_rjust(args, nargs, kwnames);
}

static vm_value chk56_str_rpartition(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "rpartition", nargs, 2, 2, false))
        return VM_NULL;
    return str_rpartition(args, nargs, kwnames);
}


static vm_value chk58_str_rstrip(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "rstrip", nargs, 1, 2, false))
        return VM_NULL;
    return str_rstrip(args, nargs, kwnames);
}



static vm_value chk61_str_startswith(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "startswith", nargs, 2, 4, false))
        return VM_NULL;
    return str_startswith(args, nargs, kwnames);
}

static vm_value chk62_str_strip(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "strip", nargs, 1, 2, false))
        return VM_NULL;
    return str_strip(args, nargs, kwnames);
}

static vm_value chk63_str_swapcase(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "swapcase", nargs, 1, 1, false))
        return VM_NULL;
    return str_swapcase(args, nargs, kwnames);
}

static vm_value chk64_str_title(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "title", nargs, 1, 1, false))
        return VM_NULL;
    return str_title(args, nargs, kwnames);
}

static vm_value chk65_str_translate(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "translate", nargs, 2, 2, false))
        return VM_NULL;
    return str_translate(args, nargs, kwnames);
}

static vm_value chk66_str_upper(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "upper", nargs, 1, 1, false))
        return VM_NULL;
    return str_upper(args, nargs, kwnames);
}

static vm_value chk67_str_zfill(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str", "zfill", nargs, 2, 2, false))
        return VM_NULL;
    return str_zfill(args, nargs, kwnames);
}

static vm_value chk68_iter_self(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str_ascii_iterator", "__iter__", nargs, 1, 1, false))
        return VM_NULL;
    return iter_self(args, nargs, kwnames);
}

static vm_value chk69_str_iter_next(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str_ascii_iterator", "__next__", nargs, 1, 1, false))
        return VM_NULL;
    return str_iter_next(args, nargs, kwnames);
}

static vm_value chk70_str_iter_length_hint(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str_ascii_iterator", "__length_hint__", nargs, 1, 1, false))
        return VM_NULL;
    return str_iter_length_hint(args, nargs, kwnames);
}

static vm_value chk71_str_iter_reduce(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str_ascii_iterator", "__reduce__", nargs, 1, 1, false))
        return VM_NULL;
    return str_iter_reduce(args, nargs, kwnames);
}

static vm_value chk72_str_iter_setstate(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("str_ascii_iterator", "__setstate__", nargs, 2, 2, false))
        return VM_NULL;
    return str_iter_setstate(args, nargs, kwnames);
}

#define M(name, fn, min, max, flags) {name, fn, min, max, flags, NULL}
static const vm_method_def str_methods[] = {
    M("__new__", str_new, 0, -1, VM_METH_STATIC),
    M("__repr__", chk0_str_dunder_repr, 1, 1, VM_METH_NOKW),
    M("__str__", chk1_str_dunder_str, 1, 1, VM_METH_NOKW),
    M("__len__", chk2_str_len, 1, 1, VM_METH_NOKW),
    M("__getitem__", chk3_str_getitem, 2, 2, VM_METH_NOKW),
    M("__contains__", chk4_str_contains, 2, 2, VM_METH_NOKW),
    M("__iter__", chk5_str_iter, 1, 1, VM_METH_NOKW),
    M("__add__", chk6_str_add, 2, 2, VM_METH_NOKW),
    M("__mul__", chk7_str_mul, 2, 2, VM_METH_NOKW),
    M("__rmul__", chk8_str_mul, 2, 2, VM_METH_NOKW),
    M("__mod__", chk9_str_mod, 2, 2, VM_METH_NOKW),
    M("__rmod__", chk10_str_rmod, 2, 2, VM_METH_NOKW),
    M("__format__", chk11_str_dunder_format, 2, 2, VM_METH_NOKW),
    M("__hash__", chk12_str_hash, 1, 1, VM_METH_NOKW),
    M("__eq__", chk13_str_eq, 2, 2, VM_METH_NOKW),
    M("__ne__", chk14_str_ne, 2, 2, VM_METH_NOKW),
    M("__lt__", chk15_str_lt, 2, 2, VM_METH_NOKW),
    M("__le__", chk16_str_le, 2, 2, VM_METH_NOKW),
    M("__gt__", chk17_str_gt, 2, 2, VM_METH_NOKW),
    M("__ge__", chk18_str_ge, 2, 2, VM_METH_NOKW),
    M("__getnewargs__", chk19_str_getnewargs, 1, 1, VM_METH_NOKW),
    M("__sizeof__", chk20_str_sizeof, 1, 1, VM_METH_NOKW),
    M("capitalize", chk21_str_capitalize, 1, 1, VM_METH_NOKW),
    M("casefold", chk22_str_casefold, 1, 1, VM_METH_NOKW),
    M("center", chk23_str_center, 2, 3, VM_METH_NOKW),
    M("count", chk24_str_count, 2, 4, VM_METH_NOKW),
    M("encode", str_encode, 1, 3, 0),
    M("endswith", chk26_str_endswith, 2, 4, VM_METH_NOKW),
    M("expandtabs", str_expandtabs, 1, 2, 0),
    M("find", chk28_str_find, 2, 4, VM_METH_NOKW),
    M("format", str_format, 1, -1, 0),
    M("format_map", chk30_str_format_map, 2, 2, VM_METH_NOKW),
    M("index", chk31_str_index, 2, 4, VM_METH_NOKW),
    M("isalnum", chk32_str_isalnum, 1, 1, VM_METH_NOKW),
    M("isalpha", chk33_str_isalpha, 1, 1, VM_METH_NOKW),
    M("isascii", chk34_str_isascii, 1, 1, VM_METH_NOKW),
    M("isdecimal", chk35_str_isdecimal, 1, 1, VM_METH_NOKW),
    M("isdigit", chk36_str_isdigit, 1, 1, VM_METH_NOKW),
    M("isidentifier", chk37_str_isidentifier, 1, 1, VM_METH_NOKW),
    M("islower", chk38_str_islower, 1, 1, VM_METH_NOKW),
    M("isnumeric", chk39_str_isnumeric, 1, 1, VM_METH_NOKW),
    M("isprintable", chk40_str_isprintable, 1, 1, VM_METH_NOKW),
    M("isspace", chk41_str_isspace, 1, 1, VM_METH_NOKW),
    M("istitle", chk42_str_istitle, 1, 1, VM_METH_NOKW),
    M("isupper", chk43_str_isupper, 1, 1, VM_METH_NOKW),
    M("join", chk44_str_join, 2, 2, VM_METH_NOKW),
    M("ljust", chk45_str_ljust, 2, 3, VM_METH_NOKW),
    M("lower", chk46_str_lower, 1, 1, VM_METH_NOKW),
    M("lstrip", chk47_str_lstrip, 1, 2, VM_METH_NOKW),
    M("maketrans", chk48_str_maketrans, 1, 3, VM_METH_STATIC | VM_METH_NOKW),
    M("partition", chk49_str_partition, 2, 2, VM_METH_NOKW),
    M("removeprefix", chk50_str_removeprefix, 2, 2, VM_METH_NOKW),
    M("removesuffix", chk51_str_removesuffix, 2, 2, VM_METH_NOKW),
    M("replace", chk52_str_replace, 3, 4, VM_METH_NOKW),
    M("rfind", chk53_str_rfind, 2, 4, VM_METH_NOKW),
    M("rindex", chk54_str_rindex, 2, 4, VM_METH_NOKW),
    M("rjust", chk55_str_rjust, 2, 3, VM_METH_NOKW),
    M("rpartition", chk56_str_rpartition, 2, 2, VM_METH_NOKW),
    M("rsplit", str_rsplit, 1, 3, 0),
    M("rstrip", chk58_str_rstrip, 1, 2, VM_METH_NOKW),
    M("split", str_split, 1, 3, 0),
    M("splitlines", str_splitlines, 1, 2, 0),
    M("startswith", chk61_str_startswith, 2, 4, VM_METH_NOKW),
    M("strip", chk62_str_strip, 1, 2, VM_METH_NOKW),
    M("swapcase", chk63_str_swapcase, 1, 1, VM_METH_NOKW),
    M("title", chk64_str_title, 1, 1, VM_METH_NOKW),
    M("translate", chk65_str_translate, 2, 2, VM_METH_NOKW),
    M("upper", chk66_str_upper, 1, 1, VM_METH_NOKW),
    M("zfill", chk67_str_zfill, 2, 2, VM_METH_NOKW),
    {0},
};


static const vm_method_def str_iterator_methods[] = {
    M("__iter__", chk68_iter_self, 1, 1, VM_METH_NOKW),
    M("__next__", chk69_str_iter_next, 1, 1, VM_METH_NOKW),
    M("__length_hint__", chk70_str_iter_length_hint, 1, 1, VM_METH_NOKW),
    M("__reduce__", chk71_str_iter_reduce, 1, 1, VM_METH_NOKW),
    M("__setstate__", chk72_str_iter_setstate, 2, 2, VM_METH_NOKW),
    {0},
};
#undef M

static const char str_doc[] =
    "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nCreate a new "
    "string object from the given object. If encoding or\nerrors is specified, then the "
    "object must expose a data buffer\nthat will be decoded using the given encoding and "
    "error handler.\nOtherwise, returns the result of object.__str__() (if defined)\nor "
    "repr(object).\nencoding defaults to sys.getdefaultencoding().\nerrors defaults to "
    "'strict'.";

vm_value vm_strobj_iter_reduce(vm_value it, vm_value empty)
{
    vm_value iterf = vm_dict_getitem_c(vm_builtins_dict, "iter");
    if (!iterf) {
        if (!vm_error_pending())
            vm_raise(VM_TYPE(AttributeError), "iter");
        return VM_NULL;
    }
    vm_value seq = vm_field(it, 0);
    vm_value r = vm_tuple_new(seq ? 3 : 2);
    vm_value a = vm_tuple_new(1);
    if (!r || !a)
        return vm_raise_nomem();
    vm_tuple_items(a)[0] = seq ? seq : empty;
    vm_tuple_items(r)[0] = iterf;
    vm_tuple_items(r)[1] = a;
    if (seq)
        vm_tuple_items(r)[2] = vm_field(it, 1);
    return r;
}

vm_value vm_strobj_iter_setstate(vm_value it, vm_value state, int64_t len)
{
    int64_t i;
    if (!so_ssize_arg(state, &i))
        return VM_NULL;
    if (vm_field(it, 0)) {
        if (i < 0)
            i = 0;
        if (i > len)
            i = len;
        vm_set_field(it, 1, vm_small(i));
    }
    return VM_NONE;
}

void vm_strobj_add_getattribute(vm_value type)
{
    vm_value od = ((vm_type *)vm_obj(VM_TYPE(OBJECT)))->dict;
    vm_value ga = vm_dict_getitem_c(od, "__getattribute__");
    if (ga)
        vm_dict_setitem_c(((vm_type *)vm_obj(type))->dict, "__getattribute__", ga);
}

static vm_value str_iter_reduce(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value e = str_empty();
    return e ? vm_strobj_iter_reduce(args[0], e) : VM_NULL;
}

static vm_value str_iter_setstate(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value s = vm_field(args[0], 0);
    return vm_strobj_iter_setstate(args[0], args[1], s ? so_str_len(s) : 0);
}

vm_value vm_strobj_iter_next(vm_value it)
{
    vm_value s = vm_field(it, 0);
    if (!s)
        return VM_NULL;
    int64_t i = vm_small_value(vm_field(it, 1));
    if (i >= so_str_len(s)) {
        vm_set_field(it, 0, VM_NULL);
        return VM_NULL;
    }
    vm_set_field(it, 1, vm_small(i + 1));
    return str_char(vm_ustr_get(vm_str_view(s), (size_t)i));
}

void vm_init_str(void)
{
    for (uint32_t c = 0; c < 256; c++) {
        stm_add_global_root(&latin1_chars[c]);
        vm_value ch = str_char(c);
        if (!ch)
            abort();
        stm_global_root_set(&vm_self->tl, &latin1_chars[c], (stm_ref)ch);
    }
    vm_type_add_methods(VM_TYPE(STR), str_methods);
    vm_dict_setitem_c(((vm_type *)vm_obj(VM_TYPE(STR)))->dict, "__doc__", vm_str_c(str_doc));
    vm_type_add_methods(VM_TYPE(STR_ITERATOR), str_iterator_methods);
    vm_dict_setitem_c(((vm_type *)vm_obj(VM_TYPE(STR_ITERATOR)))->dict, "__doc__", VM_NONE);
    vm_strobj_add_getattribute(VM_TYPE(STR));
    vm_strobj_add_getattribute(VM_TYPE(STR_ITERATOR));
    vm_init_bytes();
}

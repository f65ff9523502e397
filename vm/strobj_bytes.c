/* vm/strobj_bytes.c — bytes and bytearray: construction, the methods they share, repr,
 * % formatting (the parser is str's, in vm/strobj.c), iteration, and bytearray's
 * mutation.
 *
 * A bytearray is a VM_L_OBJ object with two fields: its length (a small int) and a
 * storage object (a bytes object used as raw memory, never seen by Python code, whose
 * length is the capacity).  Reads go through stm_read of both, writes through stm_write
 * of the storage (and of the bytearray when the length or the storage changes): the
 * storage is replaced, not resized, when it grows (CPython's growth: n + n/8 + 6).
 * Shared methods see either as a (data, length) view taken after every call that may
 * allocate or run Python code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/strobj_shared.h"

#define TYPE_ERROR VM_TYPE(TypeError)
#define VALUE_ERROR VM_TYPE(ValueError)

enum { BA_LEN, BA_BUF, BA_NFIELDS };

static vm_value bool_value(bool b) { return b ? VM_TRUE : VM_FALSE; }

/* ---------------------------------------------------------------------------------------
 * Views and construction
 */

typedef struct bview {
    const uint8_t *d;
    size_t n;
} bview;

static inline bview ba_view(vm_value ba)
{
    int64_t n = vm_small_value(vm_field(ba, BA_LEN));
    vm_value buf = vm_field(ba, BA_BUF);
    if (!buf)
        return (bview){(const uint8_t *)"", 0};
    stm_read((stm_ref)buf);
    return (bview){so_bytes_data(buf), (size_t)n};
}

bool vm_strobj_buffer(vm_value x, const uint8_t **data, size_t *n)
{
    if (so_is_bytes(x)) {
        *data = so_bytes_data(x);
        *n = (size_t)so_bytes_len(x);
        return true;
    }
    if (so_is_bytearray(x)) {
        bview v = ba_view(x);
        *data = v.d;
        *n = v.n;
        return true;
    }
    return false;
}

/* self's contents: bytes or bytearray. */
static bview self_view(vm_value self)
{
    if (so_is_bytes(self))
        return (bview){so_bytes_data(self), (size_t)so_bytes_len(self)};
    return ba_view(self);
}

/* A new bytearray of type cls (VM_NULL: bytearray) holding d[0..n). */
static vm_value ba_new(vm_value cls, const uint8_t *d, size_t n)
{
    vm_value ba = vm_obj_new(cls ? cls : VM_TYPE(BYTEARRAY), BA_NFIELDS);
    if (!ba)
        return vm_raise_nomem();
    vm_fields(ba)[BA_LEN] = vm_small((int64_t)n);
    if (n) {
        vm_value buf = vm_strobj_bytes_alloc(n);
        if (!buf)
            return VM_NULL;
        if (d)
            memcpy(so_bytes_data(buf), d, n);
        else
            memset(so_bytes_data(buf), 0, n);
        vm_fields(ba)[BA_BUF] = buf;
    }
    return ba;
}

static vm_value bytes_new_copy(const uint8_t *d, size_t n)
{
    vm_value r = vm_strobj_bytes_alloc(n);
    if (r && n)
        memcpy(so_bytes_data(r), d, n);
    return r;
}

/* A result of self's kind (bytes for bytes and subclasses, bytearray for bytearray)
 * holding d[0..n), which must not point into a heap object (malloc'd or C memory). */
static vm_value new_like(vm_value self, const uint8_t *d, size_t n)
{
    if (so_is_bytes(self))
        return bytes_new_copy(d, n);
    return ba_new(VM_NULL, d, n);
}

/* A result of self's kind holding self[off:off+n]: allocated first, then copied from a
 * view taken after the allocation (which may have moved a young self). */
static vm_value new_like_slice(vm_value self, size_t off, size_t n)
{
    vm_value r = so_is_bytes(self) ? vm_strobj_bytes_alloc(n) : ba_new(VM_NULL, NULL, n);
    if (!r || !n)
        return r;
    bview s = self_view(self);
    uint8_t *dst = so_is_bytes(r) ? so_bytes_data(r) : so_bytes_data(vm_fields(r)[BA_BUF]);
    memcpy(dst, s.d + off, n);
    return r;
}

/* Makes room for n bytes (keeping the contents); false on MemoryError. */
static bool ba_reserve(vm_value ba, size_t n)
{
    vm_value buf = vm_field(ba, BA_BUF);
    size_t cap = buf ? (size_t)so_bytes_len(buf) : 0;
    if (n <= cap)
        return true;
    size_t ncap = n + (n >> 3) + (n < 9 ? 3 : 6);
    vm_value nb = vm_strobj_bytes_alloc(ncap);
    if (!nb) {
        vm_raise_nomem();
        return false;
    }
    buf = vm_field(ba, BA_BUF);
    size_t len = (size_t)vm_small_value(vm_field(ba, BA_LEN));
    if (buf && len) {
        stm_read((stm_ref)buf);
        memcpy(so_bytes_data(nb), so_bytes_data(buf), len);
    }
    vm_set_field(ba, BA_BUF, nb);
    return true;
}

/* Writable data of a bytearray (after ba_reserve for the size it needs). */
static uint8_t *ba_wdata(vm_value ba)
{
    vm_value buf = vm_field(ba, BA_BUF);
    if (!buf)
        return NULL;
    stm_write((stm_ref)buf);
    return so_bytes_data(buf);
}

static void ba_set_len(vm_value ba, size_t n)
{
    vm_set_field(ba, BA_LEN, vm_small((int64_t)n));
}

/* Replaces ba[start:start+oldn] by d[0..newn) (d must not point into ba). */
static bool ba_splice(vm_value ba, size_t start, size_t oldn, const uint8_t *d, size_t newn)
{
    size_t len = (size_t)vm_small_value(vm_field(ba, BA_LEN));
    size_t nlen = len - oldn + newn;
    if (!ba_reserve(ba, nlen))
        return false;
    uint8_t *w = ba_wdata(ba);
    if (w) {
        memmove(w + start + newn, w + start + oldn, len - start - oldn);
        if (newn)
            memcpy(w + start, d, newn);
    }
    ba_set_len(ba, nlen);
    return true;
}

/* An int in range(256) (bytearray items): false with CPython's errors. */
static bool byte_value(vm_value v, int *out)
{
    int64_t i;
    if (!so_ssize_arg(v, &i)) {
        if (vm_exc_matches(VM_TYPE(OverflowError)))
            vm_raise(VALUE_ERROR, "byte must be in range(0, 256)");
        return false;
    }
    if (i < 0 || i > 255) {
        vm_raise(VALUE_ERROR, "byte must be in range(0, 256)");
        return false;
    }
    *out = (int)i;
    return true;
}

bool vm_strobj_bytes_from_object(vm_value x, uint8_t **out, size_t *n, bool bytearray_msg)
{
    const uint8_t *d;
    size_t len;
    if (vm_strobj_buffer(x, &d, &len)) {
        *out = malloc(len + 1);
        if (!*out)
            abort();
        memcpy(*out, d, len);
        *n = len;
        return true;
    }
    vm_value list;
    if (vm_has_layout(x, VM_L_LIST) || vm_has_layout(x, VM_L_TUPLE)) {
        list = x;
    } else {
        if (!vm_type_lookup_c(vm_type_of(x), "__iter__") &&
            !vm_type_lookup_c(vm_type_of(x), "__getitem__")) {
            vm_raise(TYPE_ERROR, "cannot convert '%T' object to bytes", x);
            return false;
        }
        list = vm_list_from_iterable(x);
        if (!list)
            return false;
    }
    bool is_tuple = vm_has_layout(list, VM_L_TUPLE);
    int64_t cnt = is_tuple ? vm_tuple_length(list) : vm_list_len(list);
    uint8_t *buf = malloc((size_t)cnt + 1);
    if (!buf)
        abort();
    for (int64_t i = 0; i < cnt; i++) {
        vm_value item = is_tuple ? vm_tuple_items(list)[i] : vm_list_get(list, i);
        int64_t v;
        if (vm_is_small(item)) {
            v = vm_small_value(item);
        } else if (!vm_index(item, &v)) {
            if (vm_exc_matches(VM_TYPE(OverflowError))) {
                vm_raise(VALUE_ERROR, bytearray_msg ? "byte must be in range(0, 256)"
                                                     : "bytes must be in range(0, 256)");
            }
            free(buf);
            return false;
        }
        if (v < 0 || v > 255) {
            vm_raise(VALUE_ERROR, bytearray_msg ? "byte must be in range(0, 256)"
                                                : "bytes must be in range(0, 256)");
            free(buf);
            return false;
        }
        buf[i] = (uint8_t)v;
        if (!is_tuple)
            cnt = vm_list_len(list) < cnt ? vm_list_len(list) : cnt;
    }
    *out = buf;
    *n = (size_t)cnt;
    return true;
}

/* A bytes-like argument: "a bytes-like object is required, not 'str'". */
static bool want_buffer(vm_value x, bview *v)
{
    if (vm_strobj_buffer(x, &v->d, &v->n))
        return true;
    vm_raise(TYPE_ERROR, "a bytes-like object is required, not '%T'", x);
    return false;
}

/* ---------------------------------------------------------------------------------------
 * repr
 */

vm_value vm_strobj_bytes_repr(const uint8_t *d, size_t n, const char *prefix,
                              const char *suffix)
{
    /* bytearray's repr escapes single quotes even inside double quotes */
    bool escape_single = suffix[0] != 0;
    bool has_single = memchr(d, '\'', n) != NULL, has_double = memchr(d, '"', n) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    vm_buf out = {0};
    vm_buf_puts(&out, prefix);
    vm_buf_put(&out, &quote, 1);
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        char esc[4];
        if (c == (uint8_t)quote || c == '\\' || (c == '\'' && escape_single)) {
            esc[0] = '\\';
            esc[1] = (char)c;
            vm_buf_put(&out, esc, 2);
        } else if (c == '\t') {
            vm_buf_put(&out, "\\t", 2);
        } else if (c == '\n') {
            vm_buf_put(&out, "\\n", 2);
        } else if (c == '\r') {
            vm_buf_put(&out, "\\r", 2);
        } else if (c < 0x20 || c >= 0x7f) {
            esc[0] = '\\';
            esc[1] = 'x';
            esc[2] = hex[c >> 4];
            esc[3] = hex[c & 15];
            vm_buf_put(&out, esc, 4);
        } else {
            vm_buf_put(&out, (const char *)&c, 1);
        }
    }
    vm_buf_put(&out, &quote, 1);
    vm_buf_puts(&out, suffix);
    vm_value r = vm_strobj_alloc(out.len, 0x7f);
    if (r) {
        memcpy(so_str_data(r), out.data, out.len);
        r = vm_strobj_done(r);
    }
    vm_buf_free(&out);
    return r;
}

static vm_value bytes_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value self = args[0];
    if (so_is_bytes(self))
        return vm_strobj_bytes_repr(so_bytes_data(self), (size_t)so_bytes_len(self), "b", "");
    bview v = ba_view(self);
    uint8_t *copy = malloc(v.n + 1);
    if (!copy)
        abort();
    memcpy(copy, v.d, v.n);
    vm_buf pre = {0};
    vm_type_name(vm_type_of(self), &pre);
    vm_buf_puts(&pre, "(b");
    vm_value r = vm_strobj_bytes_repr(copy, v.n, pre.data, ")");
    vm_buf_free(&pre);
    free(copy);
    return r;
}

/* ---------------------------------------------------------------------------------------
 * Construction
 */

static const char *const bytes_new_names[] = {"source", "encoding", "errors"};

/* The contents for bytes(...) / bytearray(...): *out malloc'd. */
static bool contents_from_args(vm_value *a, uint8_t **out, size_t *n, const char *fname)
{
    vm_value x = a[0], enc = a[1], errs = a[2];
    *out = NULL;
    *n = 0;
    if (!x) {
        if (enc || errs) {
            vm_raise(TYPE_ERROR, enc ? "encoding without a string argument"
                                     : "errors without a string argument");
            return false;
        }
        return true;
    }
    if (so_is_str(x)) {
        if (!enc) {
            vm_raise(TYPE_ERROR, "string argument without an encoding");
            return false;
        }
        vm_value b = vm_strobj_encode(x, enc, errs);
        if (!b)
            return false;
        return vm_strobj_bytes_from_object(b, out, n, false);
    }
    if (enc || errs) {
        vm_raise(TYPE_ERROR, enc ? "encoding without a string argument"
                                 : "errors without a string argument");
        return false;
    }
    if (vm_is_int(x) || x == VM_TRUE || x == VM_FALSE ||
        (!so_is_bytes(x) && !so_is_bytearray(x) && vm_type_lookup_c(vm_type_of(x), "__index__"))) {
        int64_t cnt;
        if (!so_ssize_arg(x, &cnt))
            return false;
        if (cnt < 0) {
            vm_raise(VALUE_ERROR, "negative count");
            return false;
        }
        *out = calloc((size_t)cnt + 1, 1);
        if (!*out)
            abort();
        *n = (size_t)cnt;
        return true;
    }
    if (so_is_str(x)) {
        vm_raise(TYPE_ERROR, "string argument without an encoding");
        return false;
    }
    return vm_strobj_bytes_from_object(x, out, n, fname[4] == 'a');
}

static vm_value bytes_new(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_new_cls("bytes", VM_TYPE(BYTES), args, nargs))
        return VM_NULL;
    vm_value cls = args[0];
    vm_value a[3];
    if (!so_check_kwnames("bytes", kwnames, bytes_new_names, 3) ||
        !so_bind("bytes", args + 1, nargs - 1, kwnames, bytes_new_names, 3, 3, 0, a))
        return VM_NULL;
    /* __bytes__ first (CPython checks it before the buffer protocol) */
    if (a[0] && !a[1] && !a[2] && !so_is_bytes(a[0]) && !so_is_str(a[0])) {
        bool found;
        vm_value b = vm_call_special(a[0], "__bytes__", NULL, 0, &found);
        if (found) {
            if (!b)
                return VM_NULL;
            if (!so_is_bytes(b)) {
                vm_raise(TYPE_ERROR, "__bytes__ returned non-bytes (type %T)", b);
                return VM_NULL;
            }
            if (cls == VM_TYPE(BYTES))
                return b;
            a[0] = b;
        }
    }
    if (a[0] && so_is_bytes(a[0]) && !a[1] && !a[2] && cls == VM_TYPE(BYTES) &&
        vm_is_type(a[0], VM_T_BYTES))
        return a[0];
    uint8_t *d;
    size_t n;
    if (!contents_from_args(a, &d, &n, "bytes"))
        return VM_NULL;
    vm_value r = bytes_new_copy(d ? d : (const uint8_t *)"", n);
    free(d);
    if (r && cls != VM_TYPE(BYTES))
        ((vm_object *)vm_obj(r))->type = (stm_ref)cls;
    return r;
}

static vm_value ba_new_method(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_new_cls("bytearray", VM_TYPE(BYTEARRAY), args, nargs))
        return VM_NULL;
    vm_value ba = vm_obj_new(args[0], BA_NFIELDS);
    if (!ba)
        return vm_raise_nomem();
    vm_fields(ba)[BA_LEN] = vm_small(0);
    return ba;
}

static vm_value ba_init(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value self = args[0];
    vm_value a[3];
    if (!so_check_kwnames("bytearray", kwnames, bytes_new_names, 3) ||
        !so_bind("bytearray", args + 1, nargs - 1, kwnames, bytes_new_names, 3, 3, 0, a))
        return VM_NULL;
    uint8_t *d;
    size_t n;
    if (!contents_from_args(a, &d, &n, "bytearray"))
        return VM_NULL;
    vm_set_field(self, BA_LEN, vm_small(0));
    bool ok = ba_splice(self, 0, 0, d, n);
    free(d);
    return ok ? VM_NONE : VM_NULL;
}

static vm_value bytes_fromhex(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value cls = args[0], s = args[1];
    if (!so_is_str(s)) {
        vm_raise(TYPE_ERROR, "fromhex() argument must be str, not %T", s);
        return VM_NULL;
    }
    vm_ustr v = vm_str_view(s);
    uint8_t *out = malloc(v.len / 2 + 1);
    if (!out)
        abort();
    size_t n = 0, i = 0;
    while (i < v.len) {
        uint32_t c = vm_ustr_get(v, i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            i++;
            continue;
        }
        int hi = c < 128 && c >= '0' && c <= '9' ? (int)(c - '0')
               : c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10)
               : c >= 'A' && c <= 'F' ? (int)(c - 'A' + 10) : -1;
        if (hi < 0) {
            free(out);
            vm_raise(VALUE_ERROR, "non-hexadecimal number found in fromhex() arg at position %zd",
                     (ssize_t)i);
            return VM_NULL;
        }
        uint32_t c2 = i + 1 < v.len ? vm_ustr_get(v, i + 1) : 0;
        int lo = c2 >= '0' && c2 <= '9' ? (int)(c2 - '0')
               : c2 >= 'a' && c2 <= 'f' ? (int)(c2 - 'a' + 10)
               : c2 >= 'A' && c2 <= 'F' ? (int)(c2 - 'A' + 10) : -1;
        if (lo < 0) {
            free(out);
            vm_raise(VALUE_ERROR, "non-hexadecimal number found in fromhex() arg at position %zd",
                     (ssize_t)(i + 1));
            return VM_NULL;
        }
        out[n++] = (uint8_t)(hi << 4 | lo);
        i += 2;
    }
    vm_value r;
    if (cls == VM_TYPE(BYTES)) {
        r = bytes_new_copy(out, n);
    } else if (cls == VM_TYPE(BYTEARRAY)) {
        r = ba_new(VM_NULL, out, n);
    } else {
        vm_value b = bytes_new_copy(out, n);
        r = b ? vm_call1(cls, b) : VM_NULL;
    }
    free(out);
    return r;
}

static const char *const hex_names[] = {"sep", "bytes_per_sep"};

static vm_value bytes_hex(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value a[2];
    if (!so_bind("hex", args + 1, nargs - 1, kwnames, hex_names, 2, 2, 0, a))
        return VM_NULL;
    uint32_t sep = 0;
    int64_t per = 1;
    if (a[0]) {
        if (so_is_str(a[0])) {
            if (so_str_len(a[0]) != 1) {
                vm_raise(VALUE_ERROR, "sep must be length 1.");
                return VM_NULL;
            }
            sep = vm_ustr_get(vm_str_view(a[0]), 0);
        } else if (so_is_bytes(a[0])) {
            if (so_bytes_len(a[0]) != 1) {
                vm_raise(VALUE_ERROR, "sep must be length 1.");
                return VM_NULL;
            }
            sep = so_bytes_data(a[0])[0];
        } else {
            /* CPython takes len(sep) first */
            int64_t len = vm_len(a[0]);
            if (len < 0)
                return VM_NULL;
            if (len != 1)
                vm_raise(VALUE_ERROR, "sep must be length 1.");
            else
                vm_raise(TYPE_ERROR, "sep must be str or bytes.");
            return VM_NULL;
        }
        if (sep > 127) {
            vm_raise(VALUE_ERROR, "sep must be ASCII.");
            return VM_NULL;
        }
    }
    if (a[1] && !so_ssize_arg(a[1], &per))
        return VM_NULL;
    bview v = self_view(args[0]);
    size_t n = v.n;
    int64_t aper = per < 0 ? -per : per;
    size_t nsep = sep && per != 0 && n > 0 ? (n - 1) / (size_t)aper : 0;
    vm_value r = vm_strobj_alloc(n * 2 + nsep, 0x7f);
    if (!r)
        return VM_NULL;
    v = self_view(args[0]);
    uint8_t *o = so_str_data(r);
    static const char hex[] = "0123456789abcdef";
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (nsep && i > 0) {
            /* per > 0: groups counted from the right; per < 0: from the left */
            bool put = per > 0 ? (n - i) % (size_t)aper == 0 : i % (size_t)aper == 0;
            if (put)
                o[j++] = (uint8_t)sep;
        }
        o[j++] = (uint8_t)hex[v.d[i] >> 4];
        o[j++] = (uint8_t)hex[v.d[i] & 15];
    }
    return vm_strobj_done(r);
}

/* ---------------------------------------------------------------------------------------
 * Searching
 */

/* The needle of find/count/index/in: bytes-like or an int in range(256). */
static bool needle_arg(vm_value x, bview *v, uint8_t *byte)
{
    if (vm_strobj_buffer(x, &v->d, &v->n))
        return true;
    if (vm_is_int(x) || x == VM_TRUE || x == VM_FALSE ||
        vm_type_lookup_c(vm_type_of(x), "__index__")) {
        int b;
        if (!byte_value(x, &b))
            return false;
        *byte = (uint8_t)b;
        v->d = byte;
        v->n = 1;
        return true;
    }
    vm_raise(TYPE_ERROR, "argument should be integer or bytes-like object, not '%T'", x);
    return false;
}

static vm_ustr U(bview v) { return vm_ustr_make(v.d, v.n, 1); }

static bool search_args(vm_value *args, int64_t nargs, ptrdiff_t *start, ptrdiff_t *end)
{
    *start = 0;
    *end = VM_USTR_END;
    if (nargs > 2 && !so_slice_arg(args[2], start))
        return false;
    if (nargs > 3 && !so_slice_arg(args[3], end))
        return false;
    return true;
}

/* kind: 0 find, 1 rfind, 2 index, 3 rindex, 4 count */
static vm_value search_impl(vm_value *args, int64_t nargs, int kind)
{
    ptrdiff_t start, end;
    if (!search_args(args, nargs, &start, &end))
        return VM_NULL;
    bview needle;
    uint8_t byte;
    if (!needle_arg(args[1], &needle, &byte))
        return VM_NULL;
    bview s = self_view(args[0]);
    if (needle.d == &byte) {
        /* keep pointing at our local byte */
    } else {
        vm_strobj_buffer(args[1], &needle.d, &needle.n);
    }
    if (kind == 4)
        return vm_small((int64_t)vm_ustr_count(U(s), U(needle), start, end));
    ptrdiff_t at = kind & 1 ? vm_ustr_rfind(U(s), U(needle), start, end)
                            : vm_ustr_find(U(s), U(needle), start, end);
    if (at < 0 && kind >= 2) {
        vm_raise(VALUE_ERROR, "subsection not found");
        return VM_NULL;
    }
    return vm_small(at);
}

static vm_value b_find(vm_value *a, int64_t n, vm_value k) { return search_impl(a, n, 0); }
static vm_value b_rfind(vm_value *a, int64_t n, vm_value k) { return search_impl(a, n, 1); }
static vm_value b_index(vm_value *a, int64_t n, vm_value k) { return search_impl(a, n, 2); }
static vm_value b_rindex(vm_value *a, int64_t n, vm_value k) { return search_impl(a, n, 3); }
static vm_value b_count(vm_value *a, int64_t n, vm_value k) { return search_impl(a, n, 4); }

static vm_value b_contains(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value x = args[1];
    bview needle;
    uint8_t byte;
    if (vm_is_int(x) || x == VM_TRUE || x == VM_FALSE) {
        if (!needle_arg(x, &needle, &byte))
            return VM_NULL;
    } else if (!want_buffer(x, &needle)) {
        return VM_NULL;
    }
    bview s = self_view(args[0]);
    return bool_value(vm_ustr_contains(U(s), U(needle)));
}

static vm_value startsends(vm_value *args, int64_t nargs, bool ends, const char *name)
{
    ptrdiff_t start, end;
    if (!search_args(args, nargs, &start, &end))
        return VM_NULL;
    vm_value x = args[1];
    if (vm_has_layout(x, VM_L_TUPLE)) {
        for (int64_t i = 0; i < vm_tuple_length(x); i++) {
            bview p;
            vm_value item = vm_tuple_items(x)[i];
            if (!vm_strobj_buffer(item, &p.d, &p.n)) {
                vm_raise(TYPE_ERROR, "a bytes-like object is required, not '%T'", item);
                return VM_NULL;
            }
            bview s = self_view(args[0]);
            if (ends ? vm_ustr_endswith(U(s), U(p), start, end)
                     : vm_ustr_startswith(U(s), U(p), start, end))
                return VM_TRUE;
        }
        return VM_FALSE;
    }
    bview p;
    if (!vm_strobj_buffer(x, &p.d, &p.n)) {
        vm_raise(TYPE_ERROR, "%s first arg must be bytes or a tuple of bytes, not %T", name, x);
        return VM_NULL;
    }
    bview s = self_view(args[0]);
    return bool_value(ends ? vm_ustr_endswith(U(s), U(p), start, end)
                           : vm_ustr_startswith(U(s), U(p), start, end));
}

static vm_value b_startswith(vm_value *a, int64_t n, vm_value k)
{
    return startsends(a, n, false, "startswith");
}

static vm_value b_endswith(vm_value *a, int64_t n, vm_value k)
{
    return startsends(a, n, true, "endswith");
}

/* ---------------------------------------------------------------------------------------
 * Case and predicates (ASCII only)
 */

static bool is_space(uint8_t c) { return c == ' ' || (c >= 9 && c <= 13); }
static bool is_lower(uint8_t c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
static bool is_alpha(uint8_t c) { return is_lower(c) || is_upper(c); }
static bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static uint8_t to_lower(uint8_t c) { return is_upper(c) ? c + 32 : c; }
static uint8_t to_upper(uint8_t c) { return is_lower(c) ? c - 32 : c; }

typedef enum { B_UPPER, B_LOWER, B_SWAPCASE, B_TITLE, B_CAPITALIZE } bcase;

static vm_value case_impl(vm_value self, bcase op)
{
    bview s = self_view(self);
    uint8_t *o = malloc(s.n + 1);
    if (!o)
        abort();
    bool prev_cased = false;
    for (size_t i = 0; i < s.n; i++) {
        uint8_t c = s.d[i];
        switch (op) {
        case B_UPPER: c = to_upper(c); break;
        case B_LOWER: c = to_lower(c); break;
        case B_SWAPCASE: c = is_upper(c) ? to_lower(c) : to_upper(c); break;
        case B_TITLE:
            c = prev_cased ? to_lower(c) : to_upper(c);
            prev_cased = is_alpha(c);
            break;
        case B_CAPITALIZE: c = i == 0 ? to_upper(c) : to_lower(c); break;
        }
        o[i] = c;
    }
    vm_value r = new_like(self, o, s.n);
    free(o);
    return r;
}

static vm_value b_upper(vm_value *a, int64_t n, vm_value k) { return case_impl(a[0], B_UPPER); }
static vm_value b_lower(vm_value *a, int64_t n, vm_value k) { return case_impl(a[0], B_LOWER); }
static vm_value b_swapcase(vm_value *a, int64_t n, vm_value k) { return case_impl(a[0], B_SWAPCASE); }
static vm_value b_title(vm_value *a, int64_t n, vm_value k) { return case_impl(a[0], B_TITLE); }
static vm_value b_capitalize(vm_value *a, int64_t n, vm_value k) { return case_impl(a[0], B_CAPITALIZE); }

#define PRED(name, test)                                                                  \
    static vm_value b_##name(vm_value *args, int64_t nargs, vm_value kwnames)             \
    {                                                                                     \
        bview s = self_view(args[0]);                                                     \
        if (s.n == 0)                                                                     \
            return VM_FALSE;                                                              \
        for (size_t i = 0; i < s.n; i++) {                                                \
            uint8_t c = s.d[i];                                                           \
            if (!(test))                                                                  \
                return VM_FALSE;                                                          \
        }                                                                                 \
        return VM_TRUE;                                                                   \
    }
PRED(isalpha, is_alpha(c))
PRED(isalnum, is_alpha(c) || is_digit(c))
PRED(isdigit, is_digit(c))
PRED(isspace, is_space(c))
#undef PRED

static vm_value b_isascii(vm_value *args, int64_t nargs, vm_value kwnames)
{
    bview s = self_view(args[0]);
    for (size_t i = 0; i < s.n; i++)
        if (s.d[i] >= 128)
            return VM_FALSE;
    return VM_TRUE;
}

static vm_value b_islower(vm_value *args, int64_t nargs, vm_value kwnames)
{
    bview s = self_view(args[0]);
    bool cased = false;
    for (size_t i = 0; i < s.n; i++) {
        if (is_upper(s.d[i]))
            return VM_FALSE;
        cased |= is_lower(s.d[i]);
    }
    return bool_value(cased);
}

static vm_value b_isupper(vm_value *args, int64_t nargs, vm_value kwnames)
{
    bview s = self_view(args[0]);
    bool cased = false;
    for (size_t i = 0; i < s.n; i++) {
        if (is_lower(s.d[i]))
            return VM_FALSE;
        cased |= is_upper(s.d[i]);
    }
    return bool_value(cased);
}

static vm_value b_istitle(vm_value *args, int64_t nargs, vm_value kwnames)
{
    bview s = self_view(args[0]);
    bool cased = false, prev_cased = false;
    for (size_t i = 0; i < s.n; i++) {
        uint8_t c = s.d[i];
        if (is_upper(c)) {
            if (prev_cased)
                return VM_FALSE;
            prev_cased = cased = true;
        } else if (is_lower(c)) {
            if (!prev_cased)
                return VM_FALSE;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return bool_value(cased);
}

/* ---------------------------------------------------------------------------------------
 * split, partition, strip, join
 */

static vm_value list_of_parts(vm_value self, const vm_ustr_span *sp, size_t n)
{
    vm_value list = vm_list_new((int64_t)n);
    if (!list)
        return vm_raise_nomem();
    for (size_t i = 0; i < n; i++) {
        vm_value part = new_like_slice(self, sp[i].start, sp[i].end - sp[i].start);
        if (!part)
            return VM_NULL;
        if (!vm_list_append(list, part))
            return vm_raise_nomem();
    }
    return list;
}

/* Whitespace split (ASCII whitespace only) as spans. */
static void ws_split(bview s, int64_t maxsplit, bool right, vm_ustr_span **out, size_t *n)
{
    size_t cap = 8, cnt = 0;
    vm_ustr_span *sp = malloc(cap * sizeof *sp);
    if (!sp)
        abort();
#define ADD(a, b)                                                                          \
    do {                                                                                   \
        if (cnt == cap) {                                                                  \
            cap *= 2;                                                                      \
            sp = realloc(sp, cap * sizeof *sp);                                            \
            if (!sp)                                                                       \
                abort();                                                                   \
        }                                                                                  \
        sp[cnt++] = (vm_ustr_span){(a), (b)};                                              \
    } while (0)
    if (!right) {
        size_t i = 0;
        while (maxsplit != 0) {
            while (i < s.n && is_space(s.d[i]))
                i++;
            if (i == s.n)
                break;
            size_t j = i;
            while (j < s.n && !is_space(s.d[j]))
                j++;
            ADD(i, j);
            i = j;
            if (maxsplit > 0)
                maxsplit--;
        }
        while (i < s.n && is_space(s.d[i]))
            i++;
        if (i < s.n)
            ADD(i, s.n);
    } else {
        size_t i = s.n;
        while (maxsplit != 0) {
            while (i > 0 && is_space(s.d[i - 1]))
                i--;
            if (i == 0)
                break;
            size_t j = i;
            while (j > 0 && !is_space(s.d[j - 1]))
                j--;
            ADD(j, i);
            i = j;
            if (maxsplit > 0)
                maxsplit--;
        }
        while (i > 0 && is_space(s.d[i - 1]))
            i--;
        if (i > 0)
            ADD(0, i);
        for (size_t a = 0, b = cnt ? cnt - 1 : 0; a < b; a++, b--) {
            vm_ustr_span t = sp[a];
            sp[a] = sp[b];
            sp[b] = t;
        }
    }
#undef ADD
    *out = sp;
    *n = cnt;
}

static const char *const split_names[] = {"sep", "maxsplit"};

static vm_value split_impl(vm_value *args, int64_t nargs, vm_value kwnames, bool right)
{
    vm_value a[2];
    if (!so_bind(right ? "rsplit" : "split", args + 1, nargs - 1, kwnames, split_names, 2,
                      2, 0, a))
        return VM_NULL;
    int64_t maxsplit = -1;
    if (a[1] && !so_ssize_arg(a[1], &maxsplit))
        return VM_NULL;
    if (maxsplit < 0)
        maxsplit = -1;
    vm_ustr_span *sp = NULL;
    size_t n = 0;
    if (!a[0] || a[0] == VM_NONE) {
        ws_split(self_view(args[0]), maxsplit, right, &sp, &n);
    } else {
        bview sep;
        if (!want_buffer(a[0], &sep))
            return VM_NULL;
        uint8_t *sepcopy = malloc(sep.n + 1);
        if (!sepcopy)
            abort();
        memcpy(sepcopy, sep.d, sep.n);
        vm_ustr sv = vm_ustr_make(sepcopy, sep.n, 1);
        bview s = self_view(args[0]);
        vm_ustr_status st = right ? vm_ustr_rsplit(U(s), &sv, (ptrdiff_t)maxsplit, &sp, &n)
                                  : vm_ustr_split(U(s), &sv, (ptrdiff_t)maxsplit, &sp, &n);
        free(sepcopy);
        if (st != VM_USTR_OK) {
            vm_raise(VALUE_ERROR, "empty separator");
            return VM_NULL;
        }
    }
    vm_value r = list_of_parts(args[0], sp, n);
    free(sp);
    return r;
}

static vm_value b_split(vm_value *a, int64_t n, vm_value k) { return split_impl(a, n, k, false); }
static vm_value b_rsplit(vm_value *a, int64_t n, vm_value k) { return split_impl(a, n, k, true); }

static const char *const keepends_names[] = {"keepends"};

static vm_value b_splitlines(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value a[1];
    if (!so_bind("splitlines", args + 1, nargs - 1, kwnames, keepends_names, 1, 1, 0, a))
        return VM_NULL;
    int keep = 0;
    if (a[0] && (keep = vm_truth(a[0])) < 0)
        return VM_NULL;
    bview s = self_view(args[0]);
    size_t cap = 8, cnt = 0;
    vm_ustr_span *sp = malloc(cap * sizeof *sp);
    if (!sp)
        abort();
    size_t i = 0;
    while (i < s.n) {
        size_t j = i;
        while (j < s.n && s.d[j] != '\n' && s.d[j] != '\r')
            j++;
        size_t eol = j;
        if (j < s.n) {
            if (s.d[j] == '\r' && j + 1 < s.n && s.d[j + 1] == '\n')
                j += 2;
            else
                j++;
            if (keep)
                eol = j;
        }
        if (cnt == cap) {
            cap *= 2;
            sp = realloc(sp, cap * sizeof *sp);
            if (!sp)
                abort();
        }
        sp[cnt++] = (vm_ustr_span){i, eol};
        i = j;
    }
    vm_value r = list_of_parts(args[0], sp, cnt);
    free(sp);
    return r;
}

static vm_value partition_impl(vm_value *args, bool right)
{
    bview sep;
    if (!want_buffer(args[1], &sep))
        return VM_NULL;
    if (sep.n == 0) {
        vm_raise(VALUE_ERROR, "empty separator");
        return VM_NULL;
    }
    uint8_t *sepcopy = malloc(sep.n);
    if (!sepcopy)
        abort();
    memcpy(sepcopy, sep.d, sep.n);
    vm_ustr_span sp[3];
    bview s = self_view(args[0]);
    if (right)
        vm_ustr_rpartition(U(s), vm_ustr_make(sepcopy, sep.n, 1), sp);
    else
        vm_ustr_partition(U(s), vm_ustr_make(sepcopy, sep.n, 1), sp);
    vm_value parts[3];
    bool found = sp[1].end > sp[1].start;
    for (int i = 0; i < 3; i++) {
        if (i == 1 && found)
            parts[i] = so_is_bytes(args[0]) ? args[1] : new_like(args[0], sepcopy, sep.n);
        else if (!found && i == (right ? 2 : 0) && so_is_bytes(args[0]))
            parts[i] = args[0];
        else {
            s = self_view(args[0]);
            parts[i] = new_like_slice(args[0], sp[i].start, sp[i].end - sp[i].start);
        }
        if (!parts[i]) {
            free(sepcopy);
            return VM_NULL;
        }
    }
    free(sepcopy);
    vm_value t = vm_tuple_new(3);
    if (!t)
        return vm_raise_nomem();
    for (int i = 0; i < 3; i++)
        vm_tuple_items(t)[i] = parts[i];
    return t;
}

static vm_value b_partition(vm_value *a, int64_t n, vm_value k) { return partition_impl(a, false); }
static vm_value b_rpartition(vm_value *a, int64_t n, vm_value k) { return partition_impl(a, true); }

static vm_value strip_impl(vm_value *args, int64_t nargs, int how)
{
    bool use_chars = nargs > 1 && args[1] != VM_NONE;
    bview chars = {NULL, 0};
    if (use_chars && !want_buffer(args[1], &chars))
        return VM_NULL;
    bool set[256] = {false};
    if (use_chars) {
        for (size_t i = 0; i < chars.n; i++)
            set[chars.d[i]] = true;
    } else {
        for (int c = 0; c < 256; c++)
            set[c] = is_space((uint8_t)c);
    }
    bview s = self_view(args[0]);
    size_t a = 0, b = s.n;
    if (how & 1)
        while (a < b && set[s.d[a]])
            a++;
    if (how & 2)
        while (b > a && set[s.d[b - 1]])
            b--;
    if (a == 0 && b == s.n && vm_is_type(args[0], VM_T_BYTES))
        return args[0];
    return new_like_slice(args[0], a, b - a);
}

static vm_value b_strip(vm_value *a, int64_t n, vm_value k) { return strip_impl(a, n, 3); }
static vm_value b_lstrip(vm_value *a, int64_t n, vm_value k) { return strip_impl(a, n, 1); }
static vm_value b_rstrip(vm_value *a, int64_t n, vm_value k) { return strip_impl(a, n, 2); }

static vm_value b_join(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value it = args[1];
    vm_value seq = it;
    if (!vm_has_layout(it, VM_L_TUPLE) && !vm_has_layout(it, VM_L_LIST)) {
        if (!vm_type_lookup_c(vm_type_of(it), "__iter__") &&
            !vm_type_lookup_c(vm_type_of(it), "__getitem__")) {
            vm_raise(TYPE_ERROR, "can only join an iterable");
            return VM_NULL;
        }
        seq = vm_list_from_iterable(it);
        if (!seq)
            return VM_NULL;
    }
    if (vm_has_layout(seq, VM_L_LIST)) {
        seq = vm_list_as_tuple(seq);
        if (!seq)
            return VM_NULL;
    }
    int64_t n = vm_tuple_length(seq);
    size_t total = 0;
    bview sep = self_view(args[0]);
    for (int64_t i = 0; i < n; i++) {
        bview p;
        vm_value item = vm_tuple_items(seq)[i];
        if (!vm_strobj_buffer(item, &p.d, &p.n)) {
            vm_raise(TYPE_ERROR, "sequence item %ld: expected a bytes-like object, %T found",
                     (long)i, item);
            return VM_NULL;
        }
        total += p.n + (i ? sep.n : 0);
    }
    uint8_t *o = malloc(total + 1);
    if (!o)
        abort();
    size_t at = 0;
    sep = self_view(args[0]);
    for (int64_t i = 0; i < n; i++) {
        if (i) {
            memcpy(o + at, sep.d, sep.n);
            at += sep.n;
        }
        bview p;
        vm_strobj_buffer(vm_tuple_items(seq)[i], &p.d, &p.n);
        memcpy(o + at, p.d, p.n);
        at += p.n;
    }
    vm_value r = new_like(args[0], o, total);
    free(o);
    return r;
}

/* ---------------------------------------------------------------------------------------
 * replace, pad, affixes, translate, expandtabs
 */

static vm_value b_replace(vm_value *args, int64_t nargs, vm_value kwnames)
{
    bview old, new_;
    if (!want_buffer(args[1], &old) || !want_buffer(args[2], &new_))
        return VM_NULL;
    int64_t count = -1;
    if (nargs > 3 && !so_ssize_arg(args[3], &count))
        return VM_NULL;
    uint8_t *oc = malloc(old.n + new_.n + 1);
    if (!oc)
        abort();
    vm_strobj_buffer(args[1], &old.d, &old.n);
    memcpy(oc, old.d, old.n);
    vm_strobj_buffer(args[2], &new_.d, &new_.n);
    memcpy(oc + old.n, new_.d, new_.n);
    vm_ustr ov = vm_ustr_make(oc, old.n, 1), nv = vm_ustr_make(oc + old.n, new_.n, 1);
    bview s = self_view(args[0]);
    vm_ustr_size size = vm_ustr_replace_size(U(s), ov, nv, (ptrdiff_t)count);
    if (size.len == SIZE_MAX) {
        free(oc);
        vm_raise(VM_TYPE(OverflowError), "replace bytes is too long");
        return VM_NULL;
    }
    uint8_t *o = malloc(size.len + 1);
    if (!o)
        abort();
    s = self_view(args[0]);
    vm_ustr_replace(o, 1, U(s), ov, nv, (ptrdiff_t)count);
    free(oc);
    vm_value r = new_like(args[0], o, size.len);
    free(o);
    return r;
}

static vm_value pad_impl(vm_value *args, int64_t nargs, vm_ustr_pad_how how, const char *name)
{
    int64_t width;
    if (!so_ssize_arg(args[1], &width))
        return VM_NULL;
    uint8_t fill = ' ';
    if (nargs > 2) {
        bview f;
        if (!vm_strobj_buffer(args[2], &f.d, &f.n) || f.n != 1) {
            vm_raise(TYPE_ERROR, "%s() argument 2 must be a byte string of length 1, not %T",
                     name, args[2]);
            return VM_NULL;
        }
        fill = f.d[0];
    }
    bview s = self_view(args[0]);
    if (width <= (int64_t)s.n) {
        if (vm_is_type(args[0], VM_T_BYTES))
            return args[0];
        return new_like_slice(args[0], 0, s.n);
    }
    vm_ustr_size size = vm_ustr_pad_size(U(s), (ptrdiff_t)width, fill, how);
    uint8_t *o = malloc(size.len + 1);
    if (!o)
        return vm_raise_nomem();
    s = self_view(args[0]);
    vm_ustr_pad(o, 1, U(s), (ptrdiff_t)width, fill, how);
    vm_value r = new_like(args[0], o, size.len);
    free(o);
    return r;
}

static vm_value b_ljust(vm_value *a, int64_t n, vm_value k) { return pad_impl(a, n, VM_USTR_LJUST, "ljust"); }
static vm_value b_rjust(vm_value *a, int64_t n, vm_value k) { return pad_impl(a, n, VM_USTR_RJUST, "rjust"); }
static vm_value b_center(vm_value *a, int64_t n, vm_value k) { return pad_impl(a, n, VM_USTR_CENTER, "center"); }
static vm_value b_zfill(vm_value *a, int64_t n, vm_value k) { return pad_impl(a, 2, VM_USTR_ZFILL, "zfill"); }

static vm_value affix_impl(vm_value *args, bool suffix)
{
    bview p;
    if (!want_buffer(args[1], &p))
        return VM_NULL;
    bview s = self_view(args[0]);
    vm_ustr_span sp = suffix ? vm_ustr_removesuffix(U(s), U(p)) : vm_ustr_removeprefix(U(s), U(p));
    if (sp.start == 0 && sp.end == s.n && vm_is_type(args[0], VM_T_BYTES))
        return args[0];
    return new_like_slice(args[0], sp.start, sp.end - sp.start);
}

static vm_value b_removeprefix(vm_value *a, int64_t n, vm_value k) { return affix_impl(a, false); }
static vm_value b_removesuffix(vm_value *a, int64_t n, vm_value k) { return affix_impl(a, true); }

static const char *const translate_names[] = {"table", "delete"};

static vm_value b_translate(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value a[2];
    if (nargs < 2 && !(kwnames && vm_tuple_length(kwnames))) {
        vm_raise(TYPE_ERROR, "translate() takes at least 1 positional argument (0 given)");
        return VM_NULL;
    }
    if (!so_bind("translate", args + 1, nargs - 1, kwnames, translate_names, 2, 2, 1, a))
        return VM_NULL;
    uint8_t table[256];
    if (a[0] == VM_NONE) {
        for (int i = 0; i < 256; i++)
            table[i] = (uint8_t)i;
    } else {
        bview t;
        if (!want_buffer(a[0], &t))
            return VM_NULL;
        if (t.n != 256) {
            vm_raise(VALUE_ERROR, "translation table must be 256 characters long");
            return VM_NULL;
        }
        memcpy(table, t.d, 256);
    }
    bool del[256] = {false};
    if (a[1]) {
        bview d;
        if (!want_buffer(a[1], &d))
            return VM_NULL;
        for (size_t i = 0; i < d.n; i++)
            del[d.d[i]] = true;
    }
    bview s = self_view(args[0]);
    uint8_t *o = malloc(s.n + 1);
    if (!o)
        abort();
    size_t n = 0;
    for (size_t i = 0; i < s.n; i++)
        if (!del[s.d[i]])
            o[n++] = table[s.d[i]];
    vm_value r = new_like(args[0], o, n);
    free(o);
    return r;
}

static vm_value b_maketrans(vm_value *args, int64_t nargs, vm_value kwnames)
{
    bview f, t;
    if (!want_buffer(args[0], &f) || !want_buffer(args[1], &t))
        return VM_NULL;
    if (f.n != t.n) {
        vm_raise(VALUE_ERROR, "maketrans arguments must have same length");
        return VM_NULL;
    }
    uint8_t table[256];
    for (int i = 0; i < 256; i++)
        table[i] = (uint8_t)i;
    for (size_t i = 0; i < f.n; i++)
        table[f.d[i]] = t.d[i];
    return bytes_new_copy(table, 256);
}

static const char *const tabsize_names[] = {"tabsize"};

static vm_value b_expandtabs(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value a[1];
    if (!so_bind("expandtabs", args + 1, nargs - 1, kwnames, tabsize_names, 1, 1, 0, a))
        return VM_NULL;
    int64_t tabsize = 8;
    if (a[0] && !so_ssize_arg(a[0], &tabsize))
        return VM_NULL;
    bview s = self_view(args[0]);
    vm_ustr_size size = vm_ustr_expandtabs_size(U(s), (ptrdiff_t)tabsize);
    if (size.len == SIZE_MAX) {
        vm_raise(VM_TYPE(OverflowError), "result too long");
        return VM_NULL;
    }
    uint8_t *o = malloc(size.len + 1);
    if (!o)
        return vm_raise_nomem();
    vm_ustr_expandtabs(o, 1, U(s), (ptrdiff_t)tabsize);
    vm_value r = new_like(args[0], o, size.len);
    free(o);
    return r;
}

static const char *const decode_names[] = {"encoding", "errors"};

static vm_value b_decode(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value a[2];
    if (!so_bind("decode", args + 1, nargs - 1, kwnames, decode_names, 2, 2, 0, a))
        return VM_NULL;
    bview s = self_view(args[0]);
    if (s.n == 0) {
        /* CPython returns '' before looking the codec up */
        if (a[0] && !so_is_str(a[0])) {
            vm_raise(TYPE_ERROR, "decode() argument 'encoding' must be str, not %s",
                     a[0] == VM_NONE ? "None" : vm_cstr(vm_getattr_c(vm_type_of(a[0]), "__name__")));
            return VM_NULL;
        }
        if (a[1] && !so_is_str(a[1])) {
            vm_raise(TYPE_ERROR, "decode() argument 'errors' must be str, not %s",
                     a[1] == VM_NONE ? "None" : vm_cstr(vm_getattr_c(vm_type_of(a[1]), "__name__")));
            return VM_NULL;
        }
        return vm_strobj_decode((const uint8_t *)"", 0, VM_NULL, VM_NULL);
    }
    uint8_t *copy = malloc(s.n + 1);
    if (!copy)
        abort();
    memcpy(copy, s.d, s.n);
    vm_value r = vm_strobj_decode(copy, s.n, a[0], a[1]);
    free(copy);
    return r;
}

/* ---------------------------------------------------------------------------------------
 * Dunders
 */

static vm_value b_len(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return vm_small((int64_t)self_view(args[0]).n);
}

static vm_value b_getitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value self = args[0], key = args[1];
    bool ba = !so_is_bytes(self);
    if (vm_is_type(key, VM_T_SLICE)) {
        int64_t start, stop, step, n;
        bview s = self_view(self);
        if (!vm_slice_indices(key, (int64_t)s.n, &start, &stop, &step, &n))
            return VM_NULL;
        s = self_view(self);
        if (step == 1)
            return new_like_slice(self, (size_t)start, (size_t)(n > 0 ? n : 0));
        uint8_t *o = malloc((size_t)(n > 0 ? n : 0) + 1);
        if (!o)
            abort();
        for (int64_t i = 0; i < n; i++)
            o[i] = s.d[start + i * step];
        vm_value r = new_like(self, o, (size_t)(n > 0 ? n : 0));
        free(o);
        return r;
    }
    if (vm_is_small(key) || vm_is_int(key) || key == VM_TRUE || key == VM_FALSE ||
        vm_type_lookup_c(vm_type_of(key), "__index__")) {
        int64_t i;
        if (!so_ssize_arg(key, &i)) {
            if (vm_exc_matches(VM_TYPE(OverflowError)))
                vm_raise(VM_TYPE(IndexError), "cannot fit '%T' into an index-sized integer",
                         key);
            return VM_NULL;
        }
        bview s = self_view(self);
        if (i < 0)
            i += (int64_t)s.n;
        if (i < 0 || i >= (int64_t)s.n) {
            vm_raise(VM_TYPE(IndexError), ba ? "bytearray index out of range"
                                             : "index out of range");
            return VM_NULL;
        }
        return vm_small(s.d[i]);
    }
    vm_raise(TYPE_ERROR, ba ? "bytearray indices must be integers or slices, not %T"
                            : "byte indices must be integers or slices, not %T", key);
    return VM_NULL;
}

static vm_value b_iter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value it;
    if (so_is_bytes(args[0])) {
        it = vm_obj_new(VM_TYPE(BYTES_ITERATOR), 2);
    } else {
        /* bytearray_iterator: a sequence iterator over the bytearray */
        it = vm_obj_new(VM_TYPE(BYTES_ITERATOR), 2);
    }
    if (!it)
        return vm_raise_nomem();
    vm_fields(it)[0] = args[0];
    vm_fields(it)[1] = vm_small(0);
    return it;
}

vm_value vm_strobj_bytes_iter_next(vm_value it)
{
    vm_value s = vm_field(it, 0);
    if (!s)
        return VM_NULL;
    int64_t i = vm_small_value(vm_field(it, 1));
    bview v = self_view(s);
    if (i < (int64_t)v.n) {
        vm_set_field(it, 1, vm_small(i + 1));
        return vm_small(v.d[i]);
    }
    vm_set_field(it, 0, VM_NULL);
    return VM_NULL;
}

static vm_value b_iter_next(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value it = args[0];
    vm_value s = vm_field(it, 0);
    if (s) {
        int64_t i = vm_small_value(vm_field(it, 1));
        bview v = self_view(s);
        if (i < (int64_t)v.n) {
            vm_set_field(it, 1, vm_small(i + 1));
            return vm_small(v.d[i]);
        }
        vm_set_field(it, 0, VM_NULL);
    }
    so_raise_stop();
    return VM_NULL;
}

static vm_value b_iter_reduce(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value e = bytes_new_copy((const uint8_t *)"", 0);
    return e ? vm_strobj_iter_reduce(args[0], e) : VM_NULL;
}

static vm_value b_iter_setstate(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value s = vm_field(args[0], 0);
    return vm_strobj_iter_setstate(args[0], args[1], s ? (int64_t)self_view(s).n : 0);
}


/* bytearray.__reduce_ex__(proto) / __reduce__(): (type, args, __dict__ or None); below
 * protocol 3 the contents travel as a latin-1 str. */
static vm_value ba_reduce_impl(vm_value self, int64_t proto)
{
    bview v = self_view(self);
    uint8_t *copy = malloc(v.n + 1);
    if (!copy)
        abort();
    memcpy(copy, v.d, v.n);
    vm_value args;
    if (proto < 3) {
        vm_value lat = vm_str_c("latin-1");
        vm_value s = lat ? vm_strobj_decode(copy, v.n, lat, VM_NULL) : VM_NULL;
        args = s ? vm_tuple_new(2) : VM_NULL;
        if (args) {
            vm_tuple_items(args)[0] = s;
            vm_tuple_items(args)[1] = lat;
        }
    } else {
        vm_value b = bytes_new_copy(copy, v.n);
        args = b ? vm_tuple_new(1) : VM_NULL;
        if (args)
            vm_tuple_items(args)[0] = b;
    }
    free(copy);
    if (!args)
        return vm_error_pending() ? VM_NULL : vm_raise_nomem();
    vm_value d = vm_instance_dict(self, false);
    vm_value r = vm_tuple_new(3);
    if (!r)
        return vm_raise_nomem();
    vm_tuple_items(r)[0] = vm_type_of(self);
    vm_tuple_items(r)[1] = args;
    vm_tuple_items(r)[2] = d && vm_dict_len(d) ? d : VM_NONE;
    return r;
}

static vm_value ba_reduce_ex(vm_value *args, int64_t nargs, vm_value kwnames)
{
    int64_t proto = 0;
    if (nargs > 1 && !so_ssize_arg(args[1], &proto))
        return VM_NULL;
    return ba_reduce_impl(args[0], proto);
}

static vm_value ba_reduce(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return ba_reduce_impl(args[0], 0);
}

static vm_value b_iter_self(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return args[0];
}

static vm_value b_iter_length_hint(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value s = vm_field(args[0], 0);
    if (!s)
        return vm_small(0);
    int64_t left = (int64_t)self_view(s).n - vm_small_value(vm_field(args[0], 1));
    return vm_small(left > 0 ? left : 0);
}

static vm_value b_add(vm_value *args, int64_t nargs, vm_value kwnames)
{
    bview b;
    if (!vm_strobj_buffer(args[1], &b.d, &b.n)) {
        if (vm_type_lookup_c(vm_type_of(args[1]), "__radd__"))
            return VM_NOTIMPLEMENTED;
        vm_raise(TYPE_ERROR, "can't concat %T to %T", args[1], args[0]);
        return VM_NULL;
    }
    bview a = self_view(args[0]);
    uint8_t *o = malloc(a.n + b.n + 1);
    if (!o)
        abort();
    memcpy(o, a.d, a.n);
    vm_strobj_buffer(args[1], &b.d, &b.n);
    memcpy(o + a.n, b.d, b.n);
    vm_value r = new_like(args[0], o, a.n + b.n);
    free(o);
    return r;
}

static vm_value b_mul(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value nv = args[1];
    if (!vm_is_int(nv) && nv != VM_TRUE && nv != VM_FALSE &&
        !vm_type_lookup_c(vm_type_of(nv), "__index__"))
        return VM_NOTIMPLEMENTED;
    int64_t count;
    if (!vm_index(nv, &count))
        return VM_NULL;
    bview s = self_view(args[0]);
    if (count < 0)
        count = 0;
    if (s.n && (uint64_t)count > (uint64_t)INT64_MAX / 2 / s.n)
        return vm_raise_nomem();
    if (count == 1 && vm_is_type(args[0], VM_T_BYTES))
        return args[0];
    size_t total = s.n * (size_t)count;
    uint8_t *o = malloc(total + 1);
    if (!o)
        return vm_raise_nomem();
    s = self_view(args[0]);
    for (int64_t i = 0; i < count; i++)
        memcpy(o + (size_t)i * s.n, s.d, s.n);
    vm_value r = new_like(args[0], o, total);
    free(o);
    return r;
}

static vm_value b_mod(vm_value *args, int64_t nargs, vm_value kwnames)
{
    bview s = self_view(args[0]);
    uint8_t *copy = malloc(s.n + 1);
    if (!copy)
        abort();
    memcpy(copy, s.d, s.n);
    vm_value r = vm_strobj_bytes_format(copy, s.n, args[1], !so_is_bytes(args[0]));
    free(copy);
    return r;
}

static vm_value b_rmod(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return VM_NOTIMPLEMENTED;
}

static vm_value b_hash(vm_value *args, int64_t nargs, vm_value kwnames)
{
    int64_t h;
    bview s = self_view(args[0]);
    h = vm_ustr_hash(U(s), vm_hash_key);
    return vm_int_from_int64(h);
}

static int bcompare(bview a, bview b)
{
    size_t n = a.n < b.n ? a.n : b.n;
    int c = n ? memcmp(a.d, b.d, n) : 0;
    if (c)
        return c;
    return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
}

#define CMP(name, test)                                                                   \
    static vm_value b_##name(vm_value *args, int64_t nargs, vm_value kwnames)             \
    {                                                                                     \
        bview b;                                                                          \
        if (so_is_bytes(args[0]) && !so_is_bytes(args[1]))                                \
            return VM_NOTIMPLEMENTED;                                                     \
        if (!vm_strobj_buffer(args[1], &b.d, &b.n))                                       \
            return VM_NOTIMPLEMENTED;                                                     \
        bview a = self_view(args[0]);                                                     \
        vm_strobj_buffer(args[1], &b.d, &b.n);                                            \
        int c = bcompare(a, b);                                                           \
        return bool_value(test);                                                          \
    }
CMP(eq, c == 0)
CMP(ne, c != 0)
CMP(lt, c < 0)
CMP(le, c <= 0)
CMP(gt, c > 0)
CMP(ge, c >= 0)
#undef CMP

static vm_value b_getnewargs(vm_value *args, int64_t nargs, vm_value kwnames)
{
    bview s = self_view(args[0]);
    vm_value b = bytes_new_copy(s.d, s.n);
    if (!b)
        return VM_NULL;
    vm_value t = vm_tuple_new(1);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = b;
    return t;
}

static vm_value b_sizeof(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (so_is_bytes(args[0]))
        return vm_small(33 + so_bytes_len(args[0]));
    vm_value buf = vm_field(args[0], BA_BUF);
    int64_t cap = buf ? so_bytes_len(buf) + 1 : 0;
    return vm_small(56 + cap);
}

static vm_value b_bytes(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (vm_is_type(args[0], VM_T_BYTES))
        return args[0];
    bview s = self_view(args[0]);
    return bytes_new_copy(s.d, s.n);
}

/* ---------------------------------------------------------------------------------------
 * bytearray mutation
 */

static vm_value ba_append(vm_value *args, int64_t nargs, vm_value kwnames)
{
    int b;
    if (!byte_value(args[1], &b))
        return VM_NULL;
    uint8_t c = (uint8_t)b;
    size_t n = self_view(args[0]).n;
    return ba_splice(args[0], n, 0, &c, 1) ? VM_NONE : VM_NULL;
}

static vm_value ba_extend(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value x = args[1];
    if (!vm_strobj_buffer(x, &(const uint8_t *){0}, &(size_t){0}) &&
        !vm_type_lookup_c(vm_type_of(x), "__iter__") &&
        !vm_type_lookup_c(vm_type_of(x), "__getitem__")) {
        vm_raise(TYPE_ERROR, "can't extend bytearray with %T", x);
        return VM_NULL;
    }
    uint8_t *d;
    size_t n;
    if (!vm_strobj_bytes_from_object(x, &d, &n, true))
        return VM_NULL;
    size_t len = self_view(args[0]).n;
    bool ok = ba_splice(args[0], len, 0, d, n);
    free(d);
    return ok ? VM_NONE : VM_NULL;
}

static vm_value ba_iadd(vm_value *args, int64_t nargs, vm_value kwnames)
{
    bview b;
    if (!vm_strobj_buffer(args[1], &b.d, &b.n)) {
        vm_raise(TYPE_ERROR, "can't concat %T to %T", args[1], args[0]);
        return VM_NULL;
    }
    uint8_t *copy = malloc(b.n + 1);
    if (!copy)
        abort();
    memcpy(copy, b.d, b.n);
    size_t len = self_view(args[0]).n;
    bool ok = ba_splice(args[0], len, 0, copy, b.n);
    free(copy);
    return ok ? args[0] : VM_NULL;
}

static vm_value ba_imul(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value r = b_mul(args, nargs, kwnames);
    if (!r || r == VM_NOTIMPLEMENTED)
        return r;
    bview s = ba_view(r);
    size_t len = self_view(args[0]).n;
    uint8_t *copy = malloc(s.n + 1);
    if (!copy)
        abort();
    memcpy(copy, s.d, s.n);
    bool ok = ba_splice(args[0], 0, len, copy, s.n);
    free(copy);
    return ok ? args[0] : VM_NULL;
}

static vm_value ba_pop(vm_value *args, int64_t nargs, vm_value kwnames)
{
    bview s = self_view(args[0]);
    int64_t i = -1;
    if (nargs > 1 && !so_ssize_arg(args[1], &i))
        return VM_NULL;
    if (s.n == 0) {
        vm_raise(VM_TYPE(IndexError), "pop from empty bytearray");
        return VM_NULL;
    }
    if (i < 0)
        i += (int64_t)s.n;
    if (i < 0 || i >= (int64_t)s.n) {
        vm_raise(VM_TYPE(IndexError), "pop index out of range");
        return VM_NULL;
    }
    uint8_t c = s.d[i];
    if (!ba_splice(args[0], (size_t)i, 1, NULL, 0))
        return VM_NULL;
    return vm_small(c);
}

static vm_value ba_insert(vm_value *args, int64_t nargs, vm_value kwnames)
{
    int64_t i;
    if (!so_ssize_arg(args[1], &i))
        return VM_NULL;
    int b;
    if (!byte_value(args[2], &b))
        return VM_NULL;
    int64_t n = (int64_t)self_view(args[0]).n;
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    if (i > n)
        i = n;
    uint8_t c = (uint8_t)b;
    return ba_splice(args[0], (size_t)i, 0, &c, 1) ? VM_NONE : VM_NULL;
}

static vm_value ba_remove(vm_value *args, int64_t nargs, vm_value kwnames)
{
    int b;
    if (!byte_value(args[1], &b))
        return VM_NULL;
    bview s = self_view(args[0]);
    const uint8_t *hit = s.n ? memchr(s.d, b, s.n) : NULL;
    if (!hit) {
        vm_raise(VALUE_ERROR, "value not found in bytearray");
        return VM_NULL;
    }
    return ba_splice(args[0], (size_t)(hit - s.d), 1, NULL, 0) ? VM_NONE : VM_NULL;
}

static vm_value ba_clear(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_set_field(args[0], BA_LEN, vm_small(0));
    vm_set_field(args[0], BA_BUF, VM_NULL);
    return VM_NONE;
}

static vm_value ba_copy(vm_value *args, int64_t nargs, vm_value kwnames)
{
    bview s = self_view(args[0]);
    uint8_t *copy = malloc(s.n + 1);
    if (!copy)
        abort();
    memcpy(copy, s.d, s.n);
    vm_value r = ba_new(VM_NULL, copy, s.n);
    free(copy);
    return r;
}

static vm_value ba_reverse(vm_value *args, int64_t nargs, vm_value kwnames)
{
    size_t n = self_view(args[0]).n;
    uint8_t *w = ba_wdata(args[0]);
    for (size_t a = 0, b = n ? n - 1 : 0; a < b; a++, b--) {
        uint8_t t = w[a];
        w[a] = w[b];
        w[b] = t;
    }
    return VM_NONE;
}

static vm_value ba_setitem_impl(vm_value self, vm_value key, vm_value value)
{
    size_t len = self_view(self).n;
    if (vm_is_type(key, VM_T_SLICE)) {
        int64_t start, stop, step, n;
        if (!vm_slice_indices(key, (int64_t)len, &start, &stop, &step, &n))
            return VM_NULL;
        uint8_t *d = NULL;
        size_t dn = 0;
        if (value) {
            if (vm_is_int(value) || value == VM_TRUE || value == VM_FALSE || so_is_str(value) ||
                (!vm_strobj_buffer(value, &(const uint8_t *){0}, &(size_t){0}) &&
                 !vm_type_lookup_c(vm_type_of(value), "__iter__"))) {
                vm_raise(TYPE_ERROR, "can assign only bytes, buffers, or iterables of ints in "
                                     "range(0, 256)");
                return VM_NULL;
            }
            if (!vm_strobj_bytes_from_object(value, &d, &dn, true))
                return VM_NULL;
        }
        if (step == 1) {
            if (n < 0)
                n = 0;
            if (stop < start)
                stop = start;
            bool ok = ba_splice(self, (size_t)start, (size_t)(stop - start), d, dn);
            free(d);
            return ok ? VM_NONE : VM_NULL;
        }
        if (!value || dn == 0) {
            /* delete an extended slice (assigning nothing to one deletes it too) */
            free(d);
            bview s = self_view(self);
            uint8_t *o = malloc(s.n + 1);
            if (!o)
                abort();
            bool *gone = calloc(s.n + 1, 1);
            if (!gone)
                abort();
            for (int64_t i = 0; i < n; i++)
                gone[start + i * step] = true;
            size_t k = 0;
            for (size_t i = 0; i < s.n; i++)
                if (!gone[i])
                    o[k++] = s.d[i];
            bool ok = ba_splice(self, 0, s.n, o, k);
            free(o);
            free(gone);
            return ok ? VM_NONE : VM_NULL;
        }
        if ((int64_t)dn != n) {
            free(d);
            vm_raise(VALUE_ERROR, "attempt to assign bytes of size %zd to extended slice of size "
                                  "%zd", (ssize_t)dn, (ssize_t)n);
            return VM_NULL;
        }
        uint8_t *w = ba_wdata(self);
        for (int64_t i = 0; i < n; i++)
            w[start + i * step] = d[i];
        free(d);
        return VM_NONE;
    }
    if (vm_is_int(key) || key == VM_TRUE || key == VM_FALSE ||
        vm_type_lookup_c(vm_type_of(key), "__index__")) {
        int64_t i;
        if (!so_ssize_arg(key, &i)) {
            if (vm_exc_matches(VM_TYPE(OverflowError)))
                vm_raise(VM_TYPE(IndexError), "cannot fit '%T' into an index-sized integer",
                         key);
            return VM_NULL;
        }
        if (i < 0)
            i += (int64_t)len;
        if (i < 0 || i >= (int64_t)len) {
            vm_raise(VM_TYPE(IndexError), "bytearray index out of range");
            return VM_NULL;
        }
        if (!value)
            return ba_splice(self, (size_t)i, 1, NULL, 0) ? VM_NONE : VM_NULL;
        int b;
        if (!byte_value(value, &b))
            return VM_NULL;
        ba_wdata(self)[i] = (uint8_t)b;
        return VM_NONE;
    }
    vm_raise(TYPE_ERROR, "bytearray indices must be integers or slices, not %T", key);
    return VM_NULL;
}

static vm_value ba_setitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return ba_setitem_impl(args[0], args[1], args[2]);
}

static vm_value ba_delitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return ba_setitem_impl(args[0], args[1], VM_NULL);
}

static vm_value ba_alloc(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value buf = vm_field(args[0], BA_BUF);
    return vm_small(buf ? so_bytes_len(buf) + 1 : 0);
}

/* ---------------------------------------------------------------------------------------
 * Tables
 */

/* Checked entry points (see so_check_count). */
static vm_value chk0_bytes_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__repr__", nargs, 1, 1, false))
        return VM_NULL;
    return bytes_repr(args, nargs, kwnames);
}

static vm_value chk1_bytes_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__str__", nargs, 1, 1, false))
        return VM_NULL;
    return bytes_repr(args, nargs, kwnames);
}

static vm_value chk2_b_len(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__len__", nargs, 1, 1, false))
        return VM_NULL;
    return b_len(args, nargs, kwnames);
}

static vm_value chk3_b_getitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__getitem__", nargs, 2, 2, false))
        return VM_NULL;
    return b_getitem(args, nargs, kwnames);
}

static vm_value chk4_b_contains(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__contains__", nargs, 2, 2, false))
        return VM_NULL;
    return b_contains(args, nargs, kwnames);
}

static vm_value chk5_b_iter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__iter__", nargs, 1, 1, false))
        return VM_NULL;
    return b_iter(args, nargs, kwnames);
}

static vm_value chk6_b_add(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__add__", nargs, 2, 2, false))
        return VM_NULL;
    return b_add(args, nargs, kwnames);
}

static vm_value chk7_b_mul(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__mul__", nargs, 2, 2, false))
        return VM_NULL;
    return b_mul(args, nargs, kwnames);
}

static vm_value chk8_b_mul(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__rmul__", nargs, 2, 2, false))
        return VM_NULL;
    return b_mul(args, nargs, kwnames);
}

static vm_value chk9_b_mod(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__mod__", nargs, 2, 2, false))
        return VM_NULL;
    return b_mod(args, nargs, kwnames);
}

static vm_value chk10_b_rmod(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__rmod__", nargs, 2, 2, false))
        return VM_NULL;
    return b_rmod(args, nargs, kwnames);
}

static vm_value chk11_b_eq(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__eq__", nargs, 2, 2, false))
        return VM_NULL;
    return b_eq(args, nargs, kwnames);
}

static vm_value chk12_b_ne(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__ne__", nargs, 2, 2, false))
        return VM_NULL;
    return b_ne(args, nargs, kwnames);
}

static vm_value chk13_b_lt(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__lt__", nargs, 2, 2, false))
        return VM_NULL;
    return b_lt(args, nargs, kwnames);
}

static vm_value chk14_b_le(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__le__", nargs, 2, 2, false))
        return VM_NULL;
    return b_le(args, nargs, kwnames);
}

static vm_value chk15_b_gt(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__gt__", nargs, 2, 2, false))
        return VM_NULL;
    return b_gt(args, nargs, kwnames);
}

static vm_value chk16_b_ge(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__ge__", nargs, 2, 2, false))
        return VM_NULL;
    return b_ge(args, nargs, kwnames);
}

static vm_value chk17_b_sizeof(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "__sizeof__", nargs, 1, 1, false))
        return VM_NULL;
    return b_sizeof(args, nargs, kwnames);
}

static vm_value chk18_b_capitalize(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "capitalize", nargs, 1, 1, false))
        return VM_NULL;
    return b_capitalize(args, nargs, kwnames);
}

static vm_value chk19_b_center(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "center", nargs, 2, 3, false))
        return VM_NULL;
    return b_center(args, nargs, kwnames);
}

static vm_value chk20_b_count(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "count", nargs, 2, 4, false))
        return VM_NULL;
    return b_count(args, nargs, kwnames);
}


static vm_value chk22_b_endswith(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "endswith", nargs, 2, 4, false))
        return VM_NULL;
    return b_endswith(args, nargs, kwnames);
}


static vm_value chk24_b_find(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "find", nargs, 2, 4, false))
        return VM_NULL;
    return b_find(args, nargs, kwnames);
}

static vm_value chk25_bytes_fromhex(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((args[0] == VM_TYPE(BYTES) ? "bytes" : "bytearray"), "fromhex", nargs, 2, 2, false))
        return VM_NULL;
    return bytes_fromhex(args, nargs, kwnames);
}


static vm_value chk27_b_index(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "index", nargs, 2, 4, false))
        return VM_NULL;
    return b_index(args, nargs, kwnames);
}

static vm_value chk28_b_isalnum(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "isalnum", nargs, 1, 1, false))
        return VM_NULL;
    return b_isalnum(args, nargs, kwnames);
}

static vm_value chk29_b_isalpha(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "isalpha", nargs, 1, 1, false))
        return VM_NULL;
    return b_isalpha(args, nargs, kwnames);
}

static vm_value chk30_b_isascii(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "isascii", nargs, 1, 1, false))
        return VM_NULL;
    return b_isascii(args, nargs, kwnames);
}

static vm_value chk31_b_isdigit(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "isdigit", nargs, 1, 1, false))
        return VM_NULL;
    return b_isdigit(args, nargs, kwnames);
}

static vm_value chk32_b_islower(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "islower", nargs, 1, 1, false))
        return VM_NULL;
    return b_islower(args, nargs, kwnames);
}

static vm_value chk33_b_isspace(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "isspace", nargs, 1, 1, false))
        return VM_NULL;
    return b_isspace(args, nargs, kwnames);
}

static vm_value chk34_b_istitle(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "istitle", nargs, 1, 1, false))
        return VM_NULL;
    return b_istitle(args, nargs, kwnames);
}

static vm_value chk35_b_isupper(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "isupper", nargs, 1, 1, false))
        return VM_NULL;
    return b_isupper(args, nargs, kwnames);
}

static vm_value chk36_b_join(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "join", nargs, 2, 2, false))
        return VM_NULL;
    return b_join(args, nargs, kwnames);
}

static vm_value chk37_b_ljust(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "ljust", nargs, 2, 3, false))
        return VM_NULL;
    return b_ljust(args, nargs, kwnames);
}

static vm_value chk38_b_lower(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "lower", nargs, 1, 1, false))
        return VM_NULL;
    return b_lower(args, nargs, kwnames);
}

static vm_value chk39_b_lstrip(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "lstrip", nargs, 1, 2, false))
        return VM_NULL;
    return b_lstrip(args, nargs, kwnames);
}

static vm_value chk40_b_maketrans(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "maketrans", nargs, 2, 2, true))
        return VM_NULL;
    return b_maketrans(args, nargs, kwnames);
}

static vm_value chk41_b_partition(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "partition", nargs, 2, 2, false))
        return VM_NULL;
    return b_partition(args, nargs, kwnames);
}

static vm_value chk42_b_removeprefix(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "removeprefix", nargs, 2, 2, false))
        return VM_NULL;
    return b_removeprefix(args, nargs, kwnames);
}

static vm_value chk43_b_removesuffix(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "removesuffix", nargs, 2, 2, false))
        return VM_NULL;
    return b_removesuffix(args, nargs, kwnames);
}

static vm_value chk44_b_replace(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "replace", nargs, 3, 4, false))
        return VM_NULL;
    return b_replace(args, nargs, kwnames);
}

static vm_value chk45_b_rfind(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "rfind", nargs, 2, 4, false))
        return VM_NULL;
    return b_rfind(args, nargs, kwnames);
}

static vm_value chk46_b_rindex(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "rindex", nargs, 2, 4, false))
        return VM_NULL;
    return b_rindex(args, nargs, kwnames);
}

static vm_value chk47_b_rjust(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "rjust", nargs, 2, 3, false))
        return VM_NULL;
    return b_rjust(args, nargs, kwnames);
}

static vm_value chk48_b_rpartition(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "rpartition", nargs, 2, 2, false))
        return VM_NULL;
    return b_rpartition(args, nargs, kwnames);
}


static vm_value chk50_b_rstrip(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "rstrip", nargs, 1, 2, false))
        return VM_NULL;
    return b_rstrip(args, nargs, kwnames);
}



static vm_value chk53_b_startswith(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "startswith", nargs, 2, 4, false))
        return VM_NULL;
    return b_startswith(args, nargs, kwnames);
}

static vm_value chk54_b_strip(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "strip", nargs, 1, 2, false))
        return VM_NULL;
    return b_strip(args, nargs, kwnames);
}

static vm_value chk55_b_swapcase(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "swapcase", nargs, 1, 1, false))
        return VM_NULL;
    return b_swapcase(args, nargs, kwnames);
}

static vm_value chk56_b_title(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "title", nargs, 1, 1, false))
        return VM_NULL;
    return b_title(args, nargs, kwnames);
}


static vm_value chk58_b_upper(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "upper", nargs, 1, 1, false))
        return VM_NULL;
    return b_upper(args, nargs, kwnames);
}

static vm_value chk59_b_zfill(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count((so_is_bytes(args[0]) ? "bytes" : "bytearray"), "zfill", nargs, 2, 2, false))
        return VM_NULL;
    return b_zfill(args, nargs, kwnames);
}

static vm_value chk60_b_hash(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytes", "__hash__", nargs, 1, 1, false))
        return VM_NULL;
    return b_hash(args, nargs, kwnames);
}

static vm_value chk61_b_getnewargs(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytes", "__getnewargs__", nargs, 1, 1, false))
        return VM_NULL;
    return b_getnewargs(args, nargs, kwnames);
}

static vm_value chk62_b_bytes(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytes", "__bytes__", nargs, 1, 1, false))
        return VM_NULL;
    return b_bytes(args, nargs, kwnames);
}


static vm_value chk64_ba_setitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "__setitem__", nargs, 3, 3, false))
        return VM_NULL;
    return ba_setitem(args, nargs, kwnames);
}

static vm_value chk65_ba_delitem(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "__delitem__", nargs, 2, 2, false))
        return VM_NULL;
    return ba_delitem(args, nargs, kwnames);
}

static vm_value chk66_ba_iadd(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "__iadd__", nargs, 2, 2, false))
        return VM_NULL;
    return ba_iadd(args, nargs, kwnames);
}

static vm_value chk67_ba_imul(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "__imul__", nargs, 2, 2, false))
        return VM_NULL;
    return ba_imul(args, nargs, kwnames);
}

static vm_value chk68_ba_alloc(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "__alloc__", nargs, 1, 1, false))
        return VM_NULL;
    return ba_alloc(args, nargs, kwnames);
}

static vm_value chk69_ba_reduce(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "__reduce__", nargs, 1, 1, false))
        return VM_NULL;
    return ba_reduce(args, nargs, kwnames);
}

static vm_value chk70_ba_reduce_ex(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "__reduce_ex__", nargs, 1, 2, false))
        return VM_NULL;
    return ba_reduce_ex(args, nargs, kwnames);
}

static vm_value chk71_ba_append(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "append", nargs, 2, 2, false))
        return VM_NULL;
    return ba_append(args, nargs, kwnames);
}

static vm_value chk72_ba_extend(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "extend", nargs, 2, 2, false))
        return VM_NULL;
    return ba_extend(args, nargs, kwnames);
}

static vm_value chk73_ba_pop(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "pop", nargs, 1, 2, false))
        return VM_NULL;
    return ba_pop(args, nargs, kwnames);
}

static vm_value chk74_ba_insert(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "insert", nargs, 3, 3, false))
        return VM_NULL;
    return ba_insert(args, nargs, kwnames);
}

static vm_value chk75_ba_remove(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "remove", nargs, 2, 2, false))
        return VM_NULL;
    return ba_remove(args, nargs, kwnames);
}

static vm_value chk76_ba_clear(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "clear", nargs, 1, 1, false))
        return VM_NULL;
    return ba_clear(args, nargs, kwnames);
}

static vm_value chk77_ba_copy(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "copy", nargs, 1, 1, false))
        return VM_NULL;
    return ba_copy(args, nargs, kwnames);
}

static vm_value chk78_ba_reverse(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytearray", "reverse", nargs, 1, 1, false))
        return VM_NULL;
    return ba_reverse(args, nargs, kwnames);
}

static vm_value chk79_b_iter_self(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytes_iterator", "__iter__", nargs, 1, 1, false))
        return VM_NULL;
    return b_iter_self(args, nargs, kwnames);
}

static vm_value chk80_b_iter_next(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytes_iterator", "__next__", nargs, 1, 1, false))
        return VM_NULL;
    return b_iter_next(args, nargs, kwnames);
}

static vm_value chk81_b_iter_length_hint(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytes_iterator", "__length_hint__", nargs, 1, 1, false))
        return VM_NULL;
    return b_iter_length_hint(args, nargs, kwnames);
}

static vm_value chk82_b_iter_reduce(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytes_iterator", "__reduce__", nargs, 1, 1, false))
        return VM_NULL;
    return b_iter_reduce(args, nargs, kwnames);
}

static vm_value chk83_b_iter_setstate(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!so_check_count("bytes_iterator", "__setstate__", nargs, 2, 2, false))
        return VM_NULL;
    return b_iter_setstate(args, nargs, kwnames);
}

#define M(name, fn, min, max, flags) {name, fn, min, max, flags, NULL}
#define SHARED_METHODS                                                                    \
    M("__repr__", chk0_bytes_repr, 1, 1, VM_METH_NOKW),                                        \
    M("__str__", chk1_bytes_repr, 1, 1, VM_METH_NOKW),                                         \
    M("__len__", chk2_b_len, 1, 1, VM_METH_NOKW),                                              \
    M("__getitem__", chk3_b_getitem, 2, 2, VM_METH_NOKW),                                      \
    M("__contains__", chk4_b_contains, 2, 2, VM_METH_NOKW),                                    \
    M("__iter__", chk5_b_iter, 1, 1, VM_METH_NOKW),                                            \
    M("__add__", chk6_b_add, 2, 2, VM_METH_NOKW),                                              \
    M("__mul__", chk7_b_mul, 2, 2, VM_METH_NOKW),                                              \
    M("__rmul__", chk8_b_mul, 2, 2, VM_METH_NOKW),                                             \
    M("__mod__", chk9_b_mod, 2, 2, VM_METH_NOKW),                                              \
    M("__rmod__", chk10_b_rmod, 2, 2, VM_METH_NOKW),                                            \
    M("__eq__", chk11_b_eq, 2, 2, VM_METH_NOKW),                                                \
    M("__ne__", chk12_b_ne, 2, 2, VM_METH_NOKW),                                                \
    M("__lt__", chk13_b_lt, 2, 2, VM_METH_NOKW),                                                \
    M("__le__", chk14_b_le, 2, 2, VM_METH_NOKW),                                                \
    M("__gt__", chk15_b_gt, 2, 2, VM_METH_NOKW),                                                \
    M("__ge__", chk16_b_ge, 2, 2, VM_METH_NOKW),                                                \
    M("__sizeof__", chk17_b_sizeof, 1, 1, VM_METH_NOKW),                                        \
    M("capitalize", chk18_b_capitalize, 1, 1, VM_METH_NOKW),                                    \
    M("center", chk19_b_center, 2, 3, VM_METH_NOKW),                                            \
    M("count", chk20_b_count, 2, 4, VM_METH_NOKW),                                              \
    M("decode", b_decode, 1, 3, 0),                                                       \
    M("endswith", chk22_b_endswith, 2, 4, VM_METH_NOKW),                                        \
    M("expandtabs", b_expandtabs, 1, 2, 0),                                               \
    M("find", chk24_b_find, 2, 4, VM_METH_NOKW),                                                \
    M("fromhex", chk25_bytes_fromhex, 2, 2, VM_METH_CLASS | VM_METH_NOKW),                      \
    M("hex", bytes_hex, 1, 3, 0),                                                         \
    M("index", chk27_b_index, 2, 4, VM_METH_NOKW),                                              \
    M("isalnum", chk28_b_isalnum, 1, 1, VM_METH_NOKW),                                          \
    M("isalpha", chk29_b_isalpha, 1, 1, VM_METH_NOKW),                                          \
    M("isascii", chk30_b_isascii, 1, 1, VM_METH_NOKW),                                          \
    M("isdigit", chk31_b_isdigit, 1, 1, VM_METH_NOKW),                                          \
    M("islower", chk32_b_islower, 1, 1, VM_METH_NOKW),                                          \
    M("isspace", chk33_b_isspace, 1, 1, VM_METH_NOKW),                                          \
    M("istitle", chk34_b_istitle, 1, 1, VM_METH_NOKW),                                          \
    M("isupper", chk35_b_isupper, 1, 1, VM_METH_NOKW),                                          \
    M("join", chk36_b_join, 2, 2, VM_METH_NOKW),                                                \
    M("ljust", chk37_b_ljust, 2, 3, VM_METH_NOKW),                                              \
    M("lower", chk38_b_lower, 1, 1, VM_METH_NOKW),                                              \
    M("lstrip", chk39_b_lstrip, 1, 2, VM_METH_NOKW),                                            \
    M("maketrans", chk40_b_maketrans, 2, 2, VM_METH_STATIC | VM_METH_NOKW),                     \
    M("partition", chk41_b_partition, 2, 2, VM_METH_NOKW),                                      \
    M("removeprefix", chk42_b_removeprefix, 2, 2, VM_METH_NOKW),                                \
    M("removesuffix", chk43_b_removesuffix, 2, 2, VM_METH_NOKW),                                \
    M("replace", chk44_b_replace, 3, 4, VM_METH_NOKW),                                          \
    M("rfind", chk45_b_rfind, 2, 4, VM_METH_NOKW),                                              \
    M("rindex", chk46_b_rindex, 2, 4, VM_METH_NOKW),                                            \
    M("rjust", chk47_b_rjust, 2, 3, VM_METH_NOKW),                                              \
    M("rpartition", chk48_b_rpartition, 2, 2, VM_METH_NOKW),                                    \
    M("rsplit", b_rsplit, 1, 3, 0),                                                       \
    M("rstrip", chk50_b_rstrip, 1, 2, VM_METH_NOKW),                                            \
    M("split", b_split, 1, 3, 0),                                                         \
    M("splitlines", b_splitlines, 1, 2, 0),                                               \
    M("startswith", chk53_b_startswith, 2, 4, VM_METH_NOKW),                                    \
    M("strip", chk54_b_strip, 1, 2, VM_METH_NOKW),                                              \
    M("swapcase", chk55_b_swapcase, 1, 1, VM_METH_NOKW),                                        \
    M("title", chk56_b_title, 1, 1, VM_METH_NOKW),                                              \
    M("translate", b_translate, 1, 3, 0),                                                 \
    M("upper", chk58_b_upper, 1, 1, VM_METH_NOKW),                                              \
    M("zfill", chk59_b_zfill, 2, 2, VM_METH_NOKW)

static const vm_method_def bytes_methods[] = {
    M("__new__", bytes_new, 0, -1, VM_METH_STATIC),
    M("__hash__", chk60_b_hash, 1, 1, VM_METH_NOKW),
    M("__getnewargs__", chk61_b_getnewargs, 1, 1, VM_METH_NOKW),
    M("__bytes__", chk62_b_bytes, 1, 1, VM_METH_NOKW),
    SHARED_METHODS,
    {0},
};

static const vm_method_def bytearray_methods[] = {
    M("__new__", ba_new_method, 0, -1, VM_METH_STATIC),
    M("__init__", ba_init, 1, -1, 0),
    M("__setitem__", chk64_ba_setitem, 3, 3, VM_METH_NOKW),
    M("__delitem__", chk65_ba_delitem, 2, 2, VM_METH_NOKW),
    M("__iadd__", chk66_ba_iadd, 2, 2, VM_METH_NOKW),
    M("__imul__", chk67_ba_imul, 2, 2, VM_METH_NOKW),
    M("__alloc__", chk68_ba_alloc, 1, 1, VM_METH_NOKW),
    M("__reduce__", chk69_ba_reduce, 1, 1, VM_METH_NOKW),
    M("__reduce_ex__", chk70_ba_reduce_ex, 1, 2, VM_METH_NOKW),
    M("append", chk71_ba_append, 2, 2, VM_METH_NOKW),
    M("extend", chk72_ba_extend, 2, 2, VM_METH_NOKW),
    M("pop", chk73_ba_pop, 1, 2, VM_METH_NOKW),
    M("insert", chk74_ba_insert, 3, 3, VM_METH_NOKW),
    M("remove", chk75_ba_remove, 2, 2, VM_METH_NOKW),
    M("clear", chk76_ba_clear, 1, 1, VM_METH_NOKW),
    M("copy", chk77_ba_copy, 1, 1, VM_METH_NOKW),
    M("reverse", chk78_ba_reverse, 1, 1, VM_METH_NOKW),
    SHARED_METHODS,
    {0},
};

static const vm_method_def bytes_iterator_methods[] = {
    M("__iter__", chk79_b_iter_self, 1, 1, VM_METH_NOKW),
    M("__next__", chk80_b_iter_next, 1, 1, VM_METH_NOKW),
    M("__length_hint__", chk81_b_iter_length_hint, 1, 1, VM_METH_NOKW),
    M("__reduce__", chk82_b_iter_reduce, 1, 1, VM_METH_NOKW),
    M("__setstate__", chk83_b_iter_setstate, 2, 2, VM_METH_NOKW),
    {0},
};
#undef M
#undef SHARED_METHODS

static const char bytes_doc[] =
    "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
    "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object "
    "of size given by the parameter initialized with null bytes\nbytes() -> empty bytes "
    "object\n\nConstruct an immutable array of bytes from:\n  - an iterable yielding integers "
    "in range(256)\n  - a text string encoded using the specified encoding\n  - any object "
    "implementing the buffer API.\n  - an integer";
static const char bytearray_doc[] =
    "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> "
    "bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
    "bytearray(int) -> bytes array of size given by the parameter initialized with null "
    "bytes\nbytearray() -> empty bytes array\n\nConstruct a mutable bytearray object "
    "from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using "
    "the specified encoding\n  - a bytes or a buffer object\n  - any object implementing the "
    "buffer API.\n  - an integer";

void vm_init_bytes(void)
{
    vm_dict_setitem_c(((vm_type *)vm_obj(VM_TYPE(BYTES)))->dict, "__doc__", vm_str_c(bytes_doc));
    vm_dict_setitem_c(((vm_type *)vm_obj(VM_TYPE(BYTEARRAY)))->dict, "__doc__",
                      vm_str_c(bytearray_doc));
    vm_type_add_methods(VM_TYPE(BYTES), bytes_methods);
    vm_type_add_methods(VM_TYPE(BYTEARRAY), bytearray_methods);
    vm_type_add_methods(VM_TYPE(BYTES_ITERATOR), bytes_iterator_methods);
    vm_dict_setitem_c(((vm_type *)vm_obj(VM_TYPE(BYTES_ITERATOR)))->dict, "__doc__", VM_NONE);
    vm_strobj_add_getattribute(VM_TYPE(BYTES));
    vm_strobj_add_getattribute(VM_TYPE(BYTEARRAY));
    vm_strobj_add_getattribute(VM_TYPE(BYTES_ITERATOR));
    vm_type *t = vm_obj(VM_TYPE(BYTEARRAY));
    stm_write((stm_ref)VM_TYPE(BYTEARRAY));
    t->nfields = BA_NFIELDS;
    vm_dict_setitem_c(t->dict, "__hash__", VM_NONE);
}

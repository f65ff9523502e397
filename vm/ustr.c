/* vm/ustr.c — Python's str algorithms on PEP 393 buffers (contract in vm/ustr.h).
 *
 * Every function that builds a string runs once to measure and once to write, through a
 * `sink` that only counts (and tracks the largest code point) when it has no buffer: one
 * body per algorithm, so the two phases cannot disagree.  Copies of unchanged runs of the
 * input are O(1) to measure when their largest code point is already known.
 *
 * Search (find, count, split, replace...) converts the needle to the haystack's kind
 * (a needle with a code point the haystack's kind cannot hold matches nowhere) and runs a
 * kind-specialised search: memchr (or a loop) for one code point; otherwise CPython's
 * default_find (a Horspool variant with a 64-bit Bloom mask of the needle), which hands
 * over to Crochemore-Perrin two-way once it has done more than a few comparisons per
 * code point passed, so the worst case stays linear (CPython's adaptive_find).  rfind is
 * CPython's default_rfind, quadratic in the worst case as CPython's is.  The ASCII
 * common cases of case mapping and UTF-8 coding have loops of their own.
 *
 * Case mapping follows CPython's do_upper ... do_swapcase, with vm/unicode.h's full
 * mappings; the Lowercase, Uppercase, Cased and Case_Ignorable properties that CPython's
 * tables carry and vm/unicode.h does not are derived here from the general category plus
 * the short lists of PropList.txt's Other_Lowercase/Other_Uppercase and
 * WordBreakProperty.txt's MidLetter/MidNumLet/Single_Quote (Unicode 15.0; the unit test
 * checks them against CPython on every code point that 14.0 and 15.0 share). */
#define _GNU_SOURCE   /* memrchr */
#include "vm/ustr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/unicode.h"

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "vm/ustr: out of memory (%zu bytes)\n", n);
        abort();
    }
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "vm/ustr: out of memory (%zu bytes)\n", n);
        abort();
    }
    return p;
}

/* ------------------------------------------------------------------ sinks ---- */

typedef struct sink {
    void *out;         /* NULL: measure only */
    uint8_t kind;
    size_t n;
    uint32_t maxchar;
} sink;

static inline void emit(sink *k, uint32_t cp)
{
    if (k->out)
        vm_ustr_put(k->out, k->kind, k->n, cp);
    k->n++;
    if (cp > k->maxchar)
        k->maxchar = cp;
}

/* s, whose largest code point is maxchar (UINT32_MAX: not known, scan for it). */
static void emit_run(sink *k, vm_ustr s, uint32_t maxchar)
{
    if (s.len == 0)
        return;
    if (k->out) {
        vm_ustr_copy(k->out, k->kind, k->n, s);
        if (maxchar == UINT32_MAX)
            maxchar = vm_ustr_maxchar(s);
    } else if (maxchar == UINT32_MAX) {
        maxchar = vm_ustr_maxchar(s);
    }
    k->n += s.len;
    if (maxchar > k->maxchar)
        k->maxchar = maxchar;
}

static void emit_ascii(sink *k, const char *s)
{
    while (*s)
        emit(k, (uint8_t)*s++);
}

static const char hexdigits[] = "0123456789abcdef";

static void emit_hex(sink *k, uint32_t v, int digits)
{
    for (int i = digits - 1; i >= 0; i--)
        emit(k, (uint8_t)hexdigits[(v >> (4 * i)) & 0xF]);
}

static vm_ustr_size sink_size(const sink *k)
{
    vm_ustr_size r = {k->n, k->maxchar};
    return r;
}

/* ----------------------------------------------------------------- access ---- */

uint32_t vm_ustr_maxchar(vm_ustr s)
{
    uint32_t m = 0;
    switch (s.kind) {
    case 1: {
        const uint8_t *p = s.data;
        for (size_t i = 0; i < s.len; i++)
            m = p[i] > m ? p[i] : m;
        break;
    }
    case 2: {
        const uint16_t *p = s.data;
        for (size_t i = 0; i < s.len; i++)
            m = p[i] > m ? p[i] : m;
        break;
    }
    default: {
        const uint32_t *p = s.data;
        for (size_t i = 0; i < s.len; i++)
            m = p[i] > m ? p[i] : m;
        break;
    }
    }
    return m;
}

void vm_ustr_copy(void *dst, uint8_t dst_kind, size_t at, vm_ustr s)
{
    if (s.kind == dst_kind) {
        memcpy((char *)dst + at * dst_kind, s.data, s.len * dst_kind);
        return;
    }
    for (size_t i = 0; i < s.len; i++)
        vm_ustr_put(dst, dst_kind, at + i, vm_ustr_get(s, i));
}

/* -------------------------------------------------------- compare & hash ---- */

int vm_ustr_compare(vm_ustr a, vm_ustr b)
{
    size_t n = a.len < b.len ? a.len : b.len;
    if (a.kind == 1 && b.kind == 1) {
        int c = memcmp(a.data, b.data, n);
        if (c)
            return c < 0 ? -1 : 1;
    } else {
        for (size_t i = 0; i < n; i++) {
            uint32_t x = vm_ustr_get(a, i), y = vm_ustr_get(b, i);
            if (x != y)
                return x < y ? -1 : 1;
        }
    }
    return a.len < b.len ? -1 : a.len > b.len ? 1 : 0;
}

bool vm_ustr_equal(vm_ustr a, vm_ustr b)
{
    if (a.len != b.len)
        return false;
    if (a.kind == b.kind)
        return memcmp(a.data, b.data, a.len * a.kind) == 0;
    for (size_t i = 0; i < a.len; i++)
        if (vm_ustr_get(a, i) != vm_ustr_get(b, i))
            return false;
    return true;
}

static uint64_t load_le64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

#define ROTL64(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define HALF_ROUND(a, b, c, d, s, t) \
    a += b; c += d;                  \
    b = ROTL64(b, s) ^ a;            \
    d = ROTL64(d, t) ^ c;            \
    a = ROTL64(a, 32);
#define SINGLE_ROUND(v0, v1, v2, v3)    \
    HALF_ROUND(v0, v1, v2, v3, 13, 16); \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

/* CPython's Python/pyhash.c siphash13, byte for byte. */
static uint64_t siphash13(uint64_t k0, uint64_t k1, const uint8_t *in, size_t n)
{
    uint64_t b = (uint64_t)n << 56;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    while (n >= 8) {
        uint64_t mi = load_le64(in);
        in += 8;
        n -= 8;
        v3 ^= mi;
        SINGLE_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    for (size_t i = 0; i < n; i++)
        t |= (uint64_t)in[i] << (8 * i);
    b |= t;
    v3 ^= b;
    SINGLE_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

#undef SINGLE_ROUND
#undef HALF_ROUND
#undef ROTL64

/* unicode_hash: _Py_HashBytes over the canonical buffer (len * kind bytes, native byte
 * order), Py_HASH_CUTOFF 0. */
int64_t vm_ustr_hash(vm_ustr s, const uint8_t key[16])
{
    if (s.len == 0)
        return 0;
    uint8_t kind = vm_ustr_kind_for(vm_ustr_maxchar(s));
    uint64_t h;
    uint64_t k0 = load_le64(key), k1 = load_le64(key + 8);
    if (kind == s.kind) {
        h = siphash13(k0, k1, s.data, s.len * kind);
    } else {
        void *buf = xmalloc(s.len * kind);
        vm_ustr_copy(buf, kind, 0, s);
        h = siphash13(k0, k1, buf, s.len * kind);
        free(buf);
    }
    int64_t x = (int64_t)h;
    return x == -1 ? -2 : x;
}

/* ---------------------------------------------------------------- search ---- */

/* One code point: memchr/memrchr for Latin-1, plain loops for the wider kinds. */
static ptrdiff_t find_char_1(const uint8_t *h, size_t n, uint8_t c)
{
    const uint8_t *r = memchr(h, c, n);
    return r ? r - h : -1;
}

static ptrdiff_t rfind_char_1(const uint8_t *h, size_t n, uint8_t c)
{
    const uint8_t *r = memrchr(h, c, n);
    return r ? r - h : -1;
}

#define DEFINE_CHAR_SEARCH(T, SUF)                                  \
    static ptrdiff_t find_char_##SUF(const T *h, size_t n, T c)     \
    {                                                               \
        for (size_t i = 0; i < n; i++)                              \
            if (h[i] == c)                                          \
                return (ptrdiff_t)i;                                \
        return -1;                                                  \
    }                                                               \
    static ptrdiff_t rfind_char_##SUF(const T *h, size_t n, T c)    \
    {                                                               \
        for (size_t i = n; i-- > 0;)                                \
            if (h[i] == c)                                          \
                return (ptrdiff_t)i;                                \
        return -1;                                                  \
    }
DEFINE_CHAR_SEARCH(uint16_t, 2)
DEFINE_CHAR_SEARCH(uint32_t, 4)
#undef DEFINE_CHAR_SEARCH

/* Two-way needs the maximal suffixes for both orders (Crochemore & Perrin 1991, in the
 * formulation of Charras & Lecroq's "Handbook of exact string matching"). */
#define DEFINE_SEARCH(T, SUF)                                                            \
    static ptrdiff_t max_suffix_##SUF(const T *x, ptrdiff_t m, ptrdiff_t *p, bool tilde) \
    {                                                                                    \
        ptrdiff_t ms = -1, j = 0, k = 1;                                                 \
        *p = 1;                                                                          \
        while (j + k < m) {                                                              \
            T a = x[j + k], b = x[ms + k];                                               \
            if (tilde ? a > b : a < b) {                                                 \
                j += k;                                                                  \
                k = 1;                                                                   \
                *p = j - ms;                                                             \
            } else if (a == b) {                                                         \
                if (k != *p) {                                                           \
                    k++;                                                                 \
                } else {                                                                 \
                    j += *p;                                                             \
                    k = 1;                                                               \
                }                                                                        \
            } else {                                                                     \
                ms = j;                                                                  \
                j = ms + 1;                                                              \
                k = *p = 1;                                                              \
            }                                                                            \
        }                                                                                \
        return ms;                                                                       \
    }                                                                                    \
                                                                                         \
    static ptrdiff_t two_way_##SUF(const T *y, ptrdiff_t n, const T *x, ptrdiff_t m)     \
    {                                                                                    \
        ptrdiff_t p, q, per, ell, i, j;                                                  \
        ptrdiff_t i1 = max_suffix_##SUF(x, m, &p, false);                                \
        ptrdiff_t j1 = max_suffix_##SUF(x, m, &q, true);                                 \
        if (i1 > j1) {                                                                   \
            ell = i1;                                                                    \
            per = p;                                                                     \
        } else {                                                                         \
            ell = j1;                                                                    \
            per = q;                                                                     \
        }                                                                                \
        if (memcmp(x, x + per, (size_t)(ell + 1) * sizeof(T)) == 0) {                    \
            ptrdiff_t memory = -1;                                                       \
            j = 0;                                                                       \
            while (j <= n - m) {                                                         \
                i = (ell > memory ? ell : memory) + 1;                                   \
                while (i < m && x[i] == y[i + j])                                        \
                    ++i;                                                                 \
                if (i >= m) {                                                            \
                    i = ell;                                                             \
                    while (i > memory && x[i] == y[i + j])                               \
                        --i;                                                             \
                    if (i <= memory)                                                     \
                        return j;                                                        \
                    j += per;                                                            \
                    memory = m - per - 1;                                                \
                } else {                                                                 \
                    j += i - ell;                                                        \
                    memory = -1;                                                         \
                }                                                                        \
            }                                                                            \
        } else {                                                                         \
            per = (ell + 1 > m - ell - 1 ? ell + 1 : m - ell - 1) + 1;                   \
            j = 0;                                                                       \
            while (j <= n - m) {                                                         \
                i = ell + 1;                                                             \
                while (i < m && x[i] == y[i + j])                                        \
                    ++i;                                                                 \
                if (i >= m) {                                                            \
                    i = ell;                                                             \
                    while (i >= 0 && x[i] == y[i + j])                                   \
                        --i;                                                             \
                    if (i < 0)                                                           \
                        return j;                                                        \
                    j += per;                                                            \
                } else {                                                                 \
                    j += i - ell;                                                        \
                }                                                                        \
            }                                                                            \
        }                                                                                \
        return -1;                                                                       \
    }                                                                                    \
                                                                                         \
    /* First occurrence of p[0..m) in h[0..n), m >= 1: CPython's default_find (the last \
     * code point first; past the window when the code point after it is not in the    \
     * needle's 64-bit Bloom mask), which turns to two-way when it has compared more    \
     * than a few times the text it has passed, so periodic needles stay linear         \
     * (CPython's adaptive_find does the same).  The common path's shifts depend on     \
     * branches, not on loaded data, so the processor runs ahead. */                    \
    static ptrdiff_t find_##SUF(const T *h, size_t n, const T *p, size_t m)              \
    {                                                                                    \
        if (m > n)                                                                       \
            return -1;                                                                   \
        if (m == 1)                                                                      \
            return find_char_##SUF(h, n, p[0]);                                          \
        size_t mlast = m - 1, skip = mlast - 1, work = 0;                                \
        uint64_t mask = 0;                                                               \
        for (size_t j = 0; j < mlast; j++) {                                             \
            mask |= (uint64_t)1 << (p[j] & 63);                                          \
            if (p[j] == p[mlast])                                                        \
                skip = mlast - j - 1;                                                    \
        }                                                                                \
        mask |= (uint64_t)1 << (p[mlast] & 63);                                          \
        T last = p[mlast];                                                               \
        size_t w = n - m, i;                                                             \
        /* every window but the last has a code point after it */                        \
        for (i = 0; i < w; i++) {                                                        \
            if (h[i + mlast] == last) {                                                  \
                size_t j = 0;                                                            \
                while (j < mlast && h[i + j] == p[j])                                    \
                    j++;                                                                 \
                if (j == mlast)                                                          \
                    return (ptrdiff_t)i;                                                 \
                work += j + 1;                                                           \
                if (work > 4 * i + 4 * m + 64) {                                         \
                    ptrdiff_t r = two_way_##SUF(h + i, (ptrdiff_t)(n - i), p, (ptrdiff_t)m); \
                    return r < 0 ? -1 : r + (ptrdiff_t)i;                                \
                }                                                                        \
                if (!(mask & ((uint64_t)1 << (h[i + m] & 63))))                          \
                    i += m;                                                              \
                else                                                                     \
                    i += skip;                                                           \
            } else if (!(mask & ((uint64_t)1 << (h[i + m] & 63)))) {                     \
                i += m;                                                                  \
            }                                                                            \
        }                                                                                \
        if (i == w && memcmp(h + w, p, m * sizeof(T)) == 0)                              \
            return (ptrdiff_t)w;                                                         \
        return -1;                                                                       \
    }                                                                                    \
                                                                                         \
    /* Last occurrence of p[0..m) in h[0..n), m >= 1: CPython's default_rfind, the       \
     * mirror image (quadratic in the worst case, as CPython's rfind). */                \
    static ptrdiff_t rfind_##SUF(const T *h, size_t n, const T *p, size_t m)             \
    {                                                                                    \
        if (m > n)                                                                       \
            return -1;                                                                   \
        if (m == 1)                                                                      \
            return rfind_char_##SUF(h, n, p[0]);                                         \
        size_t mlast = m - 1, skip = mlast - 1;                                          \
        uint64_t mask = (uint64_t)1 << (p[0] & 63);                                      \
        for (size_t j = mlast; j > 0; j--) {                                             \
            mask |= (uint64_t)1 << (p[j] & 63);                                          \
            if (p[j] == p[0])                                                            \
                skip = j - 1;                                                            \
        }                                                                                \
        T first = p[0];                                                                  \
        for (ptrdiff_t i = (ptrdiff_t)(n - m); i >= 0; i--) {                            \
            if (h[i] == first) {                                                         \
                size_t j = mlast;                                                        \
                while (j > 0 && h[(size_t)i + j] == p[j])                                \
                    j--;                                                                 \
                if (j == 0)                                                              \
                    return i;                                                            \
                if (i > 0 && !(mask & ((uint64_t)1 << (h[i - 1] & 63))))                 \
                    i -= (ptrdiff_t)m;                                                   \
                else                                                                     \
                    i -= (ptrdiff_t)skip;                                                \
            } else if (i > 0 && !(mask & ((uint64_t)1 << (h[i - 1] & 63)))) {            \
                i -= (ptrdiff_t)m;                                                       \
            }                                                                            \
        }                                                                                \
        return -1;                                                                       \
    }

DEFINE_SEARCH(uint8_t, 1)
DEFINE_SEARCH(uint16_t, 2)
DEFINE_SEARCH(uint32_t, 4)
#undef DEFINE_SEARCH

/* A needle in the haystack's kind: either sub's own buffer or a converted copy. */
typedef struct needle {
    const void *data;
    size_t len;
    void *owned;
    bool impossible;   /* holds a code point the haystack's kind cannot */
} needle;

static needle needle_for(uint8_t kind, vm_ustr sub)
{
    needle nd = {sub.data, sub.len, NULL, false};
    if (sub.kind == kind)
        return nd;
    uint32_t limit = kind == 1 ? 0xFF : kind == 2 ? 0xFFFF : 0xFFFFFFFF;
    if (sub.kind > kind && vm_ustr_maxchar(sub) > limit) {
        nd.impossible = true;
        return nd;
    }
    nd.owned = xmalloc(sub.len * kind);
    vm_ustr_copy(nd.owned, kind, 0, sub);
    nd.data = nd.owned;
    return nd;
}

static void needle_free(needle *nd) { free(nd->owned); }

/* First (or last) occurrence of nd in s[start:end), as an index into s; nd non-empty. */
static ptrdiff_t search(vm_ustr s, const needle *nd, size_t start, size_t end, bool last)
{
    if (nd->impossible || end < start || end - start < nd->len)
        return -1;
    ptrdiff_t r;
    const char *h = (const char *)s.data + start * s.kind;
    switch (s.kind) {
    case 1:
        r = last ? rfind_1((const uint8_t *)h, end - start, nd->data, nd->len)
                 : find_1((const uint8_t *)h, end - start, nd->data, nd->len);
        break;
    case 2:
        r = last ? rfind_2((const uint16_t *)h, end - start, nd->data, nd->len)
                 : find_2((const uint16_t *)h, end - start, nd->data, nd->len);
        break;
    default:
        r = last ? rfind_4((const uint32_t *)h, end - start, nd->data, nd->len)
                 : find_4((const uint32_t *)h, end - start, nd->data, nd->len);
        break;
    }
    return r < 0 ? -1 : r + (ptrdiff_t)start;
}

void vm_ustr_adjust(ptrdiff_t *start, ptrdiff_t *end, size_t len)
{
    ptrdiff_t n = (ptrdiff_t)len;
    if (*end > n) {
        *end = n;
    } else if (*end < 0) {
        *end += n;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += n;
        if (*start < 0)
            *start = 0;
    }
}

static ptrdiff_t find_slice(vm_ustr s, vm_ustr sub, ptrdiff_t start, ptrdiff_t end,
                            bool last)
{
    vm_ustr_adjust(&start, &end, s.len);
    if (end - start < (ptrdiff_t)sub.len)
        return -1;
    if (sub.len == 0)
        return last ? end : start;
    needle nd = needle_for(s.kind, sub);
    ptrdiff_t r = search(s, &nd, (size_t)start, (size_t)end, last);
    needle_free(&nd);
    return r;
}

ptrdiff_t vm_ustr_find(vm_ustr s, vm_ustr sub, ptrdiff_t start, ptrdiff_t end)
{
    return find_slice(s, sub, start, end, false);
}

ptrdiff_t vm_ustr_rfind(vm_ustr s, vm_ustr sub, ptrdiff_t start, ptrdiff_t end)
{
    return find_slice(s, sub, start, end, true);
}

bool vm_ustr_contains(vm_ustr s, vm_ustr sub)
{
    return find_slice(s, sub, 0, VM_USTR_END, false) >= 0;
}

/* Non-overlapping occurrences of nd in s[start:end), at most max. */
static size_t count_in(vm_ustr s, const needle *nd, size_t start, size_t end, size_t max)
{
    size_t count = 0;
    while (count < max) {
        ptrdiff_t at = search(s, nd, start, end, false);
        if (at < 0)
            break;
        count++;
        start = (size_t)at + nd->len;
    }
    return count;
}

size_t vm_ustr_count(vm_ustr s, vm_ustr sub, ptrdiff_t start, ptrdiff_t end)
{
    vm_ustr_adjust(&start, &end, s.len);
    if (end - start < (ptrdiff_t)sub.len)
        return 0;
    if (sub.len == 0)
        return (size_t)(end - start) + 1;
    needle nd = needle_for(s.kind, sub);
    size_t r = count_in(s, &nd, (size_t)start, (size_t)end, SIZE_MAX);
    needle_free(&nd);
    return r;
}

vm_ustr_status vm_ustr_index(vm_ustr s, vm_ustr sub, ptrdiff_t start, ptrdiff_t end,
                             bool last, size_t *at, vm_ustr_error *err)
{
    ptrdiff_t r = find_slice(s, sub, start, end, last);
    if (r < 0) {
        if (err) {
            err->status = VM_USTR_NOT_FOUND;
            err->start = err->end = 0;
            err->reason = NULL;
            snprintf(err->msg, sizeof err->msg, "substring not found");
        }
        return VM_USTR_NOT_FOUND;
    }
    *at = (size_t)r;
    return VM_USTR_OK;
}

/* CPython's tailmatch. */
static bool tailmatch(vm_ustr s, vm_ustr sub, ptrdiff_t start, ptrdiff_t end, bool at_end)
{
    vm_ustr_adjust(&start, &end, s.len);
    end -= (ptrdiff_t)sub.len;
    if (end < start)
        return false;
    if (sub.len == 0)
        return true;
    size_t off = at_end ? (size_t)end : (size_t)start;
    return vm_ustr_equal(vm_ustr_slice(s, off, off + sub.len), sub);
}

bool vm_ustr_startswith(vm_ustr s, vm_ustr prefix, ptrdiff_t start, ptrdiff_t end)
{
    return tailmatch(s, prefix, start, end, false);
}

bool vm_ustr_endswith(vm_ustr s, vm_ustr suffix, ptrdiff_t start, ptrdiff_t end)
{
    return tailmatch(s, suffix, start, end, true);
}

/* ------------------------------------------------------- split, strip... ---- */

/* CPython's Py_UNICODE_ISSPACE (the ASCII table, then the database). */
static inline bool is_space(uint32_t c)
{
    if (c < 128)
        return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
    return vm_uni_is_space(c);
}

bool vm_ustr_is_linebreak(uint32_t c)
{
    return (c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028
        || c == 0x2029;
}

typedef struct spans {
    vm_ustr_span *v;
    size_t n, cap;
} spans;

static void span_add(spans *l, size_t start, size_t end)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 8;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n].start = start;
    l->v[l->n].end = end;
    l->n++;
}

static void span_reverse(spans *l)
{
    for (size_t i = 0, j = l->n; i + 1 < j; i++, j--) {
        vm_ustr_span t = l->v[i];
        l->v[i] = l->v[j - 1];
        l->v[j - 1] = t;
    }
}

static void spans_done(spans *l, vm_ustr_span **out, size_t *n)
{
    *out = l->v;
    *n = l->n;
}

vm_ustr_status vm_ustr_split(vm_ustr s, const vm_ustr *sep, ptrdiff_t maxsplit,
                             vm_ustr_span **out, size_t *n)
{
    spans l = {0};
    size_t maxcount = maxsplit < 0 ? SIZE_MAX : (size_t)maxsplit;
    size_t len = s.len, i = 0, j;
    *out = NULL;
    *n = 0;
    if (!sep) {
        while (maxcount-- > 0) {
            while (i < len && is_space(vm_ustr_get(s, i)))
                i++;
            if (i == len)
                break;
            j = i;
            i++;
            while (i < len && !is_space(vm_ustr_get(s, i)))
                i++;
            span_add(&l, j, i);
        }
        if (i < len) {
            while (i < len && is_space(vm_ustr_get(s, i)))
                i++;
            if (i != len)
                span_add(&l, i, len);
        }
        spans_done(&l, out, n);
        return VM_USTR_OK;
    }
    if (sep->len == 0)
        return VM_USTR_EMPTY_SEPARATOR;
    needle nd = needle_for(s.kind, *sep);
    while (maxcount-- > 0) {
        ptrdiff_t pos = search(s, &nd, i, len, false);
        if (pos < 0)
            break;
        span_add(&l, i, (size_t)pos);
        i = (size_t)pos + sep->len;
    }
    span_add(&l, i, len);
    needle_free(&nd);
    spans_done(&l, out, n);
    return VM_USTR_OK;
}

vm_ustr_status vm_ustr_rsplit(vm_ustr s, const vm_ustr *sep, ptrdiff_t maxsplit,
                              vm_ustr_span **out, size_t *n)
{
    spans l = {0};
    size_t maxcount = maxsplit < 0 ? SIZE_MAX : (size_t)maxsplit;
    *out = NULL;
    *n = 0;
    if (!sep) {
        /* i and j are one past the index CPython's rsplit_whitespace uses */
        size_t i = s.len, j;
        while (maxcount-- > 0) {
            while (i > 0 && is_space(vm_ustr_get(s, i - 1)))
                i--;
            if (i == 0)
                break;
            j = i;
            i--;
            while (i > 0 && !is_space(vm_ustr_get(s, i - 1)))
                i--;
            span_add(&l, i, j);
        }
        if (i > 0) {
            while (i > 0 && is_space(vm_ustr_get(s, i - 1)))
                i--;
            if (i > 0)
                span_add(&l, 0, i);
        }
        span_reverse(&l);
        spans_done(&l, out, n);
        return VM_USTR_OK;
    }
    if (sep->len == 0)
        return VM_USTR_EMPTY_SEPARATOR;
    needle nd = needle_for(s.kind, *sep);
    size_t j = s.len;
    while (maxcount-- > 0) {
        ptrdiff_t pos = search(s, &nd, 0, j, true);
        if (pos < 0)
            break;
        span_add(&l, (size_t)pos + sep->len, j);
        j = (size_t)pos;
    }
    span_add(&l, 0, j);
    needle_free(&nd);
    span_reverse(&l);
    spans_done(&l, out, n);
    return VM_USTR_OK;
}

void vm_ustr_splitlines(vm_ustr s, bool keepends, vm_ustr_span **out, size_t *n)
{
    spans l = {0};
    size_t i = 0, j = 0, len = s.len;
    while (i < len) {
        while (i < len && !vm_ustr_is_linebreak(vm_ustr_get(s, i)))
            i++;
        size_t eol = i;
        if (i < len) {
            if (vm_ustr_get(s, i) == '\r' && i + 1 < len && vm_ustr_get(s, i + 1) == '\n')
                i += 2;
            else
                i++;
            if (keepends)
                eol = i;
        }
        span_add(&l, j, eol);
        j = i;
    }
    spans_done(&l, out, n);
}

static vm_ustr_status partition(vm_ustr s, vm_ustr sep, vm_ustr_span out[3], bool last)
{
    if (sep.len == 0)
        return VM_USTR_EMPTY_SEPARATOR;
    needle nd = needle_for(s.kind, sep);
    ptrdiff_t pos = search(s, &nd, 0, s.len, last);
    needle_free(&nd);
    if (pos < 0) {
        size_t at = last ? 0 : s.len;
        out[0] = (vm_ustr_span){0, last ? 0 : s.len};
        out[1] = (vm_ustr_span){at, at};
        out[2] = (vm_ustr_span){last ? 0 : s.len, s.len};
        return VM_USTR_OK;
    }
    size_t p = (size_t)pos;
    out[0] = (vm_ustr_span){0, p};
    out[1] = (vm_ustr_span){p, p + sep.len};
    out[2] = (vm_ustr_span){p + sep.len, s.len};
    return VM_USTR_OK;
}

vm_ustr_status vm_ustr_partition(vm_ustr s, vm_ustr sep, vm_ustr_span out[3])
{
    return partition(s, sep, out, false);
}

vm_ustr_status vm_ustr_rpartition(vm_ustr s, vm_ustr sep, vm_ustr_span out[3])
{
    return partition(s, sep, out, true);
}

static bool in_set(vm_ustr chars, uint32_t c)
{
    for (size_t i = 0; i < chars.len; i++)
        if (vm_ustr_get(chars, i) == c)
            return true;
    return false;
}

vm_ustr_span vm_ustr_strip(vm_ustr s, const vm_ustr *chars, vm_ustr_strip_how how)
{
    size_t i = 0, j = s.len;
    if (how & VM_USTR_STRIP_LEFT)
        while (i < j && (chars ? in_set(*chars, vm_ustr_get(s, i)) : is_space(vm_ustr_get(s, i))))
            i++;
    if (how & VM_USTR_STRIP_RIGHT)
        while (j > i
               && (chars ? in_set(*chars, vm_ustr_get(s, j - 1)) : is_space(vm_ustr_get(s, j - 1))))
            j--;
    return (vm_ustr_span){i, j};
}

/* ------------------------------------------------- building new strings ---- */

/* replace: one body for both phases.  Returns false if the result is too long. */
static bool replace_run(sink *k, vm_ustr s, vm_ustr old, vm_ustr new_, ptrdiff_t count)
{
    size_t maxcount = count < 0 ? SIZE_MAX : (size_t)count;
    uint32_t new_max;
    if (old.len == 0) {
        /* insert new before every character and at the end, maxcount times */
        size_t times = s.len + 1 < maxcount ? s.len + 1 : maxcount;
        if (times && new_.len && ((size_t)PTRDIFF_MAX - s.len) / new_.len < times)
            return false;
        new_max = times ? vm_ustr_maxchar(new_) : 0;
        for (size_t i = 0; i < s.len; i++) {
            if (i < times)
                emit_run(k, new_, new_max);
            emit(k, vm_ustr_get(s, i));
        }
        if (times > s.len)
            emit_run(k, new_, new_max);
        return true;
    }
    needle nd = needle_for(s.kind, old);
    size_t n = maxcount ? count_in(s, &nd, 0, s.len, maxcount) : 0;
    if (n && new_.len > old.len && ((size_t)PTRDIFF_MAX - s.len) / (new_.len - old.len) < n) {
        needle_free(&nd);
        return false;
    }
    new_max = n ? vm_ustr_maxchar(new_) : 0;
    size_t i = 0;
    for (size_t r = 0; r < n; r++) {
        size_t at = (size_t)search(s, &nd, i, s.len, false);
        emit_run(k, vm_ustr_slice(s, i, at), UINT32_MAX);
        emit_run(k, new_, new_max);
        i = at + old.len;
    }
    emit_run(k, vm_ustr_slice(s, i, s.len), UINT32_MAX);
    needle_free(&nd);
    return true;
}

vm_ustr_size vm_ustr_replace_size(vm_ustr s, vm_ustr old, vm_ustr new_, ptrdiff_t count)
{
    sink k = {0};
    if (!replace_run(&k, s, old, new_, count))
        return (vm_ustr_size){SIZE_MAX, 0};
    return sink_size(&k);
}

void vm_ustr_replace(void *out, uint8_t kind, vm_ustr s, vm_ustr old, vm_ustr new_,
                     ptrdiff_t count)
{
    sink k = {out, kind, 0, 0};
    replace_run(&k, s, old, new_, count);
}

vm_ustr_size vm_ustr_expandtabs_size(vm_ustr s, ptrdiff_t tabsize)
{
    size_t j = 0, line_pos = 0;
    uint32_t maxchar = 0;
    for (size_t i = 0; i < s.len; i++) {
        uint32_t c = vm_ustr_get(s, i);
        if (c == '\t') {
            if (tabsize > 0) {
                size_t incr = (size_t)tabsize - line_pos % (size_t)tabsize;
                if (j > (size_t)PTRDIFF_MAX - incr)
                    return (vm_ustr_size){SIZE_MAX, 0};
                line_pos += incr;
                j += incr;
                maxchar = maxchar > ' ' ? maxchar : ' ';
            }
        } else {
            if (j > (size_t)PTRDIFF_MAX - 1)
                return (vm_ustr_size){SIZE_MAX, 0};
            line_pos++;
            j++;
            if (c == '\n' || c == '\r')
                line_pos = 0;
            maxchar = c > maxchar ? c : maxchar;
        }
    }
    return (vm_ustr_size){j, maxchar};
}

void vm_ustr_expandtabs(void *out, uint8_t kind, vm_ustr s, ptrdiff_t tabsize)
{
    size_t j = 0, line_pos = 0;
    for (size_t i = 0; i < s.len; i++) {
        uint32_t c = vm_ustr_get(s, i);
        if (c == '\t') {
            if (tabsize > 0) {
                size_t incr = (size_t)tabsize - line_pos % (size_t)tabsize;
                line_pos += incr;
                while (incr--)
                    vm_ustr_put(out, kind, j++, ' ');
            }
        } else {
            line_pos++;
            vm_ustr_put(out, kind, j++, c);
            if (c == '\n' || c == '\r')
                line_pos = 0;
        }
    }
}

static void pad_amounts(vm_ustr s, ptrdiff_t width, vm_ustr_pad_how how, size_t *left,
                        size_t *right)
{
    *left = *right = 0;
    if (width <= (ptrdiff_t)s.len)
        return;
    size_t marg = (size_t)width - s.len;
    switch (how) {
    case VM_USTR_LJUST: *right = marg; break;
    case VM_USTR_RJUST:
    case VM_USTR_ZFILL: *left = marg; break;
    case VM_USTR_CENTER:
        *left = marg / 2 + (marg & (size_t)width & 1);
        *right = marg - *left;
        break;
    }
}

vm_ustr_size vm_ustr_pad_size(vm_ustr s, ptrdiff_t width, uint32_t fill, vm_ustr_pad_how how)
{
    size_t left, right;
    pad_amounts(s, width, how, &left, &right);
    uint32_t m = vm_ustr_maxchar(s);
    if (how == VM_USTR_ZFILL)
        fill = '0';
    if (left + right && fill > m)
        m = fill;
    return (vm_ustr_size){s.len + left + right, m};
}

void vm_ustr_pad(void *out, uint8_t kind, vm_ustr s, ptrdiff_t width, uint32_t fill,
                 vm_ustr_pad_how how)
{
    size_t left, right;
    pad_amounts(s, width, how, &left, &right);
    if (how == VM_USTR_ZFILL)
        fill = '0';
    for (size_t i = 0; i < left; i++)
        vm_ustr_put(out, kind, i, fill);
    vm_ustr_copy(out, kind, left, s);
    for (size_t i = 0; i < right; i++)
        vm_ustr_put(out, kind, left + s.len + i, fill);
    if (how == VM_USTR_ZFILL && left) {
        uint32_t sign = s.len ? vm_ustr_get(s, 0) : 0;
        if (sign == '+' || sign == '-') {
            vm_ustr_put(out, kind, 0, sign);
            vm_ustr_put(out, kind, left, '0');
        }
    }
}

vm_ustr_size vm_ustr_join_size(vm_ustr sep, const vm_ustr *items, size_t n)
{
    size_t len = 0;
    uint32_t m = n > 1 ? vm_ustr_maxchar(sep) : 0;
    for (size_t i = 0; i < n; i++) {
        size_t add = items[i].len + (i ? sep.len : 0);
        if (add > (size_t)PTRDIFF_MAX - len)
            return (vm_ustr_size){SIZE_MAX, 0};
        len += add;
        uint32_t im = vm_ustr_maxchar(items[i]);
        m = im > m ? im : m;
    }
    return (vm_ustr_size){len, m};
}

void vm_ustr_join(void *out, uint8_t kind, vm_ustr sep, const vm_ustr *items, size_t n)
{
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        if (i) {
            vm_ustr_copy(out, kind, at, sep);
            at += sep.len;
        }
        vm_ustr_copy(out, kind, at, items[i]);
        at += items[i].len;
    }
}

vm_ustr_size vm_ustr_repeat_size(vm_ustr s, ptrdiff_t count)
{
    if (count <= 0 || s.len == 0)
        return (vm_ustr_size){0, 0};
    if ((size_t)count > (size_t)PTRDIFF_MAX / s.len)
        return (vm_ustr_size){SIZE_MAX, 0};
    return (vm_ustr_size){s.len * (size_t)count, vm_ustr_maxchar(s)};
}

void vm_ustr_repeat(void *out, uint8_t kind, vm_ustr s, ptrdiff_t count)
{
    if (count <= 0 || s.len == 0)
        return;
    vm_ustr_copy(out, kind, 0, s);
    /* doubling copies, as CPython's unicode_repeat */
    size_t done = s.len, total = s.len * (size_t)count;
    while (done < total) {
        size_t n = done < total - done ? done : total - done;
        memcpy((char *)out + done * kind, out, n * kind);
        done += n;
    }
}

vm_ustr_size vm_ustr_slice_step_size(vm_ustr s, size_t start, ptrdiff_t step, size_t n)
{
    uint32_t m = 0;
    for (size_t i = 0, at = start; i < n; i++, at += (size_t)step) {
        uint32_t c = vm_ustr_get(s, at);
        m = c > m ? c : m;
    }
    return (vm_ustr_size){n, m};
}

void vm_ustr_slice_step(void *out, uint8_t kind, vm_ustr s, size_t start, ptrdiff_t step,
                        size_t n)
{
    for (size_t i = 0, at = start; i < n; i++, at += (size_t)step)
        vm_ustr_put(out, kind, i, vm_ustr_get(s, at));
}

vm_ustr_span vm_ustr_removeprefix(vm_ustr s, vm_ustr prefix)
{
    if (tailmatch(s, prefix, 0, VM_USTR_END, false))
        return (vm_ustr_span){prefix.len, s.len};
    return (vm_ustr_span){0, s.len};
}

vm_ustr_span vm_ustr_removesuffix(vm_ustr s, vm_ustr suffix)
{
    if (suffix.len && tailmatch(s, suffix, 0, VM_USTR_END, true))
        return (vm_ustr_span){0, s.len - suffix.len};
    return (vm_ustr_span){0, s.len};
}

/* ------------------------------------------------------ case properties ---- */

typedef struct range {
    uint32_t lo, hi;
} range;

/* PropList.txt: Other_Lowercase, Other_Uppercase.  Unicode 15.0 made five characters
 * that 14.0 already had lowercase (U+10FC, U+A7F2..U+A7F4, U+AB69, modifier letters);
 * CPython 3.11 follows 14.0, and so does this list.  The characters new in 15.0
 * (U+1E030..U+1E06D) are as 15.0 says. */
static const range other_lowercase[] = {
    {0x00AA, 0x00AA}, {0x00BA, 0x00BA}, {0x02B0, 0x02B8}, {0x02C0, 0x02C1},
    {0x02E0, 0x02E4}, {0x0345, 0x0345}, {0x037A, 0x037A}, {0x1D2C, 0x1D6A},
    {0x1D78, 0x1D78}, {0x1D9B, 0x1DBF}, {0x2071, 0x2071}, {0x207F, 0x207F},
    {0x2090, 0x209C}, {0x2170, 0x217F}, {0x24D0, 0x24E9}, {0x2C7C, 0x2C7D},
    {0xA69C, 0xA69D}, {0xA770, 0xA770}, {0xA7F8, 0xA7F9}, {0xAB5C, 0xAB5F},
    {0x10780, 0x10780}, {0x10783, 0x10785}, {0x10787, 0x107B0}, {0x107B2, 0x107BA},
    {0x1E030, 0x1E06D},
};
static const range other_uppercase[] = {
    {0x2160, 0x216F}, {0x24B6, 0x24CF}, {0x1F130, 0x1F149}, {0x1F150, 0x1F169},
    {0x1F170, 0x1F189},
};
/* WordBreakProperty.txt: MidLetter, MidNumLet and Single_Quote, which with Mn, Me, Cf,
 * Lm and Sk make Case_Ignorable. */
static const uint32_t word_break_mid[] = {
    0x0027, 0x002E, 0x003A, 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2018,
    0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A,
};

static bool in_ranges(const range *r, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r[mid].hi < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && r[lo].lo <= cp;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

bool vm_ustr_char_is_lower(uint32_t cp)
{
    if (cp < 128)
        return cp >= 'a' && cp <= 'z';
    return vm_uni_category(cp) == VM_UNI_Ll
        || in_ranges(other_lowercase, COUNT(other_lowercase), cp);
}

bool vm_ustr_char_is_upper(uint32_t cp)
{
    if (cp < 128)
        return cp >= 'A' && cp <= 'Z';
    return vm_uni_category(cp) == VM_UNI_Lu
        || in_ranges(other_uppercase, COUNT(other_uppercase), cp);
}

static bool is_title(uint32_t cp) { return cp >= 128 && vm_uni_category(cp) == VM_UNI_Lt; }

bool vm_ustr_char_is_cased(uint32_t cp)
{
    return vm_ustr_char_is_lower(cp) || vm_ustr_char_is_upper(cp) || is_title(cp);
}

bool vm_ustr_char_is_case_ignorable(uint32_t cp)
{
    switch (vm_uni_category(cp)) {
    case VM_UNI_Mn: case VM_UNI_Me: case VM_UNI_Cf: case VM_UNI_Lm: case VM_UNI_Sk:
        return true;
    default:
        break;
    }
    for (size_t i = 0; i < COUNT(word_break_mid); i++)
        if (word_break_mid[i] == cp)
            return true;
    return false;
}

/* ---------------------------------------------------------- case mapping ---- */

/* handle_capital_sigma: U+03A3 lowers to final sigma when cased letters (past any case
 * ignorables) come before it and none after. */
static uint32_t capital_sigma(vm_ustr s, size_t i)
{
    size_t j = i;
    uint32_t c = 0;
    while (j > 0) {
        c = vm_ustr_get(s, j - 1);
        if (!vm_ustr_char_is_case_ignorable(c))
            break;
        j--;
    }
    bool final_sigma = j > 0 && vm_ustr_char_is_cased(c);
    if (final_sigma && i + 1 < s.len) {
        for (j = i + 1; j < s.len; j++) {
            c = vm_ustr_get(s, j);
            if (!vm_ustr_char_is_case_ignorable(c))
                break;
        }
        final_sigma = j == s.len || !vm_ustr_char_is_cased(c);
    }
    return final_sigma ? 0x3C2 : 0x3C3;
}

static int lower_at(vm_ustr s, size_t i, uint32_t c, uint32_t mapped[3])
{
    if (c == 0x3A3) {
        mapped[0] = capital_sigma(s, i);
        return 1;
    }
    return vm_uni_full_lower(c, mapped);
}

static void case_run(sink *k, vm_ustr_case_op op, vm_ustr s)
{
    bool previous_is_cased = false;
    for (size_t i = 0; i < s.len; i++) {
        uint32_t c = vm_ustr_get(s, i), mapped[3];
        int n;
        if (c < 128) {
            /* ASCII: no special casing, no sigma, cased means a letter */
            bool is_up = c >= 'A' && c <= 'Z', is_low = c >= 'a' && c <= 'z';
            bool to_upper;
            switch (op) {
            case VM_USTR_UPPER: to_upper = true; break;
            case VM_USTR_TITLE: to_upper = !previous_is_cased; break;
            case VM_USTR_CAPITALIZE: to_upper = i == 0; break;
            case VM_USTR_SWAPCASE: to_upper = is_low; break;
            default: to_upper = false; break;
            }
            emit(k, to_upper ? (is_low ? c - 32 : c) : (is_up ? c + 32 : c));
            previous_is_cased = is_up || is_low;
            continue;
        }
        switch (op) {
        case VM_USTR_UPPER: n = vm_uni_full_upper(c, mapped); break;
        case VM_USTR_LOWER: n = lower_at(s, i, c, mapped); break;
        case VM_USTR_CASEFOLD: n = vm_uni_full_casefold(c, mapped); break;
        case VM_USTR_TITLE:
            n = previous_is_cased ? lower_at(s, i, c, mapped) : vm_uni_full_title(c, mapped);
            previous_is_cased = vm_ustr_char_is_cased(c);
            break;
        case VM_USTR_CAPITALIZE:
            n = i == 0 ? vm_uni_full_title(c, mapped) : lower_at(s, i, c, mapped);
            break;
        default: /* VM_USTR_SWAPCASE */
            if (vm_ustr_char_is_upper(c)) {
                n = lower_at(s, i, c, mapped);
            } else if (vm_ustr_char_is_lower(c)) {
                n = vm_uni_full_upper(c, mapped);
            } else {
                mapped[0] = c;
                n = 1;
            }
            break;
        }
        for (int j = 0; j < n; j++)
            emit(k, mapped[j]);
    }
}

static bool is_ascii_latin1(vm_ustr s)
{
    if (s.kind != 1)
        return false;
    const uint8_t *p = s.data;
    uint8_t acc = 0;
    for (size_t i = 0; i < s.len; i++)
        acc |= p[i];
    return acc < 0x80;
}

/* The common case of an ASCII string in Latin-1 storage, written (out non-NULL, kind 1)
 * or measured in one tight loop. */
static vm_ustr_size case_ascii(uint8_t *out, vm_ustr_case_op op, vm_ustr s)
{
    const uint8_t *p = s.data;
    uint32_t m = 0;
    if (op != VM_USTR_TITLE && op != VM_USTR_CAPITALIZE) {
        /* context-free: a table, and loops the compiler vectorises */
        uint8_t table[128];
        for (int c = 0; c < 128; c++) {
            bool is_up = c >= 'A' && c <= 'Z', is_low = c >= 'a' && c <= 'z';
            bool to_upper = op == VM_USTR_UPPER || (op == VM_USTR_SWAPCASE && is_low);
            table[c] = (uint8_t)(to_upper ? (is_low ? c - 32 : c) : (is_up ? c + 32 : c));
        }
        uint8_t m8 = 0;
        if (out) {
            for (size_t i = 0; i < s.len; i++)
                out[i] = table[p[i]];
        }
        for (size_t i = 0; i < s.len; i++)
            m8 = table[p[i]] > m8 ? table[p[i]] : m8;
        return (vm_ustr_size){s.len, m8};
    }
    bool previous_is_cased = false;
    for (size_t i = 0; i < s.len; i++) {
        uint8_t c = p[i];
        bool is_up = c >= 'A' && c <= 'Z', is_low = c >= 'a' && c <= 'z', to_upper;
        switch (op) {
        case VM_USTR_UPPER: to_upper = true; break;
        case VM_USTR_TITLE: to_upper = !previous_is_cased; break;
        case VM_USTR_CAPITALIZE: to_upper = i == 0; break;
        case VM_USTR_SWAPCASE: to_upper = is_low; break;
        default: to_upper = false; break;
        }
        uint8_t r = to_upper ? (is_low ? c - 32 : c) : (is_up ? c + 32 : c);
        if (out)
            out[i] = r;
        m = r > m ? r : m;
        previous_is_cased = is_up || is_low;
    }
    return (vm_ustr_size){s.len, m};
}

vm_ustr_size vm_ustr_case_size(vm_ustr_case_op op, vm_ustr s)
{
    if (is_ascii_latin1(s))
        return case_ascii(NULL, op, s);
    sink k = {0};
    case_run(&k, op, s);
    return sink_size(&k);
}

void vm_ustr_case(void *out, uint8_t kind, vm_ustr_case_op op, vm_ustr s)
{
    if (kind == 1 && is_ascii_latin1(s)) {
        case_ascii(out, op, s);
        return;
    }
    sink k = {out, kind, 0, 0};
    case_run(&k, op, s);
}

/* ------------------------------------------------------------ repr, ascii ---- */

/* Python's \x, \u, \U escape of a code point (backslashreplace). */
static void emit_escape(sink *k, uint32_t c)
{
    emit(k, '\\');
    if (c < 0x100) {
        emit(k, 'x');
        emit_hex(k, c, 2);
    } else if (c < 0x10000) {
        emit(k, 'u');
        emit_hex(k, c, 4);
    } else {
        emit(k, 'U');
        emit_hex(k, c, 8);
    }
}

/* unicode_repr; ascii() is repr with every non-ASCII code point escaped. */
static void repr_run(sink *k, vm_ustr s, bool ascii)
{
    bool squote = false, dquote = false;
    for (size_t i = 0; i < s.len; i++) {
        uint32_t c = vm_ustr_get(s, i);
        squote |= c == '\'';
        dquote |= c == '"';
    }
    uint32_t quote = squote && !dquote ? '"' : '\'';
    emit(k, quote);
    for (size_t i = 0; i < s.len; i++) {
        uint32_t c = vm_ustr_get(s, i);
        if (c == quote || c == '\\') {
            emit(k, '\\');
            emit(k, c);
        } else if (c == '\t') {
            emit_ascii(k, "\\t");
        } else if (c == '\n') {
            emit_ascii(k, "\\n");
        } else if (c == '\r') {
            emit_ascii(k, "\\r");
        } else if (c < ' ' || c == 0x7F) {
            emit_escape(k, c);
        } else if (c < 0x7F) {
            emit(k, c);
        } else if (!ascii && vm_uni_is_printable(c)) {
            emit(k, c);
        } else {
            emit_escape(k, c);
        }
    }
    emit(k, quote);
}

vm_ustr_size vm_ustr_repr_size(vm_ustr s, bool ascii)
{
    sink k = {0};
    repr_run(&k, s, ascii);
    return sink_size(&k);
}

void vm_ustr_repr(void *out, uint8_t kind, vm_ustr s, bool ascii)
{
    sink k = {out, kind, 0, 0};
    repr_run(&k, s, ascii);
}

/* -------------------------------------------------------------- translate ---- */

vm_ustr_status vm_ustr_translate(vm_ustr s, vm_ustr_map_fn map, void *ctx, uint32_t **out,
                                 size_t *n, uint32_t *maxchar, vm_ustr_error *err)
{
    size_t cap = s.len + 8, len = 0;
    uint32_t *buf = xmalloc(cap * sizeof *buf), m = 0;
    for (size_t i = 0; i < s.len; i++) {
        uint32_t c = vm_ustr_get(s, i), cp = 0;
        vm_ustr str = {NULL, 0, 1};
        vm_ustr_map_result r = map(ctx, c, &cp, &str);
        switch (r) {
        case VM_USTR_MAP_KEEP:
            cp = c;
            break;
        case VM_USTR_MAP_DELETE:
            continue;
        case VM_USTR_MAP_CHAR:
            if (cp > VM_UNI_MAX) {
                free(buf);
                if (err) {
                    err->status = VM_USTR_MAPPING_RANGE;
                    err->start = i;
                    err->end = i + 1;
                    err->reason = NULL;
                    snprintf(err->msg, sizeof err->msg,
                             "character mapping must be in range(0x110000)");
                }
                return VM_USTR_MAPPING_RANGE;
            }
            break;
        case VM_USTR_MAP_STR:
            break;
        default:
            free(buf);
            if (err) {
                err->status = VM_USTR_CALLBACK_ERROR;
                err->msg[0] = 0;
            }
            return VM_USTR_CALLBACK_ERROR;
        }
        bool is_str = r == VM_USTR_MAP_STR;
        size_t add = is_str ? str.len : 1;
        if (cap - len < add) {
            cap = 2 * cap + add;
            buf = xrealloc(buf, cap * sizeof *buf);
        }
        if (is_str) {
            vm_ustr_copy(buf, 4, len, str);
            uint32_t sm = vm_ustr_maxchar(str);
            m = sm > m ? sm : m;
            len += str.len;
        } else {
            buf[len++] = cp;
            m = cp > m ? cp : m;
        }
    }
    *out = buf;
    *n = len;
    *maxchar = m;
    return VM_USTR_OK;
}

/* ------------------------------------------------------------ predicates ---- */

static bool is_alpha(uint32_t c)
{
    switch (vm_uni_category(c)) {
    case VM_UNI_Lu: case VM_UNI_Ll: case VM_UNI_Lt: case VM_UNI_Lm: case VM_UNI_Lo:
        return true;
    default:
        return false;
    }
}

static bool is_decimal(uint32_t c) { return vm_uni_decimal(c) >= 0; }
static bool is_digit(uint32_t c) { return vm_uni_digit(c) >= 0; }
static bool is_numeric(uint32_t c) { return vm_uni_numeric(c) != -1.0; }
static bool is_alnum(uint32_t c)
{
    return is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c);
}

/* Non-empty and every code point has the property. */
static bool all_chars(vm_ustr s, bool (*pred)(uint32_t))
{
    if (s.len == 0)
        return false;
    for (size_t i = 0; i < s.len; i++)
        if (!pred(vm_ustr_get(s, i)))
            return false;
    return true;
}

bool vm_ustr_isalpha(vm_ustr s) { return all_chars(s, is_alpha); }
bool vm_ustr_isalnum(vm_ustr s) { return all_chars(s, is_alnum); }
bool vm_ustr_isdecimal(vm_ustr s) { return all_chars(s, is_decimal); }
bool vm_ustr_isdigit(vm_ustr s) { return all_chars(s, is_digit); }
bool vm_ustr_isnumeric(vm_ustr s) { return all_chars(s, is_numeric); }
bool vm_ustr_isspace(vm_ustr s) { return all_chars(s, is_space); }

bool vm_ustr_isprintable(vm_ustr s)
{
    for (size_t i = 0; i < s.len; i++)
        if (!vm_uni_is_printable(vm_ustr_get(s, i)))
            return false;
    return true;
}

bool vm_ustr_isascii(vm_ustr s) { return vm_ustr_maxchar(s) < 0x80; }

bool vm_ustr_isupper(vm_ustr s)
{
    bool cased = false;
    for (size_t i = 0; i < s.len; i++) {
        uint32_t c = vm_ustr_get(s, i);
        if (vm_ustr_char_is_lower(c) || is_title(c))
            return false;
        if (!cased && vm_ustr_char_is_upper(c))
            cased = true;
    }
    return cased;
}

bool vm_ustr_islower(vm_ustr s)
{
    bool cased = false;
    for (size_t i = 0; i < s.len; i++) {
        uint32_t c = vm_ustr_get(s, i);
        if (vm_ustr_char_is_upper(c) || is_title(c))
            return false;
        if (!cased && vm_ustr_char_is_lower(c))
            cased = true;
    }
    return cased;
}

bool vm_ustr_istitle(vm_ustr s)
{
    bool cased = false, previous_is_cased = false;
    for (size_t i = 0; i < s.len; i++) {
        uint32_t c = vm_ustr_get(s, i);
        if (vm_ustr_char_is_upper(c) || is_title(c)) {
            if (previous_is_cased)
                return false;
            previous_is_cased = cased = true;
        } else if (vm_ustr_char_is_lower(c)) {
            if (!previous_is_cased)
                return false;
            previous_is_cased = cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    return cased;
}

/* _PyUnicode_ScanIdentifier: XID_Start or '_', then XID_Continue. */
bool vm_ustr_isidentifier(vm_ustr s)
{
    if (s.len == 0)
        return false;
    uint32_t c = vm_ustr_get(s, 0);
    if (!vm_uni_is_xid_start(c) && c != '_')
        return false;
    for (size_t i = 1; i < s.len; i++)
        if (!vm_uni_is_xid_continue(vm_ustr_get(s, i)))
            return false;
    return true;
}

size_t vm_ustr_decimal_to_ascii(vm_ustr s, char *out)
{
    for (size_t i = 0; i < s.len; i++) {
        uint32_t c = vm_ustr_get(s, i);
        if (c < 127) {
            out[i] = (char)c;
        } else if (is_space(c)) {
            out[i] = ' ';
        } else {
            int d = vm_uni_decimal(c);
            if (d < 0) {
                out[i] = '?';
                return i + 1;
            }
            out[i] = (char)('0' + d);
        }
    }
    return s.len;
}

/* ----------------------------------------------------------------- codecs ---- */

static const char *const handler_names[] = {
#define X(c, name) name,
    VM_USTR_HANDLERS(X)
#undef X
};

static const char *const codec_names[] = {"utf-8", "latin-1", "ascii"};

vm_ustr_status vm_ustr_errors_from_name(const char *name, vm_ustr_errors *out,
                                        vm_ustr_error *err)
{
    for (size_t i = 0; i < COUNT(handler_names); i++) {
        if (strcmp(name, handler_names[i]) == 0) {
            *out = (vm_ustr_errors)i;
            return VM_USTR_OK;
        }
    }
    if (err) {
        err->status = VM_USTR_UNKNOWN_HANDLER;
        err->start = err->end = 0;
        err->reason = NULL;
        snprintf(err->msg, sizeof err->msg, "unknown error handler name '%.100s'", name);
    }
    return VM_USTR_UNKNOWN_HANDLER;
}

static vm_ustr_status decode_error(vm_ustr_error *err, vm_ustr_codec codec, const uint8_t *b,
                                   size_t start, size_t end, const char *reason)
{
    if (err) {
        err->status = VM_USTR_DECODE_ERROR;
        err->start = start;
        err->end = end;
        err->reason = reason;
        if (end == start + 1)
            snprintf(err->msg, sizeof err->msg,
                     "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                     codec_names[codec], b[start], start, reason);
        else
            snprintf(err->msg, sizeof err->msg,
                     "'%s' codec can't decode bytes in position %zu-%zu: %s",
                     codec_names[codec], start, end - 1, reason);
    }
    return VM_USTR_DECODE_ERROR;
}

static vm_ustr_status encode_error(vm_ustr_error *err, vm_ustr_codec codec, vm_ustr s,
                                   size_t start, size_t end, const char *reason)
{
    if (err) {
        err->status = VM_USTR_ENCODE_ERROR;
        err->start = start;
        err->end = end;
        err->reason = reason;
        if (end == start + 1) {
            uint32_t c = vm_ustr_get(s, start);
            const char *fmt = c <= 0xFF     ? "'%s' codec can't encode character '\\x%02x' "
                                              "in position %zu: %s"
                              : c <= 0xFFFF ? "'%s' codec can't encode character '\\u%04x' "
                                              "in position %zu: %s"
                                            : "'%s' codec can't encode character '\\U%08x' "
                                              "in position %zu: %s";
            snprintf(err->msg, sizeof err->msg, fmt, codec_names[codec], (unsigned)c, start,
                     reason);
        } else {
            snprintf(err->msg, sizeof err->msg,
                     "'%s' codec can't encode characters in position %zu-%zu: %s",
                     codec_names[codec], start, end - 1, reason);
        }
    }
    return VM_USTR_ENCODE_ERROR;
}

static vm_ustr_status no_decode_handler(vm_ustr_error *err)
{
    if (err) {
        err->status = VM_USTR_UNKNOWN_HANDLER;
        err->start = err->end = 0;
        err->reason = NULL;
        snprintf(err->msg, sizeof err->msg,
                 "don't know how to handle UnicodeDecodeError in error callback");
    }
    return VM_USTR_UNKNOWN_HANDLER;
}

#define IS_CONT(c) (((c) & 0xC0) == 0x80)

enum { SEQ_OK = 0, SEQ_INVALID_START = 1, SEQ_TRUNCATED = 5 };

/* One UTF-8 sequence at s (avail > 0 bytes, s[0] >= 0x80), as stringlib/codecs.h's
 * utf8_decode judges it: SEQ_OK with *cp and *len; SEQ_INVALID_START; 2, 3 or 4 when the
 * continuation byte s[ret - 1] is invalid (the error covers ret - 1 bytes); SEQ_TRUNCATED
 * when the data end inside a sequence that was valid so far. */
static int utf8_sequence(const uint8_t *s, size_t avail, uint32_t *cp, size_t *len)
{
    uint32_t c = s[0];
    if (c < 0xC2)
        return SEQ_INVALID_START;
    if (c < 0xE0) {
        if (avail < 2)
            return SEQ_TRUNCATED;
        if (!IS_CONT(s[1]))
            return 2;
        *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
        *len = 2;
        return SEQ_OK;
    }
    if (c < 0xF0) {
        if (avail < 2)
            return SEQ_TRUNCATED;
        if (!IS_CONT(s[1]) || (s[1] < 0xA0 ? c == 0xE0 : c == 0xED))
            return 2;
        if (avail < 3)
            return SEQ_TRUNCATED;
        if (!IS_CONT(s[2]))
            return 3;
        *cp = ((c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        *len = 3;
        return SEQ_OK;
    }
    if (c < 0xF5) {
        if (avail < 2)
            return SEQ_TRUNCATED;
        if (!IS_CONT(s[1]) || (s[1] < 0x90 ? c == 0xF0 : c == 0xF4))
            return 2;
        if (avail < 3)
            return SEQ_TRUNCATED;
        if (!IS_CONT(s[2]))
            return 3;
        if (avail < 4)
            return SEQ_TRUNCATED;
        if (!IS_CONT(s[3]))
            return 4;
        *cp = ((c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12)
            | ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        *len = 4;
        return SEQ_OK;
    }
    return SEQ_INVALID_START;
}

/* The error handlers' common decoding actions on b[start:end). */
static void decode_handled(sink *k, vm_ustr_errors errors, const uint8_t *b, size_t start,
                           size_t end)
{
    switch (errors) {
    case VM_USTR_REPLACE:
        emit(k, 0xFFFD);
        break;
    case VM_USTR_SURROGATEESCAPE:
        for (size_t i = start; i < end; i++)
            emit(k, 0xDC00 + b[i]);
        break;
    case VM_USTR_BACKSLASHREPLACE:
        for (size_t i = start; i < end; i++) {
            emit_ascii(k, "\\x");
            emit_hex(k, b[i], 2);
        }
        break;
    default: /* VM_USTR_IGNORE */
        break;
    }
}

/* Decodes b[0..n); unless final, stops before a sequence cut off by the end (and, as
 * CPython, before a cut-off encoded surrogate "\xed\xa0".."\xed\xbf", so that
 * surrogatepass sees it whole next time); *consumed says where. */
static vm_ustr_status decode_run(sink *k, vm_ustr_codec codec, const uint8_t *b, size_t n,
                                 vm_ustr_errors errors, bool final, size_t *consumed,
                                 vm_ustr_error *err)
{
    size_t i = 0;
    *consumed = n;
    while (i < n) {
        uint32_t c = b[i];
        if (c < 0x80 || codec == VM_USTR_LATIN1) {
            /* a run of ASCII (of anything, for Latin-1) goes as one copy */
            size_t j = i + 1;
            if (codec == VM_USTR_LATIN1)
                j = n;
            else
                while (j < n && b[j] < 0x80)
                    j++;
            emit_run(k, vm_ustr_make(b + i, j - i, 1), UINT32_MAX);
            i = j;
            continue;
        }
        size_t start = i, end = i + 1;
        const char *reason = "ordinal not in range(128)";
        if (codec == VM_USTR_UTF8) {
            uint32_t cp = 0;
            size_t len = 0;
            int r = utf8_sequence(b + i, n - i, &cp, &len);
            if (r == SEQ_OK) {
                emit(k, cp);
                i += len;
                continue;
            }
            if (!final && (r == SEQ_TRUNCATED
                           || (r == 2 && b[i] == 0xED && n - i == 2 && b[i + 1] >= 0xA0
                               && b[i + 1] <= 0xBF))) {
                *consumed = i;
                return VM_USTR_OK;
            }
            if (r == SEQ_INVALID_START) {
                reason = "invalid start byte";
            } else if (r == SEQ_TRUNCATED) {
                reason = "unexpected end of data";
                end = n;
            } else {
                reason = "invalid continuation byte";
                end = start + (size_t)r - 1;
            }
        }
        switch (errors) {
        case VM_USTR_IGNORE:
        case VM_USTR_REPLACE:
        case VM_USTR_SURROGATEESCAPE:
        case VM_USTR_BACKSLASHREPLACE:
            decode_handled(k, errors, b, start, end);
            i = end;
            continue;
        case VM_USTR_SURROGATEPASS:
            /* PyCodec_SurrogatePassErrors: a 3-byte encoded surrogate at start */
            if (codec == VM_USTR_UTF8 && n - start >= 3 && (b[start] & 0xF0) == 0xE0
                && IS_CONT(b[start + 1]) && IS_CONT(b[start + 2])) {
                uint32_t cp = ((b[start] & 0x0Fu) << 12) | ((b[start + 1] & 0x3Fu) << 6)
                            | (b[start + 2] & 0x3Fu);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    emit(k, cp);
                    i = start + 3;
                    continue;
                }
            }
            return decode_error(err, codec, b, start, end, reason);
        case VM_USTR_XMLCHARREFREPLACE:
        case VM_USTR_NAMEREPLACE:
            return no_decode_handler(err);
        default:
            return decode_error(err, codec, b, start, end, reason);
        }
    }
    return VM_USTR_OK;
}

vm_ustr_status vm_ustr_decode_size(vm_ustr_codec codec, const uint8_t *b, size_t n,
                                   vm_ustr_errors errors, vm_ustr_size *size,
                                   vm_ustr_error *err)
{
    size_t consumed;
    sink k = {0};
    vm_ustr_status st = decode_run(&k, codec, b, n, errors, true, &consumed, err);
    *size = sink_size(&k);
    return st;
}

void vm_ustr_decode(void *out, uint8_t kind, vm_ustr_codec codec, const uint8_t *b,
                    size_t n, vm_ustr_errors errors)
{
    size_t consumed;
    sink k = {out, kind, 0, 0};
    decode_run(&k, codec, b, n, errors, true, &consumed, NULL);
}

vm_ustr_status vm_ustr_decode_utf8_partial_size(const uint8_t *b, size_t n,
                                                vm_ustr_errors errors, vm_ustr_size *size,
                                                size_t *consumed, vm_ustr_error *err)
{
    sink k = {0};
    vm_ustr_status st = decode_run(&k, VM_USTR_UTF8, b, n, errors, false, consumed, err);
    *size = sink_size(&k);
    return st;
}

void vm_ustr_decode_utf8_partial(void *out, uint8_t kind, const uint8_t *b, size_t n,
                                 vm_ustr_errors errors)
{
    size_t consumed;
    sink k = {out, kind, 0, 0};
    decode_run(&k, VM_USTR_UTF8, b, n, errors, false, &consumed, NULL);
}

/* Bytes out: NULL buffer counts only. */
typedef struct bsink {
    uint8_t *out;
    size_t n;
} bsink;

static inline void bput(bsink *k, uint8_t c)
{
    if (k->out)
        k->out[k->n] = c;
    k->n++;
}

static void bput_ascii(bsink *k, const char *s)
{
    while (*s)
        bput(k, (uint8_t)*s++);
}

static void bput_utf8(bsink *k, uint32_t c)
{
    char buf[4];
    size_t len = vm_utf8_encode(c, buf);
    for (size_t i = 0; i < len; i++)
        bput(k, (uint8_t)buf[i]);
}

static void bput_escape(bsink *k, uint32_t c, bool xml)
{
    char buf[16];
    if (xml)
        snprintf(buf, sizeof buf, "&#%u;", (unsigned)c);
    else if (c < 0x100)
        snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
    else if (c < 0x10000)
        snprintf(buf, sizeof buf, "\\u%04x", (unsigned)c);
    else
        snprintf(buf, sizeof buf, "\\U%08x", (unsigned)c);
    bput_ascii(k, buf);
}

static vm_ustr_status encode_run(bsink *k, vm_ustr_codec codec, vm_ustr s,
                                 vm_ustr_errors errors, vm_ustr_error *err)
{
    uint32_t limit = codec == VM_USTR_UTF8 ? 0 : codec == VM_USTR_LATIN1 ? 0x100 : 0x80;
    const char *reason = codec == VM_USTR_UTF8     ? "surrogates not allowed"
                         : codec == VM_USTR_LATIN1 ? "ordinal not in range(256)"
                                                   : "ordinal not in range(128)";
    size_t i = 0;
    while (i < s.len) {
        if (s.kind == 1) {
            /* a run of ASCII goes as one copy */
            const uint8_t *p = s.data;
            size_t j = i;
            while (j < s.len && p[j] < 0x80)
                j++;
            if (j > i) {
                if (k->out)
                    memcpy(k->out + k->n, p + i, j - i);
                k->n += j - i;
                i = j;
                continue;
            }
        }
        uint32_t c = vm_ustr_get(s, i);
        bool bad = codec == VM_USTR_UTF8 ? c >= 0xD800 && c <= 0xDFFF : c >= limit;
        if (!bad) {
            if (codec == VM_USTR_UTF8 && c >= 0x80)
                bput_utf8(k, c);
            else
                bput(k, (uint8_t)c);
            i++;
            continue;
        }
        /* the run of characters the codec cannot encode */
        size_t start = i, end = i + 1;
        while (end < s.len) {
            uint32_t d = vm_ustr_get(s, end);
            if (codec == VM_USTR_UTF8 ? !(d >= 0xD800 && d <= 0xDFFF) : d < limit)
                break;
            end++;
        }
        switch (errors) {
        case VM_USTR_IGNORE:
            break;
        case VM_USTR_REPLACE:
            for (size_t j = start; j < end; j++)
                bput(k, '?');
            break;
        case VM_USTR_BACKSLASHREPLACE:
        case VM_USTR_XMLCHARREFREPLACE:
            for (size_t j = start; j < end; j++)
                bput_escape(k, vm_ustr_get(s, j), errors == VM_USTR_XMLCHARREFREPLACE);
            break;
        case VM_USTR_NAMEREPLACE:
            for (size_t j = start; j < end; j++) {
                uint32_t d = vm_ustr_get(s, j);
                char name[128];
                if (vm_uni_name(d, name, sizeof name)) {
                    bput_ascii(k, "\\N{");
                    bput_ascii(k, name);
                    bput(k, '}');
                } else {
                    bput_escape(k, d, false);
                }
            }
            break;
        case VM_USTR_SURROGATEESCAPE:
            for (size_t j = start; j < end; j++) {
                uint32_t d = vm_ustr_get(s, j);
                if (d < 0xDC80 || d > 0xDCFF)
                    return encode_error(err, codec, s, j, end, reason);
                bput(k, (uint8_t)(d - 0xDC00));
            }
            break;
        case VM_USTR_SURROGATEPASS:
            if (codec == VM_USTR_UTF8) {
                for (size_t j = start; j < end; j++)
                    bput_utf8(k, vm_ustr_get(s, j));
                break;
            }
            return encode_error(err, codec, s, start, end, reason);
        default:
            return encode_error(err, codec, s, start, end, reason);
        }
        i = end;
    }
    return VM_USTR_OK;
}

vm_ustr_status vm_ustr_encode_size(vm_ustr_codec codec, vm_ustr s, vm_ustr_errors errors,
                                   size_t *nbytes, vm_ustr_error *err)
{
    bsink k = {NULL, 0};
    vm_ustr_status st = encode_run(&k, codec, s, errors, err);
    *nbytes = k.n;
    return st;
}

void vm_ustr_encode(uint8_t *out, vm_ustr_codec codec, vm_ustr s, vm_ustr_errors errors)
{
    bsink k = {out, 0};
    encode_run(&k, codec, s, errors, NULL);
}

#undef IS_CONT
#undef COUNT

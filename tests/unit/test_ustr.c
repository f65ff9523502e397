/* tests/unit/test_ustr.c — vm/ustr against CPython 3.11: the generated table of
 * tests/unit/ustr_cases.h (tests/unit/gen_ustr_cases.py, run by /usr/bin/python3.11),
 * every code point's case properties and single-character case mappings, and
 * hand-written edge cases (error messages, overflow, worst-case searches, the storage
 * contract).
 *
 * Each table case runs twice: with its strings in the canonical (smallest) kind, and
 * widened to UCS-4, which the library must treat the same (the hash included).  String
 * results are measured, written into a buffer of exactly the measured size (ASan sees an
 * overrun), and their measured maxchar must be their real largest code point. */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/unicode.h"
#include "vm/ustr.h"

typedef struct ustr_case {
    const char *op;
    const char *a;
    int alen;
    const char *b;
    int blen;
    const char *c;
    int clen;
    long i1, i2;
    const char *exp;
    int explen;
} ustr_case;

typedef struct ustr_casemap {
    char op;
    uint32_t cp;
    int n;
    uint32_t r[3];
} ustr_casemap;

#include "ustr_cases.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------- helpers ---- */

/* A string the test owns: code points decoded from generalised UTF-8, stored in the
 * canonical kind or in UCS-4 ("wide"). */
typedef struct tstr {
    vm_ustr s;
    void *buf;
} tstr;

static tstr tstr_from_utf8(const char *p, size_t n, bool wide)
{
    uint32_t *cps = malloc((n + 1) * sizeof *cps);
    size_t len = 0;
    for (size_t i = 0; i < n;) {
        size_t l;
        uint32_t cp = vm_utf8_decode(p + i, n - i, &l);
        cr_assert(cp != UINT32_MAX, "bad UTF-8 in the table");
        cps[len++] = cp;
        i += l;
    }
    uint32_t m = 0;
    for (size_t i = 0; i < len; i++)
        m = cps[i] > m ? cps[i] : m;
    uint8_t kind = wide ? 4 : vm_ustr_kind_for(m);
    void *buf = malloc(len * kind + 1);
    vm_ustr_copy(buf, kind, 0, vm_ustr_make(cps, len, 4));
    free(cps);
    return (tstr){vm_ustr_make(buf, len, kind), buf};
}

static tstr tstr_lit(const char *utf8) { return tstr_from_utf8(utf8, strlen(utf8), false); }

/* A growable byte buffer: results serialised as the generator does. */
typedef struct bytes {
    char *p;
    size_t n, cap;
} bytes;

static void bput(bytes *b, const void *p, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = 2 * (b->n + n + 1) + 64;
        b->p = realloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void bputs(bytes *b, const char *s) { bput(b, s, strlen(s)); }

static void bput_long(bytes *b, long long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    bputs(b, buf);
}

static void bput_str(bytes *b, vm_ustr s)
{
    for (size_t i = 0; i < s.len; i++) {
        char u[4];
        size_t l = vm_utf8_encode(vm_ustr_get(s, i), u);
        bput(b, u, l);
    }
}

static void bput_piece(bytes *b, vm_ustr s)
{
    bytes t = {0};
    bput_str(&t, s);
    char head[32];
    snprintf(head, sizeof head, "%zu:", t.n);
    bputs(b, head);
    if (t.n)
        bput(b, t.p, t.n);
    free(t.p);
}

static void bput_spans(bytes *b, vm_ustr s, const vm_ustr_span *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        cr_assert(v[i].start <= v[i].end && v[i].end <= s.len);
        bput_piece(b, vm_ustr_slice(s, v[i].start, v[i].end));
    }
}

/* Checks a measured string result and appends it: out has exactly size.len code points
 * of `kind`, whose largest is size.maxchar. */
static void check_result(bytes *b, vm_ustr_size size, uint8_t kind, void *out)
{
    vm_ustr r = vm_ustr_make(out, size.len, kind);
    cr_assert_eq(vm_ustr_maxchar(r), size.maxchar, "measured maxchar %x, real %x",
                 size.maxchar, vm_ustr_maxchar(r));
    bput_str(b, r);
    free(out);
}

#define STRING_RESULT(b, wide, SIZE_CALL, WRITE_CALL)                                \
    do {                                                                             \
        vm_ustr_size size_ = (SIZE_CALL);                                            \
        uint8_t kind = (wide) ? 4 : vm_ustr_kind_for(size_.maxchar);                 \
        void *out = malloc(size_.len * kind + (size_.len == 0));                     \
        WRITE_CALL;                                                                  \
        check_result(b, size_, kind, out);                                           \
    } while (0)

static long long end_arg(long v) { return v == LONG_MAX ? VM_USTR_END : v; }

/* The translate table of the generator's Table class. */
static vm_ustr_map_result table_map(void *ctx, uint32_t cp, uint32_t *out, vm_ustr *str)
{
    uint32_t *buf = ctx;
    switch (cp % 7) {
    case 0: return VM_USTR_MAP_DELETE;
    case 1: *out = cp + 1; return VM_USTR_MAP_CHAR;
    case 2:
        buf[0] = '<';
        buf[1] = cp;
        buf[2] = 0x10000 + cp % 100;
        buf[3] = '>';
        *str = vm_ustr_make(buf, 4, 4);
        return VM_USTR_MAP_STR;
    case 3: *str = vm_ustr_make(buf, 0, 4); return VM_USTR_MAP_STR;
    default: return VM_USTR_MAP_KEEP;
    }
}

static void lcg_key(unsigned seed, uint8_t key[16])
{
    unsigned x = seed;
    for (int i = 0; i < 16; i++) {
        x = x * 214013u + 2531011u;
        key[i] = (x >> 16) & 0xFF;
    }
}

typedef struct pred {
    const char *name;
    bool (*fn)(vm_ustr);
} pred;

static const pred PREDICATES[] = {
    {"isalpha", vm_ustr_isalpha}, {"isalnum", vm_ustr_isalnum},
    {"isdecimal", vm_ustr_isdecimal}, {"isdigit", vm_ustr_isdigit},
    {"isnumeric", vm_ustr_isnumeric}, {"isspace", vm_ustr_isspace},
    {"isupper", vm_ustr_isupper}, {"islower", vm_ustr_islower},
    {"istitle", vm_ustr_istitle}, {"isprintable", vm_ustr_isprintable},
    {"isidentifier", vm_ustr_isidentifier}, {"isascii", vm_ustr_isascii},
};

static const struct {
    const char *name;
    vm_ustr_case_op op;
} CASE_OPS[] = {
    {"upper", VM_USTR_UPPER}, {"lower", VM_USTR_LOWER}, {"casefold", VM_USTR_CASEFOLD},
    {"title", VM_USTR_TITLE}, {"capitalize", VM_USTR_CAPITALIZE},
    {"swapcase", VM_USTR_SWAPCASE},
};

static void put_error(bytes *b, const vm_ustr_error *e, bool range)
{
    bputs(b, "E:");
    bputs(b, e->msg);
    if (range) {
        bputs(b, "|");
        bput_long(b, (long long)e->start);
        bputs(b, "|");
        bput_long(b, (long long)e->end);
    }
}

/* Runs one table case; the serialised result goes to b. */
static void run_case(const ustr_case *t, bool wide, bytes *b)
{
    const char *op = t->op;
    if (strcmp(op, "decode") == 0) {
        vm_ustr_size size;
        vm_ustr_error e;
        const uint8_t *in = (const uint8_t *)t->a;
        vm_ustr_status st = vm_ustr_decode_size((vm_ustr_codec)t->i1, in, t->alen,
                                                (vm_ustr_errors)t->i2, &size, &e);
        if (st != VM_USTR_OK) {
            cr_assert_eq(st, VM_USTR_DECODE_ERROR);
            put_error(b, &e, true);
            return;
        }
        STRING_RESULT(b, wide, size,
                      vm_ustr_decode(out, kind, (vm_ustr_codec)t->i1, in, t->alen,
                                     (vm_ustr_errors)t->i2));
        return;
    }
    if (strcmp(op, "decode_partial") == 0) {
        vm_ustr_size size;
        vm_ustr_error e;
        size_t consumed = SIZE_MAX;
        const uint8_t *in = (const uint8_t *)t->a;
        vm_ustr_status st = vm_ustr_decode_utf8_partial_size(in, t->alen, (vm_ustr_errors)t->i2,
                                                             &size, &consumed, &e);
        if (st != VM_USTR_OK) {
            cr_assert_eq(st, VM_USTR_DECODE_ERROR);
            put_error(b, &e, true);
            return;
        }
        STRING_RESULT(b, wide, size,
                      vm_ustr_decode_utf8_partial(out, kind, in, t->alen, (vm_ustr_errors)t->i2));
        bputs(b, "|");
        bput_long(b, (long long)consumed);
        return;
    }
    tstr a = tstr_from_utf8(t->a, t->alen, wide);
    tstr bs = {0}, cs = {0};
    if (t->b)
        bs = tstr_from_utf8(t->b, t->blen, wide);
    if (t->c)
        cs = tstr_from_utf8(t->c, t->clen, wide);
    vm_ustr s = a.s, sub = bs.s;
    long long start = t->i1, end = end_arg(t->i2);
    vm_ustr_span *v = NULL, parts[3];
    size_t n = 0;

    if (strcmp(op, "find") == 0) {
        bput_long(b, vm_ustr_find(s, sub, start, end));
    } else if (strcmp(op, "rfind") == 0) {
        bput_long(b, vm_ustr_rfind(s, sub, start, end));
    } else if (strcmp(op, "count") == 0) {
        bput_long(b, (long long)vm_ustr_count(s, sub, start, end));
    } else if (strcmp(op, "index") == 0 || strcmp(op, "rindex") == 0) {
        size_t at;
        vm_ustr_error e;
        vm_ustr_status st = vm_ustr_index(s, sub, start, end, op[0] == 'r', &at, &e);
        if (st == VM_USTR_OK) {
            bput_long(b, (long long)at);
        } else {
            cr_assert_eq(st, VM_USTR_NOT_FOUND);
            put_error(b, &e, false);
        }
    } else if (strcmp(op, "removeprefix") == 0 || strcmp(op, "removesuffix") == 0) {
        vm_ustr_span sp = (op[6] == 'p' ? vm_ustr_removeprefix : vm_ustr_removesuffix)(s, sub);
        bput_str(b, vm_ustr_slice(s, sp.start, sp.end));
    } else if (strcmp(op, "slice") == 0) {
        ptrdiff_t step = t->i2 / 1000;
        size_t n = (size_t)(t->i2 > 0 ? t->i2 % 1000 : -(t->i2 % 1000));
        STRING_RESULT(b, wide, vm_ustr_slice_step_size(s, (size_t)t->i1, step, n),
                      vm_ustr_slice_step(out, kind, s, (size_t)t->i1, step, n));
    } else if (strcmp(op, "repeat") == 0) {
        STRING_RESULT(b, wide, vm_ustr_repeat_size(s, t->i1),
                      vm_ustr_repeat(out, kind, s, t->i1));
    } else if (strcmp(op, "join") == 0) {
        vm_ustr items[8];
        size_t n = (size_t)t->i1, at = 0;
        const char *lens = t->b;
        for (size_t i = 0; i < n; i++) {
            size_t l = strtoul(lens, (char **)&lens, 10);
            lens += *lens == ',';
            items[i] = vm_ustr_slice(cs.s, at, at + l);
            at += l;
        }
        STRING_RESULT(b, wide, vm_ustr_join_size(s, items, n),
                      vm_ustr_join(out, kind, s, items, n));
    } else if (strcmp(op, "startswith") == 0) {
        bput_long(b, vm_ustr_startswith(s, sub, start, end));
    } else if (strcmp(op, "endswith") == 0) {
        bput_long(b, vm_ustr_endswith(s, sub, start, end));
    } else if (strcmp(op, "split") == 0 || strcmp(op, "rsplit") == 0) {
        vm_ustr_status st = (op[0] == 'r' ? vm_ustr_rsplit : vm_ustr_split)(
            s, t->b ? &sub : NULL, t->i1, &v, &n);
        cr_assert_eq(st, VM_USTR_OK);
        bput_spans(b, s, v, n);
        free(v);
    } else if (strcmp(op, "splitlines") == 0) {
        vm_ustr_splitlines(s, t->i1 != 0, &v, &n);
        bput_spans(b, s, v, n);
        free(v);
    } else if (strcmp(op, "partition") == 0 || strcmp(op, "rpartition") == 0) {
        vm_ustr_status st = (op[0] == 'r' ? vm_ustr_rpartition : vm_ustr_partition)(
            s, sub, parts);
        cr_assert_eq(st, VM_USTR_OK);
        bput_spans(b, s, parts, 3);
    } else if (strcmp(op, "strip") == 0 || strcmp(op, "lstrip") == 0
               || strcmp(op, "rstrip") == 0) {
        vm_ustr_strip_how how = op[0] == 'l'   ? VM_USTR_STRIP_LEFT
                                : op[0] == 'r' ? VM_USTR_STRIP_RIGHT
                                               : VM_USTR_STRIP_BOTH;
        vm_ustr_span sp = vm_ustr_strip(s, t->b ? &sub : NULL, how);
        bput_str(b, vm_ustr_slice(s, sp.start, sp.end));
    } else if (strcmp(op, "replace") == 0) {
        STRING_RESULT(b, wide, vm_ustr_replace_size(s, sub, cs.s, t->i1),
                      vm_ustr_replace(out, kind, s, sub, cs.s, t->i1));
    } else if (strcmp(op, "expandtabs") == 0) {
        STRING_RESULT(b, wide, vm_ustr_expandtabs_size(s, t->i1),
                      vm_ustr_expandtabs(out, kind, s, t->i1));
    } else if (strcmp(op, "center") == 0 || strcmp(op, "ljust") == 0
               || strcmp(op, "rjust") == 0 || strcmp(op, "zfill") == 0) {
        vm_ustr_pad_how how = op[0] == 'c'   ? VM_USTR_CENTER
                              : op[0] == 'l' ? VM_USTR_LJUST
                              : op[0] == 'r' ? VM_USTR_RJUST
                                             : VM_USTR_ZFILL;
        uint32_t fill = t->b ? vm_ustr_get(sub, 0) : ' ';
        STRING_RESULT(b, wide, vm_ustr_pad_size(s, t->i1, fill, how),
                      vm_ustr_pad(out, kind, s, t->i1, fill, how));
    } else if (strcmp(op, "compare") == 0) {
        int c = vm_ustr_compare(s, sub);
        bput_long(b, c);
        cr_assert_eq(vm_ustr_equal(s, sub), c == 0);
    } else if (strcmp(op, "repr") == 0 || strcmp(op, "ascii") == 0) {
        bool ascii = op[0] == 'a';
        STRING_RESULT(b, wide, vm_ustr_repr_size(s, ascii),
                      vm_ustr_repr(out, kind, s, ascii));
    } else if (strcmp(op, "translate") == 0) {
        uint32_t buf[4], *res, maxchar;
        size_t len;
        vm_ustr_status st = vm_ustr_translate(s, table_map, buf, &res, &len, &maxchar, NULL);
        cr_assert_eq(st, VM_USTR_OK);
        vm_ustr r = vm_ustr_make(res, len, 4);
        cr_assert_eq(vm_ustr_maxchar(r), maxchar);
        bput_str(b, r);
        free(res);
    } else if (strcmp(op, "hash") == 0) {
        uint8_t key[16] = {0};
        if (t->i1)
            lcg_key((unsigned)t->i1, key);
        bput_long(b, vm_ustr_hash(s, key));
    } else if (strcmp(op, "encode") == 0) {
        size_t nb;
        vm_ustr_error e;
        vm_ustr_status st = vm_ustr_encode_size((vm_ustr_codec)t->i1, s,
                                                (vm_ustr_errors)t->i2, &nb, &e);
        if (st != VM_USTR_OK) {
            cr_assert_eq(st, VM_USTR_ENCODE_ERROR);
            put_error(b, &e, true);
        } else {
            uint8_t *out = malloc(nb + 1);
            vm_ustr_encode(out, (vm_ustr_codec)t->i1, s, (vm_ustr_errors)t->i2);
            bput(b, out, nb);
            free(out);
        }
    } else {
        bool done = false;
        for (size_t i = 0; i < COUNT(CASE_OPS) && !done; i++) {
            if (strcmp(op, CASE_OPS[i].name) == 0) {
                STRING_RESULT(b, wide, vm_ustr_case_size(CASE_OPS[i].op, s),
                              vm_ustr_case(out, kind, CASE_OPS[i].op, s));
                done = true;
            }
        }
        for (size_t i = 0; i < COUNT(PREDICATES) && !done; i++) {
            if (strcmp(op, PREDICATES[i].name) == 0) {
                bput_long(b, PREDICATES[i].fn(s));
                done = true;
            }
        }
        cr_assert(done, "unknown op %s", op);
    }
    free(a.buf);
    free(bs.buf);
    free(cs.buf);
}

static void show(const char *what, const char *p, size_t n)
{
    fprintf(stderr, "  %s: \"", what);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 32 && c < 127 && c != '\\')
            fputc(c, stderr);
        else
            fprintf(stderr, "\\x%02x", c);
    }
    fprintf(stderr, "\"\n");
}

static void run_table(bool wide)
{
    size_t failures = 0;
    for (size_t i = 0; i < COUNT(CASES); i++) {
        const ustr_case *t = &CASES[i];
        bytes b = {0};
        bput(&b, "", 0);
        run_case(t, wide, &b);
        if (b.n != (size_t)t->explen || memcmp(b.p, t->exp, b.n) != 0) {
            if (++failures <= 40) {
                fprintf(stderr, "case %zu: %s i1=%ld i2=%ld%s\n", i, t->op, t->i1, t->i2,
                        wide ? " (wide)" : "");
                show("a", t->a, t->alen);
                if (t->b)
                    show("b", t->b, t->blen);
                if (t->c)
                    show("c", t->c, t->clen);
                show("expected", t->exp, t->explen);
                show("got", b.p, b.n);
            }
        }
        free(b.p);
    }
    cr_assert_eq(failures, 0, "%zu of %zu cases differ from CPython", failures, COUNT(CASES));
}

/* ------------------------------------------------------- table cases ---- */

Test(ustr, table_canonical_kinds) { run_table(false); }
Test(ustr, table_wide_kind) { run_table(true); }

/* ------------------------------------------- every code point's data ---- */

static bool in_table(const uint32_t (*r)[2], size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r[mid][1] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && r[lo][0] <= cp;
}

Test(ustr, case_properties_every_code_point)
{
    size_t bad = 0;
    for (uint32_t cp = 0; cp <= VM_UNI_MAX; cp++) {
        if (in_table(NEW_IN_15, COUNT(NEW_IN_15), cp))
            continue;
        bool want[4] = {in_table(PROP_LOWER, COUNT(PROP_LOWER), cp),
                        in_table(PROP_UPPER, COUNT(PROP_UPPER), cp),
                        in_table(PROP_CASED, COUNT(PROP_CASED), cp),
                        in_table(PROP_IGNORABLE, COUNT(PROP_IGNORABLE), cp)};
        bool got[4] = {vm_ustr_char_is_lower(cp), vm_ustr_char_is_upper(cp),
                       vm_ustr_char_is_cased(cp), vm_ustr_char_is_case_ignorable(cp)};
        for (int i = 0; i < 4; i++) {
            if (want[i] != got[i] && ++bad <= 20)
                fprintf(stderr, "U+%04X: property %d is %d, CPython says %d\n", cp, i,
                        got[i], want[i]);
        }
    }
    cr_assert_eq(bad, 0);
}

Test(ustr, case_mappings_every_code_point)
{
    size_t bad = 0, next = 0;
    const char ops[4] = {'u', 'l', 't', 'f'};
    const vm_ustr_case_op cops[4] = {VM_USTR_UPPER, VM_USTR_LOWER, VM_USTR_TITLE,
                                     VM_USTR_CASEFOLD};
    for (uint32_t cp = 0; cp <= VM_UNI_MAX; cp++) {
        if (in_table(NEW_IN_15, COUNT(NEW_IN_15), cp)) {
            while (next < COUNT(CASEMAPS) && CASEMAPS[next].cp == cp)
                next++;
            continue;
        }
        for (int k = 0; k < 4; k++) {
            uint32_t want[3] = {cp}, got[4];
            int wn = 1;
            if (next < COUNT(CASEMAPS) && CASEMAPS[next].cp == cp
                && CASEMAPS[next].op == ops[k]) {
                wn = CASEMAPS[next].n;
                memcpy(want, CASEMAPS[next].r, sizeof want);
                next++;
            }
            /* title() of one character is its title mapping; the others as is */
            vm_ustr s = vm_ustr_make(&cp, 1, 4);
            vm_ustr_size size = vm_ustr_case_size(cops[k], s);
            cr_assert(size.len <= 3);
            vm_ustr_case(got, 4, cops[k], s);
            if (size.len != (size_t)wn || memcmp(got, want, wn * sizeof *got) != 0) {
                if (++bad <= 20)
                    fprintf(stderr, "U+%04X: %c mapping differs (%zu code points, want %d)\n",
                            cp, ops[k], size.len, wn);
            }
        }
    }
    cr_assert_eq(next, COUNT(CASEMAPS));
    cr_assert_eq(bad, 0);
}

/* ------------------------------------------------------ hand-written ---- */

/* A string result of op as a malloc'd NUL-terminated UTF-8 C string. */
static char *utf8_of(vm_ustr s)
{
    bytes b = {0};
    bput(&b, "", 0);
    bput_str(&b, s);
    return b.p;
}

static char *case_of(vm_ustr_case_op op, const char *in)
{
    tstr t = tstr_lit(in);
    vm_ustr_size size = vm_ustr_case_size(op, t.s);
    uint8_t kind = vm_ustr_kind_for(size.maxchar);
    void *out = malloc(size.len * kind + 1);
    vm_ustr_case(out, kind, op, t.s);
    char *r = utf8_of(vm_ustr_make(out, size.len, kind));
    free(out);
    free(t.buf);
    return r;
}

#define CASE_EQ(op, in, want)                                                     \
    do {                                                                          \
        char *got_ = case_of(op, in);                                             \
        cr_expect_str_eq(got_, want, "%s of \"%s\"", #op, in);                    \
        free(got_);                                                               \
    } while (0)

Test(ustr, special_casing)
{
    CASE_EQ(VM_USTR_UPPER, "ß", "SS");
    CASE_EQ(VM_USTR_UPPER, "ŉ", "ʼN");
    CASE_EQ(VM_USTR_UPPER, "ﬃ", "FFI");
    CASE_EQ(VM_USTR_UPPER, "ΐ", "\u0399\u0308\u0301");
    CASE_EQ(VM_USTR_LOWER, "İ", "i̇");
    CASE_EQ(VM_USTR_LOWER, "ΑΣ", "ας");
    CASE_EQ(VM_USTR_LOWER, "Σ", "σ");
    CASE_EQ(VM_USTR_LOWER, "ΑΣ'Α", "ασ'α");
    CASE_EQ(VM_USTR_LOWER, "ΑΣ' ", "ας' ");
    CASE_EQ(VM_USTR_LOWER, "ΑΣ\u0301", "ας\u0301");
    CASE_EQ(VM_USTR_CASEFOLD, "ß", "ss");
    CASE_EQ(VM_USTR_CASEFOLD, "ΣΑΣ", "σασ");
    CASE_EQ(VM_USTR_CASEFOLD, "ﬅ", "st");
    CASE_EQ(VM_USTR_CASEFOLD, "Ꭰ", "Ꭰ");
    CASE_EQ(VM_USTR_CASEFOLD, "ꭰ", "Ꭰ");
    CASE_EQ(VM_USTR_TITLE, "ǆemal ǉubav", "ǅemal ǈubav");
    CASE_EQ(VM_USTR_TITLE, "ﬁsh ßo", "Fish Sso");
    CASE_EQ(VM_USTR_TITLE, "they're bill's", "They'Re Bill'S");
    CASE_EQ(VM_USTR_TITLE, "ΣΑΣ ΣΑΣ", "Σας Σας");
    CASE_EQ(VM_USTR_CAPITALIZE, "ǉUBAV", "ǈubav");
    CASE_EQ(VM_USTR_CAPITALIZE, "ßX", "Ssx");
    CASE_EQ(VM_USTR_SWAPCASE, "ßΣa", "SSσA");
    CASE_EQ(VM_USTR_SWAPCASE, "aΣ", "Aς");
    CASE_EQ(VM_USTR_SWAPCASE, "ǅ", "ǅ");
    CASE_EQ(VM_USTR_UPPER, "\U00010428", "\U00010400");
    CASE_EQ(VM_USTR_LOWER, "", "");
}

static vm_ustr_map_result range_map(void *ctx, uint32_t cp, uint32_t *out, vm_ustr *str)
{
    *out = cp == 'b' ? 0x110000 : cp;
    return VM_USTR_MAP_CHAR;
}

static vm_ustr_map_result failing_map(void *ctx, uint32_t cp, uint32_t *out, vm_ustr *str)
{
    return cp == 'c' ? VM_USTR_MAP_ERROR : VM_USTR_MAP_KEEP;
}

Test(ustr, errors_and_messages)
{
    tstr s = tstr_lit("a b"), empty = tstr_lit("");
    vm_ustr_span *v = (vm_ustr_span *)1, parts[3];
    size_t n = 7;
    cr_expect_eq(vm_ustr_split(s.s, &empty.s, -1, &v, &n), VM_USTR_EMPTY_SEPARATOR);
    cr_expect_eq(vm_ustr_rsplit(s.s, &empty.s, -1, &v, &n), VM_USTR_EMPTY_SEPARATOR);
    cr_expect_eq(vm_ustr_partition(s.s, empty.s, parts), VM_USTR_EMPTY_SEPARATOR);
    cr_expect_eq(vm_ustr_rpartition(s.s, empty.s, parts), VM_USTR_EMPTY_SEPARATOR);
    cr_expect_eq(vm_ustr_split(empty.s, NULL, -1, &v, &n), VM_USTR_OK);
    cr_expect(v == NULL && n == 0);

    vm_ustr_errors h;
    vm_ustr_error e;
    cr_expect_eq(vm_ustr_errors_from_name("surrogateescape", &h, &e), VM_USTR_OK);
    cr_expect_eq(h, VM_USTR_SURROGATEESCAPE);
    cr_expect_eq(vm_ustr_errors_from_name("bogus", &h, &e), VM_USTR_UNKNOWN_HANDLER);
    cr_expect_str_eq(e.msg, "unknown error handler name 'bogus'");

    vm_ustr_size size;
    const uint8_t ff[] = {'a', 0xFF};
    cr_expect_eq(vm_ustr_decode_size(VM_USTR_UTF8, ff, 2, VM_USTR_STRICT, &size, &e),
                 VM_USTR_DECODE_ERROR);
    cr_expect_str_eq(e.msg, "'utf-8' codec can't decode byte 0xff in position 1: invalid "
                            "start byte");
    cr_expect_str_eq(e.reason, "invalid start byte");
    cr_expect(e.start == 1 && e.end == 2);
    const uint8_t euro2[] = {0xE2, 0x82};
    vm_ustr_decode_size(VM_USTR_UTF8, euro2, 2, VM_USTR_STRICT, &size, &e);
    cr_expect_str_eq(e.msg, "'utf-8' codec can't decode bytes in position 0-1: unexpected "
                            "end of data");
    const uint8_t bad3[] = {0xE2, 0x82, 'x'};
    vm_ustr_decode_size(VM_USTR_UTF8, bad3, 3, VM_USTR_STRICT, &size, &e);
    cr_expect_str_eq(e.msg, "'utf-8' codec can't decode bytes in position 0-1: invalid "
                            "continuation byte");
    const uint8_t sur[] = {0xED, 0xA0, 0x80};
    vm_ustr_decode_size(VM_USTR_UTF8, sur, 3, VM_USTR_STRICT, &size, &e);
    cr_expect_str_eq(e.msg, "'utf-8' codec can't decode byte 0xed in position 0: invalid "
                            "continuation byte");
    cr_expect_eq(vm_ustr_decode_size(VM_USTR_UTF8, sur, 3, VM_USTR_SURROGATEPASS, &size, &e),
                 VM_USTR_OK);
    cr_expect(size.len == 1 && size.maxchar == 0xD800);
    cr_expect_eq(vm_ustr_decode_size(VM_USTR_UTF8, ff, 2, VM_USTR_XMLCHARREFREPLACE, &size,
                                     &e),
                 VM_USTR_UNKNOWN_HANDLER);
    cr_expect_str_eq(e.msg, "don't know how to handle UnicodeDecodeError in error callback");
    cr_expect_eq(vm_ustr_decode_size(VM_USTR_ASCII, ff, 2, VM_USTR_STRICT, &size, &e),
                 VM_USTR_DECODE_ERROR);
    cr_expect_str_eq(e.msg, "'ascii' codec can't decode byte 0xff in position 1: ordinal "
                            "not in range(128)");
    cr_expect_eq(vm_ustr_decode_size(VM_USTR_LATIN1, ff, 2, VM_USTR_STRICT, &size, &e),
                 VM_USTR_OK);
    cr_expect(size.len == 2 && size.maxchar == 0xFF);

    size_t nb;
    tstr lone = tstr_lit("a\xed\xa0\x80\xed\xb2\x80z");   /* a \ud800 \udc80 z */
    cr_expect_eq(vm_ustr_encode_size(VM_USTR_UTF8, lone.s, VM_USTR_STRICT, &nb, &e),
                 VM_USTR_ENCODE_ERROR);
    cr_expect_str_eq(e.msg, "'utf-8' codec can't encode characters in position 1-2: "
                            "surrogates not allowed");
    cr_expect_eq(vm_ustr_encode_size(VM_USTR_UTF8, lone.s, VM_USTR_SURROGATEESCAPE, &nb, &e),
                 VM_USTR_ENCODE_ERROR);
    cr_expect_str_eq(e.msg, "'utf-8' codec can't encode characters in position 1-2: "
                            "surrogates not allowed");
    tstr euro = tstr_lit("\xe2\x82\xac");
    vm_ustr_encode_size(VM_USTR_LATIN1, euro.s, VM_USTR_STRICT, &nb, &e);
    cr_expect_str_eq(e.msg, "'latin-1' codec can't encode character '\\u20ac' in position 0: "
                            "ordinal not in range(256)");
    cr_expect_eq(vm_ustr_encode_size(VM_USTR_ASCII, euro.s, VM_USTR_XMLCHARREFREPLACE, &nb,
                                     &e),
                 VM_USTR_OK);
    cr_expect_eq(nb, strlen("&#8364;"));

    /* translate's own errors */
    tstr abc = tstr_lit("abc");
    uint32_t *out;
    size_t len;
    uint32_t maxchar;
    cr_expect_eq(vm_ustr_translate(abc.s, range_map, NULL, &out, &len, &maxchar, &e),
                 VM_USTR_MAPPING_RANGE);
    cr_expect_str_eq(e.msg, "character mapping must be in range(0x110000)");
    cr_expect_eq(vm_ustr_translate(abc.s, failing_map, NULL, &out, &len, &maxchar, &e),
                 VM_USTR_CALLBACK_ERROR);
    free(s.buf);
    free(empty.buf);
    free(lone.buf);
    free(euro.buf);
    free(abc.buf);
}

Test(ustr, search_edges)
{
    tstr abc = tstr_lit("abc"), e = tstr_lit("");
    cr_expect_eq(vm_ustr_find(abc.s, e.s, 3, VM_USTR_END), 3);
    cr_expect_eq(vm_ustr_find(abc.s, e.s, 4, VM_USTR_END), -1);
    cr_expect_eq(vm_ustr_rfind(abc.s, e.s, 0, VM_USTR_END), 3);
    cr_expect_eq(vm_ustr_rfind(abc.s, e.s, 0, -1), 2);
    cr_expect_eq(vm_ustr_count(abc.s, e.s, 0, VM_USTR_END), 4);
    cr_expect_eq(vm_ustr_count(abc.s, e.s, 4, VM_USTR_END), 0);
    cr_expect_eq(vm_ustr_count(e.s, e.s, 0, VM_USTR_END), 1);
    cr_expect(vm_ustr_startswith(abc.s, e.s, 3, VM_USTR_END));
    cr_expect(!vm_ustr_startswith(abc.s, e.s, 4, VM_USTR_END));
    cr_expect(vm_ustr_endswith(abc.s, e.s, -100, -100));
    cr_expect_eq(vm_ustr_find(abc.s, abc.s, PTRDIFF_MIN, PTRDIFF_MAX), 0);
    cr_expect(vm_ustr_contains(abc.s, e.s));

    /* needles in other kinds than the haystack's */
    uint32_t wide_b[] = {'b', 'c'}, astral[] = {'b', 0x1F600};
    uint16_t narrow_b[] = {'b'};
    cr_expect_eq(vm_ustr_find(abc.s, vm_ustr_make(wide_b, 2, 4), 0, VM_USTR_END), 1);
    cr_expect_eq(vm_ustr_find(abc.s, vm_ustr_make(astral, 2, 4), 0, VM_USTR_END), -1);
    cr_expect_eq(vm_ustr_count(abc.s, vm_ustr_make(astral, 2, 4), 0, VM_USTR_END), 0);
    cr_expect_eq(vm_ustr_rfind(abc.s, vm_ustr_make(narrow_b, 1, 2), 0, VM_USTR_END), 1);
    uint16_t hay16[] = {'x', 0x100, 'y', 0x100};
    cr_expect_eq(vm_ustr_rfind(vm_ustr_make(hay16, 4, 2), vm_ustr_make(astral, 1, 4), 0,
                               VM_USTR_END),
                 -1);
    cr_expect_eq(vm_ustr_compare(vm_ustr_make(hay16, 4, 2), abc.s), 1);
    cr_expect(vm_ustr_equal(vm_ustr_make(wide_b, 2, 4), vm_ustr_slice(abc.s, 1, 3)));
    free(abc.buf);
    free(e.buf);
}

/* The search against a naive one on two-letter texts with long, periodic needles: the
 * cases where two-way and Horspool go wrong if they do. */
static ptrdiff_t naive(const uint32_t *h, size_t n, const uint32_t *p, size_t m, bool last)
{
    ptrdiff_t r = -1;
    for (size_t i = 0; i + m <= n; i++) {
        if (memcmp(h + i, p, m * sizeof *p) == 0) {
            r = (ptrdiff_t)i;
            if (!last)
                break;
        }
    }
    return r;
}

Test(ustr, search_against_naive)
{
    uint64_t x = 88172645463325252ULL;
    enum { N = 600 };
    uint32_t h[N], p[200];
    for (int round = 0; round < 3000; round++) {
        size_t n = 0;
        uint32_t base = round % 3 == 0 ? 'a' : round % 3 == 1 ? 0x400 : 0x1F600;
        while (n < N) {   /* runs of one letter, or a repeated short pattern */
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            size_t run = 1 + x % 40;
            uint32_t c = base + (uint32_t)((x >> 8) % (round % 5 == 0 ? 3 : 2));
            for (size_t i = 0; i < run && n < N; i++)
                h[n++] = (x >> 20) & 1 ? c : base + (uint32_t)(i % 2);
        }
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        size_t m = 1 + x % 199, at = (x >> 12) % (N - m);
        memcpy(p, h + at, m * sizeof *p);
        if ((x >> 30) % 3 == 0)
            p[(x >> 34) % m] ^= 1;
        for (int kind_h = 1; kind_h <= 4; kind_h *= 2) {
            if (base >= 0x10000 && kind_h < 4)
                continue;
            if (base >= 0x100 && kind_h < 2)
                continue;
            void *hb = malloc(N * kind_h);
            vm_ustr_copy(hb, (uint8_t)kind_h, 0, vm_ustr_make(h, N, 4));
            vm_ustr hs = vm_ustr_make(hb, N, (uint8_t)kind_h), ps = vm_ustr_make(p, m, 4);
            ptrdiff_t want = naive(h, N, p, m, false), want_last = naive(h, N, p, m, true);
            cr_assert_eq(vm_ustr_find(hs, ps, 0, VM_USTR_END), want, "round %d m %zu", round, m);
            cr_assert_eq(vm_ustr_rfind(hs, ps, 0, VM_USTR_END), want_last, "round %d m %zu",
                         round, m);
            free(hb);
        }
    }
}

Test(ustr, two_way_is_linear, .timeout = 20)
{
    /* 'a' * 8M against 'a' * 4000 + 'b': quadratic searching would take minutes */
    size_t n = 8000000, m = 4001;
    uint8_t *h = malloc(n), *p = malloc(m);
    memset(h, 'a', n);
    memset(p, 'a', m);
    p[m - 1] = 'b';
    vm_ustr hs = vm_ustr_make(h, n, 1), ps = vm_ustr_make(p, m, 1);
    cr_expect_eq(vm_ustr_find(hs, ps, 0, VM_USTR_END), -1);
    cr_expect_eq(vm_ustr_count(hs, ps, 0, VM_USTR_END), 0);
    h[n - 1] = 'b';
    cr_expect_eq(vm_ustr_find(hs, ps, 0, VM_USTR_END), (ptrdiff_t)(n - m));
    /* 'a' * 2000 + 'b' + 'a' * 2000: every window matches for 2000 code points before
     * it fails, which only the hand-over to two-way keeps linear */
    h[n - 1] = 'a';
    memset(p, 'a', m);
    p[2000] = 'b';
    cr_expect_eq(vm_ustr_find(hs, ps, 0, VM_USTR_END), -1);
    cr_expect_eq(vm_ustr_count(hs, ps, 0, VM_USTR_END), 0);
    h[1002000] = 'b';
    cr_expect_eq(vm_ustr_find(hs, ps, 0, VM_USTR_END), 1000000);
    cr_expect_eq(vm_ustr_count(hs, ps, 0, VM_USTR_END), 1);
    h[1502000] = 'b';
    cr_expect_eq(vm_ustr_count(hs, ps, 0, VM_USTR_END), 2);
    vm_ustr_span *v;
    size_t k;
    cr_expect_eq(vm_ustr_split(hs, &ps, -1, &v, &k), VM_USTR_OK);
    cr_expect(k == 3 && v[1].start == 1000000 + m && v[1].end == 1500000);
    free(v);
    free(h);
    free(p);
}

Test(ustr, overflow_is_reported)
{
    uint8_t one = 'a', four[4] = {'a', 'a', 'a', 'a'};
    /* a view whose length says "huge": only its length is looked at */
    vm_ustr huge = vm_ustr_make(&one, (size_t)PTRDIFF_MAX / 3, 1);
    vm_ustr s = vm_ustr_make(four, 4, 1), a = vm_ustr_make(four, 1, 1);
    cr_expect_eq(vm_ustr_replace_size(s, a, huge, -1).len, SIZE_MAX);
    cr_expect_eq(vm_ustr_replace_size(s, vm_ustr_make(four, 0, 1), huge, -1).len, SIZE_MAX);
    cr_expect_eq(vm_ustr_replace_size(s, a, huge, 0).len, 4);
    const uint8_t tabs[] = {'\t', '\t'};
    cr_expect_eq(vm_ustr_expandtabs_size(vm_ustr_make(tabs, 2, 1), PTRDIFF_MAX).len, SIZE_MAX);
    cr_expect_eq(vm_ustr_expandtabs_size(vm_ustr_make(tabs, 1, 1), PTRDIFF_MAX).len,
                 (size_t)PTRDIFF_MAX);
}

static char *build(vm_ustr_size size, uint8_t kind, void *out)
{
    char *r = utf8_of(vm_ustr_make(out, size.len, kind));
    free(out);
    return r;
}

Test(ustr, repr_pad_replace_examples)
{
    static const struct {
        const char *in, *repr, *ascii;
    } reprs[] = {
        {"", "''", "''"},
        {"'", "\"'\"", "\"'\""},
        {"\"", "'\"'", "'\"'"},
        {"'\"", "'\\'\"'", "'\\'\"'"},
        {"a\\b\t\n\r\x01\x7f", "'a\\\\b\\t\\n\\r\\x01\\x7f'", "'a\\\\b\\t\\n\\r\\x01\\x7f'"},
        {"é\xc2\xa0\xc2\xad€\xe2\x80\xa8\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\xed\xa0\x80",
         "'é\\xa0\\xad€\\u2028\xf0\x9f\x98\x80\\U0010ffff\\ud800'",
         "'\\xe9\\xa0\\xad\\u20ac\\u2028\\U0001f600\\U0010ffff\\ud800'"},
    };
    for (size_t i = 0; i < COUNT(reprs); i++) {
        tstr t = tstr_lit(reprs[i].in);
        for (int ascii = 0; ascii < 2; ascii++) {
            vm_ustr_size size = vm_ustr_repr_size(t.s, ascii);
            uint8_t kind = vm_ustr_kind_for(size.maxchar);
            void *out = malloc(size.len * kind);
            vm_ustr_repr(out, kind, t.s, ascii);
            char *got = build(size, kind, out);
            cr_expect_str_eq(got, ascii ? reprs[i].ascii : reprs[i].repr);
            free(got);
        }
        free(t.buf);
    }

    /* padding: center's odd split, zfill's sign, a fill wider than the string */
    static const struct {
        const char *in;
        ptrdiff_t width;
        uint32_t fill;
        vm_ustr_pad_how how;
        const char *want;
    } pads[] = {
        {"a", 4, '*', VM_USTR_CENTER, "*a**"},
        {"ab", 5, '*', VM_USTR_CENTER, "**ab*"},
        {"ab", 4, '*', VM_USTR_CENTER, "*ab*"},
        {"abc", 2, '*', VM_USTR_CENTER, "abc"},
        {"-42", 6, 0, VM_USTR_ZFILL, "-00042"},
        {"+", 3, 0, VM_USTR_ZFILL, "+00"},
        {"", 3, 0, VM_USTR_ZFILL, "000"},
        {"x-1", 5, 0, VM_USTR_ZFILL, "00x-1"},
        {"ab", 4, 0x1F600, VM_USTR_LJUST, "ab\xf0\x9f\x98\x80\xf0\x9f\x98\x80"},
        {"ab", -3, 0x1F600, VM_USTR_RJUST, "ab"},
    };
    for (size_t i = 0; i < COUNT(pads); i++) {
        tstr t = tstr_lit(pads[i].in);
        vm_ustr_size size = vm_ustr_pad_size(t.s, pads[i].width, pads[i].fill, pads[i].how);
        uint8_t kind = vm_ustr_kind_for(size.maxchar);
        void *out = malloc(size.len * kind + 1);
        vm_ustr_pad(out, kind, t.s, pads[i].width, pads[i].fill, pads[i].how);
        char *got = build(size, kind, out);
        cr_expect_str_eq(got, pads[i].want, "pad %zu", i);
        cr_expect_eq(size.maxchar, vm_ustr_maxchar(t.s) > (pads[i].fill ? pads[i].fill : '0')
                                   || size.len == t.s.len
                                       ? vm_ustr_maxchar(t.s)
                                       : (pads[i].fill ? pads[i].fill : '0'));
        free(got);
        free(t.buf);
    }

    /* replace makes a canonical result: replacing the only non-ASCII character */
    tstr s = tstr_lit("aéb"), old = tstr_lit("é"), new_ = tstr_lit("e"), e = tstr_lit("");
    vm_ustr_size size = vm_ustr_replace_size(s.s, old.s, new_.s, -1);
    cr_expect(size.len == 3 && size.maxchar == 'e');
    size = vm_ustr_replace_size(s.s, e.s, old.s, 2);
    void *out = malloc(size.len);
    vm_ustr_replace(out, 1, s.s, e.s, old.s, 2);
    char *got = build(size, 1, out);
    cr_expect_str_eq(got, "éaééb");
    free(got);
    free(s.buf);
    free(old.buf);
    free(new_.buf);
    free(e.buf);
}

Test(ustr, hash_values)
{
    const uint8_t zero[16] = {0};
    tstr abc = tstr_lit("abc"), e = tstr_lit("");
    cr_expect_eq(vm_ustr_hash(abc.s, zero), -4594863902769663758LL);
    cr_expect_eq(vm_ustr_hash(e.s, zero), 0);
    /* a non-canonical view hashes as the canonical string */
    uint32_t wide[] = {'a', 'b', 'c'};
    cr_expect_eq(vm_ustr_hash(vm_ustr_make(wide, 3, 4), zero), -4594863902769663758LL);
    free(abc.buf);
    free(e.buf);
}

Test(ustr, splitlines_and_strip_boundaries)
{
    /* every line boundary, \r\n as one */
    tstr t = tstr_lit("a\nb\rc\r\nd\x0b" "e\x0c" "f\x1cg\x1dh\x1ei\xc2\x85j\xe2\x80\xa8k\xe2\x80\xa9l"
                      "\x1fm\r");
    vm_ustr_span *v;
    size_t n;
    vm_ustr_splitlines(t.s, false, &v, &n);
    cr_expect_eq(n, 12);
    cr_expect_eq(v[11].end - v[11].start, 3);   /* "l\x1fm": \x1f is space, no line end */
    free(v);
    vm_ustr_splitlines(t.s, true, &v, &n);
    cr_expect_eq(n, 12);
    cr_expect_eq(v[2].end - v[2].start, 3);   /* "c\r\n" */
    free(v);
    free(t.buf);
    tstr w = tstr_lit(" \t\x1c\xc2\x85\xc2\xa0\xe3\x80\x80x\xe2\x80\x8b \xe1\xa0\x8e");
    vm_ustr_span sp = vm_ustr_strip(w.s, NULL, VM_USTR_STRIP_BOTH);
    /* U+200B and U+180E are not whitespace in CPython 3.11 */
    cr_expect(sp.start == 6 && sp.end == w.s.len);
    free(w.buf);
}

Test(ustr, decimal_to_ascii)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"", ""},
        {"-12.5e3", "-12.5e3"},
        {"\xd9\xa1\xd9\xa2\xd9\xa3", "123"},                       /* Arabic-Indic */
        {"\xe2\x80\x83 \xf0\x9d\x9f\x8f\xc2\x85", "  1 "},          /* em space, math 1, NEL */
        {"1\xc2\xbd" "2", "1?"},                                    /* one half: not decimal */
        {"7\x7f" "9", "7?"},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        tstr t = tstr_lit(cases[i].in);
        char out[64];
        size_t n = vm_ustr_decimal_to_ascii(t.s, out);
        out[n] = 0;
        cr_expect_str_eq(out, cases[i].want);
        free(t.buf);
    }
}

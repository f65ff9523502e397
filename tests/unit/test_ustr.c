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

/* vm/unicode.c — Unicode character data (vm/unicode.h) on top of the tables that
 * tools/gen_unicode.py generates into the build directory (gen/unicode_db.{c,h}).
 *
 * Every per-character property is one record, found through a two-level table; the record
 * holds the simple case mappings as deltas and a flag saying whether the character has a
 * full case mapping (SpecialCasing.txt, CaseFolding.txt) that differs from the simple one,
 * so the common case is two loads and the rare one a binary search over ~300 entries.
 *
 * Names are words from a lexicon (see the generator's docstring); a code point's name is
 * found by binary search over the named code points, and a name's code point by a hash
 * table whose candidates are checked by rebuilding their name.  Hangul syllables and CJK
 * unified ideographs are named algorithmically, as in the Unicode standard (chapter 3.12
 * for Hangul).
 *
 * Normalisation follows UAX #15: full decomposition (recursive, Hangul algorithmic), then
 * the canonical ordering of each run of non-starters by combining class (a stable sort),
 * then for NFC/NFKC canonical composition, where a character composes with the last
 * starter unless a character between them has a class that blocks it. */
#include "vm/unicode.h"

#include "unicode_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Hangul syllable arithmetic (The Unicode Standard, 3.12) */
enum {
    S_BASE = 0xAC00, L_BASE = 0x1100, V_BASE = 0x1161, T_BASE = 0x11A7,
    L_COUNT = 19, V_COUNT = 21, T_COUNT = 28,
    N_COUNT = V_COUNT * T_COUNT, S_COUNT = L_COUNT * N_COUNT
};

static const char *const category_names[] = {
#define X(c) #c,
    VM_UNI_CATEGORIES(X)
#undef X
};

/* ------------------------------------------------------------------ records ---- */

static const vm_unidb_record_t *record(uint32_t cp)
{
    if (cp > VM_UNI_MAX)
        return &vm_unidb_records[0];
    enum { SHIFT = VM_UNIDB_RECORD_SHIFT, MASK = (1u << VM_UNIDB_RECORD_SHIFT) - 1 };
    uint32_t block = vm_unidb_record_index1[cp >> SHIFT];
    return &vm_unidb_records[vm_unidb_record_index2[(block << SHIFT) | (cp & MASK)]];
}

const char *vm_uni_category_name(vm_uni_category_t c)
{
    return (unsigned)c < VM_UNI_NCATEGORIES ? category_names[c] : "Cn";
}

vm_uni_category_t vm_uni_category(uint32_t cp) { return record(cp)->category; }

/* '_' counts as a start character: the tokenizer asks one question for an identifier's
 * first character, and PEP 3131 adds '_' to XID_Start there. */
bool vm_uni_is_xid_start(uint32_t cp)
{
    return cp == '_' || (record(cp)->flags & VM_UNIDB_XID_START);
}

bool vm_uni_is_xid_continue(uint32_t cp) { return record(cp)->flags & VM_UNIDB_XID_CONTINUE; }
bool vm_uni_is_printable(uint32_t cp) { return record(cp)->flags & VM_UNIDB_PRINTABLE; }
bool vm_uni_is_space(uint32_t cp) { return record(cp)->flags & VM_UNIDB_SPACE; }
bool vm_uni_mirrored(uint32_t cp) { return record(cp)->flags & VM_UNIDB_MIRRORED; }
int vm_uni_decimal(uint32_t cp) { return record(cp)->decimal; }
int vm_uni_digit(uint32_t cp) { return record(cp)->digit; }
int vm_uni_combining(uint32_t cp) { return record(cp)->combining; }

double vm_uni_numeric(uint32_t cp)
{
    unsigned n = record(cp)->numeric;
    return n ? vm_unidb_numeric[n] : -1.0;
}

const char *vm_uni_east_asian_width(uint32_t cp)
{
    return vm_unidb_eaw_names[record(cp)->east_asian_width];
}

const char *vm_uni_bidirectional(uint32_t cp) { return vm_unidb_bidi_names[record(cp)->bidi]; }

/* --------------------------------------------------------------- case mapping ---- */

uint32_t vm_uni_simple_upper(uint32_t cp) { return cp + (uint32_t)record(cp)->upper; }
uint32_t vm_uni_simple_lower(uint32_t cp) { return cp + (uint32_t)record(cp)->lower; }
uint32_t vm_uni_simple_title(uint32_t cp) { return cp + (uint32_t)record(cp)->title; }

static const vm_unidb_ext_case_t *ext_case(uint32_t cp)
{
    if (!(record(cp)->flags & VM_UNIDB_EXT_CASE))
        return NULL;
    size_t lo = 0, hi = VM_UNIDB_NEXT_CASE;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (vm_unidb_ext_case[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < VM_UNIDB_NEXT_CASE && vm_unidb_ext_case[lo].cp == cp ? &vm_unidb_ext_case[lo]
                                                                     : NULL;
}

static int copy_mapping(const uint32_t m[4], uint32_t out[3])
{
    for (uint32_t i = 0; i < m[0]; i++)
        out[i] = m[1 + i];
    return (int)m[0];
}

int vm_uni_full_upper(uint32_t cp, uint32_t out[3])
{
    const vm_unidb_ext_case_t *e = ext_case(cp);
    if (e)
        return copy_mapping(e->upper, out);
    out[0] = vm_uni_simple_upper(cp);
    return 1;
}

int vm_uni_full_lower(uint32_t cp, uint32_t out[3])
{
    const vm_unidb_ext_case_t *e = ext_case(cp);
    if (e)
        return copy_mapping(e->lower, out);
    out[0] = vm_uni_simple_lower(cp);
    return 1;
}

int vm_uni_full_title(uint32_t cp, uint32_t out[3])
{
    const vm_unidb_ext_case_t *e = ext_case(cp);
    if (e)
        return copy_mapping(e->title, out);
    out[0] = vm_uni_simple_title(cp);
    return 1;
}

/* Without an entry the folding equals the simple lowercase mapping (the generator adds an
 * entry wherever CaseFolding.txt says otherwise, e.g. Cherokee, which folds to upper). */
int vm_uni_full_casefold(uint32_t cp, uint32_t out[3])
{
    const vm_unidb_ext_case_t *e = ext_case(cp);
    if (e)
        return copy_mapping(e->fold, out);
    out[0] = vm_uni_simple_lower(cp);
    return 1;
}

/* ---------------------------------------------------------------------- names ---- */

static bool is_cjk_unified(uint32_t cp)
{
    for (int i = 0; i < VM_UNIDB_NCJK_RANGES; i++)
        if (cp >= vm_unidb_cjk_ranges[2 * i] && cp <= vm_unidb_cjk_ranges[2 * i + 1])
            return true;
    return false;
}

/* Appends s to buf at *len if it fits (keeping room for the NUL). */
static bool append(char *buf, size_t cap, size_t *len, const char *s, size_t n)
{
    if (*len + n >= cap)
        return false;
    memcpy(buf + *len, s, n);
    *len += n;
    buf[*len] = 0;
    return true;
}

static bool append_str(char *buf, size_t cap, size_t *len, const char *s)
{
    return append(buf, cap, len, s, strlen(s));
}

/* The stored name of the index-th named code point. */
static size_t stored_name(uint32_t index, char *buf, size_t cap)
{
    size_t len = 0;
    if (cap == 0)
        return 0;
    buf[0] = 0;
    for (uint32_t t = vm_unidb_name_offset[index]; t < vm_unidb_name_offset[index + 1]; t++) {
        uint32_t w = vm_unidb_name_tokens[t];
        uint32_t off = vm_unidb_lexicon_offset[w], end = vm_unidb_lexicon_offset[w + 1];
        if (!append(buf, cap, &len, vm_unidb_lexicon + off, end - off))
            return 0;
    }
    return len;
}

size_t vm_uni_name(uint32_t cp, char *buf, size_t cap)
{
    size_t len = 0;
    if (cap == 0)
        return 0;
    buf[0] = 0;
    if (cp >= S_BASE && cp < S_BASE + S_COUNT) {
        uint32_t s = cp - S_BASE;
        if (append_str(buf, cap, &len, "HANGUL SYLLABLE ") &&
            append_str(buf, cap, &len, vm_unidb_jamo_lead[s / N_COUNT]) &&
            append_str(buf, cap, &len, vm_unidb_jamo_vowel[s % N_COUNT / T_COUNT]) &&
            append_str(buf, cap, &len, vm_unidb_jamo_trail[s % T_COUNT]))
            return len;
        return 0;
    }
    if (is_cjk_unified(cp)) {
        char tmp[40];
        int n = snprintf(tmp, sizeof tmp, "CJK UNIFIED IDEOGRAPH-%04X", (unsigned)cp);
        return append(buf, cap, &len, tmp, (size_t)n) ? len : 0;
    }
    size_t lo = 0, hi = VM_UNIDB_NNAMED;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (vm_unidb_named_cp[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == VM_UNIDB_NNAMED || vm_unidb_named_cp[lo] != cp)
        return 0;
    return stored_name((uint32_t)lo, buf, cap);
}

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 0x811C9DC5u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 0x01000193u;
    return h;
}

/* The jamo whose short name starts name[0..n) exactly, tried in every split: a syllable's
 * name is lead + vowel + trail with no separators, and the short names are prefixes of
 * one another ("G", "GG"), so all candidates are tried. */
static bool find_syllable(const char *name, size_t n, uint32_t *cp)
{
    for (int l = 0; l < L_COUNT; l++) {
        size_t ll = strlen(vm_unidb_jamo_lead[l]);
        if (ll > n || memcmp(name, vm_unidb_jamo_lead[l], ll) != 0)
            continue;
        for (int v = 0; v < V_COUNT; v++) {
            size_t vl = strlen(vm_unidb_jamo_vowel[v]);
            if (ll + vl > n || memcmp(name + ll, vm_unidb_jamo_vowel[v], vl) != 0)
                continue;
            for (int t = 0; t < T_COUNT; t++) {
                const char *tn = vm_unidb_jamo_trail[t];
                if (strlen(tn) == n - ll - vl && memcmp(name + ll + vl, tn, n - ll - vl) == 0) {
                    *cp = S_BASE + (uint32_t)((l * V_COUNT + v) * T_COUNT + t);
                    return true;
                }
            }
        }
    }
    return false;
}

/* Names and aliases match case-insensitively: the hash is of the upper-cased query, and
 * every stored name is upper case. */
bool vm_uni_lookup(const char *name, size_t len, uint32_t *cp)
{
    char upper[128], candidate[128];
    if (len == 0 || len >= sizeof upper)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c == 0 || c >= 0x80)
            return false;
        upper[i] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    upper[len] = 0;

    /* Computed names match in upper case only, as in CPython (\N{hangul syllable ga} is
     * an error there, while \N{latin small letter a} is not). */
    static const char hangul[] = "HANGUL SYLLABLE ", cjk[] = "CJK UNIFIED IDEOGRAPH-";
    if (len > sizeof hangul - 1 && memcmp(name, hangul, sizeof hangul - 1) == 0)
        return find_syllable(name + sizeof hangul - 1, len - (sizeof hangul - 1), cp);
    if (len > sizeof cjk - 1 && memcmp(name, cjk, sizeof cjk - 1) == 0) {
        /* 4 or 5 upper-case hex digits, the form names are printed in ("04E00" too) */
        size_t ndigits = len - (sizeof cjk - 1);
        uint32_t v = 0;
        if (ndigits != 4 && ndigits != 5)
            return false;
        for (size_t i = sizeof cjk - 1; i < len; i++) {
            char c = name[i];
            if (c >= '0' && c <= '9')
                v = v * 16 + (uint32_t)(c - '0');
            else if (c >= 'A' && c <= 'F')
                v = v * 16 + (uint32_t)(c - 'A' + 10);
            else
                return false;
        }
        if (!is_cjk_unified(v))
            return false;
        *cp = v;
        return true;
    }

    const uint32_t mask = VM_UNIDB_HASH_SIZE - 1;
    for (uint32_t h = fnv1a(upper, len) & mask;; h = (h + 1) & mask) {
        uint32_t e = vm_unidb_name_hash[h];
        if (e == 0)
            return false;
        if (e >= VM_UNIDB_ALIAS_BASE) {
            uint32_t a = e - VM_UNIDB_ALIAS_BASE;
            if (strcmp(vm_unidb_alias_name[a], upper) == 0) {
                *cp = vm_unidb_alias_cp[a];
                return true;
            }
        } else if (stored_name(e - 1, candidate, sizeof candidate) == len &&
                   memcmp(candidate, upper, len) == 0) {
            *cp = vm_unidb_named_cp[e - 1];
            return true;
        }
    }
}

/* ------------------------------------------------------------ decompositions ---- */

/* The decomposition record of cp: (tag << 8 | length) then the code points; NULL if none. */
static const uint32_t *decomp(uint32_t cp)
{
    if (cp > VM_UNI_MAX)
        return NULL;
    enum { SHIFT = VM_UNIDB_DECOMP_SHIFT, MASK = (1u << VM_UNIDB_DECOMP_SHIFT) - 1 };
    uint32_t block = vm_unidb_decomp_index1[cp >> SHIFT];
    uint32_t off = vm_unidb_decomp_index2[(block << SHIFT) | (cp & MASK)];
    return off ? &vm_unidb_decomp_data[off] : NULL;
}

size_t vm_uni_decomposition(uint32_t cp, char *buf, size_t cap)
{
    size_t len = 0;
    if (cap == 0)
        return 0;
    buf[0] = 0;
    const uint32_t *d = decomp(cp);
    if (!d)
        return 0;
    uint32_t tag = d[0] >> 8, n = d[0] & 0xFF;
    if (tag && !(append_str(buf, cap, &len, vm_unidb_decomp_tags[tag]) &&
                 append(buf, cap, &len, " ", 1)))
        return 0;
    for (uint32_t i = 0; i < n; i++) {
        char tmp[16];
        int k = snprintf(tmp, sizeof tmp, i ? " %04X" : "%04X", (unsigned)d[1 + i]);
        if (!append(buf, cap, &len, tmp, (size_t)k))
            return 0;
    }
    return len;
}

/* ------------------------------------------------------------- normalisation ---- */

typedef struct {
    uint32_t *v;
    size_t n, cap;
} cpbuf;

static bool push(cpbuf *b, uint32_t cp)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 16;
        uint32_t *v = realloc(b->v, cap * sizeof *v);
        if (!v)
            return false;
        b->v = v;
        b->cap = cap;
    }
    b->v[b->n++] = cp;
    return true;
}

/* Appends the full decomposition of cp (canonical only unless compat).  Decompositions
 * nest at most a few levels deep, so recursion is bounded. */
static bool decompose_into(cpbuf *b, uint32_t cp, bool compat)
{
    if (cp >= S_BASE && cp < S_BASE + S_COUNT) {
        uint32_t s = cp - S_BASE;
        if (!push(b, L_BASE + s / N_COUNT) || !push(b, V_BASE + s % N_COUNT / T_COUNT))
            return false;
        return s % T_COUNT == 0 || push(b, T_BASE + s % T_COUNT);
    }
    const uint32_t *d = decomp(cp);
    if (!d || (!compat && (d[0] >> 8) != 0))
        return push(b, cp);
    for (uint32_t i = 0; i < (d[0] & 0xFF); i++)
        if (!decompose_into(b, d[1 + i], compat))
            return false;
    return true;
}

/* Canonical ordering: a stable insertion sort by combining class of each run of
 * non-starters (runs are short: a handful of marks). */
static void canonical_order(uint32_t *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint32_t c = v[i];
        int cc = vm_uni_combining(c);
        if (cc == 0)
            continue;
        size_t j = i;
        while (j > 0) {
            int prev = vm_uni_combining(v[j - 1]);
            if (prev <= cc)   /* starters (0) stop the run; equal classes keep order */
                break;
            v[j] = v[j - 1];
            j--;
        }
        v[j] = c;
    }
}

/* The primary composite of first + second, or UINT32_MAX. */
static uint32_t compose_pair(uint32_t first, uint32_t second)
{
    if (first >= L_BASE && first < L_BASE + L_COUNT && second >= V_BASE &&
        second < V_BASE + V_COUNT)
        return S_BASE + ((first - L_BASE) * V_COUNT + (second - V_BASE)) * T_COUNT;
    if (first >= S_BASE && first < S_BASE + S_COUNT && (first - S_BASE) % T_COUNT == 0 &&
        second > T_BASE && second < T_BASE + T_COUNT)
        return first + (second - T_BASE);
    size_t lo = 0, hi = VM_UNIDB_NPAIRS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const vm_unidb_pair_t *p = &vm_unidb_pairs[mid];
        if (p->first < first || (p->first == first && p->second < second))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < VM_UNIDB_NPAIRS && vm_unidb_pairs[lo].first == first &&
        vm_unidb_pairs[lo].second == second)
        return vm_unidb_pairs[lo].composite;
    return UINT32_MAX;
}

/* Canonical composition in place (UAX #15, D117): a character composes with the last
 * starter if no character between them has a combining class of 0 or of at least its own;
 * returns the new length. */
static size_t compose(uint32_t *v, size_t n)
{
    if (n == 0)
        return 0;
    size_t starter = 0, out = 1;
    /* a leading non-starter has no starter to compose with: 256 blocks everything */
    int last_cc = vm_uni_combining(v[0]) ? 256 : 0;
    for (size_t i = 1; i < n; i++) {
        uint32_t c = v[i];
        int cc = vm_uni_combining(c);
        uint32_t composite = compose_pair(v[starter], c);
        if (composite != UINT32_MAX && (last_cc < cc || last_cc == 0)) {
            v[starter] = composite;
            continue;
        }
        if (cc == 0)
            starter = out;
        last_cc = cc;
        v[out++] = c;
    }
    return out;
}

bool vm_uni_normalize(const char *form, const uint32_t *in, size_t n, uint32_t **out,
                      size_t *out_n)
{
    bool compat, composed;
    if (strcmp(form, "NFC") == 0)
        compat = false, composed = true;
    else if (strcmp(form, "NFD") == 0)
        compat = false, composed = false;
    else if (strcmp(form, "NFKC") == 0)
        compat = true, composed = true;
    else if (strcmp(form, "NFKD") == 0)
        compat = true, composed = false;
    else
        return false;

    cpbuf b = {NULL, 0, 0};
    if (!push(&b, 0))   /* a non-NULL array even for empty input */
        return false;
    b.n = 0;
    for (size_t i = 0; i < n; i++)
        if (!decompose_into(&b, in[i], compat)) {
            free(b.v);
            return false;
        }
    canonical_order(b.v, b.n);
    if (composed)
        b.n = compose(b.v, b.n);
    *out = b.v;
    *out_n = b.n;
    return true;
}

bool vm_uni_nfkc(const uint32_t *in, size_t n, uint32_t **out, size_t *out_n)
{
    return vm_uni_normalize("NFKC", in, n, out, out_n);
}

/* ---------------------------------------------------------------------- UTF-8 ---- */

uint32_t vm_utf8_decode(const char *s, size_t n, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    *len = 1;
    if (n == 0)
        return UINT32_MAX;
    uint32_t c = u[0];
    size_t need;
    uint32_t min;
    if (c < 0x80)
        return c;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1, min = 0x80, c &= 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        need = 2, min = 0x800, c &= 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        need = 3, min = 0x10000, c &= 0x07;
    else
        return UINT32_MAX;   /* continuation byte, overlong lead C0/C1, or above F4 */
    if (n < need + 1)
        return UINT32_MAX;
    for (size_t i = 1; i <= need; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return UINT32_MAX;
        c = c << 6 | (u[i] & 0x3F);
    }
    /* overlong or beyond U+10FFFF; surrogates (ED A0..BF xx) are accepted on purpose */
    if (c < min || c > VM_UNI_MAX)
        return UINT32_MAX;
    *len = need + 1;
    return c;
}

size_t vm_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

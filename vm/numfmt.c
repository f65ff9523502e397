/* vm/numfmt.c — number formatting and parsing as CPython 3.11 does it (see vm/numfmt.h).
 *
 * The digit generator.  Everything that prints a float goes through one function in the
 * shape of David Gay's _Py_dg_dtoa, which CPython uses: digits(x, mode, ndigits) gives
 * the significant decimal digits of |x| without trailing zeros and the position decpt of
 * the decimal point (value = 0.DIGITS * 10**decpt), in three modes:
 *
 *   mode 0  the shortest digit string that reads back as x (repr);
 *   mode 2  max(1, ndigits) significant digits, correctly rounded ('e', 'g');
 *   mode 3  digits up to ndigits places after the point, correctly rounded ('f',
 *           round()); ndigits may be negative.
 *
 * glibc's printf is exact (it prints the binary value's true decimal expansion, rounding
 * half-to-even on it), so modes 2 and 3 are %.*e and %.*f under the "C" locale, and
 * mode 3 with ndigits < 0 rounds the full expansion (%.767e holds every digit a double
 * can have) by hand.  Mode 0 looks for the fewest significant digits that read back:
 * the correctly rounded p-digit string is the closest p-digit decimal, so if any p-digit
 * string reads back it is that one — except at a power of two, where the doubles below are twice as dense as
 * those above and the closest string may fall just outside x's lower half-interval while
 * its upper neighbour lies inside the wider upper one (2**-24 is 5.960464477539063e-08,
 * not ...0625e-08): that neighbour is tried too.  Round-tripping is checked with strtod,
 * also correctly rounded in glibc; digits_shortest explains why 15, 16, 17 digits are
 * the only lengths to try.  Measured on the build machine: 0.4 us for a short repr
 * (12.5), 1.2 us for a 17-digit one — a few times CPython's, and no table to carry.
 *
 * On the digits, format_float() lays out 'e', 'f', 'g' and 'r' as CPython's
 * format_float_short does, and the format-spec and '%' layers follow
 * Python/formatter_unicode.c and Objects/unicodeobject.c step by step (padding, sign,
 * grouping with zero fill), since their corner cases are the specification. */
#define _GNU_SOURCE
#include "vm/numfmt.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/unicode.h"

/* ======================================================================================
 * Buffers and errors
 */

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "vm/numfmt: out of memory (%zu bytes)\n", n);
        abort();
    }
    return p;
}

static void buf_puts(vm_buf *b, const char *s) { vm_buf_puts(b, s); }

static void buf_putc(vm_buf *b, char c) { vm_buf_put(b, &c, 1); }

static void buf_fill(vm_buf *b, uint32_t cp, int64_t n)
{
    if (n <= 0)
        return;
    char enc[4];
    size_t k = vm_utf8_encode(cp, enc);
    vm_buf_reserve(b, k * (size_t)n);
    for (int64_t i = 0; i < n; i++) {
        memcpy(b->data + b->len, enc, k);
        b->len += k;
    }
    b->data[b->len] = 0;
}

const char *vm_numfmt_exception_name(vm_numfmt_status st)
{
    switch (st) {
#define X(name, exc) case VM_NUMFMT_##name: return exc;
        VM_NUMFMT_STATUSES(X)
#undef X
    }
    return NULL;
}

static vm_numfmt_status fail(vm_buf *err, vm_numfmt_status st, const char *msg)
{
    vm_buf_clear(err);
    buf_puts(err, msg);
    return st;
}

/* An exponent character the error messages show: printable ASCII as is, else \x.. */
static void put_code_for_message(vm_buf *b, uint32_t c)
{
    if (c > 32 && c < 128)
        buf_putc(b, (char)c);
    else
        vm_buf_printf(b, "\\x%x", (unsigned)c);
}

/* ======================================================================================
 * UTF-8 and Python's str repr (for messages)
 */

static size_t utf8_count(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Byte offset of the first `chars` code points. */
static size_t utf8_prefix(const char *s, size_t n, size_t chars)
{
    size_t i = 0;
    while (i < n && chars > 0) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        chars--;
    }
    return i;
}

void vm_numfmt_str_repr(vm_buf *out, const char *s, size_t len, int64_t max_chars)
{
    bool has_single = memchr(s, '\'', len) != NULL, has_double = memchr(s, '"', len) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    vm_buf r = {0};
    buf_putc(&r, quote);
    for (size_t i = 0; i < len;) {
        size_t k;
        uint32_t cp = vm_utf8_decode(s + i, len - i, &k);
        if (cp == UINT32_MAX)
            cp = (unsigned char)s[i];
        if (cp == (uint32_t)quote || cp == '\\') {
            buf_putc(&r, '\\');
            buf_putc(&r, (char)cp);
        } else if (cp == '\t') {
            buf_puts(&r, "\\t");
        } else if (cp == '\n') {
            buf_puts(&r, "\\n");
        } else if (cp == '\r') {
            buf_puts(&r, "\\r");
        } else if (cp < 0x20 || cp == 0x7f) {
            vm_buf_printf(&r, "\\x%02x", (unsigned)cp);
        } else if (cp < 0x7f) {
            buf_putc(&r, (char)cp);
        } else if (vm_uni_is_printable(cp)) {
            vm_buf_put(&r, s + i, k);
        } else if (cp < 0x100) {
            vm_buf_printf(&r, "\\x%02x", (unsigned)cp);
        } else if (cp < 0x10000) {
            vm_buf_printf(&r, "\\u%04x", (unsigned)cp);
        } else {
            vm_buf_printf(&r, "\\U%08x", (unsigned)cp);
        }
        i += k;
    }
    buf_putc(&r, quote);
    size_t n = r.len;
    if (max_chars >= 0)
        n = utf8_prefix(r.data, r.len, (size_t)max_chars);
    vm_buf_put(out, r.data, n);
    vm_buf_free(&r);
}

/* ======================================================================================
 * The "C" locale for printf and strtod
 */

static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void make_c_locale(void) { c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0); }

static locale_t enter_c_locale(void)
{
    pthread_once(&c_locale_once, make_c_locale);
    return c_locale ? uselocale(c_locale) : (locale_t)0;
}

static void leave_c_locale(locale_t saved)
{
    if (saved)
        uselocale(saved);
}

/* ======================================================================================
 * The digit generator (see the top of the file)
 */

typedef struct {
    char *d;            /* digits, no trailing zeros; "0" for zero */
    size_t len;
    long decpt;         /* value = 0.d * 10**decpt */
    bool neg;
    char small[48];
} digits_t;

static void digits_free(digits_t *g)
{
    if (g->d != g->small)
        free(g->d);
}

static char *digits_alloc(digits_t *g, size_t n)
{
    g->d = n <= sizeof g->small ? g->small : xmalloc(n);
    return g->d;
}

/* From a %.*e rendering of a non-negative value: "d.ddde+XX". */
static void digits_from_e(digits_t *g, const char *s)
{
    const char *e = strchr(s, 'e');
    size_t n = 0;
    for (const char *p = s; p < e; p++)
        if (*p != '.')
            g->d[n++] = *p;
    while (n > 1 && g->d[n - 1] == '0')
        n--;
    g->len = n;
    g->decpt = strtol(e + 1, NULL, 10) + 1;
    g->d[n] = 0;
}

/* Adds one unit in the last place of a %.*e rendering (carrying; 9.99e+05 -> 1.00e+06). */
static void bump_e(char *s)
{
    char *e = strchr(s, 'e');
    for (char *p = e - 1; p >= s; p--) {
        if (*p == '.')
            continue;
        if (*p < '9') {
            (*p)++;
            return;
        }
        *p = '0';
    }
    long exp10 = strtol(e + 1, NULL, 10) + 1;
    s[0] = '1';
    sprintf(e, "e%+03ld", exp10);
}

/* Mode 0 into g (x finite, non-zero, positive).  Starts at 15 digits: if the shortest
 * string S has p <= 15 digits, x is within half an ulp of S (at most 2**-53 of x) and a
 * 15-digit half-unit is at least 5e-16 of x, so %.14e of x is S padded with zeros; strip
 * them and S is found.  Otherwise S has 16 or 17 digits.  Subnormals have a fixed ulp,
 * far more than 2**-53 of them: they try every length from 1. */
static void digits_shortest(digits_t *g, double x)
{
    char tmp[48];
    locale_t saved = enter_c_locale();
    for (int prec = x < DBL_MIN ? 1 : 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, x);
        if (strtod(tmp, NULL) == x)
            break;
        if (prec < 17) {
            bump_e(tmp);
            if (strtod(tmp, NULL) == x)
                break;
        }
    }
    leave_c_locale(saved);
    digits_alloc(g, 24);
    digits_from_e(g, tmp);
}

/* Rounds the exact digits g to keep `keep` digits (possibly <= 0), half-even. */
static void digits_round(digits_t *g, long keep)
{
    if (keep >= (long)g->len)
        return;
    int cmp;    /* the dropped part against half a unit of the last kept digit */
    if (keep < 0) {
        cmp = -1;
    } else {
        const char *rest = g->d + keep;
        size_t nrest = g->len - (size_t)keep;
        if (rest[0] > '5')
            cmp = 1;
        else if (rest[0] < '5')
            cmp = -1;
        else {
            cmp = 0;
            for (size_t i = 1; i < nrest; i++)
                if (rest[i] != '0') {
                    cmp = 1;
                    break;
                }
        }
    }
    bool up = cmp > 0 || (cmp == 0 && keep > 0 && (g->d[keep - 1] - '0') % 2 == 1);
    if (keep <= 0) {
        if (up) {
            g->d[0] = '1';
            g->len = 1;
            g->decpt = g->decpt - keep + 1;
        } else {
            g->len = 0;
        }
        return;
    }
    g->len = (size_t)keep;
    if (up) {
        long i = keep - 1;
        while (i >= 0 && g->d[i] == '9')
            g->d[i--] = '0';
        if (i < 0) {
            g->d[0] = '1';
            g->len = 1;
            g->decpt++;
        } else {
            g->d[i]++;
        }
    }
    while (g->len > 0 && g->d[g->len - 1] == '0')
        g->len--;
}

/* As _Py_dg_dtoa(x, mode, ndigits): x finite.  A mode 3 result that rounds to zero has
 * len 0 and decpt = -ndigits, as Gay's code gives it. */
static void digits_of(digits_t *g, double x, int mode, long ndigits)
{
    g->neg = signbit(x) != 0;
    x = fabs(x);
    if (x == 0) {
        digits_alloc(g, 2);
        strcpy(g->d, "0");
        g->len = 1;
        g->decpt = 1;
        return;
    }
    if (mode == 0) {
        digits_shortest(g, x);
        return;
    }
    locale_t saved = enter_c_locale();
    if (mode == 2) {
        long nd = ndigits < 1 ? 1 : ndigits;
        char *tmp = xmalloc((size_t)nd + 32);
        snprintf(tmp, (size_t)nd + 32, "%.*e", (int)(nd - 1), x);
        digits_alloc(g, (size_t)nd + 2);
        digits_from_e(g, tmp);
        free(tmp);
    } else if (ndigits >= 0) {
        size_t cap = (size_t)ndigits + 330;
        char *tmp = xmalloc(cap);
        snprintf(tmp, cap, "%.*f", (int)ndigits, x);
        digits_alloc(g, cap);
        size_t n = 0;
        long decpt = 0;
        bool seen_point = false, seen_nonzero = false;
        for (const char *p = tmp; *p; p++) {
            if (*p == '.') {
                seen_point = true;
                continue;
            }
            if (!seen_nonzero && *p == '0') {
                if (seen_point)
                    decpt--;
                continue;
            }
            seen_nonzero = true;
            g->d[n++] = *p;
            if (!seen_point)
                decpt++;
        }
        while (n > 0 && g->d[n - 1] == '0')
            n--;
        g->len = n;
        g->decpt = n ? decpt : -ndigits;
        g->d[n] = 0;
        free(tmp);
    } else {
        char tmp[800];
        snprintf(tmp, sizeof tmp, "%.767e", x);
        digits_alloc(g, 780);
        digits_from_e(g, tmp);
        digits_round(g, g->decpt + ndigits);
        if (g->len == 0)
            g->decpt = -ndigits;
        g->d[g->len] = 0;
    }
    leave_c_locale(saved);
}

/* ======================================================================================
 * Floats to text: repr, and CPython's format_float_short
 */

size_t vm_numfmt_repr_double(double x, bool add_dot_0, char out[VM_NUMFMT_REPR_MAX])
{
    char *p = out;
    if (isnan(x)) {
        strcpy(out, "nan");
        return 3;
    }
    if (signbit(x))
        *p++ = '-';
    if (isinf(x)) {
        strcpy(p, "inf");
        return (size_t)(p - out) + 3;
    }
    digits_t g;
    digits_of(&g, x, 0, 0);
    long decpt = g.decpt, n = (long)g.len;
    if (decpt <= -4 || decpt > 16) {
        /* d[.ddd]e±XX */
        *p++ = g.d[0];
        if (n > 1) {
            *p++ = '.';
            memcpy(p, g.d + 1, (size_t)n - 1);
            p += n - 1;
        }
        p += sprintf(p, "e%+03ld", decpt - 1);
    } else if (decpt <= 0) {
        *p++ = '0';
        *p++ = '.';
        for (long i = 0; i < -decpt; i++)
            *p++ = '0';
        memcpy(p, g.d, (size_t)n);
        p += n;
    } else if (decpt >= n) {
        memcpy(p, g.d, (size_t)n);
        p += n;
        for (long i = n; i < decpt; i++)
            *p++ = '0';
        if (add_dot_0) {
            *p++ = '.';
            *p++ = '0';
        }
    } else {
        memcpy(p, g.d, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, g.d + decpt, (size_t)(n - decpt));
        p += n - decpt;
    }
    *p = 0;
    digits_free(&g);
    return (size_t)(p - out);
}

void vm_numfmt_float_repr(vm_buf *out, double x)
{
    char tmp[VM_NUMFMT_REPR_MAX];
    size_t n = vm_numfmt_repr_double(x, true, tmp);
    vm_buf_put(out, tmp, n);
}

/* format_float_short: code is one of e f g r (lower case; upper selects "INF", "NAN",
 * "E"), precision already adjusted as PyOS_double_to_string does. */
static void format_float(vm_buf *out, double x, char code, int mode, long precision,
                         int flags, bool upper)
{
    bool always_sign = flags & VM_NUMFMT_DTSF_SIGN, add_dot_0 = flags & VM_NUMFMT_DTSF_ADD_DOT_0;
    bool alt = flags & VM_NUMFMT_DTSF_ALT;
    if (!isfinite(x)) {
        if (isnan(x)) {
            if (always_sign)
                buf_putc(out, '+');
            buf_puts(out, upper ? "NAN" : "nan");
        } else {
            buf_puts(out, signbit(x) ? "-" : always_sign ? "+" : "");
            buf_puts(out, upper ? "INF" : "inf");
        }
        return;
    }
    digits_t g;
    digits_of(&g, x, mode, precision);
    bool neg = g.neg;
    if ((flags & VM_NUMFMT_DTSF_NO_NEG_0) && neg &&
        (g.len == 0 || (g.len == 1 && g.d[0] == '0')))
        neg = false;
    long decpt = g.decpt, digits_len = (long)g.len, vdigits_end = digits_len, exp = 0;
    bool use_exp = false;
    switch (code) {
    case 'e':
        use_exp = true;
        vdigits_end = precision;
        break;
    case 'f':
        vdigits_end = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
            use_exp = true;
        if (alt)
            vdigits_end = precision;
        break;
    case 'r':
        if (decpt <= -4 || decpt > 16)
            use_exp = true;
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    long vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    else
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;

    size_t start = out->len;
    vm_buf_reserve(out, (size_t)(vdigits_end - vdigits_start) + 16);
    char *p = out->data + out->len;
    char *p0 = p;
    if (neg)
        *p++ = '-';
    else if (always_sign)
        *p++ = '+';
    if (decpt <= 0) {
        memset(p, '0', (size_t)(decpt - vdigits_start));
        p += decpt - vdigits_start;
        *p++ = '.';
        memset(p, '0', (size_t)-decpt);
        p += -decpt;
    } else {
        memset(p, '0', (size_t)-vdigits_start);
        p += -vdigits_start;
    }
    if (0 < decpt && decpt <= digits_len) {
        memcpy(p, g.d, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, g.d + decpt, (size_t)(digits_len - decpt));
        p += digits_len - decpt;
    } else {
        memcpy(p, g.d, (size_t)digits_len);
        p += digits_len;
    }
    if (digits_len < decpt) {
        memset(p, '0', (size_t)(decpt - digits_len));
        p += decpt - digits_len;
        *p++ = '.';
        memset(p, '0', (size_t)(vdigits_end - decpt));
        p += vdigits_end - decpt;
    } else {
        memset(p, '0', (size_t)(vdigits_end - digits_len));
        p += vdigits_end - digits_len;
    }
    if (p[-1] == '.' && !alt)
        p--;
    if (use_exp) {
        *p++ = upper ? 'E' : 'e';
        p += sprintf(p, "%+.02ld", exp);
    }
    out->len = start + (size_t)(p - p0);
    out->data[out->len] = 0;
    digits_free(&g);
}

vm_numfmt_status vm_numfmt_double_to_string(vm_buf *out, double x, char code,
                                            int precision, int flags, vm_buf *err)
{
    int mode;
    bool upper = code >= 'A' && code <= 'Z';
    char lower = upper ? (char)(code - 'A' + 'a') : code;
    long prec = precision;
    if (prec > VM_NUMFMT_MAX_PRECISION)
        return fail(err, VM_NUMFMT_MEMORY_ERROR, "");
    switch (lower) {
    case 'e': mode = 2; prec++; break;
    case 'f': mode = 3; break;
    case 'g': mode = 2; if (prec == 0) prec = 1; break;
    case 'r':
        if (upper || precision != 0)
            return fail(err, VM_NUMFMT_VALUE_ERROR, "bad internal call");
        mode = 0;
        break;
    default:
        return fail(err, VM_NUMFMT_VALUE_ERROR, "bad internal call");
    }
    format_float(out, x, lower, mode, prec, flags, upper);
    return VM_NUMFMT_OK;
}

void vm_numfmt_complex_repr(vm_buf *out, double re, double im)
{
    if (re == 0 && !signbit(re)) {
        format_float(out, im, 'r', 0, 0, 0, false);
        buf_putc(out, 'j');
        return;
    }
    buf_putc(out, '(');
    format_float(out, re, 'r', 0, 0, 0, false);
    format_float(out, im, 'r', 0, 0, VM_NUMFMT_DTSF_SIGN, false);
    buf_puts(out, "j)");
}

/* ======================================================================================
 * The format-spec mini-language
 */

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Decimal digits (Unicode's too, as CPython's get_integer); -1 with the error on overflow,
 * else the count consumed. */
static int64_t get_integer(const uint32_t *cp, size_t n, size_t *pos, int64_t *result)
{
    int64_t acc = 0, count = 0;
    for (; *pos < n; (*pos)++, count++) {
        int d = vm_uni_decimal(cp[*pos]);
        if (d < 0)
            break;
        if (acc > (INT64_MAX - d) / 10)
            return -1;
        acc = acc * 10 + d;
    }
    *result = acc;
    return count;
}

vm_numfmt_status vm_numfmt_parse_spec(const char *spec, size_t len, uint32_t default_type,
                                      char default_align, const char *type_name,
                                      vm_numfmt_spec *f, vm_buf *err)
{
    /* decode to code points first: the fill character may be any */
    uint32_t small[64];
    uint32_t *cp = len <= 64 ? small : xmalloc(len * sizeof *cp);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        size_t k;
        uint32_t c = vm_utf8_decode(spec + i, len - i, &k);
        cp[n++] = c == UINT32_MAX ? (unsigned char)spec[i] : c;
        i += k;
    }
    vm_numfmt_status st = VM_NUMFMT_OK;
    size_t pos = 0;
    bool align_specified = false, fill_specified = false;
    f->fill = ' ';
    f->align = default_align;
    f->sign = 0;
    f->no_neg_0 = false;
    f->alternate = false;
    f->width = -1;
    f->grouping = 0;
    f->precision = -1;
    f->type = default_type;

    if (n - pos >= 2 && is_align(cp[pos + 1])) {
        f->align = (char)cp[pos + 1];
        f->fill = cp[pos];
        fill_specified = align_specified = true;
        pos += 2;
    } else if (n - pos >= 1 && is_align(cp[pos])) {
        f->align = (char)cp[pos];
        align_specified = true;
        pos++;
    }
    if (pos < n && (cp[pos] == ' ' || cp[pos] == '+' || cp[pos] == '-'))
        f->sign = (char)cp[pos++];
    if (pos < n && cp[pos] == 'z') {
        f->no_neg_0 = true;
        pos++;
    }
    if (pos < n && cp[pos] == '#') {
        f->alternate = true;
        pos++;
    }
    if (!fill_specified && pos < n && cp[pos] == '0') {
        f->fill = '0';
        if (!align_specified && default_align == '>')
            f->align = '=';
        pos++;
    }
    int64_t consumed = get_integer(cp, n, &pos, &f->width);
    if (consumed < 0) {
        st = fail(err, VM_NUMFMT_VALUE_ERROR, "Too many decimal digits in format string");
        goto done;
    }
    if (consumed == 0)
        f->width = -1;
    if (pos < n && cp[pos] == ',') {
        f->grouping = ',';
        pos++;
    }
    if (pos < n && cp[pos] == '_') {
        if (f->grouping) {
            st = fail(err, VM_NUMFMT_VALUE_ERROR, "Cannot specify both ',' and '_'.");
            goto done;
        }
        f->grouping = '_';
        pos++;
    }
    if (pos < n && cp[pos] == ',' && f->grouping == '_') {     /* ",," is left to the type */
        st = fail(err, VM_NUMFMT_VALUE_ERROR, "Cannot specify both ',' and '_'.");
        goto done;
    }
    if (pos < n && cp[pos] == '.') {
        pos++;
        consumed = get_integer(cp, n, &pos, &f->precision);
        if (consumed < 0) {
            st = fail(err, VM_NUMFMT_VALUE_ERROR, "Too many decimal digits in format string");
            goto done;
        }
        if (consumed == 0) {
            st = fail(err, VM_NUMFMT_VALUE_ERROR, "Format specifier missing precision");
            goto done;
        }
    }
    if (n - pos > 1) {
        vm_buf_clear(err);
        buf_puts(err, "Invalid format specifier '");
        vm_buf_put(err, spec, len);
        vm_buf_printf(err, "' for object of type '%.200s'", type_name);
        st = VM_NUMFMT_VALUE_ERROR;
        goto done;
    }
    if (n - pos == 1)
        f->type = cp[pos++];
    if (f->grouping) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F':
        case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->grouping == '_')
                break;
            /* fall through */
        default:
            vm_buf_clear(err);
            vm_buf_printf(err, "Cannot specify '%c' with '", f->grouping);
            put_code_for_message(err, f->type);
            buf_puts(err, "'.");
            st = VM_NUMFMT_VALUE_ERROR;
            goto done;
        }
    }
done:
    if (cp != small)
        free(cp);
    return st;
}

static vm_numfmt_status unknown_type(vm_buf *err, uint32_t type, const char *type_name)
{
    vm_buf_clear(err);
    buf_puts(err, "Unknown format code '");
    put_code_for_message(err, type);
    vm_buf_printf(err, "' for object of type '%.200s'", type_name);
    return VM_NUMFMT_VALUE_ERROR;
}

/* Widths past this are refused as MemoryError rather than attempted. */
#define MAX_WIDTH ((int64_t)1 << 31)

static vm_numfmt_status check_width(const vm_numfmt_spec *f, vm_buf *err)
{
    if (f->width > MAX_WIDTH)
        return fail(err, VM_NUMFMT_MEMORY_ERROR, "");
    return VM_NUMFMT_OK;
}

/* CPython's _PyUnicode_InsertThousandsGrouping for a grouping of `group` digits (0: none)
 * and a one-character separator: digits[0..n) grouped, zero-filled on the left to
 * min_width characters (separators included).  Writes into out if not NULL; returns the
 * length. */
static int64_t grouped(char *out, const char *digits, int64_t n, int64_t min_width, int group,
                       char sep)
{
    int64_t count = 0, remaining = n, pos = 0;   /* pos: chars written from the right */
    bool use_sep = false, broken = false;
    int64_t dpos = n;
#define EMIT(nchars, nzeros)                                        \
    do {                                                            \
        if (use_sep) {                                              \
            if (out) out[-(++pos)] = sep;                           \
            count++;                                                \
        }                                                           \
        for (int64_t i_ = 0; i_ < (nchars); i_++) {                 \
            if (out) out[-(++pos)] = digits[--dpos];                \
            else dpos--;                                            \
        }                                                           \
        for (int64_t i_ = 0; i_ < (nzeros); i_++)                   \
            if (out) out[-(++pos)] = '0';                           \
        count += (nchars) + (nzeros);                               \
    } while (0)
    if (group > 0) {
        for (;;) {
            int64_t l = remaining > min_width ? remaining : min_width;
            if (l < 1)
                l = 1;
            if (l > group)
                l = group;
            int64_t nz = l - remaining > 0 ? l - remaining : 0;
            int64_t nc = remaining < l ? remaining : l;
            if (nc < 0)
                nc = 0;
            EMIT(nc, nz);
            use_sep = true;
            remaining -= nc;
            min_width -= l;
            if (remaining <= 0 && min_width <= 0) {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if (!broken) {
        int64_t l = remaining > min_width ? remaining : min_width;
        if (l < 1)
            l = 1;
        int64_t nz = l - remaining > 0 ? l - remaining : 0;
        int64_t nc = remaining < l ? remaining : l;
        if (nc < 0)
            nc = 0;
        EMIT(nc, nz);
    }
#undef EMIT
    return count;
}

/* calc_number_widths + fill_number: the layout
 *   <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal> <remainder> <rpadding>
 * digits are ASCII; remainder may hold one non-ASCII character ('c'). */
static void emit_number(vm_buf *out, const vm_numfmt_spec *f, char sign_char,
                        const char *prefix, int64_t n_prefix, const char *digits,
                        int64_t n_digits, bool has_decimal, const char *rem, size_t rem_bytes,
                        int group, char sep, bool toupper_)
{
    int64_t n_rem = (int64_t)utf8_count(rem, rem_bytes);
    char sign = 0;
    switch (f->sign) {
    case '+': sign = sign_char == '-' ? '-' : '+'; break;
    case ' ': sign = sign_char == '-' ? '-' : ' '; break;
    default: if (sign_char == '-') sign = '-';
    }
    int64_t n_sign = sign != 0;
    int64_t n_decimal = has_decimal;
    int64_t non_digit = n_sign + n_prefix + n_decimal + n_rem;
    int64_t min_width = f->fill == '0' && f->align == '=' ? f->width - non_digit : 0;
    int64_t n_grouped = n_digits == 0 ? 0 : grouped(NULL, digits, n_digits, min_width, group, sep);
    int64_t lpad = 0, spad = 0, rpad = 0;
    int64_t padding = f->width - (non_digit + n_grouped);
    if (padding > 0) {
        switch (f->align) {
        case '<': rpad = padding; break;
        case '^': lpad = padding / 2; rpad = padding - lpad; break;
        case '=': spad = padding; break;
        default: lpad = padding; break;
        }
    }
    buf_fill(out, f->fill, lpad);
    if (sign)
        buf_putc(out, sign);
    for (int64_t i = 0; i < n_prefix; i++)
        buf_putc(out, toupper_ && prefix[i] >= 'a' && prefix[i] <= 'z' ? (char)(prefix[i] - 32)
                                                                       : prefix[i]);
    buf_fill(out, f->fill, spad);
    if (n_digits) {
        vm_buf_reserve(out, (size_t)n_grouped);
        char *end = out->data + out->len + n_grouped;
        grouped(end, digits, n_digits, min_width, group, sep);
        if (toupper_)
            for (char *p = out->data + out->len; p < end; p++)
                if (*p >= 'a' && *p <= 'z')
                    *p = (char)(*p - 32);
        out->len += (size_t)n_grouped;
        out->data[out->len] = 0;
    }
    if (has_decimal)
        buf_putc(out, '.');
    vm_buf_put(out, rem, rem_bytes);
    buf_fill(out, f->fill, rpad);
}

/* parse_number: the run of digits at s, then whether a '.' follows. */
static void split_number(const char *s, size_t n, int64_t *n_digits, bool *has_decimal)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    *n_digits = (int64_t)i;
    *has_decimal = i < n && s[i] == '.';
}

/* Checks the digit limit on a decimal string of digits (sign not counted). */
static vm_numfmt_status check_str_digits(size_t ndigits, int64_t max_str_digits,
                                         vm_buf *err)
{
    if (max_str_digits > 0 && ndigits > (size_t)max_str_digits) {
        vm_buf_clear(err);
        vm_buf_printf(err, "Exceeds the limit (%lld digits) for integer string conversion; use "
                        "sys.set_int_max_str_digits() to increase the limit",
                   (long long)max_str_digits);
        return VM_NUMFMT_VALUE_ERROR;
    }
    return VM_NUMFMT_OK;
}

/* The digits of |v| in a radix, malloc'd; *neg from the sign.  Applies the limit in base
 * 10.  Cheap early refusal for huge values: 10**4300 needs more than 14284 bits. */
static vm_numfmt_status int_digits(const vm_bigint *v, unsigned radix, int64_t max_str_digits,
                                   char **digits, size_t *n, vm_buf *err)
{
    if (radix == 10 && max_str_digits > 0 &&
        vm_bigint_bit_length(v) > (uint64_t)max_str_digits * 3.3219280948873623 + 64) {
        return check_str_digits(SIZE_MAX, max_str_digits, err);
    }
    size_t cap = vm_bigint_to_str_cap(v, radix);
    char *s = xmalloc(cap);
    size_t len = vm_bigint_to_str(v, radix, s);
    size_t skip = s[0] == '-';
    if (radix == 10) {
        vm_numfmt_status st = check_str_digits(len - skip, max_str_digits, err);
        if (st) {
            free(s);
            return st;
        }
    }
    memmove(s, s + skip, len - skip + 1);
    *digits = s;
    *n = len - skip;
    return VM_NUMFMT_OK;
}

static vm_numfmt_status format_float_spec(vm_buf *out, double val,
                                          const vm_numfmt_spec *f, vm_buf *err)
{
    if (f->precision > INT_MAX)
        return fail(err, VM_NUMFMT_VALUE_ERROR, "precision too big");
    vm_numfmt_status st = check_width(f, err);
    if (st)
        return st;
    long precision = (long)f->precision, default_precision = 6;
    uint32_t type = f->type;
    int flags = 0;
    bool add_pct = false;
    if (f->alternate)
        flags |= VM_NUMFMT_DTSF_ALT;
    if (f->no_neg_0)
        flags |= VM_NUMFMT_DTSF_NO_NEG_0;
    if (type == 0) {
        flags |= VM_NUMFMT_DTSF_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n')
        type = 'g';
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = true;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    vm_buf tmp = {0};
    st = vm_numfmt_double_to_string(&tmp, val, (char)type, (int)precision, flags, err);
    if (st) {
        vm_buf_free(&tmp);
        return st;
    }
    if (add_pct)
        buf_putc(&tmp, '%');
    const char *s = tmp.data;
    size_t n = tmp.len;
    char sign_char = 0;
    if (s[0] == '-') {
        sign_char = '-';
        s++;
        n--;
    }
    int64_t n_digits;
    bool has_decimal;
    split_number(s, n, &n_digits, &has_decimal);
    size_t rem_at = (size_t)n_digits + has_decimal;
    int group = f->grouping ? 3 : 0;
    emit_number(out, f, sign_char, "", 0, s, n_digits, has_decimal, s + rem_at, n - rem_at,
                group, f->grouping, false);
    vm_buf_free(&tmp);
    return VM_NUMFMT_OK;
}

static vm_numfmt_status format_int_spec(vm_buf *out, const vm_bigint *v,
                                        const vm_numfmt_spec *f, int64_t max_str_digits,
                                        vm_buf *err)
{
    if (f->precision != -1)
        return fail(err, VM_NUMFMT_VALUE_ERROR,
                    "Precision not allowed in integer format specifier");
    if (f->no_neg_0)
        return fail(err, VM_NUMFMT_VALUE_ERROR,
                    "Negative zero coercion (z) not allowed in integer format specifier");
    vm_numfmt_status st = check_width(f, err);
    if (st)
        return st;
    if (f->type == 'c') {
        if (f->sign)
            return fail(err, VM_NUMFMT_VALUE_ERROR,
                        "Sign not allowed with integer format specifier 'c'");
        if (f->alternate)
            return fail(err, VM_NUMFMT_VALUE_ERROR,
                        "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t x;
        if (!vm_bigint_to_int64(v, &x))
            return fail(err, VM_NUMFMT_OVERFLOW_ERROR,
                        "Python int too large to convert to C long");
        if (x < 0 || x > 0x10ffff)
            return fail(err, VM_NUMFMT_OVERFLOW_ERROR, "%c arg not in range(0x110000)");
        char enc[4];
        size_t k = vm_utf8_encode((uint32_t)x, enc);
        emit_number(out, f, 0, "", 0, "", 0, false, enc, k, 0, 0, false);
        return VM_NUMFMT_OK;
    }
    unsigned radix = 10;
    const char *prefix = "";
    switch (f->type) {
    case 'b': radix = 2; prefix = "0b"; break;
    case 'o': radix = 8; prefix = "0o"; break;
    case 'x': case 'X': radix = 16; prefix = "0x"; break;
    default: break;
    }
    char *digits;
    size_t n;
    st = int_digits(v, radix, max_str_digits, &digits, &n, err);
    if (st)
        return st;
    int group = 0;
    if (f->grouping)
        group = radix == 10 ? 3 : 4;
    emit_number(out, f, v->neg ? '-' : 0, prefix, f->alternate ? (int64_t)strlen(prefix) : 0,
                digits, (int64_t)n, false, "", 0, group, f->grouping, f->type == 'X');
    free(digits);
    return VM_NUMFMT_OK;
}

vm_numfmt_status vm_numfmt_format_int(vm_buf *out, const vm_bigint *v,
                                      const char *spec, size_t len, const char *type_name,
                                      int64_t max_str_digits, vm_buf *err)
{
    if (len == 0)
        return vm_numfmt_int_to_str(out, v, 10, false, max_str_digits, err);
    vm_numfmt_spec f;
    vm_numfmt_status st = vm_numfmt_parse_spec(spec, len, 'd', '>', type_name ? type_name : "int",
                                               &f, err);
    if (st)
        return st;
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_int_spec(out, v, &f, max_str_digits, err);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double x;
        if (vm_bigint_to_double(v, &x) != VM_BIGINT_OK)
            return fail(err, VM_NUMFMT_OVERFLOW_ERROR, "int too large to convert to float");
        return format_float_spec(out, x, &f, err);
    }
    default:
        return unknown_type(err, f.type, type_name ? type_name : "int");
    }
}

vm_numfmt_status vm_numfmt_format_float(vm_buf *out, double x, const char *spec,
                                        size_t len, const char *type_name, vm_buf *err)
{
    if (len == 0) {
        vm_numfmt_float_repr(out, x);
        return VM_NUMFMT_OK;
    }
    vm_numfmt_spec f;
    vm_numfmt_status st = vm_numfmt_parse_spec(spec, len, 0, '>',
                                               type_name ? type_name : "float", &f, err);
    if (st)
        return st;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return format_float_spec(out, x, &f, err);
    default:
        return unknown_type(err, f.type, type_name ? type_name : "float");
    }
}

/* Lays one part of a complex out with no padding: sign forced or not. */
static void complex_part(vm_buf *dst, const char *s, size_t n, const vm_numfmt_spec *f,
                         char force_sign)
{
    char sign_char = 0;
    if (s[0] == '-') {
        sign_char = '-';
        s++;
        n--;
    }
    int64_t n_digits;
    bool has_decimal;
    split_number(s, n, &n_digits, &has_decimal);
    vm_numfmt_spec t = *f;
    t.fill = 0;
    t.align = '<';
    t.width = -1;
    if (force_sign)
        t.sign = force_sign;
    size_t rem_at = (size_t)n_digits + has_decimal;
    emit_number(dst, &t, sign_char, "", 0, s, n_digits, has_decimal, s + rem_at, n - rem_at,
                f->grouping ? 3 : 0, f->grouping, false);
}

vm_numfmt_status vm_numfmt_format_complex(vm_buf *out, double re, double im,
                                          const char *spec, size_t len,
                                          const char *type_name, vm_buf *err)
{
    if (len == 0) {
        vm_numfmt_complex_repr(out, re, im);
        return VM_NUMFMT_OK;
    }
    vm_numfmt_spec f;
    vm_numfmt_status st = vm_numfmt_parse_spec(spec, len, 0, '>',
                                               type_name ? type_name : "complex", &f, err);
    if (st)
        return st;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
        break;
    default:
        return unknown_type(err, f.type, type_name ? type_name : "complex");
    }
    if (f.precision > INT_MAX)
        return fail(err, VM_NUMFMT_VALUE_ERROR, "precision too big");
    if (f.fill == '0')
        return fail(err, VM_NUMFMT_VALUE_ERROR,
                    "Zero padding is not allowed in complex format specifier");
    if (f.align == '=')
        return fail(err, VM_NUMFMT_VALUE_ERROR,
                    "'=' alignment flag is not allowed in complex format specifier");
    st = check_width(&f, err);
    if (st)
        return st;
    long precision = (long)f.precision, default_precision = 6;
    uint32_t type = f.type;
    int flags = 0;
    bool add_parens = false, skip_re = false;
    if (f.alternate)
        flags |= VM_NUMFMT_DTSF_ALT;
    if (f.no_neg_0)
        flags |= VM_NUMFMT_DTSF_NO_NEG_0;
    if (type == 0) {
        type = 'r';
        default_precision = 0;
        if (re == 0 && !signbit(re))
            skip_re = true;
        else
            add_parens = true;
    }
    if (type == 'n')
        type = 'g';
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    vm_buf rs = {0}, is = {0}, body = {0};
    st = vm_numfmt_double_to_string(&rs, re, (char)type, (int)precision, flags, err);
    if (!st)
        st = vm_numfmt_double_to_string(&is, im, (char)type, (int)precision, flags, err);
    if (!st) {
        if (add_parens)
            buf_putc(&body, '(');
        if (!skip_re)
            complex_part(&body, rs.data, rs.len, &f, 0);
        complex_part(&body, is.data, is.len, &f, skip_re ? 0 : '+');
        buf_putc(&body, 'j');
        if (add_parens)
            buf_putc(&body, ')');
        int64_t nchars = (int64_t)body.len;     /* ASCII */
        int64_t total = f.width > nchars ? f.width : nchars, lpad = 0;
        if (f.align == '>')
            lpad = total - nchars;
        else if (f.align == '^')
            lpad = (total - nchars) / 2;
        buf_fill(out, f.fill, lpad);
        vm_buf_put(out, body.data, body.len);
        buf_fill(out, f.fill, total - nchars - lpad);
    }
    vm_buf_free(&rs);
    vm_buf_free(&is);
    vm_buf_free(&body);
    return st;
}

vm_numfmt_status vm_numfmt_format_str(vm_buf *out, const char *s, size_t slen,
                                      const char *spec, size_t len, const char *type_name,
                                      vm_buf *err)
{
    if (len == 0) {
        vm_buf_put(out, s, slen);
        return VM_NUMFMT_OK;
    }
    vm_numfmt_spec f;
    vm_numfmt_status st = vm_numfmt_parse_spec(spec, len, 's', '<', type_name ? type_name : "str",
                                               &f, err);
    if (st)
        return st;
    if (f.type != 's')
        return unknown_type(err, f.type, type_name ? type_name : "str");
    if (f.sign)
        return fail(err, VM_NUMFMT_VALUE_ERROR,
                    f.sign == ' ' ? "Space not allowed in string format specifier"
                                  : "Sign not allowed in string format specifier");
    if (f.no_neg_0)
        return fail(err, VM_NUMFMT_VALUE_ERROR,
                    "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate)
        return fail(err, VM_NUMFMT_VALUE_ERROR,
                    "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=')
        return fail(err, VM_NUMFMT_VALUE_ERROR,
                    "'=' alignment not allowed in string format specifier");
    st = check_width(&f, err);
    if (st)
        return st;
    int64_t nchars = (int64_t)utf8_count(s, slen);
    size_t bytes = slen;
    if (f.precision >= 0 && nchars >= f.precision) {
        nchars = f.precision;
        bytes = utf8_prefix(s, slen, (size_t)nchars);
    }
    int64_t total = f.width > nchars ? f.width : nchars, lpad = 0;
    if (f.align == '>')
        lpad = total - nchars;
    else if (f.align == '^')
        lpad = (total - nchars) / 2;
    buf_fill(out, f.fill, lpad);
    vm_buf_put(out, s, bytes);
    buf_fill(out, f.fill, total - nchars - lpad);
    return VM_NUMFMT_OK;
}

/* ======================================================================================
 * printf-style '%' conversions
 */

void vm_numfmt_percent_pad(vm_buf *out, const vm_numfmt_percent *p, const char *str,
                           size_t len_bytes, bool is_number)
{
    int flags = p->flags;
    int64_t width = p->width;
    bool sign = is_number;
    uint32_t fill = sign && (flags & VM_NUMFMT_F_ZERO) ? '0' : ' ';
    int64_t len = (int64_t)utf8_count(str, len_bytes);
    if ((width == -1 || width <= len) && (p->precision == -1 || p->precision >= len) &&
        !(flags & (VM_NUMFMT_F_SIGN | VM_NUMFMT_F_BLANK))) {
        vm_buf_put(out, str, len_bytes);
        return;
    }
    if (p->conv == 's' || p->conv == 'r' || p->conv == 'a') {
        if (p->precision >= 0 && len > p->precision) {
            len = p->precision;
            len_bytes = utf8_prefix(str, len_bytes, (size_t)len);
        }
    }
    size_t pindex = 0;
    char signchar = 0;
    if (sign) {
        if (len > 0 && (str[0] == '-' || str[0] == '+')) {
            signchar = str[0];
            len--;
            pindex++;
        } else if (flags & VM_NUMFMT_F_SIGN) {
            signchar = '+';
        } else if (flags & VM_NUMFMT_F_BLANK) {
            signchar = ' ';
        } else {
            sign = false;
        }
    }
    if (width < len)
        width = len;
    if (sign) {
        if (fill != ' ')
            buf_putc(out, signchar);
        if (width > len)
            width--;
    }
    bool alt_prefix = (flags & VM_NUMFMT_F_ALT) &&
                      (p->conv == 'x' || p->conv == 'X' || p->conv == 'o');
    if (alt_prefix) {
        if (fill != ' ') {
            vm_buf_put(out, str + pindex, 2);
            pindex += 2;
        }
        width -= 2;
        if (width < 0)
            width = 0;
        len -= 2;
    }
    if (width > len && !(flags & VM_NUMFMT_F_LJUST)) {
        buf_fill(out, fill, width - len);
        width = len;
    }
    if (fill == ' ') {
        if (sign)
            buf_putc(out, signchar);
        if (alt_prefix) {
            vm_buf_put(out, str + pindex, 2);
            pindex += 2;
        }
    }
    vm_buf_put(out, str + pindex, len_bytes - pindex);
    if (width > len)
        buf_fill(out, ' ', width - len);
}

/* _PyUnicode_FormatLong, then the padding. */
vm_numfmt_status vm_numfmt_percent_int(vm_buf *out, const vm_numfmt_percent *p,
                                       const vm_bigint *v, int64_t max_str_digits,
                                       vm_buf *err)
{
    if (p->precision > INT_MAX - 3)
        return fail(err, VM_NUMFMT_OVERFLOW_ERROR, "precision too large");
    if (p->width > MAX_WIDTH)
        return fail(err, VM_NUMFMT_MEMORY_ERROR, "");
    unsigned radix = 10;
    const char *prefix = "";
    switch (p->conv) {
    case 'o': radix = 8; prefix = "0o"; break;
    case 'x': radix = 16; prefix = "0x"; break;
    case 'X': radix = 16; prefix = "0X"; break;
    default: break;
    }
    char *digits;
    size_t n;
    vm_numfmt_status st = int_digits(v, radix, max_str_digits, &digits, &n, err);
    if (st)
        return st;
    vm_buf s = {0};
    if (v->neg)
        buf_putc(&s, '-');
    if (p->flags & VM_NUMFMT_F_ALT)
        buf_puts(&s, prefix);
    if (p->precision > (int64_t)n)
        buf_fill(&s, '0', p->precision - (int64_t)n);
    if (p->conv == 'X')
        for (size_t i = 0; i < n; i++)
            if (digits[i] >= 'a' && digits[i] <= 'z')
                digits[i] = (char)(digits[i] - 32);
    vm_buf_put(&s, digits, n);
    free(digits);
    vm_numfmt_percent_pad(out, p, s.data, s.len, true);
    vm_buf_free(&s);
    return VM_NUMFMT_OK;
}

vm_numfmt_status vm_numfmt_percent_int_of_float(vm_buf *out, const vm_numfmt_percent *p,
                                                double x, int64_t max_str_digits,
                                                vm_buf *err)
{
    if (p->conv == 'o' || p->conv == 'x' || p->conv == 'X') {
        vm_buf_clear(err);
        vm_buf_printf(err, "%%%c format: an integer is required, not float", p->conv);
        return VM_NUMFMT_TYPE_ERROR;
    }
    if (isnan(x))
        return fail(err, VM_NUMFMT_VALUE_ERROR, "cannot convert float NaN to integer");
    if (isinf(x))
        return fail(err, VM_NUMFMT_OVERFLOW_ERROR, "cannot convert float infinity to integer");
    vm_bigint v;
    uint32_t *d = xmalloc(vm_bigint_from_double_cap(x) * sizeof *d);
    v.d = d;
    vm_bigint_from_double(&v, x);
    vm_numfmt_status st = vm_numfmt_percent_int(out, p, &v, max_str_digits, err);
    free(d);
    return st;
}

vm_numfmt_status vm_numfmt_percent_float(vm_buf *out, const vm_numfmt_percent *p,
                                         double x, vm_buf *err)
{
    if (p->width > MAX_WIDTH)
        return fail(err, VM_NUMFMT_MEMORY_ERROR, "");
    int prec = p->precision < 0 ? 6 : p->precision;
    vm_buf s = {0};
    vm_numfmt_status st = vm_numfmt_double_to_string(
        &s, x, p->conv, prec, (p->flags & VM_NUMFMT_F_ALT) ? VM_NUMFMT_DTSF_ALT : 0, err);
    if (!st)
        vm_numfmt_percent_pad(out, p, s.data, s.len, true);
    vm_buf_free(&s);
    return st;
}

vm_numfmt_status vm_numfmt_percent_char(vm_buf *out, const vm_numfmt_percent *p,
                                        const vm_bigint *v, vm_buf *err)
{
    int64_t x;
    if (!vm_bigint_to_int64(v, &x) || x < 0 || x > 0x10ffff)
        return fail(err, VM_NUMFMT_OVERFLOW_ERROR, "%c arg not in range(0x110000)");
    if (p->width > MAX_WIDTH)
        return fail(err, VM_NUMFMT_MEMORY_ERROR, "");
    char enc[4];
    size_t k = vm_utf8_encode((uint32_t)x, enc);
    vm_numfmt_percent_pad(out, p, enc, k, false);
    return VM_NUMFMT_OK;
}

/* ======================================================================================
 * Parsing: float() and int()
 */

static bool is_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* _PyUnicode_TransformDecimalAndSpaceToASCII: ASCII as is, Unicode whitespace to ' ',
 * Unicode decimal digits to ASCII digits; anything else ends the string with '?' (which
 * no parser accepts).  Returns a malloc'd NUL-terminated string and its length. */
static char *to_ascii(const char *s, size_t len, size_t *out_len)
{
    char *r = xmalloc(len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        size_t k;
        uint32_t cp = vm_utf8_decode(s + i, len - i, &k);
        if (cp == UINT32_MAX)
            cp = 0xFFFD;
        if (cp < 127) {
            r[n++] = (char)cp;
        } else if (vm_uni_is_space(cp)) {
            r[n++] = ' ';
        } else {
            int d = vm_uni_decimal(cp);
            if (d < 0) {
                r[n++] = '?';
                break;
            }
            r[n++] = (char)('0' + d);
        }
        i += k;
    }
    r[n] = 0;
    *out_len = n;
    return r;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool lower_eq(const char *s, size_t n, const char *word)
{
    if (strlen(word) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[i])
            return false;
    }
    return true;
}

/* Whether s[0..n) (no underscores, no spaces) is what _Py_dg_strtod / _Py_parse_inf_or_nan
 * accept in full; *special: 1 inf, 2 nan, 0 a number. */
static bool float_syntax(const char *s, size_t n, int *special)
{
    size_t i = 0;
    *special = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    if (lower_eq(s + i, n - i, "inf") || lower_eq(s + i, n - i, "infinity")) {
        *special = 1;
        return true;
    }
    if (lower_eq(s + i, n - i, "nan")) {
        *special = 2;
        return true;
    }
    size_t digits = 0;
    while (i < n && is_digit(s[i]))
        i++, digits++;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && is_digit(s[i]))
            i++, digits++;
    }
    if (digits == 0)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        size_t ed = 0;
        while (i < n && is_digit(s[i]))
            i++, ed++;
        if (ed == 0)
            return false;
    }
    return i == n;
}

static vm_numfmt_status float_error(const char *s, size_t len, vm_buf *err)
{
    vm_buf_clear(err);
    buf_puts(err, "could not convert string to float: ");
    vm_numfmt_str_repr(err, s, len, -1);
    return VM_NUMFMT_VALUE_ERROR;
}

vm_numfmt_status vm_numfmt_parse_float(const char *s, size_t len, double *out,
                                       vm_buf *err)
{
    size_t n;
    char *a = to_ascii(s, len, &n);
    size_t lo = 0, hi = n;
    while (lo < hi && is_ascii_space(a[lo]))
        lo++;
    while (hi > lo + 1 && is_ascii_space(a[hi - 1]))
        hi--;
    /* Underscores: only between digits (_Py_string_to_number_with_underscores). */
    char *clean = xmalloc(hi - lo + 1);
    size_t m = 0;
    char prev = 0;
    bool ok = hi > lo;
    for (size_t i = lo; ok && i < hi; i++) {
        char c = a[i];
        if (c == '_') {
            if (!is_digit(prev))
                ok = false;
        } else {
            if (prev == '_' && !is_digit(c))
                ok = false;
            clean[m++] = c;
        }
        prev = c;
    }
    if (prev == '_')
        ok = false;
    clean[m] = 0;
    int special = 0;
    if (ok && memchr(clean, 0, m))
        ok = false;
    if (ok)
        ok = float_syntax(clean, m, &special);
    if (ok) {
        bool neg = clean[0] == '-';
        if (special == 1) {
            *out = neg ? -INFINITY : INFINITY;
        } else if (special == 2) {
            *out = neg ? -NAN : NAN;
        } else {
            locale_t saved = enter_c_locale();
            *out = strtod(clean, NULL);
            leave_c_locale(saved);
        }
    }
    free(a);
    free(clean);
    return ok ? VM_NUMFMT_OK : float_error(s, len, err);
}

vm_numfmt_status vm_numfmt_parse_int(const char *s, size_t len, int base, vm_bigint *r,
                                     int64_t max_str_digits, vm_buf *err)
{
    r->d = NULL;
    r->n = 0;
    r->neg = false;
    if ((base != 0 && base < 2) || base > 36)
        return fail(err, VM_NUMFMT_VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0");
    size_t n;
    char *a = to_ascii(s, len, &n);     /* NUL-terminated; an embedded NUL ends the parse */
    const char *p = a, *end = a + n;
    int b = base;
    bool neg = false, error_if_nonzero = false, ok = false;
    char *digits = NULL;
    size_t ndigits = 0;
    vm_numfmt_status st = VM_NUMFMT_OK;
    while (*p && is_ascii_space(*p))
        p++;
    if (*p == '+')
        p++;
    else if (*p == '-') {
        p++;
        neg = true;
    }
    if (b == 0) {
        if (p[0] != '0')
            b = 10;
        else if (p[1] == 'x' || p[1] == 'X')
            b = 16;
        else if (p[1] == 'o' || p[1] == 'O')
            b = 8;
        else if (p[1] == 'b' || p[1] == 'B')
            b = 2;
        else {
            error_if_nonzero = true;
            b = 10;
        }
    }
    if (p[0] == '0' && ((b == 16 && (p[1] == 'x' || p[1] == 'X')) ||
                        (b == 8 && (p[1] == 'o' || p[1] == 'O')) ||
                        (b == 2 && (p[1] == 'b' || p[1] == 'B')))) {
        p += 2;
        if (*p == '_')
            p++;
    }
    if (*p == '_')
        goto done;
    /* digits with single underscores between them */
    digits = xmalloc((size_t)(end - p) + 1);
    char prev = 0;
    while (*p && (vm_bigint_digit_value(*p) < b || *p == '_')) {
        if (*p == '_') {
            if (prev == '_')
                goto done;
        } else {
            digits[ndigits++] = *p;
        }
        prev = *p++;
    }
    if (prev == '_')
        goto done;
    if ((b & (b - 1)) != 0 && max_str_digits > 0 && ndigits > (size_t)max_str_digits) {
        vm_buf_clear(err);
        vm_buf_printf(err, "Exceeds the limit (%lld digits) for integer string conversion: value "
                        "has %zu digits; use sys.set_int_max_str_digits() to increase the "
                        "limit",
                   (long long)max_str_digits, ndigits);
        st = VM_NUMFMT_VALUE_ERROR;
        goto done;
    }
    if (ndigits == 0)
        goto done;
    while (*p && is_ascii_space(*p))
        p++;
    if (p != end)
        goto done;
    size_t cap = vm_bigint_from_str_cap(ndigits, (unsigned)b);
    r->d = xmalloc(cap * sizeof *r->d);
    vm_bigint_from_str(r, digits, ndigits, (unsigned)b);
    if (error_if_nonzero && r->n != 0)
        goto done;
    if (neg && r->n)
        r->neg = true;
    if (r->n == 0) {
        free(r->d);
        r->d = NULL;
    }
    ok = true;
done:
    free(a);
    free(digits);
    if (ok || st)
        return st;
    free(r->d);
    r->d = NULL;
    r->n = 0;
    r->neg = false;
    vm_buf_clear(err);
    vm_buf_printf(err, "invalid literal for int() with base %d: ", base);
    vm_numfmt_str_repr(err, s, len, 200);
    return VM_NUMFMT_VALUE_ERROR;
}

vm_numfmt_status vm_numfmt_int_to_str(vm_buf *out, const vm_bigint *v, unsigned base,
                                      bool with_prefix, int64_t max_str_digits,
                                      vm_buf *err)
{
    char *digits;
    size_t n;
    vm_numfmt_status st = int_digits(v, base, base == 10 ? max_str_digits : 0, &digits, &n, err);
    if (st)
        return st;
    if (v->neg)
        buf_putc(out, '-');
    if (with_prefix)
        buf_puts(out, base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "");
    vm_buf_put(out, digits, n);
    free(digits);
    return VM_NUMFMT_OK;
}

/* ======================================================================================
 * round, hex, ratios, float arithmetic
 */

vm_numfmt_status vm_numfmt_round_double(double x, int64_t ndigits, double *out,
                                        vm_buf *err)
{
    /* beyond these, x rounds to itself or to a zero of its sign (CPython's NDIGITS_MAX,
     * NDIGITS_MIN) */
    const int64_t ndigits_max = (int64_t)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const int64_t ndigits_min = -(int64_t)((DBL_MAX_EXP + 1) * 0.30103);
    if (!isfinite(x) || ndigits > ndigits_max) {
        *out = x;
        return VM_NUMFMT_OK;
    }
    if (ndigits < ndigits_min) {
        *out = 0.0 * x;
        return VM_NUMFMT_OK;
    }
    digits_t g;
    digits_of(&g, x, 3, (long)ndigits);
    char tmp[64];
    /* "%s0%se%d": sign, digits with a leading 0, exponent */
    size_t need = g.len + 32;
    char *b = need <= sizeof tmp ? tmp : xmalloc(need);
    snprintf(b, need, "%s0%.*se%ld", g.neg ? "-" : "", (int)g.len, g.d, g.decpt - (long)g.len);
    locale_t saved = enter_c_locale();
    errno = 0;
    double rounded = strtod(b, NULL);
    int e = errno;
    leave_c_locale(saved);
    if (b != tmp)
        free(b);
    digits_free(&g);
    if (e == ERANGE && fabs(rounded) >= 1.)
        return fail(err, VM_NUMFMT_OVERFLOW_ERROR, "rounded value too large to represent");
    *out = rounded;
    return VM_NUMFMT_OK;
}

vm_numfmt_status vm_numfmt_round_double_to_int(double x, double *out, vm_buf *err)
{
    if (isnan(x))
        return fail(err, VM_NUMFMT_VALUE_ERROR, "cannot convert float NaN to integer");
    if (isinf(x))
        return fail(err, VM_NUMFMT_OVERFLOW_ERROR, "cannot convert float infinity to integer");
    double rounded = round(x);
    if (fabs(x - rounded) == 0.5)
        rounded = 2.0 * round(x / 2.0);
    *out = rounded + 0.0;   /* an int has no -0 */
    return VM_NUMFMT_OK;
}

vm_numfmt_status vm_numfmt_round_int(const vm_bigint *v, int64_t ndigits, vm_bigint *r,
                                     vm_buf *err)
{
    if (ndigits >= 0 || v->n == 0) {
        r->d = xmalloc((v->n ? v->n : 1) * sizeof *r->d);
        vm_bigint_copy(r, v);
        return VM_NUMFMT_OK;
    }
    uint64_t k = ndigits == INT64_MIN ? (uint64_t)INT64_MAX + 1 : (uint64_t)-ndigits;
    /* |v| < 10**(k-1) * 5 surely when bit_length(v) <= (k-1) * log2(10) + 2: result 0 */
    uint64_t bits = vm_bigint_bit_length(v);
    if (k > 1 && (double)bits <= (double)(k - 1) * 3.3219280948873623 + 2) {
        r->d = NULL;
        r->n = 0;
        r->neg = false;
        return VM_NUMFMT_OK;
    }
    /* here 10**k has at most bits + 4 bits: small enough to build */
    uint32_t ten_d[1] = {10}, k_d[2] = {(uint32_t)k, (uint32_t)(k >> 32)};
    vm_bigint ten = {ten_d, 1, false}, kk = {k_d, k >> 32 ? 2 : 1, false};
    vm_bigint p;
    p.d = xmalloc(vm_bigint_pow_cap(&ten, &kk) * sizeof *p.d);
    vm_bigint_pow(&p, &ten, &kk);
    /* q, m = divmod(v, p); round half-even: m compared with p/2 */
    vm_bigint q, m;
    q.d = xmalloc(vm_bigint_floordiv_cap(v, &p) * sizeof *q.d);
    m.d = xmalloc(vm_bigint_mod_cap(v, &p) * sizeof *m.d);
    vm_bigint_divmod(&q, &m, v, &p);
    vm_bigint twice_m;
    twice_m.d = xmalloc(vm_bigint_lshift_cap(&m, 1) * sizeof *twice_m.d);
    vm_bigint_lshift(&twice_m, &m, 1);
    int c = vm_bigint_cmp(&twice_m, &p);
    bool up = c > 0 || (c == 0 && q.n > 0 && (q.d[0] & 1));
    if (up) {
        uint32_t one_d[1] = {1};
        vm_bigint one = {one_d, 1, false};
        vm_bigint q1;
        q1.d = xmalloc(vm_bigint_add_cap(&q, &one) * sizeof *q1.d);
        vm_bigint_add(&q1, &q, &one);
        free(q.d);
        q = q1;
    }
    r->d = xmalloc(vm_bigint_mul_cap(&q, &p) * sizeof *r->d);
    vm_bigint_mul(r, &q, &p);
    if (r->n == 0) {
        free(r->d);
        r->d = NULL;
    }
    free(p.d);
    free(q.d);
    free(m.d);
    free(twice_m.d);
    (void)err;
    return VM_NUMFMT_OK;
}

void vm_numfmt_float_hex(vm_buf *out, double x)
{
    if (!isfinite(x)) {
        vm_numfmt_float_repr(out, x);
        return;
    }
    if (x == 0) {
        buf_puts(out, signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
        return;
    }
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char s[32];
    int si = 0;
    static const char hexd[] = "0123456789abcdef";
    s[si++] = hexd[(int)m];
    m -= (int)m;
    s[si++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        s[si++] = hexd[(int)m];
        m -= (int)m;
    }
    s[si] = 0;
    vm_buf_printf(out, "%s0x%sp%c%d", x < 0 ? "-" : "", s, e < 0 ? '-' : '+', e < 0 ? -e : e);
}

vm_numfmt_status vm_numfmt_float_fromhex(const char *s, size_t len, double *out,
                                         vm_buf *err)
{
    static const char invalid[] = "invalid hexadecimal floating-point string";
    size_t i = 0, n = len;
    while (i < n && is_ascii_space(s[i]))
        i++;
    while (n > i && is_ascii_space(s[n - 1]))
        n--;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (lower_eq(s + i, n - i, "inf") || lower_eq(s + i, n - i, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
        return VM_NUMFMT_OK;
    }
    if (lower_eq(s + i, n - i, "nan")) {
        *out = neg ? -NAN : NAN;
        return VM_NUMFMT_OK;
    }
    if (i + 1 < n && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X'))
        i += 2;
    /* mantissa: the first 16 significant hex digits exactly, the rest as a sticky bit */
    uint64_t mant = 0;
    int kept = 0;           /* significant digits in mant */
    bool sticky = false;
    int64_t exp2 = 0;       /* value = mant * 2**exp2 (before the exponent part) */
    size_t ndig = 0;
    bool seen_point = false;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '.' && !seen_point) {
            seen_point = true;
            continue;
        }
        int d = vm_bigint_digit_value(c);
        if (d >= 16)
            break;
        ndig++;
        if (mant == 0 && d == 0) {
            if (seen_point)
                exp2 -= 4;
            continue;
        }
        if (kept < 15) {
            mant = mant * 16 + (uint64_t)d;
            kept++;
            if (seen_point)
                exp2 -= 4;
        } else {
            if (d)
                sticky = true;
            if (!seen_point)
                exp2 += 4;
        }
    }
    if (ndig == 0)
        return fail(err, VM_NUMFMT_VALUE_ERROR, invalid);
    int64_t e = 0;
    if (i < n && (s[i] == 'p' || s[i] == 'P')) {
        i++;
        bool eneg = false;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        size_t ed = 0;
        while (i < n && is_digit(s[i])) {
            if (e < ((int64_t)1 << 40))
                e = e * 10 + (s[i] - '0');
            i++, ed++;
        }
        if (ed == 0)
            return fail(err, VM_NUMFMT_VALUE_ERROR, invalid);
        if (eneg)
            e = -e;
    }
    if (i != n)
        return fail(err, VM_NUMFMT_VALUE_ERROR, invalid);
    if (mant == 0) {
        *out = neg ? -0.0 : 0.0;
        return VM_NUMFMT_OK;
    }
    exp2 += e;
    /* top bit position: value in [2**top, 2**(top+1)) */
    int mbits = 64 - __builtin_clzll(mant);
    int64_t top = exp2 + mbits - 1;
    if (top >= 1024)
        return fail(err, VM_NUMFMT_OVERFLOW_ERROR,
                    "hexadecimal value too large to represent as a float");
    if (top < -1080) {
        *out = neg ? -0.0 : 0.0;
        return VM_NUMFMT_OK;
    }
    /* keep `keep` bits: 53, fewer for subnormals (lowest bit weight 2**-1074) */
    int64_t lsb = top - 52 > -1074 ? top - 52 : -1074;     /* weight of the last kept bit */
    int64_t drop = lsb - exp2;                               /* bits of mant to drop */
    uint64_t q;
    if (drop <= 0) {
        q = mant << -drop;
    } else if (drop >= 64) {
        q = 0;      /* mant < 2**60 <= half a unit: rounds to zero */
    } else {
        q = mant >> drop;
        uint64_t rem = mant & ((1ull << drop) - 1), half = 1ull << (drop - 1);
        if (rem > half || (rem == half && (sticky || (q & 1))))
            q++;
    }
    double r = ldexp((double)q, (int)lsb);
    if (isinf(r))
        return fail(err, VM_NUMFMT_OVERFLOW_ERROR,
                    "hexadecimal value too large to represent as a float");
    *out = neg ? -r : r;
    return VM_NUMFMT_OK;
}

vm_numfmt_status vm_numfmt_float_as_integer_ratio(double x, vm_bigint *num, vm_bigint *den,
                                                  vm_buf *err)
{
    if (isnan(x))
        return fail(err, VM_NUMFMT_VALUE_ERROR, "cannot convert NaN to integer ratio");
    if (isinf(x))
        return fail(err, VM_NUMFMT_OVERFLOW_ERROR, "cannot convert Infinity to integer ratio");
    int e;
    double m = frexp(x, &e);
    /* m * 2**53 is an integer */
    int64_t mi = (int64_t)ldexp(m, 53);
    e -= 53;
    if (mi != 0) {
        int tz = __builtin_ctzll((uint64_t)(mi < 0 ? -mi : mi));
        mi >>= tz;      /* exact: the low tz bits are zero (arithmetic shift of a negative
                           even number halves it) */
        e += tz;
    } else {
        e = 0;
    }
    vm_bigint m_big;
    uint32_t md[2];
    m_big.d = md;
    vm_bigint_from_int64(&m_big, mi);
    uint32_t one_d[1] = {1};
    vm_bigint one = {one_d, 1, false};
    if (e >= 0) {
        num->d = xmalloc(vm_bigint_lshift_cap(&m_big, (uint64_t)e) * sizeof *num->d);
        vm_bigint_lshift(num, &m_big, (uint64_t)e);
        den->d = xmalloc(sizeof *den->d);
        vm_bigint_copy(den, &one);
    } else {
        num->d = xmalloc(2 * sizeof *num->d);
        vm_bigint_copy(num, &m_big);
        den->d = xmalloc(vm_bigint_lshift_cap(&one, (uint64_t)-e) * sizeof *den->d);
        vm_bigint_lshift(den, &one, (uint64_t)-e);
    }
    return VM_NUMFMT_OK;
}

vm_numfmt_status vm_numfmt_float_div(double a, double b, double *out, vm_buf *err)
{
    if (b == 0)
        return fail(err, VM_NUMFMT_ZERO_DIVISION_ERROR, "float division by zero");
    *out = a / b;
    return VM_NUMFMT_OK;
}

/* _float_div_mod: CPython's floor quotient and remainder (b != 0). */
static void float_div_mod(double vx, double wx, double *floordiv, double *mod)
{
    double div;
    *mod = fmod(vx, wx);
    div = (vx - *mod) / wx;
    if (*mod) {
        if ((wx < 0) != (*mod < 0)) {
            *mod += wx;
            div -= 1.0;
        }
    } else {
        *mod = copysign(0.0, wx);
    }
    if (div) {
        *floordiv = floor(div);
        if (div - *floordiv > 0.5)
            *floordiv += 1.0;
    } else {
        *floordiv = copysign(0.0, vx / wx);
    }
}

vm_numfmt_status vm_numfmt_float_floordiv(double a, double b, double *out, vm_buf *err)
{
    if (b == 0)
        return fail(err, VM_NUMFMT_ZERO_DIVISION_ERROR, "float floor division by zero");
    double mod;
    float_div_mod(a, b, out, &mod);
    return VM_NUMFMT_OK;
}

vm_numfmt_status vm_numfmt_float_mod(double a, double b, double *out, vm_buf *err)
{
    if (b == 0)
        return fail(err, VM_NUMFMT_ZERO_DIVISION_ERROR, "float modulo");
    double mod = fmod(a, b);
    if (mod) {
        if ((b < 0) != (mod < 0))
            mod += b;
    } else {
        mod = copysign(0.0, b);
    }
    *out = mod;
    return VM_NUMFMT_OK;
}

vm_numfmt_status vm_numfmt_float_divmod(double a, double b, double *q, double *m,
                                        vm_buf *err)
{
    if (b == 0)
        return fail(err, VM_NUMFMT_ZERO_DIVISION_ERROR, "float divmod()");
    float_div_mod(a, b, q, m);
    return VM_NUMFMT_OK;
}

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

vm_numfmt_status vm_numfmt_float_pow(double iv, double iw, double *out, vm_buf *err)
{
    bool negate = false;
    if (iw == 0) {
        *out = 1.0;
        return VM_NUMFMT_OK;
    }
    if (isnan(iv)) {
        *out = iv;
        return VM_NUMFMT_OK;
    }
    if (isnan(iw)) {
        *out = iv == 1.0 ? 1.0 : iw;
        return VM_NUMFMT_OK;
    }
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            *out = 1.0;
        else if ((iw > 0.0) == (iv > 1.0))
            *out = fabs(iw);
        else
            *out = 0.0;
        return VM_NUMFMT_OK;
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0)
            *out = odd ? iv : fabs(iv);
        else
            *out = odd ? copysign(0.0, iv) : 0.0;
        return VM_NUMFMT_OK;
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0.0)
            return fail(err, VM_NUMFMT_ZERO_DIVISION_ERROR,
                        "0.0 cannot be raised to a negative power");
        *out = odd ? iv : 0.0;
        return VM_NUMFMT_OK;
    }
    if (iv < 0.0) {
        if (iw != floor(iw))
            return VM_NUMFMT_COMPLEX;
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) {
        *out = negate ? -1.0 : 1.0;
        return VM_NUMFMT_OK;
    }
    errno = 0;
    double ix = pow(iv, iw);
    int e = errno;
    if (e == 0 && isinf(ix))
        e = ERANGE;
    else if (e == ERANGE && ix == 0.0)
        e = 0;
    if (negate)
        ix = -ix;
    if (e != 0) {
        if (e == ERANGE)
            return fail(err, VM_NUMFMT_OVERFLOW_ERROR, "(34, 'Numerical result out of range')");
        return fail(err, VM_NUMFMT_VALUE_ERROR, "(33, 'Numerical argument out of domain')");
    }
    *out = ix;
    return VM_NUMFMT_OK;
}

vm_numfmt_status vm_numfmt_int_truediv(const vm_bigint *a, const vm_bigint *b, double *out,
                                       vm_buf *err)
{
    switch (vm_bigint_truediv(a, b, out)) {
    case VM_BIGINT_OK:
        return VM_NUMFMT_OK;
    case VM_BIGINT_ZERO_DIVISION:
        return fail(err, VM_NUMFMT_ZERO_DIVISION_ERROR, "division by zero");
    default:
        return fail(err, VM_NUMFMT_OVERFLOW_ERROR,
                    "integer division result too large for a float");
    }
}

int64_t vm_numfmt_hash_double(double v)
{
    const int bits = 61;
    const uint64_t modulus = (UINT64_C(1) << bits) - 1;
    if (isinf(v))
        return v > 0 ? 314159 : -314159;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & modulus) | x >> (bits - 28);
        m *= 268435456.0;           /* 2**28: 28 bits at a time */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= modulus)
            x -= modulus;
    }
    e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits);
    x = ((x << e) & modulus) | x >> (bits - e);
    x = x * (uint64_t)(int64_t)sign;
    return (int64_t)x == -1 ? -2 : (int64_t)x;
}

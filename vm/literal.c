/* vm/literal.c — the values of NUMBER and STRING tokens (see vm/ast.h), with CPython
 * 3.11's error messages.
 *
 * Numbers: underscores are checked (only between digits, or after a 0x/0o/0b prefix) and
 * dropped; integers become base-2^32 limbs (hex, octal and binary digits by packing their
 * bits, decimal nine digits at a time) and INT when they fit in int64_t; floats and the
 * imaginary part of 'j' literals go through strtod, which like CPython rounds correctly
 * and gives inf for "1e500".  As in CPython 3.11, a decimal integer literal of more
 * than 4300 digits is a SyntaxError (sys.int_info's default str_digits_check_threshold),
 * unless it is all zeros.
 *
 * Strings: the token text is prefix, quotes, body, quotes.  The body's escapes are
 * decoded into a new arena buffer; a str body stays generalised UTF-8 (\ud800 becomes
 * the 3-byte encoding of the lone surrogate).  Errors in a str body are reported as
 * CPython's unicode-escape codec does: "position A-B" counts in the buffer CPython feeds
 * to the codec, where every non-ASCII character has been rewritten as a 10-byte
 * \UXXXXXXXX escape (and a backslash before one as \u005c): text_position() redoes that
 * count.  Bytes errors count plain byte offsets in the body. */
#define _GNU_SOURCE     /* strtod_l */
#include "vm/ast.h"
#include "vm/bigint.h"

#include <locale.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/unicode.h"

#define MAX_STR_DIGITS 4300

/* strtod follows LC_NUMERIC, which a program may change; literals never do. */
static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void make_c_locale(void)
{
    c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

static double strtod_c(const char *s)
{
    pthread_once(&c_locale_once, make_c_locale);
    return c_locale ? strtod_l(s, NULL, c_locale) : strtod(s, NULL);
}

static bool fail(char *errmsg, size_t errcap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool fail(char *errmsg, size_t errcap, const char *fmt, ...)
{
    if (errmsg && errcap) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(errmsg, errcap, fmt, ap);
        va_end(ap);
    }
    return false;
}

/* ---------------------------------------------------------------------------------------
 * Numbers
 */

/* An integer from digits[0..n) (no underscores, no prefix, all valid in radix): the
 * arbitrary-precision library parses (linear for powers of two, subquadratic for
 * decimal), the constant is an int64 when it fits. */
static void make_int(vm_arena *a, const char *digits, size_t n, int radix, vm_ast_const *out)
{
    vm_bigint v;
    vm_bigint_arena_new(&v, a, vm_bigint_from_str_cap(n, (unsigned)radix));
    if (vm_bigint_from_str(&v, digits, n, (unsigned)radix) != VM_BIGINT_OK)
        abort();    /* the tokenizer accepted these digits: they parse */
    vm_bigint_to_const(&v, out, a);
}

/* Digits with single underscores between them, starting at text[*i]; copies the digits
 * to clean.  Returns false if an underscore is doubled or trails, or no digit is found. */
static bool scan_digits(const char *text, size_t len, size_t *i, int radix, char *clean,
                        size_t *nclean, bool allow_leading_underscore)
{
    size_t start = *i;
    bool prev_digit = false;
    while (*i < len) {
        char c = text[*i];
        if (c == '_') {
            if (!prev_digit && !(allow_leading_underscore && *i == start))
                return false;
            prev_digit = false;
        } else if (vm_bigint_digit_value(c) < radix) {
            clean[(*nclean)++] = c;
            prev_digit = true;
        } else {
            break;
        }
        (*i)++;
    }
    return prev_digit;
}

bool vm_ast_number_literal(vm_arena *a, const char *text, size_t len, vm_ast_const *out,
                           char *errmsg, size_t errcap)
{
    char small[128];
    char *clean = len < sizeof small ? small : malloc(len + 1);
    if (!clean)
        return fail(errmsg, errcap, "out of memory");
    size_t n = 0, i = 0;
    bool ok = false;
    memset(out, 0, sizeof *out);

    if (len >= 2 && text[0] == '0' && text[1] && strchr("xXoObB", text[1])) {
        char p = (char)(text[1] | 0x20);
        int radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        const char *what = p == 'x' ? "hexadecimal" : p == 'o' ? "octal" : "binary";
        i = 2;
        if (!scan_digits(text, len, &i, radix, clean, &n, true)) {
            if (i < len && radix < 10 && text[i] >= '0' && text[i] <= '9')
                fail(errmsg, errcap, "invalid digit '%c' in %s literal", text[i], what);
            else
                fail(errmsg, errcap, "invalid %s literal", what);
            goto done;
        }
        if (i < len) {
            if (radix < 10 && text[i] >= '0' && text[i] <= '9')
                fail(errmsg, errcap, "invalid digit '%c' in %s literal", text[i], what);
            else
                fail(errmsg, errcap, "invalid %s literal", what);
            goto done;
        }
        make_int(a, clean, n, radix, out);
        ok = true;
        goto done;
    }

    /* decimal: int, float or imaginary */
    bool is_float = false, is_imag = false;
    size_t int_digits = 0;
    if (i < len && text[i] != '.') {
        if (!scan_digits(text, len, &i, 10, clean, &n, false))
            goto bad_decimal;
        int_digits = n;
    }
    if (i < len && text[i] == '.') {
        is_float = true;
        clean[n++] = text[i++];
        if (i < len && text[i] >= '0' && text[i] <= '9') {
            if (!scan_digits(text, len, &i, 10, clean, &n, false))
                goto bad_decimal;
        } else if (int_digits == 0) {
            goto bad_decimal;           /* a lone "." */
        }
    }
    if (i < len && (text[i] == 'e' || text[i] == 'E')) {
        is_float = true;
        clean[n++] = text[i++];
        if (i < len && (text[i] == '+' || text[i] == '-'))
            clean[n++] = text[i++];
        if (!scan_digits(text, len, &i, 10, clean, &n, false))
            goto bad_decimal;
    }
    if (i < len && (text[i] == 'j' || text[i] == 'J')) {
        is_imag = true;
        i++;
    }
    if (i != len || n == 0)
        goto bad_decimal;
    clean[n] = '\0';

    if (is_float || is_imag) {
        double value = strtod_c(clean);     /* overflow: HUGE_VAL, i.e. inf, as CPython */
        if (is_imag) {
            out->kind = VM_CONST_COMPLEX;
            out->u.c.real = 0.0;
            out->u.c.imag = value;
        } else {
            out->kind = VM_CONST_FLOAT;
            out->u.f = value;
        }
        ok = true;
        goto done;
    }
    /* a decimal integer: "0", "00", "0_0" are zero; other leading zeros are errors */
    if (clean[0] == '0') {
        for (size_t k = 0; k < n; k++)
            if (clean[k] != '0') {
                fail(errmsg, errcap, "leading zeros in decimal integer literals are not "
                                     "permitted; use an 0o prefix for octal integers");
                goto done;
            }
        out->kind = VM_CONST_INT;
        out->u.i = 0;
        ok = true;
        goto done;
    }
    if (n > MAX_STR_DIGITS) {
        fail(errmsg, errcap,
             "Exceeds the limit (%d digits) for integer string conversion: value has %zu "
             "digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
             "hexadecimal for huge integer literals to avoid decimal conversion limits.",
             MAX_STR_DIGITS, n);
        goto done;
    }
    make_int(a, clean, n, 10, out);
    ok = true;
    goto done;

bad_decimal:
    fail(errmsg, errcap, "invalid decimal literal");
done:
    if (clean != small)
        free(clean);
    return ok;
}

/* ---------------------------------------------------------------------------------------
 * Strings
 */

/* The offset CPython's unicode-escape codec reports for body[off]: ASCII counts 1, each
 * non-ASCII code point 10 (\UXXXXXXXX).  A backslash pairs with the character after it:
 * an ASCII one is copied with it (an escaped backslash stays two bytes, whatever
 * follows), a non-ASCII one makes the backslash \u005c (6 bytes). */
static size_t text_position(const char *body, size_t len, size_t off)
{
    size_t pos = 0, i = 0;
    while (i < off && i < len) {
        unsigned char c = (unsigned char)body[i];
        if (c == '\\') {
            i++;
            if (i < len && (unsigned char)body[i] >= 0x80) {
                pos += 6;
            } else {
                pos += 1;
                if (i < off && i < len) {
                    pos += 1;
                    i++;
                }
            }
        } else if (c < 0x80) {
            pos += 1;
            i++;
        } else {
            size_t n;
            vm_utf8_decode(body + i, len - i, &n);
            pos += 10;
            i += n;
        }
    }
    return pos;
}

/* A unicode-escape error over body[start..end) (end exclusive, in body bytes). */
static bool escape_error(const char *body, size_t len, size_t start, size_t end,
                         const char *reason, char *errmsg, size_t errcap, size_t *err_at)
{
    if (err_at)
        *err_at = start;
    return fail(errmsg, errcap,
                "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                "%zu-%zu: %s",
                text_position(body, len, start), text_position(body, len, end) - 1, reason);
}

static int hexval(char c)
{
    int v = vm_bigint_digit_value(c);
    return v < 16 ? v : -1;
}

static size_t put_cp(char *dst, uint32_t cp)
{
    return vm_utf8_encode(cp, dst);
}

bool vm_ast_string_body(vm_arena *a, const char *body, size_t len, bool raw, bool bytes,
                        vm_ast_const *out, char *errmsg, size_t errcap, size_t *err_at)
{
    memset(out, 0, sizeof *out);
    out->kind = bytes ? VM_CONST_BYTES : VM_CONST_STR;
    if (bytes) {
        for (size_t i = 0; i < len; i++)
            if ((unsigned char)body[i] >= 0x80) {
                if (err_at)
                    *err_at = i;
                return fail(errmsg, errcap, "bytes can only contain ASCII literal characters");
            }
    }
    /* escapes never make the text longer (see the cases), so len + 1 bytes suffice */
    char *dst = vm_arena_alloc(a, len + 1);
    size_t n = 0;
    if (raw) {
        memcpy(dst, body, len);
        n = len;
        goto finish;
    }
    for (size_t i = 0; i < len;) {
        char c = body[i];
        if (c != '\\' || i + 1 >= len) {
            dst[n++] = c;
            i++;
            continue;
        }
        size_t start = i;
        char e = body[i + 1];
        i += 2;
        switch (e) {
        case '\n': break;                       /* line continuation */
        case '\r':
            if (i < len && body[i] == '\n')
                i++;
            break;
        case '\\': dst[n++] = '\\'; break;
        case '\'': dst[n++] = '\''; break;
        case '"': dst[n++] = '"'; break;
        case 'a': dst[n++] = '\a'; break;
        case 'b': dst[n++] = '\b'; break;
        case 'f': dst[n++] = '\f'; break;
        case 'n': dst[n++] = '\n'; break;
        case 'r': dst[n++] = '\r'; break;
        case 't': dst[n++] = '\t'; break;
        case 'v': dst[n++] = '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            /* up to three octal digits; in str a value over 0o377 is the code point (a
             * DeprecationWarning in 3.11), in bytes it is taken modulo 256 */
            uint32_t v = (uint32_t)(e - '0');
            for (int k = 0; k < 2 && i < len && body[i] >= '0' && body[i] <= '7'; k++)
                v = v * 8 + (uint32_t)(body[i++] - '0');
            if (bytes)
                dst[n++] = (char)(v & 0xff);
            else
                n += put_cp(dst + n, v);
            break;
        }
        case 'x': {
            uint32_t v = 0;
            int k = 0;
            for (; k < 2 && i < len && hexval(body[i]) >= 0; k++)
                v = v * 16 + (uint32_t)hexval(body[i++]);
            if (k < 2) {
                if (bytes) {
                    if (err_at)
                        *err_at = start;
                    return fail(errmsg, errcap, "(value error) invalid \\x escape at position %zu",
                                start);
                }
                return escape_error(body, len, start, i, "truncated \\xXX escape", errmsg,
                                    errcap, err_at);
            }
            if (bytes)
                dst[n++] = (char)v;
            else
                n += put_cp(dst + n, v);
            break;
        }
        case 'u':
        case 'U': {
            if (bytes)
                goto verbatim;
            int want = e == 'u' ? 4 : 8, k = 0;
            uint32_t v = 0;
            for (; k < want && i < len && hexval(body[i]) >= 0; k++)
                v = v * 16 + (uint32_t)hexval(body[i++]);
            if (k < want)
                return escape_error(body, len, start, i,
                                    e == 'u' ? "truncated \\uXXXX escape"
                                             : "truncated \\UXXXXXXXX escape",
                                    errmsg, errcap, err_at);
            if (v > VM_UNI_MAX)
                return escape_error(body, len, start, i, "illegal Unicode character", errmsg,
                                    errcap, err_at);
            n += put_cp(dst + n, v);
            break;
        }
        case 'N': {
            if (bytes)
                goto verbatim;
            /* \N{NAME}: the error's range ends after the '{' when the name is empty, at
             * the end of the body when there is no '}', after the '}' when unknown */
            if (i >= len || body[i] != '{')
                return escape_error(body, len, start, i, "malformed \\N character escape",
                                    errmsg, errcap, err_at);
            i++;
            const char *close = memchr(body + i, '}', len - i);
            if (!close)
                return escape_error(body, len, start, len, "malformed \\N character escape",
                                    errmsg, errcap, err_at);
            size_t name_len = (size_t)(close - (body + i));
            if (name_len == 0)
                return escape_error(body, len, start, i, "malformed \\N character escape",
                                    errmsg, errcap, err_at);
            uint32_t cp;
            if (!vm_uni_lookup(body + i, name_len, &cp))
                return escape_error(body, len, start, i + name_len + 1,
                                    "unknown Unicode character name", errmsg, errcap, err_at);
            i += name_len + 1;
            n += put_cp(dst + n, cp);
            break;
        }
        default:
        verbatim:
            /* unknown escapes stay as written (CPython warns; we do not) */
            dst[n++] = '\\';
            i = start + 1;
            break;
        }
    }
finish:
    dst[n] = '\0';
    out->u.str.s = dst;
    out->u.str.len = n;
    return true;
}

bool vm_ast_string_literal(vm_arena *a, const char *text, size_t len, vm_ast_const *out,
                           bool *is_u, char *errmsg, size_t errcap, size_t *err_at)
{
    bool raw = false, bytes = false, u = false, f = false;
    size_t i = 0;
    for (; i < len && text[i] != '\'' && text[i] != '"'; i++) {
        switch (text[i] | 0x20) {
        case 'r': if (raw) goto bad_prefix; raw = true; break;
        case 'b': if (bytes) goto bad_prefix; bytes = true; break;
        case 'u': if (u) goto bad_prefix; u = true; break;
        case 'f': if (f) goto bad_prefix; f = true; break;
        default: goto bad_prefix;
        }
    }
    if (u && (raw || bytes || f))
        goto bad_prefix;
    if (bytes && f)
        goto bad_prefix;
    if (f) {
        if (err_at)
            *err_at = 0;
        return fail(errmsg, errcap, "internal error: f-string given to vm_ast_string_literal");
    }
    size_t prefix = i;
    if (len - prefix < 2)
        goto bad_quotes;
    char q = text[prefix];
    size_t nq = len - prefix >= 6 && text[prefix + 1] == q && text[prefix + 2] == q ? 3 : 1;
    for (size_t k = 0; k < nq; k++)
        if (text[len - 1 - k] != q)
            goto bad_quotes;
    if (len - prefix < 2 * nq)
        goto bad_quotes;
    if (is_u)
        *is_u = u && text[0] == 'u';     /* CPython sets Constant.kind for u'', not U'' */
    size_t body = prefix + nq;
    size_t at = 0;
    bool ok = vm_ast_string_body(a, text + body, len - body - nq, raw, bytes, out, errmsg,
                                 errcap, &at);
    if (!ok && err_at)
        *err_at = body + at;
    return ok;

bad_prefix:
    if (err_at)
        *err_at = 0;
    return fail(errmsg, errcap, "invalid string prefix");
bad_quotes:
    if (err_at)
        *err_at = 0;
    return fail(errmsg, errcap, "unterminated string literal");
}

/* vm/numfmt.h — number formatting and parsing with CPython 3.11's exact results: repr and
 * str of floats, format() specs (PEP 3101) for int, float, complex and str, printf-style
 * '%' conversions of numbers, float() and int() of strings, round(), float.hex/fromhex,
 * as_integer_ratio, and float //, %, divmod and **.
 *
 * This layer knows nothing of objects.  Ints come and go as vm_bigint views (vm/bigint.h);
 * text is UTF-8 (str values may hold lone surrogates as "generalised UTF-8", see
 * vm/unicode.h), and widths, precisions and truncations count code points, as str does.
 *
 * Output.  Text results are appended to a vm_buf (vm/ast.h: the one growable buffer, NUL-
 * terminated; zero-initialise it, vm_buf_free when done).  Bigint results (int(str),
 * as_integer_ratio, round of an int) get malloc'd limbs: the caller frees r->d (or copies
 * the value to its own storage and then frees).
 *
 * Errors.  A function that can fail returns a vm_numfmt_status naming the Python exception
 * to raise (VM_NUMFMT_OK, ValueError...), and writes the exception's message, exactly as
 * CPython 3.11 words it (the oracle is Debian's 3.11.2), into the caller's `err` buffer
 * (replacing what was there).  On failure `out` is left as it was.  Widths past 2**31 and
 * precisions past VM_NUMFMT_MAX_PRECISION are MEMORY_ERROR with an empty message, where
 * CPython would try to build the gigabytes.  Where CPython quotes the offending string
 * ("could not convert string to float: 'x'"), the repr is computed here (Python's
 * str.__repr__ rules, with vm/unicode.h's isprintable).  VM_NUMFMT_COMPLEX is not an
 * exception: float ** says "the result is complex, compute it as complex".
 *
 * Locale.  Nothing here looks at the process locale: conversions go through a private
 * "C" locale (newlocale/uselocale, per thread).  Hence the 'n' presentation type formats
 * as 'd' (ints) or 'g' (floats) with '.' as the decimal point and no thousands grouping —
 * what CPython gives under the "C" locale, which is the locale of a Python program that
 * never calls locale.setlocale().
 *
 * No global state beyond that locale (created once, thread-safely); every function is
 * thread-safe.  The 4300-digit limit of int<->str conversion (sys.set_int_max_str_digits)
 * is a parameter where it applies, VM_NUMFMT_MAX_STR_DIGITS by default; 0 means none. */
#ifndef VM_NUMFMT_H
#define VM_NUMFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/ast.h"       /* vm_buf */
#include "vm/bigint.h"

/* ---- results and errors ---- */


/* X(name, Python exception) — VM_NUMFMT_OK and VM_NUMFMT_COMPLEX raise nothing. */
#define VM_NUMFMT_STATUSES(X)                       \
    X(OK, NULL)                                     \
    X(VALUE_ERROR, "ValueError")                    \
    X(OVERFLOW_ERROR, "OverflowError")              \
    X(ZERO_DIVISION_ERROR, "ZeroDivisionError")     \
    X(TYPE_ERROR, "TypeError")                      \
    X(MEMORY_ERROR, "MemoryError")                  \
    X(COMPLEX, NULL)
typedef enum {
#define X(name, exc) VM_NUMFMT_##name,
    VM_NUMFMT_STATUSES(X)
#undef X
} vm_numfmt_status;

/* "ValueError"..., NULL for OK and COMPLEX. */
const char *vm_numfmt_exception_name(vm_numfmt_status st);

/* CPython 3.11's default for sys.get_int_max_str_digits(). */
#define VM_NUMFMT_MAX_STR_DIGITS 4300

/* ---- 1. floats to text ---- */

/* Flags of vm_numfmt_double_to_string (CPython's Py_DTSF_*). */
#define VM_NUMFMT_DTSF_SIGN     0x01   /* always a sign: "+1.0" */
#define VM_NUMFMT_DTSF_ADD_DOT_0 0x02  /* 'r' and 'g': integers get ".0" */
#define VM_NUMFMT_DTSF_ALT      0x04   /* '#': keep the point and trailing zeros */
#define VM_NUMFMT_DTSF_NO_NEG_0 0x08   /* 'z': a result that reads as zero loses its '-' */

/* repr(x) == str(x) of a float: the shortest string that reads back as x ('1e+16',
 * '1e-05', '0.1', 'inf', 'nan', '-0.0').  add_dot_0 false gives complex's parts ('1',
 * not '1.0').  Writes at most VM_NUMFMT_REPR_MAX bytes including the NUL; returns the
 * length. */
#define VM_NUMFMT_REPR_MAX 32
size_t vm_numfmt_repr_double(double x, bool add_dot_0, char out[VM_NUMFMT_REPR_MAX]);
/* hash() of a float that is not a NaN (CPython 3.11's _Py_HashDouble: an integral value
 * hashes as the int; infinities as +-314159; -1 made -2).  A NaN hashes by identity: the
 * caller's business. */
int64_t vm_numfmt_hash_double(double v);
void vm_numfmt_float_repr(vm_buf *out, double x);
/* repr(complex(re, im)): '1j', '(1+2j)', '(-0-1j)', '(nan+infj)'. */
void vm_numfmt_complex_repr(vm_buf *out, double re, double im);
/* PyOS_double_to_string: code 'e' 'E' 'f' 'F' 'g' 'G' (precision digits, correctly
 * rounded half-even on the exact binary value, any precision) or 'r' (repr; precision
 * must be 0).  MEMORY_ERROR if precision exceeds VM_NUMFMT_MAX_PRECISION. */
#define VM_NUMFMT_MAX_PRECISION 100000000
vm_numfmt_status vm_numfmt_double_to_string(vm_buf *out, double x, char code,
                                            int precision, int flags, vm_buf *err);

/* ---- 2. the format-spec mini-language ---- */

/* [[fill]align][sign][z][#][0][width][grouping_option][.precision][type], parsed. */
typedef struct vm_numfmt_spec {
    uint32_t fill;          /* code point; ' ' by default */
    char align;             /* '<', '>', '=', '^' (the type's default if not given) */
    char sign;              /* '+', '-', ' ', or 0 when not given */
    bool no_neg_0;          /* 'z' */
    bool alternate;         /* '#' */
    int64_t width;          /* -1 when not given */
    char grouping;          /* ',', '_', or 0 */
    int64_t precision;      /* -1 when not given */
    uint32_t type;          /* code point; the type's default (0 for float) if not given */
} vm_numfmt_spec;

/* Parses spec[0..len) (UTF-8) as CPython's parse_internal_render_format_spec, with the
 * object type's default type ('d' for int, 's' for str, 0 for float and complex) and
 * alignment ('>' for numbers, '<' for str).  Errors: "Invalid format specifier '<spec>'
 * for object of type '<type_name>'" (3.11.2's wording, the whole spec quoted), "Format
 * specifier missing precision", "Too many decimal digits in format string", "Cannot
 * specify both ',' and '_'.", "Cannot specify '_' with 'c'." (all ValueError). */
vm_numfmt_status vm_numfmt_parse_spec(const char *spec, size_t len, uint32_t default_type,
                                      char default_align, const char *type_name,
                                      vm_numfmt_spec *out, vm_buf *err);

/* format(value, spec) for each type: parse and format, appending to out.  type_name is
 * the object's type for "Unknown format code 'q' for object of type 'int'" (NULL: "int",
 * "float", "complex", "str"; pass "bool" for True...).  An empty spec gives str(value)
 * (the int's decimal digits, subject to the digit limit; repr for floats and complex;
 * the string itself).  max_str_digits: the int digit limit for decimal output. */
vm_numfmt_status vm_numfmt_format_int(vm_buf *out, const vm_bigint *v,
                                      const char *spec, size_t len, const char *type_name,
                                      int64_t max_str_digits, vm_buf *err);
vm_numfmt_status vm_numfmt_format_float(vm_buf *out, double x, const char *spec,
                                        size_t len, const char *type_name, vm_buf *err);
vm_numfmt_status vm_numfmt_format_complex(vm_buf *out, double re, double im,
                                          const char *spec, size_t len,
                                          const char *type_name, vm_buf *err);
/* s[0..slen) is the string's UTF-8. */
vm_numfmt_status vm_numfmt_format_str(vm_buf *out, const char *s, size_t slen,
                                      const char *spec, size_t len, const char *type_name,
                                      vm_buf *err);

/* ---- 3. printf-style '%' conversions of numbers ---- */

#define VM_NUMFMT_F_LJUST 0x01  /* '-' */
#define VM_NUMFMT_F_SIGN  0x02  /* '+' */
#define VM_NUMFMT_F_BLANK 0x04  /* ' ' */
#define VM_NUMFMT_F_ALT   0x08  /* '#' */
#define VM_NUMFMT_F_ZERO  0x10  /* '0' */

/* One parsed conversion of a '%' format string ('*' already resolved: a negative '*'
 * width sets F_LJUST, a negative '*' precision is 0). */
typedef struct vm_numfmt_percent {
    int flags;              /* VM_NUMFMT_F_* */
    int64_t width;          /* -1 when not given */
    int precision;          /* -1 when not given */
    char conv;              /* d i u o x X e E f F g G c (s r a: vm_numfmt_percent_pad) */
} vm_numfmt_percent;

/* %d %i %u %o %x %X of an int. */
vm_numfmt_status vm_numfmt_percent_int(vm_buf *out, const vm_numfmt_percent *p,
                                       const vm_bigint *v, int64_t max_str_digits,
                                       vm_buf *err);
/* %d %i %u of a float (int(x) first: NaN and infinity fail as int() does); %o %x %X of a
 * float is the TypeError "%x format: an integer is required, not float". */
vm_numfmt_status vm_numfmt_percent_int_of_float(vm_buf *out, const vm_numfmt_percent *p,
                                                double x, int64_t max_str_digits,
                                                vm_buf *err);
/* %e %E %f %F %g %G of a float (of an int: the caller converts with vm_bigint_to_double). */
vm_numfmt_status vm_numfmt_percent_float(vm_buf *out, const vm_numfmt_percent *p,
                                         double x, vm_buf *err);
/* %c of an int: OverflowError "%c arg not in range(0x110000)". */
vm_numfmt_status vm_numfmt_percent_char(vm_buf *out, const vm_numfmt_percent *p,
                                        const vm_bigint *v, vm_buf *err);
/* The padding step shared by every conversion (unicode_format_arg_output): str[0..len) is
 * the converted text (UTF-8); is_number says it came from a numeric conversion (sign
 * flags and '0' apply).  For %s %r %a the precision truncates. */
void vm_numfmt_percent_pad(vm_buf *out, const vm_numfmt_percent *p, const char *str,
                           size_t len, bool is_number);

/* ---- 4. parsing and int -> str ---- */

/* float(s): s[0..len) is the str's UTF-8.  Leading and trailing whitespace (Unicode's too),
 * Unicode decimal digits, PEP 515 underscores between digits, inf/infinity/nan in any case
 * with a sign; correctly rounded.  ValueError "could not convert string to float: 'x'". */
vm_numfmt_status vm_numfmt_parse_float(const char *s, size_t len, double *out,
                                       vm_buf *err);
/* int(s, base), base 0 or 2..36: r->d malloc'd (free it; NULL for zero).  ValueError
 * "invalid literal for int() with base 10: '...'" (the repr cut to 200 characters),
 * "int() base must be >= 2 and <= 36, or 0", and the 4300-digit limit for radixes that are not
 * powers of two. */
vm_numfmt_status vm_numfmt_parse_int(const char *s, size_t len, int base, vm_bigint *r,
                                     int64_t max_str_digits, vm_buf *err);
/* str(v) (base 10, digit limit), bin/oct/hex (base 2/8/16, with_prefix: '-0x1f'), or any
 * radix 2..36 without prefix. */
vm_numfmt_status vm_numfmt_int_to_str(vm_buf *out, const vm_bigint *v, unsigned base,
                                      bool with_prefix, int64_t max_str_digits,
                                      vm_buf *err);

/* ---- 5. round, hex, ratios, float arithmetic ---- */

/* round(x, ndigits) for a float: correctly rounded, half-even on the exact value.
 * OverflowError "rounded value too large to represent". */
vm_numfmt_status vm_numfmt_round_double(double x, int64_t ndigits, double *out,
                                        vm_buf *err);
/* round(x) with no ndigits: the nearest integer, half-even, as a double (the caller makes
 * the int with vm_bigint_from_double).  ValueError "cannot convert float NaN to integer",
 * OverflowError "cannot convert float infinity to integer". */
vm_numfmt_status vm_numfmt_round_double_to_int(double x, double *out, vm_buf *err);
/* round(v, ndigits) of an int: v itself for ndigits >= 0, else half-even to a multiple of
 * 10**-ndigits.  r->d malloc'd. */
vm_numfmt_status vm_numfmt_round_int(const vm_bigint *v, int64_t ndigits, vm_bigint *r,
                                     vm_buf *err);
/* float.hex(x): '0x1.8000000000000p+0'. */
void vm_numfmt_float_hex(vm_buf *out, double x);
/* float.fromhex(s): ValueError "invalid hexadecimal floating-point string", OverflowError
 * "hexadecimal value too large to represent as a float". */
vm_numfmt_status vm_numfmt_float_fromhex(const char *s, size_t len, double *out,
                                         vm_buf *err);
/* x.as_integer_ratio(): num/den in lowest terms, den > 0; both malloc'd. */
vm_numfmt_status vm_numfmt_float_as_integer_ratio(double x, vm_bigint *num, vm_bigint *den,
                                                  vm_buf *err);
/* Python's float /, //, %, divmod (floor, result of the divisor's sign) and **.
 * ZeroDivisionError "float division by zero", "float floor division by zero", "float
 * modulo", "float divmod()", "0.0 cannot be raised to a negative power"; pow's
 * OverflowError "(34, 'Numerical result out of range')"; pow returns VM_NUMFMT_COMPLEX for
 * a negative base and a non-integral exponent. */
vm_numfmt_status vm_numfmt_float_div(double a, double b, double *out, vm_buf *err);
vm_numfmt_status vm_numfmt_float_floordiv(double a, double b, double *out, vm_buf *err);
vm_numfmt_status vm_numfmt_float_mod(double a, double b, double *out, vm_buf *err);
vm_numfmt_status vm_numfmt_float_divmod(double a, double b, double *q, double *m,
                                        vm_buf *err);
vm_numfmt_status vm_numfmt_float_pow(double a, double b, double *out, vm_buf *err);
/* int / int: vm_bigint_truediv (correctly rounded) with its messages ("division by zero",
 * "integer division result too large for a float"). */
vm_numfmt_status vm_numfmt_int_truediv(const vm_bigint *a, const vm_bigint *b, double *out,
                                       vm_buf *err);

/* Python's repr of the string s[0..len) (UTF-8), cut to max_chars code points if
 * max_chars >= 0 (CPython's %.200R): for error messages. */
void vm_numfmt_str_repr(vm_buf *out, const char *s, size_t len, int64_t max_chars);

#endif

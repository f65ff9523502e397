/* vm/ustr.h — the algorithms behind Python's str methods, on PEP 393 buffers.
 *
 * Representation.  A string is a view
 *
 *     typedef struct { const void *data; size_t len; uint8_t kind; } vm_ustr;
 *
 * of len code points stored 1 (Latin-1), 2 (UCS-2) or 4 (UCS-4) bytes each, in native
 * byte order: CPython's PEP 393 layout (docs/design/interpreter.md).  A view need not use
 * the smallest kind that holds its code points ("canonical"): every function accepts any
 * kind, and everything whose result depends on the representation (the hash) behaves as
 * CPython does for the canonical string.  Lone surrogates are ordinary code points.
 *
 * Storage contract.  The library never owns a string.  A function whose result is a
 * string comes as a pair, as vm/bigint.h's operations do: vm_ustr_OP_size(inputs) returns
 * a vm_ustr_size {len, maxchar} — the exact length of the result and its largest code
 * point, so vm_ustr_kind_for(maxchar) is the canonical kind to allocate — and
 * vm_ustr_OP(out, kind, inputs) writes the result to out, which the caller has made room
 * for (len code points of that kind).  kind may be any kind that holds maxchar (the
 * canonical one, or larger).  out must not overlap the inputs.  Both calls must be given
 * the same inputs; the second computes the same thing again and only then writes.  A
 * size whose len is SIZE_MAX means "too long to represent" (OverflowError for the caller).
 * Results that are many strings (split, splitlines, partition, strip) are returned as
 * spans {start, end} into the input instead; the caller slices (vm_ustr_slice,
 * vm_ustr_maxchar for the slice's kind, vm_ustr_copy).  Encoders write bytes under the
 * same two-call contract (the size is a byte count).  Functions may use scratch memory
 * (malloc, freed before they return; split's span array is the caller's to free()), keep
 * no pointers to inputs or results, have no global state and are thread-safe.  If malloc
 * fails the process aborts with a message, as vm/bigint's arena does.  Nothing here
 * allocates from the GC heap, so strings inside heap objects may be passed directly.
 *
 * Semantics are CPython 3.11's (Objects/unicodeobject.c, Objects/stringlib/): slice
 * arguments as Python's (negative from the end, clamped; VM_USTR_END for "no end"),
 * the empty needle's rules (''.find('', 1) == -1, 'ab'.count('') == 3), full case
 * mappings with special casing and the final sigma, whitespace and line boundaries as
 * str.isspace / str.splitlines.  Unicode data come from vm/unicode.h (Unicode 15.0, where
 * CPython 3.11 uses 14.0): characters new in 15.0 behave as assigned characters here and
 * as unassigned ones in CPython (repr escapes them there, isalpha is false...); nothing
 * else differs (the five characters 15.0 made Lowercase are not, as in 14.0).
 *
 * Not here: str % and str.format (they need objects), maketrans (a dict), error handlers
 * registered with codecs.register_error (the caller gets the error and its range), codecs
 * other than UTF-8, Latin-1 and ASCII (vm/charmap.h has the 8-bit maps).
 *
 * Errors.  Functions that can fail return a vm_ustr_status and fill a caller's
 * vm_ustr_error (may be NULL) with the Python exception's message and, for codecs, the
 * range that UnicodeError.start/end report:
 *
 *     VM_USTR_EMPTY_SEPARATOR  ValueError "empty separator"
 *     VM_USTR_NOT_FOUND        ValueError "substring not found" (index, rindex)
 *     VM_USTR_TOO_LONG         OverflowError; sizes say it with len SIZE_MAX instead
 *                              (expandtabs "new string is too long", replace "replace
 *                              string is too long", join "join() result is too long for
 *                              a Python string", * "repeated string is too long")
 *     VM_USTR_DECODE_ERROR     UnicodeDecodeError "'utf-8' codec can't decode byte 0xff
 *                              in position 0: invalid start byte" (and the like)
 *     VM_USTR_ENCODE_ERROR     UnicodeEncodeError "'ascii' codec can't encode character
 *                              '\xe9' in position 0: ordinal not in range(128)"
 *     VM_USTR_MAPPING_RANGE    ValueError "character mapping must be in range(0x110000)"
 *     VM_USTR_CALLBACK_ERROR   translate's callback failed: its exception stands
 *     VM_USTR_UNKNOWN_HANDLER  LookupError "unknown error handler name 'x'"; when
 *                              decoding with an encode-only handler, TypeError "don't
 *                              know how to handle UnicodeDecodeError in error callback"
 */
#ifndef VM_USTR_H
#define VM_USTR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct vm_ustr {
    const void *data;
    size_t len;      /* in code points */
    uint8_t kind;    /* 1, 2 or 4 bytes per code point */
} vm_ustr;

typedef struct vm_ustr_size {
    size_t len;      /* code points (bytes for encoders); SIZE_MAX: too long */
    uint32_t maxchar;
} vm_ustr_size;

typedef struct vm_ustr_span {
    size_t start, end;
} vm_ustr_span;

/* "no end" for the start/end arguments of find, count, startswith... */
#define VM_USTR_END PTRDIFF_MAX

typedef enum {
    VM_USTR_OK = 0,
    VM_USTR_EMPTY_SEPARATOR,
    VM_USTR_NOT_FOUND,
    VM_USTR_TOO_LONG,
    VM_USTR_DECODE_ERROR,
    VM_USTR_ENCODE_ERROR,
    VM_USTR_MAPPING_RANGE,
    VM_USTR_CALLBACK_ERROR,
    VM_USTR_UNKNOWN_HANDLER,
} vm_ustr_status;

typedef struct vm_ustr_error {
    vm_ustr_status status;
    size_t start, end;   /* UnicodeError.start/.end: code points or bytes */
    const char *reason;  /* UnicodeError.reason ("invalid start byte"...), static */
    char msg[160];       /* str(exception) */
} vm_ustr_error;

/* ------------------------------------------------------------------ access ---- */

static inline uint32_t vm_ustr_get(vm_ustr s, size_t i)
{
    switch (s.kind) {
    case 1: return ((const uint8_t *)s.data)[i];
    case 2: return ((const uint16_t *)s.data)[i];
    default: return ((const uint32_t *)s.data)[i];
    }
}

static inline void vm_ustr_put(void *data, uint8_t kind, size_t i, uint32_t cp)
{
    switch (kind) {
    case 1: ((uint8_t *)data)[i] = (uint8_t)cp; break;
    case 2: ((uint16_t *)data)[i] = (uint16_t)cp; break;
    default: ((uint32_t *)data)[i] = cp; break;
    }
}

/* The smallest kind that holds maxchar: 1, 2 or 4. */
static inline uint8_t vm_ustr_kind_for(uint32_t maxchar)
{
    return maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
}

static inline vm_ustr vm_ustr_make(const void *data, size_t len, uint8_t kind)
{
    vm_ustr s = {data, len, kind};
    return s;
}

/* s[start:end] (0 <= start <= end <= len), a view into s. */
static inline vm_ustr vm_ustr_slice(vm_ustr s, size_t start, size_t end)
{
    vm_ustr r = {(const char *)s.data + start * s.kind, end - start, s.kind};
    return r;
}

/* The largest code point (0 for the empty string). */
uint32_t vm_ustr_maxchar(vm_ustr s);
/* Writes s's code points to dst (of dst_kind, which must hold them) from index at. */
void vm_ustr_copy(void *dst, uint8_t dst_kind, size_t at, vm_ustr s);

/* --------------------------------------------------------- compare & hash ---- */

/* Code point order: negative, 0 or positive, as a < b, a == b, a > b. */
int vm_ustr_compare(vm_ustr a, vm_ustr b);
bool vm_ustr_equal(vm_ustr a, vm_ustr b);
/* CPython 3.11's hash(str): SipHash-1-3 keyed by the 16 bytes of key (_Py_HashSecret;
 * PYTHONHASHSEED=0 is all zeros) over the canonical PEP 393 buffer's bytes; 0 for the
 * empty string, -1 becomes -2. */
int64_t vm_ustr_hash(vm_ustr s, const uint8_t key[16]);

/* ---------------------------------------------------------------- search ---- */

/* Python's slice arguments made into 0 <= *start, *end <= len (ADJUST_INDICES); *start
 * may exceed *end, which then selects nothing. */
void vm_ustr_adjust(ptrdiff_t *start, ptrdiff_t *end, size_t len);
/* s.find(sub, start, end) / s.rfind: the index, or -1.  index/rindex raise
 * VM_USTR_NOT_FOUND when these return -1. */
ptrdiff_t vm_ustr_find(vm_ustr s, vm_ustr sub, ptrdiff_t start, ptrdiff_t end);
ptrdiff_t vm_ustr_rfind(vm_ustr s, vm_ustr sub, ptrdiff_t start, ptrdiff_t end);
/* s.count(sub, start, end): non-overlapping occurrences. */
size_t vm_ustr_count(vm_ustr s, vm_ustr sub, ptrdiff_t start, ptrdiff_t end);
/* sub in s */
bool vm_ustr_contains(vm_ustr s, vm_ustr sub);
bool vm_ustr_startswith(vm_ustr s, vm_ustr prefix, ptrdiff_t start, ptrdiff_t end);
bool vm_ustr_endswith(vm_ustr s, vm_ustr suffix, ptrdiff_t start, ptrdiff_t end);

/* s.index(sub, start, end) / s.rindex (last): *at, or VM_USTR_NOT_FOUND. */
vm_ustr_status vm_ustr_index(vm_ustr s, vm_ustr sub, ptrdiff_t start, ptrdiff_t end,
                             bool last, size_t *at, vm_ustr_error *err);

/* ------------------------------------------------------ split, strip... ---- */

/* s.split(sep, maxsplit) / s.rsplit: sep NULL splits on runs of whitespace; maxsplit < 0
 * is "no limit".  *out gets a malloc'd array (free() it; NULL when *n is 0) of the
 * pieces' spans, left to right.  VM_USTR_EMPTY_SEPARATOR if sep is empty. */
vm_ustr_status vm_ustr_split(vm_ustr s, const vm_ustr *sep, ptrdiff_t maxsplit,
                             vm_ustr_span **out, size_t *n);
vm_ustr_status vm_ustr_rsplit(vm_ustr s, const vm_ustr *sep, ptrdiff_t maxsplit,
                              vm_ustr_span **out, size_t *n);
/* s.splitlines(keepends): lines end at \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028
 * \u2029; with keepends the span includes the line break. */
void vm_ustr_splitlines(vm_ustr s, bool keepends, vm_ustr_span **out, size_t *n);
/* True for the code points splitlines breaks at. */
bool vm_ustr_is_linebreak(uint32_t cp);
/* s.partition(sep) / s.rpartition(sep): the three parts as spans into s (an empty part
 * has start == end; the separator's span is s's copy of sep when found).
 * VM_USTR_EMPTY_SEPARATOR if sep is empty. */
vm_ustr_status vm_ustr_partition(vm_ustr s, vm_ustr sep, vm_ustr_span out[3]);
vm_ustr_status vm_ustr_rpartition(vm_ustr s, vm_ustr sep, vm_ustr_span out[3]);

typedef enum { VM_USTR_STRIP_LEFT = 1, VM_USTR_STRIP_RIGHT = 2, VM_USTR_STRIP_BOTH = 3 } vm_ustr_strip_how;
/* s.strip(chars) / lstrip / rstrip: chars NULL strips whitespace (str.isspace). */
vm_ustr_span vm_ustr_strip(vm_ustr s, const vm_ustr *chars, vm_ustr_strip_how how);

/* ------------------------------------------------- building new strings ---- */

/* s.replace(old, new, count); count < 0 replaces all. */
vm_ustr_size vm_ustr_replace_size(vm_ustr s, vm_ustr old, vm_ustr new_, ptrdiff_t count);
void vm_ustr_replace(void *out, uint8_t kind, vm_ustr s, vm_ustr old, vm_ustr new_,
                     ptrdiff_t count);
/* s.expandtabs(tabsize); SIZE_MAX: OverflowError "new string is too long". */
vm_ustr_size vm_ustr_expandtabs_size(vm_ustr s, ptrdiff_t tabsize);
void vm_ustr_expandtabs(void *out, uint8_t kind, vm_ustr s, ptrdiff_t tabsize);

typedef enum { VM_USTR_LJUST, VM_USTR_RJUST, VM_USTR_CENTER, VM_USTR_ZFILL } vm_ustr_pad_how;
/* s.ljust(width, fill) / rjust / center / zfill(width) (fill ignored: '0'). */
vm_ustr_size vm_ustr_pad_size(vm_ustr s, ptrdiff_t width, uint32_t fill, vm_ustr_pad_how how);
void vm_ustr_pad(void *out, uint8_t kind, vm_ustr s, ptrdiff_t width, uint32_t fill,
                 vm_ustr_pad_how how);

/* sep.join(items): items[0..n) joined by sep; SIZE_MAX: OverflowError "join() result is
 * too long for a Python string". */
vm_ustr_size vm_ustr_join_size(vm_ustr sep, const vm_ustr *items, size_t n);
void vm_ustr_join(void *out, uint8_t kind, vm_ustr sep, const vm_ustr *items, size_t n);
/* s * count (count <= 0: empty); SIZE_MAX: OverflowError "repeated string is too long". */
vm_ustr_size vm_ustr_repeat_size(vm_ustr s, ptrdiff_t count);
void vm_ustr_repeat(void *out, uint8_t kind, vm_ustr s, ptrdiff_t count);
/* s[start:stop:step] once the caller has adjusted the slice (PySlice_AdjustIndices): the
 * n code points s[start], s[start + step], ... (step != 0, may be negative). */
vm_ustr_size vm_ustr_slice_step_size(vm_ustr s, size_t start, ptrdiff_t step, size_t n);
void vm_ustr_slice_step(void *out, uint8_t kind, vm_ustr s, size_t start, ptrdiff_t step,
                        size_t n);
/* s.removeprefix(prefix) / s.removesuffix(suffix) as a span of s. */
vm_ustr_span vm_ustr_removeprefix(vm_ustr s, vm_ustr prefix);
vm_ustr_span vm_ustr_removesuffix(vm_ustr s, vm_ustr suffix);

#define VM_USTR_CASES(X) X(UPPER) X(LOWER) X(CASEFOLD) X(TITLE) X(CAPITALIZE) X(SWAPCASE)
typedef enum {
#define X(c) VM_USTR_##c,
    VM_USTR_CASES(X)
#undef X
} vm_ustr_case_op;
/* s.upper() ... s.swapcase(), CPython's do_upper ... do_swapcase. */
vm_ustr_size vm_ustr_case_size(vm_ustr_case_op op, vm_ustr s);
void vm_ustr_case(void *out, uint8_t kind, vm_ustr_case_op op, vm_ustr s);

/* repr(s) (ascii false) or ascii(s): quotes included. */
vm_ustr_size vm_ustr_repr_size(vm_ustr s, bool ascii);
void vm_ustr_repr(void *out, uint8_t kind, vm_ustr s, bool ascii);

/* s.translate(table): map is called once per code point and says what it becomes. */
typedef enum {
    VM_USTR_MAP_KEEP,     /* not in the table (LookupError): unchanged */
    VM_USTR_MAP_DELETE,   /* None */
    VM_USTR_MAP_CHAR,     /* an int: *cp (checked against 0x10FFFF here) */
    VM_USTR_MAP_STR,      /* a str: *str, a view valid until the next call */
    VM_USTR_MAP_ERROR,    /* an exception, set by the callback */
} vm_ustr_map_result;
typedef vm_ustr_map_result (*vm_ustr_map_fn)(void *ctx, uint32_t cp, uint32_t *out_cp,
                                             vm_ustr *out_str);
/* One pass (the callback may be Python code): the result goes to a malloc'd UCS-4 array
 * *out (free() it) of *n code points, largest *maxchar; copy it into the object with
 * vm_ustr_copy(dst, kind, 0, vm_ustr_make(*out, *n, 4)). */
vm_ustr_status vm_ustr_translate(vm_ustr s, vm_ustr_map_fn map, void *ctx, uint32_t **out,
                                 size_t *n, uint32_t *maxchar, vm_ustr_error *err);

/* ------------------------------------------------------------ predicates ---- */

bool vm_ustr_isalpha(vm_ustr s);
bool vm_ustr_isalnum(vm_ustr s);
bool vm_ustr_isdecimal(vm_ustr s);
bool vm_ustr_isdigit(vm_ustr s);
bool vm_ustr_isnumeric(vm_ustr s);
bool vm_ustr_isspace(vm_ustr s);
bool vm_ustr_isupper(vm_ustr s);
bool vm_ustr_islower(vm_ustr s);
bool vm_ustr_istitle(vm_ustr s);
bool vm_ustr_isprintable(vm_ustr s);
bool vm_ustr_isidentifier(vm_ustr s);
bool vm_ustr_isascii(vm_ustr s);

/* Character properties behind them that vm/unicode.h lacks (Unicode's derived
 * Lowercase, Uppercase, Cased and Case_Ignorable; CPython's Py_UNICODE_ISLOWER...). */
bool vm_ustr_char_is_lower(uint32_t cp);
bool vm_ustr_char_is_upper(uint32_t cp);
bool vm_ustr_char_is_cased(uint32_t cp);
bool vm_ustr_char_is_case_ignorable(uint32_t cp);

/* _PyUnicode_TransformDecimalAndSpaceToASCII, what int(), float() and complex() parse:
 * writes s to out (s.len bytes at most) with whitespace as ' ' and decimal digits as
 * '0'..'9'; at the first other non-ASCII code point (or DEL) writes '?' and stops.
 * Returns the number of bytes written. */
size_t vm_ustr_decimal_to_ascii(vm_ustr s, char *out);

/* ---------------------------------------------------------------- codecs ---- */

typedef enum { VM_USTR_UTF8, VM_USTR_LATIN1, VM_USTR_ASCII } vm_ustr_codec;

#define VM_USTR_HANDLERS(X) \
    X(STRICT, "strict") X(IGNORE, "ignore") X(REPLACE, "replace") \
    X(SURROGATEESCAPE, "surrogateescape") X(SURROGATEPASS, "surrogatepass") \
    X(BACKSLASHREPLACE, "backslashreplace") X(XMLCHARREFREPLACE, "xmlcharrefreplace") \
    X(NAMEREPLACE, "namereplace")
typedef enum {
#define X(c, name) VM_USTR_##c,
    VM_USTR_HANDLERS(X)
#undef X
} vm_ustr_errors;

/* The handler called name ("strict"...), or VM_USTR_UNKNOWN_HANDLER.  xmlcharrefreplace
 * and namereplace only encode; decoding with them fails at the first error with
 * VM_USTR_UNKNOWN_HANDLER and CPython's TypeError message ("don't know how to handle
 * UnicodeDecodeError in error callback").  Handlers registered with
 * codecs.register_error are the caller's business (it sees the error and its range).
 *
 * Decoding and encoding run twice like everything else: call the writer only after the
 * size call returned VM_USTR_OK. */
vm_ustr_status vm_ustr_errors_from_name(const char *name, vm_ustr_errors *out,
                                        vm_ustr_error *err);

/* bytes.decode(codec, errors): size (code points, maxchar) then write. */
vm_ustr_status vm_ustr_decode_size(vm_ustr_codec codec, const uint8_t *b, size_t n,
                                   vm_ustr_errors errors, vm_ustr_size *size,
                                   vm_ustr_error *err);
void vm_ustr_decode(void *out, uint8_t kind, vm_ustr_codec codec, const uint8_t *b,
                    size_t n, vm_ustr_errors errors);
/* codecs.utf_8_decode(b, errors, final=False), the incremental decoder's step: as
 * vm_ustr_decode_size / vm_ustr_decode, but a sequence cut off by the end of b is left
 * for next time; *consumed is how many bytes were decoded (the size call sets it). */
vm_ustr_status vm_ustr_decode_utf8_partial_size(const uint8_t *b, size_t n,
                                                vm_ustr_errors errors, vm_ustr_size *size,
                                                size_t *consumed, vm_ustr_error *err);
void vm_ustr_decode_utf8_partial(void *out, uint8_t kind, const uint8_t *b, size_t n,
                                 vm_ustr_errors errors);
/* str.encode(codec, errors): *nbytes then write. */
vm_ustr_status vm_ustr_encode_size(vm_ustr_codec codec, vm_ustr s, vm_ustr_errors errors,
                                   size_t *nbytes, vm_ustr_error *err);
void vm_ustr_encode(uint8_t *out, vm_ustr_codec codec, vm_ustr s, vm_ustr_errors errors);

#endif

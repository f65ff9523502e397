/* vm/astopt.c — CPython 3.11's AST optimiser (Python/ast_opt.c): constant folding.
 *
 * The walk.  astfold_* visit every node in ast_opt.c's order, children first, and after
 * the children of a BinOp, UnaryOp, Tuple, Subscript, Compare, For or comprehension apply
 * the matching fold_* rule to the node itself.  A rule that succeeds turns the node into
 * a Constant in place (make_const: the kind changes, the position stays, Constant.kind
 * becomes None); one that cannot fold leaves it untouched.  Whether an operation folds is
 * decided exactly as CPython decides it: CPython calls the object operation
 * (PyNumber_Add...) and folds if it returned a value, dropping any exception.  So here
 * every operation is Python's own, computed on vm_ast_const values, and returns false
 * wherever Python would raise: TypeError for unsupported operands, ZeroDivisionError,
 * OverflowError (int too large to convert to float, float ** overflowing, complex
 * exponentiation), ValueError (negative shift), IndexError.
 *
 * The size guards (safe_multiply, safe_power, safe_lshift, safe_mod) are 3.11's: an int
 * product, power or left shift folds only when the operands' bit counts promise at most
 * MAX_INT_SIZE bits (a conservative estimate: 2**64 folds, 2**65 does not); a str or
 * bytes repeat at most MAX_STR_SIZE characters; a tuple repeat at most
 * MAX_COLLECTION_SIZE items and MAX_TOTAL_ITEMS counting nested tuples; str % and
 * bytes % are never evaluated (safe_mod), but a str % tuple display whose units are all
 * plain %s/%r/%a becomes an f-string (optimize_format).  + has no limit, as in CPython.
 *
 * Numbers follow CPython's objects: bool is an int (True + True == 2; True & True stays
 * a bool), int with int is exact (vm/bigint.h), int / int is correctly rounded, mixed
 * int/float converts the int with rounding (OverflowError when too large), float // and
 * % use float_floor_div / float_rem's sign rules, float ** follows float_pow's special
 * cases (a negative base to a non-integer power becomes complex), complex arithmetic is
 * complexobject.c's (_Py_c_quot's scaled division, c_powi for small integer exponents),
 * with errno checked as CPython checks it.  The libm calls are the same glibc ones
 * CPython makes, so results agree to the bit.
 *
 * Equalities.  A frozenset merges items by Python's == (vm_ast_const_equal, with a hash
 * consistent across int, float and complex: CPython's numeric hash modulo 2^61 - 1); the
 * compiler's constant table by type and value (vm_ast_const_same).
 *
 * Recursion.  CPython counts the depth of expressions, statements and patterns, starting
 * from the caller's Python frame depth, against the recursion limit, both times
 * COMPILER_STACK_FRAME_SCALE (3): with the default limit of 1000, compile() called at a
 * module's top level (depth 2) folds 2993 nested unary minuses and not 2994. */
#include "vm/astopt.h"
#include "vm/numfmt.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bigint.h"

#define MAX_INT_SIZE           128  /* bits */
#define MAX_COLLECTION_SIZE    256  /* items */
#define MAX_STR_SIZE          4096  /* characters */
#define MAX_TOTAL_ITEMS       1024  /* including nested collections */

/* CPython scales the recursion limit and the caller's depth by this for the optimiser. */
#define COMPILER_STACK_FRAME_SCALE 3

typedef struct fold_state {
    vm_arena *arena;
    int optimize;
    bool future_annotations;
    int depth, limit;
    const char *error;
} fold_state;

/* ---------------------------------------------------------------------------------------
 * Constants: kinds and small constructors
 */

static bool is_bool(const vm_ast_const *c)
{
    return c->kind == VM_CONST_TRUE || c->kind == VM_CONST_FALSE;
}

/* PyLong_Check: int or bool. */
static bool is_int(const vm_ast_const *c)
{
    return c->kind == VM_CONST_INT || c->kind == VM_CONST_BIGINT || is_bool(c);
}

static bool is_str_or_bytes(const vm_ast_const *c)
{
    return c->kind == VM_CONST_STR || c->kind == VM_CONST_BYTES;
}

static bool is_number(const vm_ast_const *c)
{
    return is_int(c) || c->kind == VM_CONST_FLOAT || c->kind == VM_CONST_COMPLEX;
}

static vm_ast_const make_bool(bool b)
{
    vm_ast_const c = {.kind = b ? VM_CONST_TRUE : VM_CONST_FALSE};
    return c;
}

static vm_ast_const make_int(int64_t i)
{
    vm_ast_const c = {.kind = VM_CONST_INT, .u.i = i};
    return c;
}

static vm_ast_const make_float(double f)
{
    vm_ast_const c = {.kind = VM_CONST_FLOAT, .u.f = f};
    return c;
}

static vm_ast_const make_complex(double real, double imag)
{
    vm_ast_const c = {.kind = VM_CONST_COMPLEX, .u.c = {real, imag}};
    return c;
}

/* The int64 value of an int constant, if it has one (canonical BIGINTs never do, but a
 * BIGINT that fits is accepted too). */
static bool small_int(const vm_ast_const *c, int64_t *out)
{
    switch (c->kind) {
    case VM_CONST_INT: *out = c->u.i; return true;
    case VM_CONST_TRUE: *out = 1; return true;
    case VM_CONST_FALSE: *out = 0; return true;
    case VM_CONST_BIGINT: {
        vm_bigint v;
        uint32_t tmp[2];
        return vm_bigint_view_const(&v, c, tmp) && vm_bigint_to_int64(&v, out);
    }
    default: return false;
    }
}

static int int_sign(const vm_ast_const *c)
{
    switch (c->kind) {
    case VM_CONST_INT: return (c->u.i > 0) - (c->u.i < 0);
    case VM_CONST_TRUE: return 1;
    case VM_CONST_FALSE: return 0;
    case VM_CONST_BIGINT: {
        size_t n = c->u.big.n;
        while (n > 0 && c->u.big.limbs[n - 1] == 0)
            n--;
        return n == 0 ? 0 : c->u.big.negative ? -1 : 1;
    }
    default: return 0;
    }
}

/* _PyLong_NumBits: the bit length of |c|. */
static uint64_t int_bits(const vm_ast_const *c)
{
    vm_bigint v;
    uint32_t tmp[2];
    if (!vm_bigint_view_const(&v, c, tmp))
        return 0;
    return vm_bigint_bit_length(&v);
}

/* PyLong_AsSize_t: false (OverflowError) for a negative value or one over SIZE_MAX. */
static bool int_as_size(const vm_ast_const *c, uint64_t *out)
{
    vm_bigint v;
    uint32_t tmp[2];
    if (!vm_bigint_view_const(&v, c, tmp) || v.neg)
        return false;
    return vm_bigint_to_uint64(&v, out) && *out <= SIZE_MAX;
}

/* PyLong_AsDouble (and a float's own value): false on OverflowError. */
static bool as_double(const vm_ast_const *c, double *out)
{
    int64_t i;
    if (c->kind == VM_CONST_FLOAT) {
        *out = c->u.f;
        return true;
    }
    if (small_int(c, &i)) {
        *out = (double)i;           /* round-half-even, as PyLong_AsDouble */
        return true;
    }
    vm_bigint v;
    uint32_t tmp[2];
    if (!vm_bigint_view_const(&v, c, tmp))
        return false;
    return vm_bigint_to_double(&v, out) == VM_BIGINT_OK;
}

/* Number of code points of generalised UTF-8 (every byte that is not a continuation). */
static size_t str_length(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

/* len() of a str, bytes, tuple or frozenset constant. */
static size_t const_len(const vm_ast_const *c)
{
    switch (c->kind) {
    case VM_CONST_STR: return str_length(c->u.str.s, c->u.str.len);
    case VM_CONST_BYTES: return c->u.str.len;
    case VM_CONST_TUPLE:
    case VM_CONST_FROZENSET: return c->u.seq.n;
    default: return 0;
    }
}

/* ---------------------------------------------------------------------------------------
 * Equality and hashing
 */

static uint64_t hash_int(const vm_ast_const *c)
{
    uint32_t tmp[2];
    vm_bigint b;
    vm_bigint_view_const(&b, c, tmp);
    return (uint64_t)vm_bigint_hash(&b);
}

/* _Py_HashDouble (vm/numfmt.c); every NaN alike: a NaN is equal to nothing anyway. */
static uint64_t hash_double(double v)
{
    return isnan(v) ? 0 : (uint64_t)vm_numfmt_hash_double(v);
}

static uint64_t hash_bytes(const char *s, size_t len, uint64_t seed)
{
    uint64_t h = 0xcbf29ce484222325u ^ seed;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
    return h;
}

static uint64_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    return h;
}

uint64_t vm_ast_const_hash(const vm_ast_const *c)
{
    switch (c->kind) {
    case VM_CONST_NONE: return 0x9e3779b97f4a7c15u;
    case VM_CONST_ELLIPSIS: return 0x7f4a7c159e3779b9u;
    case VM_CONST_TRUE:
    case VM_CONST_FALSE:
    case VM_CONST_INT:
    case VM_CONST_BIGINT: return hash_int(c);
    case VM_CONST_FLOAT: return hash_double(c->u.f);
    case VM_CONST_COMPLEX: return hash_double(c->u.c.real) + 1000003u * hash_double(c->u.c.imag);
    case VM_CONST_STR: return hash_bytes(c->u.str.s, c->u.str.len, 1);
    case VM_CONST_BYTES: return hash_bytes(c->u.str.s, c->u.str.len, 2);
    case VM_CONST_TUPLE: {
        uint64_t h = 0x345678;
        for (size_t i = 0; i < c->u.seq.n; i++)
            h = mix(h ^ vm_ast_const_hash(&c->u.seq.items[i])) + i;
        return h;
    }
    case VM_CONST_FROZENSET: {
        uint64_t h = 0x1f2e3d4c;
        for (size_t i = 0; i < c->u.seq.n; i++)
            h += mix(vm_ast_const_hash(&c->u.seq.items[i]));
        return h;
    }
    }
    return 0;
}

/* int == float, exactly (float_richcompare). */
static bool int_equals_double(const vm_ast_const *a, double d)
{
    if (!isfinite(d) || d != floor(d))
        return false;
    int64_t i;
    if (small_int(a, &i))
        return d >= -0x1p63 && d < 0x1p63 && (int64_t)d == i;
    if (fabs(d) < 0x1p63)
        return false;               /* a canonical BIGINT is outside int64 */
    vm_bigint va, vd;
    uint32_t tmp[2];
    if (!vm_bigint_view_const(&va, a, tmp))
        return false;
    size_t cap = vm_bigint_from_double_cap(d);
    uint32_t *limbs = malloc(cap * sizeof *limbs);
    if (!limbs)
        abort();
    vd.d = limbs;
    vm_bigint_from_double(&vd, d);
    bool eq = vm_bigint_cmp(&va, &vd) == 0;
    free(limbs);
    return eq;
}

/* A real number's value for comparison: int or float. */
static bool real_equal(const vm_ast_const *a, const vm_ast_const *b)
{
    if (is_int(a) && is_int(b)) {
        vm_bigint va, vb;
        uint32_t ta[2], tb[2];
        vm_bigint_view_const(&va, a, ta);
        vm_bigint_view_const(&vb, b, tb);
        return vm_bigint_cmp(&va, &vb) == 0;
    }
    if (is_int(a))
        return int_equals_double(a, b->u.f);
    if (is_int(b))
        return int_equals_double(b, a->u.f);
    return a->u.f == b->u.f;
}

static bool set_contains(const vm_ast_const *set, const vm_ast_const *x,
                         bool (*eq)(const vm_ast_const *, const vm_ast_const *))
{
    for (size_t i = 0; i < set->u.seq.n; i++)
        if (eq(&set->u.seq.items[i], x))
            return true;
    return false;
}

/* Equality of two constants of the same kind that both equalities share: str and bytes
 * by content, tuples item by item and frozensets as sets under `eq`; other kinds (None,
 * Ellipsis, the bools under vm_ast_const_same) are equal. */
static bool same_kind_equal(const vm_ast_const *a, const vm_ast_const *b,
                            bool (*eq)(const vm_ast_const *, const vm_ast_const *))
{
    switch (a->kind) {
    case VM_CONST_STR:
    case VM_CONST_BYTES:
        return a->u.str.len == b->u.str.len && memcmp(a->u.str.s, b->u.str.s, a->u.str.len) == 0;
    case VM_CONST_TUPLE:
        if (a->u.seq.n != b->u.seq.n)
            return false;
        for (size_t i = 0; i < a->u.seq.n; i++)
            if (!eq(&a->u.seq.items[i], &b->u.seq.items[i]))
                return false;
        return true;
    case VM_CONST_FROZENSET:
        if (a->u.seq.n != b->u.seq.n)
            return false;
        for (size_t i = 0; i < a->u.seq.n; i++)
            if (!set_contains(b, &a->u.seq.items[i], eq))
                return false;
        return true;
    default:
        return true;
    }
}

bool vm_ast_const_equal(const vm_ast_const *a, const vm_ast_const *b)
{
    if (is_number(a) && is_number(b)) {
        if (a->kind == VM_CONST_COMPLEX || b->kind == VM_CONST_COMPLEX) {
            if (a->kind != VM_CONST_COMPLEX)
                return b->u.c.imag == 0 && vm_ast_const_equal(a, &(vm_ast_const){
                           .kind = VM_CONST_FLOAT, .u.f = b->u.c.real});
            if (b->kind != VM_CONST_COMPLEX)
                return vm_ast_const_equal(b, a);
            return a->u.c.real == b->u.c.real && a->u.c.imag == b->u.c.imag;
        }
        return real_equal(a, b);
    }
    if (a->kind != b->kind)
        return false;
    return same_kind_equal(a, b, vm_ast_const_equal);      /* None, Ellipsis: true */
}

static bool same_bits(double x, double y)
{
    uint64_t bx, by;
    memcpy(&bx, &x, sizeof bx);
    memcpy(&by, &y, sizeof by);
    return bx == by;
}

static bool is_int_kind(vm_const_kind k)
{
    return k == VM_CONST_INT || k == VM_CONST_BIGINT;
}

bool vm_ast_const_same(const vm_ast_const *a, const vm_ast_const *b)
{
    if (is_int_kind(a->kind) && is_int_kind(b->kind))
        return real_equal(a, b);
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case VM_CONST_FLOAT: return same_bits(a->u.f, b->u.f);
    case VM_CONST_COMPLEX:
        return same_bits(a->u.c.real, b->u.c.real) && same_bits(a->u.c.imag, b->u.c.imag);
    default:
        return same_kind_equal(a, b, vm_ast_const_same);   /* None, True, False, Ellipsis: true */
    }
}

static uint64_t hash_double_bits(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return mix(b);
}

uint64_t vm_ast_const_hash_same(const vm_ast_const *c)
{
    uint64_t kind = is_int_kind(c->kind) ? VM_CONST_INT : c->kind;
    uint64_t h;
    switch (c->kind) {
    case VM_CONST_INT:
    case VM_CONST_BIGINT: h = hash_int(c); break;
    case VM_CONST_FLOAT: h = hash_double_bits(c->u.f); break;
    case VM_CONST_COMPLEX:
        h = hash_double_bits(c->u.c.real) * 31 + hash_double_bits(c->u.c.imag);
        break;
    case VM_CONST_STR:
    case VM_CONST_BYTES: h = hash_bytes(c->u.str.s, c->u.str.len, 0); break;
    case VM_CONST_TUPLE:
        h = 0x345678;
        for (size_t i = 0; i < c->u.seq.n; i++)
            h = mix(h ^ vm_ast_const_hash_same(&c->u.seq.items[i])) + i;
        break;
    case VM_CONST_FROZENSET:
        h = 0x1f2e3d4c;
        for (size_t i = 0; i < c->u.seq.n; i++)
            h += mix(vm_ast_const_hash_same(&c->u.seq.items[i]));
        break;
    default: h = 0; break;
    }
    return mix(h ^ (kind * 0x9e3779b97f4a7c15u));
}

/* ---------------------------------------------------------------------------------------
 * Collections: tuples and frozensets
 */

static vm_ast_const make_seq(vm_const_kind kind, const vm_ast_const *items, size_t n)
{
    vm_ast_const c = {.kind = kind};
    c.u.seq.items = items;
    c.u.seq.n = n;
    return c;
}

/* PyFrozenSet_New(tuple): the distinct items (Python equality) in first-seen order.  An
 * open-addressing table of indices keeps large sets linear. */
static vm_ast_const make_frozenset(vm_arena *arena, const vm_ast_const *items, size_t n)
{
    vm_ast_const *out = vm_arena_alloc(arena, (n ? n : 1) * sizeof *out);
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    size_t *slots = calloc(cap, sizeof *slots);      /* index + 1; 0 is empty */
    if (!slots)
        abort();
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = (size_t)mix(vm_ast_const_hash(&items[i])) & (cap - 1);
        bool dup = false;
        while (slots[j]) {
            if (vm_ast_const_equal(&out[slots[j] - 1], &items[i])) {
                dup = true;
                break;
            }
            j = (j + 1) & (cap - 1);
        }
        if (dup)
            continue;
        out[count] = items[i];
        slots[j] = ++count;
    }
    free(slots);
    return make_seq(VM_CONST_FROZENSET, out, count);
}

/* check_complexity: limit minus the items of obj and of its nested tuples/frozensets;
 * negative once over. */
static int64_t check_complexity(const vm_ast_const *c, int64_t limit)
{
    if (c->kind == VM_CONST_TUPLE || c->kind == VM_CONST_FROZENSET) {
        limit -= (int64_t)c->u.seq.n;
        for (size_t i = 0; limit >= 0 && i < c->u.seq.n; i++)
            limit = check_complexity(&c->u.seq.items[i], limit);
    }
    return limit;
}

/* ---------------------------------------------------------------------------------------
 * Integers (vm/bigint.h), with CPython's safe_* guards applied by the callers
 */

static const vm_bigint_op int_ops[] = {
    [VM_AST_OP_Add] = VM_BIGINT_OP_ADD, [VM_AST_OP_Sub] = VM_BIGINT_OP_SUB,
    [VM_AST_OP_Mult] = VM_BIGINT_OP_MUL, [VM_AST_OP_FloorDiv] = VM_BIGINT_OP_FLOORDIV,
    [VM_AST_OP_Mod] = VM_BIGINT_OP_MOD, [VM_AST_OP_Pow] = VM_BIGINT_OP_POW,
    [VM_AST_OP_LShift] = VM_BIGINT_OP_LSHIFT, [VM_AST_OP_RShift] = VM_BIGINT_OP_RSHIFT,
    [VM_AST_OP_BitAnd] = VM_BIGINT_OP_AND, [VM_AST_OP_BitOr] = VM_BIGINT_OP_OR,
    [VM_AST_OP_BitXor] = VM_BIGINT_OP_XOR,
};

/* bool constants as ints, for the bigint layer */
static vm_ast_const as_int_const(const vm_ast_const *c)
{
    if (is_bool(c))
        return make_int(c->kind == VM_CONST_TRUE);
    return *c;
}

static bool float_binop(int op, double a, double b, vm_ast_const *out);

/* int op int (both PyLong, bools included), Python's result or false. */
static bool int_binop(fold_state *st, int op, const vm_ast_const *a, const vm_ast_const *b,
                      vm_ast_const *out)
{
    int64_t x, y, r;
    bool small = small_int(a, &x) && small_int(b, &y);
    switch (op) {
    case VM_AST_OP_BitAnd:
    case VM_AST_OP_BitOr:
    case VM_AST_OP_BitXor:
        if (is_bool(a) && is_bool(b)) {     /* bool_and, bool_or, bool_xor */
            bool p = x, q = y;
            *out = make_bool(op == VM_AST_OP_BitAnd ? p & q : op == VM_AST_OP_BitOr ? p | q : p ^ q);
            return true;
        }
        if (small) {
            *out = make_int(op == VM_AST_OP_BitAnd ? x & y : op == VM_AST_OP_BitOr ? x | y : x ^ y);
            return true;
        }
        break;
    case VM_AST_OP_Add:
        if (small && !__builtin_add_overflow(x, y, &r)) {
            *out = make_int(r);
            return true;
        }
        break;
    case VM_AST_OP_Sub:
        if (small && !__builtin_sub_overflow(x, y, &r)) {
            *out = make_int(r);
            return true;
        }
        break;
    case VM_AST_OP_Mult:
        if (small && !__builtin_mul_overflow(x, y, &r)) {
            *out = make_int(r);
            return true;
        }
        break;
    case VM_AST_OP_Div: {
        /* long_true_divide: exact operands below 2^53 divide directly */
        if (small && x >= -(INT64_C(1) << 53) && x <= (INT64_C(1) << 53) &&
            y >= -(INT64_C(1) << 53) && y <= (INT64_C(1) << 53)) {
            if (y == 0)
                return false;
            *out = make_float((double)x / (double)y);
            return true;
        }
        vm_bigint va, vb;
        uint32_t ta[2], tb[2];
        vm_bigint_view_const(&va, a, ta);
        vm_bigint_view_const(&vb, b, tb);
        double q;
        if (vm_bigint_truediv(&va, &vb, &q) != VM_BIGINT_OK)
            return false;
        *out = make_float(q);
        return true;
    }
    case VM_AST_OP_Pow:
        if (int_sign(b) < 0) {
            /* long_pow hands a negative exponent to float_pow */
            double fa, fb;
            if (!as_double(a, &fa) || !as_double(b, &fb))
                return false;
            return float_binop(VM_AST_OP_Pow, fa, fb, out);
        }
        break;
    case VM_AST_OP_MatMult:
        return false;
    default:
        break;
    }
    vm_ast_const ia = as_int_const(a), ib = as_int_const(b);
    return vm_bigint_const_binop(out, st->arena, int_ops[op], &ia, &ib, SIZE_MAX) == VM_BIGINT_OK;
}

/* ---------------------------------------------------------------------------------------
 * Floats (floatobject.c)
 */

typedef struct { double real, imag; } cplx;
static bool complex_binop(int op, cplx a, cplx b, vm_ast_const *out);

/* float op float, CPython's float_* slots. */
static bool float_binop(int op, double a, double b, vm_ast_const *out)
{
    switch (op) {
    case VM_AST_OP_Add: *out = make_float(a + b); return true;
    case VM_AST_OP_Sub: *out = make_float(a - b); return true;
    case VM_AST_OP_Mult: *out = make_float(a * b); return true;
    case VM_AST_OP_Div:
        if (b == 0.0)
            return false;
        *out = make_float(a / b);
        return true;
    case VM_AST_OP_Mod:
    case VM_AST_OP_FloorDiv:
    case VM_AST_OP_Pow: {
        /* vm/numfmt.c has float's %, // and ** (floatobject.c's rules); what raises there
         * is left unfolded, and a negative base to a non-integer power is complex_pow's */
        vm_buf err = {0};
        double r = 0.0;
        vm_numfmt_status st = op == VM_AST_OP_Mod        ? vm_numfmt_float_mod(a, b, &r, &err)
                              : op == VM_AST_OP_FloorDiv ? vm_numfmt_float_floordiv(a, b, &r, &err)
                                                         : vm_numfmt_float_pow(a, b, &r, &err);
        vm_buf_free(&err);
        if (st == VM_NUMFMT_COMPLEX)
            return complex_binop(VM_AST_OP_Pow, (cplx){a, 0.0}, (cplx){b, 0.0}, out);
        if (st != VM_NUMFMT_OK)
            return false;
        *out = make_float(r);
        return true;
    }
    default: return false;          /* no float <<, >>, &, |, ^, @ */
    }
}

/* ---------------------------------------------------------------------------------------
 * Complex numbers (complexobject.c)
 */

static cplx c_prod(cplx a, cplx b)
{
    return (cplx){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

/* _Py_c_quot: Smith's scaled division; EDOM in errno for a zero divisor. */
static cplx c_quot(cplx a, cplx b)
{
    cplx r;
    const double abs_breal = b.real < 0 ? -b.real : b.real;
    const double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        } else {
            const double ratio = b.imag / b.real;
            const double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bimag >= abs_breal) {
        const double ratio = b.real / b.imag;
        const double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN;      /* a NaN in b */
    }
    return r;
}

/* _Py_c_pow */
static cplx c_pow(cplx a, cplx b)
{
    cplx r;
    if (b.real == 0. && b.imag == 0.) {
        r.real = 1.;
        r.imag = 0.;
    } else if (a.real == 0. && a.imag == 0.) {
        if (b.imag != 0. || b.real < 0.)
            errno = EDOM;
        r.real = 0.;
        r.imag = 0.;
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

static cplx c_powu(cplx x, long n)
{
    cplx r = {1., 0.}, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask)
            r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

static cplx c_powi(cplx x, long n)
{
    if (n > 100 || n < -100)
        return c_pow(x, (cplx){(double)n, 0.});
    if (n > 0)
        return c_powu(x, n);
    return c_quot((cplx){1., 0.}, c_powu(x, -n));
}

static bool complex_binop(int op, cplx a, cplx b, vm_ast_const *out)
{
    cplx r;
    switch (op) {
    case VM_AST_OP_Add: r = (cplx){a.real + b.real, a.imag + b.imag}; break;
    case VM_AST_OP_Sub: r = (cplx){a.real - b.real, a.imag - b.imag}; break;
    case VM_AST_OP_Mult: r = c_prod(a, b); break;
    case VM_AST_OP_Div:
        errno = 0;
        r = c_quot(a, b);
        if (errno == EDOM)
            return false;           /* ZeroDivisionError */
        break;
    case VM_AST_OP_Pow: {
        errno = 0;
        /* (long)b.real, where the cast is defined */
        bool integral = b.imag == 0. && b.real >= -0x1p63 && b.real < 0x1p63 &&
                        b.real == (double)(long)b.real;
        r = integral ? c_powi(a, (long)b.real) : c_pow(a, b);
        /* Py_ADJUST_ERANGE2 */
        if (isinf(r.real) || isinf(r.imag)) {
            if (errno == 0)
                errno = ERANGE;
        } else if (errno == ERANGE) {
            errno = 0;
        }
        if (errno == EDOM || errno == ERANGE)
            return false;           /* ZeroDivisionError, OverflowError */
        break;
    }
    default: return false;          /* no complex //, %, bit operations */
    }
    *out = make_complex(r.real, r.imag);
    return true;
}

/* TO_COMPLEX */
static bool as_complex(const vm_ast_const *c, cplx *out)
{
    if (c->kind == VM_CONST_COMPLEX) {
        *out = (cplx){c->u.c.real, c->u.c.imag};
        return true;
    }
    double d;
    if (!as_double(c, &d))
        return false;
    *out = (cplx){d, 0.0};
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Sequences: str, bytes, tuple
 */

static bool seq_concat(fold_state *st, const vm_ast_const *a, const vm_ast_const *b,
                       vm_ast_const *out)
{
    if (a->kind != b->kind)
        return false;
    if (is_str_or_bytes(a)) {
        size_t len = a->u.str.len + b->u.str.len;
        char *s = vm_arena_alloc(st->arena, len + 1);
        memcpy(s, a->u.str.s, a->u.str.len);
        memcpy(s + a->u.str.len, b->u.str.s, b->u.str.len);
        *out = *a;
        out->u.str.s = s;
        out->u.str.len = len;
        return true;
    }
    if (a->kind == VM_CONST_TUPLE) {
        size_t n = a->u.seq.n + b->u.seq.n;
        vm_ast_const *items = vm_arena_alloc(st->arena, (n ? n : 1) * sizeof *items);
        memcpy(items, a->u.seq.items, a->u.seq.n * sizeof *items);
        memcpy(items + a->u.seq.n, b->u.seq.items, b->u.seq.n * sizeof *items);
        *out = make_seq(VM_CONST_TUPLE, items, n);
        return true;
    }
    return false;
}

/* seq * count (sq_repeat): count must fit a Py_ssize_t; <= 0 gives an empty one. */
static bool seq_repeat(fold_state *st, const vm_ast_const *seq, const vm_ast_const *count,
                       vm_ast_const *out)
{
    int64_t n;
    if (!small_int(count, &n))
        return false;               /* OverflowError: cannot fit 'int' into an index-sized integer */
    if (n < 0)
        n = 0;
    if (is_str_or_bytes(seq)) {
        size_t len = seq->u.str.len;
        if (len == 0)
            n = 0;
        if (len && (uint64_t)n > (SIZE_MAX / 2) / len)
            return false;           /* MemoryError / OverflowError */
        char *s = vm_arena_alloc(st->arena, len * (size_t)n + 1);
        for (int64_t i = 0; i < n; i++)
            memcpy(s + len * (size_t)i, seq->u.str.s, len);
        *out = *seq;
        out->u.str.s = s;
        out->u.str.len = len * (size_t)n;
        return true;
    }
    if (seq->kind == VM_CONST_TUPLE) {
        size_t len = seq->u.seq.n;
        if (len == 0 || n == 0) {
            *out = make_seq(VM_CONST_TUPLE, seq->u.seq.items, 0);
            return true;
        }
        if ((uint64_t)n > (SIZE_MAX / 2) / (len * sizeof(vm_ast_const)))
            return false;
        vm_ast_const *items = vm_arena_alloc(st->arena, len * (size_t)n * sizeof *items);
        for (int64_t i = 0; i < n; i++)
            memcpy(items + len * (size_t)i, seq->u.seq.items, len * sizeof *items);
        *out = make_seq(VM_CONST_TUPLE, items, len * (size_t)n);
        return true;
    }
    return false;
}

/* ---------------------------------------------------------------------------------------
 * The object operations: PyNumber_* with ast_opt.c's safe_* guards
 */

/* PyNumber_<op>(a, b) for constants; false where Python raises. */
static bool number_binop(fold_state *st, int op, const vm_ast_const *a, const vm_ast_const *b,
                         vm_ast_const *out)
{
    if (!is_number(a) || !is_number(b))
        return false;
    if (a->kind == VM_CONST_COMPLEX || b->kind == VM_CONST_COMPLEX) {
        cplx x, y;
        if (op == VM_AST_OP_FloorDiv || op == VM_AST_OP_Mod || op == VM_AST_OP_MatMult ||
            op == VM_AST_OP_LShift || op == VM_AST_OP_RShift || op == VM_AST_OP_BitAnd ||
            op == VM_AST_OP_BitOr || op == VM_AST_OP_BitXor)
            return false;
        if (!as_complex(a, &x) || !as_complex(b, &y))
            return false;
        return complex_binop(op, x, y, out);
    }
    if (a->kind == VM_CONST_FLOAT || b->kind == VM_CONST_FLOAT) {
        double x, y;
        if (op == VM_AST_OP_MatMult || op == VM_AST_OP_LShift || op == VM_AST_OP_RShift ||
            op == VM_AST_OP_BitAnd || op == VM_AST_OP_BitOr || op == VM_AST_OP_BitXor)
            return false;
        if (!as_double(a, &x) || !as_double(b, &y))
            return false;
        return float_binop(op, x, y, out);
    }
    return int_binop(st, op, a, b, out);
}

/* safe_multiply */
static bool safe_multiply(fold_state *st, const vm_ast_const *v, const vm_ast_const *w,
                          vm_ast_const *out)
{
    if (is_int(v) && is_int(w) && int_sign(v) && int_sign(w)) {
        if (int_bits(v) + int_bits(w) > MAX_INT_SIZE)
            return false;
    } else if (is_int(v) && (w->kind == VM_CONST_TUPLE || w->kind == VM_CONST_FROZENSET)) {
        size_t size = w->u.seq.n;
        if (size) {
            int64_t n;
            if (!small_int(v, &n))
                n = -1;             /* PyLong_AsLong overflowed */
            if (n < 0 || n > (int64_t)(MAX_COLLECTION_SIZE / size))
                return false;
            if (n && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0)
                return false;
        }
    } else if (is_int(v) && is_str_or_bytes(w)) {
        size_t size = const_len(w);
        if (size) {
            int64_t n;
            if (!small_int(v, &n))
                n = -1;
            if (n < 0 || n > (int64_t)(MAX_STR_SIZE / size))
                return false;
        }
    } else if (is_int(w) && (v->kind == VM_CONST_TUPLE || v->kind == VM_CONST_FROZENSET ||
                             is_str_or_bytes(v))) {
        return safe_multiply(st, w, v, out);
    }
    /* PyNumber_Multiply */
    if (is_int(v) && !is_number(w))
        return seq_repeat(st, w, v, out);
    if (is_int(w) && !is_number(v))
        return seq_repeat(st, v, w, out);
    return number_binop(st, VM_AST_OP_Mult, v, w, out);
}

/* safe_power */
static bool safe_power(fold_state *st, const vm_ast_const *v, const vm_ast_const *w,
                       vm_ast_const *out)
{
    if (is_int(v) && is_int(w) && int_sign(v) && int_sign(w) > 0) {
        uint64_t vbits = int_bits(v), wbits;
        if (!int_as_size(w, &wbits))
            return false;
        if (vbits > MAX_INT_SIZE / wbits)
            return false;
    }
    return number_binop(st, VM_AST_OP_Pow, v, w, out);
}

/* safe_lshift */
static bool safe_lshift(fold_state *st, const vm_ast_const *v, const vm_ast_const *w,
                        vm_ast_const *out)
{
    if (is_int(v) && is_int(w) && int_sign(v) && int_sign(w)) {
        uint64_t vbits = int_bits(v), wbits;
        if (!int_as_size(w, &wbits))
            return false;
        if (wbits > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wbits)
            return false;
    }
    return number_binop(st, VM_AST_OP_LShift, v, w, out);
}

static bool binop_value(fold_state *st, int op, const vm_ast_const *lv, const vm_ast_const *rv,
                        vm_ast_const *out)
{
    switch (op) {
    case VM_AST_OP_Add:
        if (is_number(lv) && is_number(rv))
            return number_binop(st, op, lv, rv, out);
        return seq_concat(st, lv, rv, out);
    case VM_AST_OP_Mult: return safe_multiply(st, lv, rv, out);
    case VM_AST_OP_Mod:
        if (is_str_or_bytes(lv))    /* safe_mod: no %-formatting */
            return false;
        return number_binop(st, op, lv, rv, out);
    case VM_AST_OP_Pow: return safe_power(st, lv, rv, out);
    case VM_AST_OP_LShift: return safe_lshift(st, lv, rv, out);
    case VM_AST_OP_MatMult: return false;
    default: return number_binop(st, op, lv, rv, out);
    }
}

/* PyObject_IsTrue */
static bool const_truth(const vm_ast_const *c)
{
    switch (c->kind) {
    case VM_CONST_NONE:
    case VM_CONST_FALSE: return false;
    case VM_CONST_TRUE:
    case VM_CONST_ELLIPSIS: return true;
    case VM_CONST_INT:
    case VM_CONST_BIGINT: return int_sign(c) != 0;
    case VM_CONST_FLOAT: return c->u.f != 0.0;
    case VM_CONST_COMPLEX: return c->u.c.real != 0.0 || c->u.c.imag != 0.0;
    case VM_CONST_STR:
    case VM_CONST_BYTES: return c->u.str.len != 0;
    case VM_CONST_TUPLE:
    case VM_CONST_FROZENSET: return c->u.seq.n != 0;
    }
    return true;
}

static bool unaryop_value(fold_state *st, int op, const vm_ast_const *v, vm_ast_const *out)
{
    if (op == VM_AST_OP_Not) {
        *out = make_bool(!const_truth(v));
        return true;
    }
    if (is_int(v)) {
        vm_ast_const iv = as_int_const(v);
        char c = op == VM_AST_OP_Invert ? '~' : op == VM_AST_OP_UAdd ? '+' : '-';
        int64_t x;
        if (small_int(&iv, &x)) {
            if (c == '~') {
                *out = make_int(~x);
                return true;
            }
            if (c == '+') {
                *out = make_int(x);
                return true;
            }
            if (x != INT64_MIN) {
                *out = make_int(-x);
                return true;
            }
        }
        return vm_bigint_const_unary(out, st->arena, c, &iv) == VM_BIGINT_OK;
    }
    if (v->kind == VM_CONST_FLOAT && op != VM_AST_OP_Invert) {
        *out = make_float(op == VM_AST_OP_USub ? -v->u.f : v->u.f);
        return true;
    }
    if (v->kind == VM_CONST_COMPLEX && op != VM_AST_OP_Invert) {
        *out = op == VM_AST_OP_USub ? make_complex(-v->u.c.real, -v->u.c.imag) : *v;
        return true;
    }
    return false;
}

/* PyObject_GetItem(value, index) with an int index */
static bool subscript_value(fold_state *st, const vm_ast_const *v, const vm_ast_const *idx,
                            vm_ast_const *out)
{
    if (!is_int(idx))
        return false;
    if (v->kind != VM_CONST_STR && v->kind != VM_CONST_BYTES && v->kind != VM_CONST_TUPLE)
        return false;
    int64_t i;
    if (!small_int(idx, &i))
        return false;               /* IndexError: cannot fit 'int' into an index-sized integer */
    int64_t len = (int64_t)const_len(v);
    if (i < 0)
        i += len;
    if (i < 0 || i >= len)
        return false;               /* IndexError */
    switch (v->kind) {
    case VM_CONST_BYTES:
        *out = make_int((unsigned char)v->u.str.s[i]);
        return true;
    case VM_CONST_TUPLE:
        *out = v->u.seq.items[i];
        return true;
    default: {
        /* the i-th code point: its lead byte and continuation bytes */
        const char *s = v->u.str.s;
        size_t len = v->u.str.len, start = 0, end;
        int64_t k = -1;
        for (; start < len; start++)
            if (((unsigned char)s[start] & 0xc0) != 0x80 && ++k == i)
                break;
        for (end = start + 1; end < len && ((unsigned char)s[end] & 0xc0) == 0x80; end++)
            ;
        *out = *v;
        out->u.str.s = vm_arena_strndup(st->arena, s + start, end - start);
        out->u.str.len = end - start;
        return true;
    }
    }
}

/* ---------------------------------------------------------------------------------------
 * The fold rules
 */

static void make_const(vm_ast *node, const vm_ast_const *value)
{
    node->kind = VM_AST_Constant;
    node->v.Constant.value = *value;
    node->v.Constant.kind = NULL;
}

static bool is_const_node(const vm_ast *e)
{
    return e->kind == VM_AST_Constant;
}

static void fold_unaryop(fold_state *st, vm_ast *node)
{
    vm_ast *arg = node->v.UnaryOp.operand;
    if (!is_const_node(arg)) {
        /* not (a is b) -> a is not b, and so on; == and < are not inverted (__ne__ may
         * not be the negation of __eq__, nor >= of < for sets) */
        if (node->v.UnaryOp.op == VM_AST_OP_Not && arg->kind == VM_AST_Compare &&
            vm_ast_seq_len(arg->v.Compare.ops) == 1) {
            int op = arg->v.Compare.ops->items[0].op, inv;
            switch (op) {
            case VM_AST_OP_Is: inv = VM_AST_OP_IsNot; break;
            case VM_AST_OP_IsNot: inv = VM_AST_OP_Is; break;
            case VM_AST_OP_In: inv = VM_AST_OP_NotIn; break;
            case VM_AST_OP_NotIn: inv = VM_AST_OP_In; break;
            default: return;
            }
            arg->v.Compare.ops->items[0].op = inv;
            *node = *arg;           /* COPY_NODE: the comparison's position too */
        }
        return;
    }
    vm_ast_const out;
    if (unaryop_value(st, node->v.UnaryOp.op, &arg->v.Constant.value, &out))
        make_const(node, &out);
}

/* %-formatting of a str by a tuple display (optimize_format): when every unit of the
 * format is %s, %r or %a with at most a '-' flag, a width and a precision of up to two
 * digits each, and the units and the items are as many, `'a%sb' % (x,)` becomes the
 * f-string f'a{x!s}b'.  Other flags are accepted and ignored, as 3.11 does. */
#define MAXDIGITS 3

/* parse_literal: the text up to the next unit, '%%' read as '%'; NULL if empty. */
static vm_ast *format_literal(fold_state *st, const char *s, size_t len, size_t *ppos)
{
    size_t start = *ppos, pos = start;
    while (pos < len) {
        if (s[pos] != '%')
            pos++;
        else if (pos + 1 < len && s[pos + 1] == '%')
            pos += 2;
        else
            break;
    }
    *ppos = pos;
    if (pos == start)
        return NULL;
    char *text = vm_arena_alloc(st->arena, pos - start + 1);
    size_t n = 0;
    for (size_t i = start; i < pos; i++) {
        text[n++] = s[i];
        if (s[i] == '%')
            i++;                    /* the second '%' of "%%" */
    }
    vm_ast *c = vm_ast_new(st->arena, VM_AST_Constant, -1, -1, -1, -1);
    c->v.Constant.value.kind = VM_CONST_STR;
    c->v.Constant.value.u.str.s = text;
    c->v.Constant.value.u.str.len = n;
    return c;
}

/* simple_format_arg_parse: flags, width, precision and conversion of the unit at *ppos
 * (just after its '%'); false if the unit is not that simple. */
static bool format_unit(const char *s, size_t len, size_t *ppos, int *spec, bool *ljust,
                        int *width, int *prec)
{
    size_t pos = *ppos;
    unsigned char ch;
#define NEXTC do { if (pos >= len) return false; ch = (unsigned char)s[pos++]; } while (0)
    *ljust = false;
    for (;;) {
        NEXTC;
        if (ch == '-')
            *ljust = true;
        else if (ch != '+' && ch != ' ' && ch != '#' && ch != '0')
            break;
    }
    if (ch >= '0' && ch <= '9') {
        *width = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            *width = *width * 10 + (ch - '0');
            NEXTC;
            if (++digits >= MAXDIGITS)
                return false;
        }
    }
    if (ch == '.') {
        NEXTC;
        *prec = 0;
        if (ch >= '0' && ch <= '9') {
            int digits = 0;
            while (ch >= '0' && ch <= '9') {
                *prec = *prec * 10 + (ch - '0');
                NEXTC;
                if (++digits >= MAXDIGITS)
                    return false;
            }
        }
    }
#undef NEXTC
    *spec = ch;
    *ppos = pos;
    return true;
}

/* parse_format: the FormattedValue of one unit applied to arg, or NULL. */
static vm_ast *format_value(fold_state *st, const char *s, size_t len, size_t *ppos, vm_ast *arg)
{
    int spec, width = -1, prec = -1;
    bool ljust;
    if (!format_unit(s, len, ppos, &spec, &ljust, &width, &prec))
        return NULL;
    if (spec != 's' && spec != 'r' && spec != 'a')
        return NULL;
    char buf[1 + MAXDIGITS + 1 + MAXDIGITS + 1], *p = buf;
    if (!ljust && width > 0)
        *p++ = '>';
    if (width >= 0)
        p += snprintf(p, MAXDIGITS + 1, "%d", width);
    if (prec >= 0)
        p += snprintf(p, MAXDIGITS + 2, ".%d", prec);
    vm_ast *format_spec = NULL;
    if (p != buf) {
        format_spec = vm_ast_new(st->arena, VM_AST_Constant, -1, -1, -1, -1);
        format_spec->v.Constant.value.kind = VM_CONST_STR;
        format_spec->v.Constant.value.u.str.s = vm_arena_strndup(st->arena, buf, (size_t)(p - buf));
        format_spec->v.Constant.value.u.str.len = (size_t)(p - buf);
    }
    vm_ast *fv = vm_ast_new(st->arena, VM_AST_FormattedValue, arg->lineno, arg->col_offset,
                            arg->end_lineno, arg->end_col_offset);
    fv->v.FormattedValue.value = arg;
    fv->v.FormattedValue.conversion = spec;
    fv->v.FormattedValue.format_spec = format_spec;
    return fv;
}

static void optimize_format(fold_state *st, vm_ast *node, const vm_ast_const *fmt, vm_ast_seq *elts)
{
    const char *s = fmt->u.str.s;
    size_t len = fmt->u.str.len, pos = 0, cnt = 0, n = vm_ast_seq_len(elts);
    vm_ast_seq *seq = vm_ast_seq_new(st->arena, 2 * n + 1);
    seq->n = 0;
    for (;;) {
        vm_ast *lit = format_literal(st, s, len, &pos);
        if (lit)
            seq->items[seq->n++].node = lit;
        if (pos >= len)
            break;
        if (cnt >= n)
            return;                 /* more units than items */
        pos++;                      /* the '%' */
        vm_ast *fv = format_value(st, s, len, &pos, vm_ast_seq_node(elts, cnt));
        cnt++;
        if (!fv)
            return;
        seq->items[seq->n++].node = fv;
    }
    if (cnt < n)
        return;                     /* more items than units */
    vm_ast *js = vm_ast_new(st->arena, VM_AST_JoinedStr, node->lineno, node->col_offset,
                            node->end_lineno, node->end_col_offset);
    js->v.JoinedStr.values = seq;
    *node = *js;
}

#undef MAXDIGITS

static void fold_binop(fold_state *st, vm_ast *node)
{
    vm_ast *lhs = node->v.BinOp.left, *rhs = node->v.BinOp.right;
    if (!is_const_node(lhs))
        return;
    if (node->v.BinOp.op == VM_AST_OP_Mod && rhs->kind == VM_AST_Tuple &&
        lhs->v.Constant.value.kind == VM_CONST_STR) {
        vm_ast_seq *elts = rhs->v.Tuple.elts;
        for (size_t i = 0; i < vm_ast_seq_len(elts); i++)
            if (vm_ast_seq_node(elts, i)->kind == VM_AST_Starred)
                return;
        optimize_format(st, node, &lhs->v.Constant.value, elts);
        return;
    }
    if (!is_const_node(rhs))
        return;
    vm_ast_const out;
    if (binop_value(st, node->v.BinOp.op, &lhs->v.Constant.value, &rhs->v.Constant.value, &out))
        make_const(node, &out);
}

/* make_const_tuple: the tuple of elts' values if all are Constants. */
static bool const_tuple(fold_state *st, vm_ast_seq *elts, vm_ast_const *out)
{
    size_t n = vm_ast_seq_len(elts);
    for (size_t i = 0; i < n; i++)
        if (!is_const_node(vm_ast_seq_node(elts, i)))
            return false;
    vm_ast_const *items = vm_arena_alloc(st->arena, (n ? n : 1) * sizeof *items);
    for (size_t i = 0; i < n; i++)
        items[i] = vm_ast_seq_node(elts, i)->v.Constant.value;
    *out = make_seq(VM_CONST_TUPLE, items, n);
    return true;
}

static void fold_tuple(fold_state *st, vm_ast *node)
{
    vm_ast_const out;
    if (node->v.Tuple.ctx == VM_AST_OP_Load && const_tuple(st, node->v.Tuple.elts, &out))
        make_const(node, &out);
}

static void fold_subscr(fold_state *st, vm_ast *node)
{
    vm_ast *arg = node->v.Subscript.value, *idx = node->v.Subscript.slice;
    if (node->v.Subscript.ctx != VM_AST_OP_Load || !is_const_node(arg) || !is_const_node(idx))
        return;
    vm_ast_const out;
    if (subscript_value(st, &arg->v.Constant.value, &idx->v.Constant.value, &out))
        make_const(node, &out);
}

/* fold_iter: for `in`, `not in`, for loops and comprehensions, a list display becomes a
 * tuple display (unless it has a starred item), then a tuple Constant if all its items
 * are Constants; a set display of Constants becomes a frozenset Constant. */
static void fold_iter(fold_state *st, vm_ast *arg)
{
    vm_ast_const out;
    if (arg->kind == VM_AST_List) {
        vm_ast_seq *elts = arg->v.List.elts;
        for (size_t i = 0; i < vm_ast_seq_len(elts); i++)
            if (vm_ast_seq_node(elts, i)->kind == VM_AST_Starred)
                return;
        int ctx = arg->v.List.ctx;
        arg->kind = VM_AST_Tuple;
        arg->v.Tuple.elts = elts;
        arg->v.Tuple.ctx = ctx;
        if (const_tuple(st, elts, &out))
            make_const(arg, &out);
    } else if (arg->kind == VM_AST_Set) {
        if (!const_tuple(st, arg->v.Set.elts, &out))
            return;
        out = make_frozenset(st->arena, out.u.seq.items, out.u.seq.n);
        make_const(arg, &out);
    }
}

static void fold_compare(fold_state *st, vm_ast *node)
{
    size_t n = vm_ast_seq_len(node->v.Compare.ops);
    if (n == 0)
        return;
    int op = node->v.Compare.ops->items[n - 1].op;
    if (op == VM_AST_OP_In || op == VM_AST_OP_NotIn)
        fold_iter(st, vm_ast_seq_node(node->v.Compare.comparators, n - 1));
}

/* ---------------------------------------------------------------------------------------
 * The walk (astfold_*)
 */

static bool fold_expr(fold_state *st, vm_ast *node);
static bool fold_stmt(fold_state *st, vm_ast *node);
static bool fold_pattern(fold_state *st, vm_ast *node);

static bool enter(fold_state *st)
{
    if (++st->depth > st->limit) {
        st->error = "maximum recursion depth exceeded during compilation";
        return false;
    }
    return true;
}

static bool fold_expr_seq(fold_state *st, vm_ast_seq *seq)
{
    for (size_t i = 0; i < vm_ast_seq_len(seq); i++) {
        vm_ast *e = vm_ast_seq_node(seq, i);
        if (e && !fold_expr(st, e))
            return false;
    }
    return true;
}

static bool fold_opt(fold_state *st, vm_ast *e)
{
    return !e || fold_expr(st, e);
}

static bool fold_stmt_seq(fold_state *st, vm_ast_seq *seq)
{
    for (size_t i = 0; i < vm_ast_seq_len(seq); i++)
        if (!fold_stmt(st, vm_ast_seq_node(seq, i)))
            return false;
    return true;
}

/* _PyAST_GetDocString */
static bool has_docstring(vm_ast_seq *body)
{
    if (vm_ast_seq_len(body) == 0)
        return false;
    vm_ast *st = vm_ast_seq_node(body, 0);
    return st->kind == VM_AST_Expr && st->v.Expr.value->kind == VM_AST_Constant &&
           st->v.Expr.value->v.Constant.value.kind == VM_CONST_STR;
}

/* astfold_body: a str Constant that folding puts first in a body (x = 1; "a" + "b" is
 * fine, but "a" + "b" alone is not a docstring) is wrapped in a JoinedStr so that the
 * compiler does not take it for one. */
static bool fold_body(fold_state *st, vm_ast_seq *body)
{
    bool docstring = has_docstring(body);
    if (!fold_stmt_seq(st, body))
        return false;
    if (!docstring && has_docstring(body)) {
        vm_ast *s = vm_ast_seq_node(body, 0);
        vm_ast_seq *values = vm_ast_seq_new(st->arena, 1);
        values->items[0].node = s->v.Expr.value;
        vm_ast *js = vm_ast_new(st->arena, VM_AST_JoinedStr, s->lineno, s->col_offset,
                                s->end_lineno, s->end_col_offset);
        js->v.JoinedStr.values = values;
        s->v.Expr.value = js;
    }
    return true;
}

static bool fold_arg(fold_state *st, vm_ast *a)
{
    if (!a || st->future_annotations)
        return true;
    return fold_opt(st, a->v.arg.annotation);
}

static bool fold_arguments(fold_state *st, vm_ast *args)
{
    if (!args)
        return true;
    struct vm_ast_arguments *a = &args->v.arguments;
    for (size_t i = 0; i < vm_ast_seq_len(a->posonlyargs); i++)
        if (!fold_arg(st, vm_ast_seq_node(a->posonlyargs, i)))
            return false;
    for (size_t i = 0; i < vm_ast_seq_len(a->args); i++)
        if (!fold_arg(st, vm_ast_seq_node(a->args, i)))
            return false;
    if (!fold_arg(st, a->vararg))
        return false;
    for (size_t i = 0; i < vm_ast_seq_len(a->kwonlyargs); i++)
        if (!fold_arg(st, vm_ast_seq_node(a->kwonlyargs, i)))
            return false;
    if (!fold_expr_seq(st, a->kw_defaults))
        return false;
    if (!fold_arg(st, a->kwarg))
        return false;
    return fold_expr_seq(st, a->defaults);
}

static bool fold_comprehensions(fold_state *st, vm_ast_seq *gens)
{
    for (size_t i = 0; i < vm_ast_seq_len(gens); i++) {
        vm_ast *g = vm_ast_seq_node(gens, i);
        if (!fold_expr(st, g->v.comprehension.target) || !fold_expr(st, g->v.comprehension.iter) ||
            !fold_expr_seq(st, g->v.comprehension.ifs))
            return false;
        fold_iter(st, g->v.comprehension.iter);
    }
    return true;
}

static bool fold_keywords(fold_state *st, vm_ast_seq *kws)
{
    for (size_t i = 0; i < vm_ast_seq_len(kws); i++)
        if (!fold_expr(st, vm_ast_seq_node(kws, i)->v.keyword.value))
            return false;
    return true;
}

#define TRY(x) do { if (!(x)) return false; } while (0)

static bool fold_expr(fold_state *st, vm_ast *node)
{
    TRY(enter(st));
    switch (node->kind) {
    case VM_AST_BoolOp: TRY(fold_expr_seq(st, node->v.BoolOp.values)); break;
    case VM_AST_BinOp:
        TRY(fold_expr(st, node->v.BinOp.left));
        TRY(fold_expr(st, node->v.BinOp.right));
        fold_binop(st, node);
        break;
    case VM_AST_UnaryOp:
        TRY(fold_expr(st, node->v.UnaryOp.operand));
        fold_unaryop(st, node);
        break;
    case VM_AST_Lambda:
        TRY(fold_arguments(st, node->v.Lambda.args));
        TRY(fold_expr(st, node->v.Lambda.body));
        break;
    case VM_AST_IfExp:
        TRY(fold_expr(st, node->v.IfExp.test));
        TRY(fold_expr(st, node->v.IfExp.body));
        TRY(fold_expr(st, node->v.IfExp.orelse));
        break;
    case VM_AST_Dict:
        TRY(fold_expr_seq(st, node->v.Dict.keys));
        TRY(fold_expr_seq(st, node->v.Dict.values));
        break;
    case VM_AST_Set: TRY(fold_expr_seq(st, node->v.Set.elts)); break;
    case VM_AST_ListComp:
        TRY(fold_expr(st, node->v.ListComp.elt));
        TRY(fold_comprehensions(st, node->v.ListComp.generators));
        break;
    case VM_AST_SetComp:
        TRY(fold_expr(st, node->v.SetComp.elt));
        TRY(fold_comprehensions(st, node->v.SetComp.generators));
        break;
    case VM_AST_DictComp:
        TRY(fold_expr(st, node->v.DictComp.key));
        TRY(fold_expr(st, node->v.DictComp.value));
        TRY(fold_comprehensions(st, node->v.DictComp.generators));
        break;
    case VM_AST_GeneratorExp:
        TRY(fold_expr(st, node->v.GeneratorExp.elt));
        TRY(fold_comprehensions(st, node->v.GeneratorExp.generators));
        break;
    case VM_AST_Await: TRY(fold_expr(st, node->v.Await.value)); break;
    case VM_AST_Yield: TRY(fold_opt(st, node->v.Yield.value)); break;
    case VM_AST_YieldFrom: TRY(fold_expr(st, node->v.YieldFrom.value)); break;
    case VM_AST_Compare:
        TRY(fold_expr(st, node->v.Compare.left));
        TRY(fold_expr_seq(st, node->v.Compare.comparators));
        fold_compare(st, node);
        break;
    case VM_AST_Call:
        TRY(fold_expr(st, node->v.Call.func));
        TRY(fold_expr_seq(st, node->v.Call.args));
        TRY(fold_keywords(st, node->v.Call.keywords));
        break;
    case VM_AST_FormattedValue:
        TRY(fold_expr(st, node->v.FormattedValue.value));
        TRY(fold_opt(st, node->v.FormattedValue.format_spec));
        break;
    case VM_AST_JoinedStr: TRY(fold_expr_seq(st, node->v.JoinedStr.values)); break;
    case VM_AST_Attribute: TRY(fold_expr(st, node->v.Attribute.value)); break;
    case VM_AST_Subscript:
        TRY(fold_expr(st, node->v.Subscript.value));
        TRY(fold_expr(st, node->v.Subscript.slice));
        fold_subscr(st, node);
        break;
    case VM_AST_Starred: TRY(fold_expr(st, node->v.Starred.value)); break;
    case VM_AST_Slice:
        TRY(fold_opt(st, node->v.Slice.lower));
        TRY(fold_opt(st, node->v.Slice.upper));
        TRY(fold_opt(st, node->v.Slice.step));
        break;
    case VM_AST_List: TRY(fold_expr_seq(st, node->v.List.elts)); break;
    case VM_AST_Tuple:
        TRY(fold_expr_seq(st, node->v.Tuple.elts));
        fold_tuple(st, node);
        break;
    case VM_AST_Name:
        if (node->v.Name.ctx == VM_AST_OP_Load && strcmp(node->v.Name.id, "__debug__") == 0) {
            vm_ast_const value = make_bool(!st->optimize);
            make_const(node, &value);
        }
        break;
    case VM_AST_NamedExpr: TRY(fold_expr(st, node->v.NamedExpr.value)); break;
    default: break;                 /* Constant */
    }
    st->depth--;
    return true;
}

static bool fold_handlers(fold_state *st, vm_ast_seq *handlers)
{
    for (size_t i = 0; i < vm_ast_seq_len(handlers); i++) {
        vm_ast *h = vm_ast_seq_node(handlers, i);
        TRY(fold_opt(st, h->v.ExceptHandler.type));
        TRY(fold_stmt_seq(st, h->v.ExceptHandler.body));
    }
    return true;
}

static bool fold_withitems(fold_state *st, vm_ast_seq *items)
{
    for (size_t i = 0; i < vm_ast_seq_len(items); i++) {
        vm_ast *w = vm_ast_seq_node(items, i);
        TRY(fold_expr(st, w->v.withitem.context_expr));
        TRY(fold_opt(st, w->v.withitem.optional_vars));
    }
    return true;
}

static bool fold_pattern_seq(fold_state *st, vm_ast_seq *seq)
{
    for (size_t i = 0; i < vm_ast_seq_len(seq); i++)
        TRY(fold_pattern(st, vm_ast_seq_node(seq, i)));
    return true;
}

/* Patterns: only MatchValue and MatchMapping keys hold expressions to fold (-1, 1+2j). */
static bool fold_pattern(fold_state *st, vm_ast *node)
{
    TRY(enter(st));
    switch (node->kind) {
    case VM_AST_MatchValue: TRY(fold_expr(st, node->v.MatchValue.value)); break;
    case VM_AST_MatchSequence: TRY(fold_pattern_seq(st, node->v.MatchSequence.patterns)); break;
    case VM_AST_MatchMapping:
        TRY(fold_expr_seq(st, node->v.MatchMapping.keys));
        TRY(fold_pattern_seq(st, node->v.MatchMapping.patterns));
        break;
    case VM_AST_MatchClass:
        TRY(fold_expr(st, node->v.MatchClass.cls));
        TRY(fold_pattern_seq(st, node->v.MatchClass.patterns));
        TRY(fold_pattern_seq(st, node->v.MatchClass.kwd_patterns));
        break;
    case VM_AST_MatchAs:
        if (node->v.MatchAs.pattern)
            TRY(fold_pattern(st, node->v.MatchAs.pattern));
        break;
    case VM_AST_MatchOr: TRY(fold_pattern_seq(st, node->v.MatchOr.patterns)); break;
    default: break;                 /* MatchSingleton, MatchStar */
    }
    st->depth--;
    return true;
}

static bool fold_function(fold_state *st, vm_ast *args, vm_ast_seq *body,
                          vm_ast_seq *decorators, vm_ast *returns)
{
    TRY(fold_arguments(st, args));
    TRY(fold_body(st, body));
    TRY(fold_expr_seq(st, decorators));
    if (!st->future_annotations)
        TRY(fold_opt(st, returns));
    return true;
}

static bool fold_stmt(fold_state *st, vm_ast *node)
{
    TRY(enter(st));
    switch (node->kind) {
    case VM_AST_FunctionDef:
        TRY(fold_function(st, node->v.FunctionDef.args, node->v.FunctionDef.body,
                          node->v.FunctionDef.decorator_list, node->v.FunctionDef.returns));
        break;
    case VM_AST_AsyncFunctionDef:
        TRY(fold_function(st, node->v.AsyncFunctionDef.args, node->v.AsyncFunctionDef.body,
                          node->v.AsyncFunctionDef.decorator_list,
                          node->v.AsyncFunctionDef.returns));
        break;
    case VM_AST_ClassDef:
        TRY(fold_expr_seq(st, node->v.ClassDef.bases));
        TRY(fold_keywords(st, node->v.ClassDef.keywords));
        TRY(fold_body(st, node->v.ClassDef.body));
        TRY(fold_expr_seq(st, node->v.ClassDef.decorator_list));
        break;
    case VM_AST_Return: TRY(fold_opt(st, node->v.Return.value)); break;
    case VM_AST_Delete: TRY(fold_expr_seq(st, node->v.Delete.targets)); break;
    case VM_AST_Assign:
        TRY(fold_expr_seq(st, node->v.Assign.targets));
        TRY(fold_expr(st, node->v.Assign.value));
        break;
    case VM_AST_AugAssign:
        TRY(fold_expr(st, node->v.AugAssign.target));
        TRY(fold_expr(st, node->v.AugAssign.value));
        break;
    case VM_AST_AnnAssign:
        TRY(fold_expr(st, node->v.AnnAssign.target));
        if (!st->future_annotations)
            TRY(fold_expr(st, node->v.AnnAssign.annotation));
        TRY(fold_opt(st, node->v.AnnAssign.value));
        break;
    case VM_AST_For:
        TRY(fold_expr(st, node->v.For.target));
        TRY(fold_expr(st, node->v.For.iter));
        TRY(fold_stmt_seq(st, node->v.For.body));
        TRY(fold_stmt_seq(st, node->v.For.orelse));
        fold_iter(st, node->v.For.iter);
        break;
    case VM_AST_AsyncFor:           /* no fold_iter: 3.11 leaves async for's iterable alone */
        TRY(fold_expr(st, node->v.AsyncFor.target));
        TRY(fold_expr(st, node->v.AsyncFor.iter));
        TRY(fold_stmt_seq(st, node->v.AsyncFor.body));
        TRY(fold_stmt_seq(st, node->v.AsyncFor.orelse));
        break;
    case VM_AST_While:
        TRY(fold_expr(st, node->v.While.test));
        TRY(fold_stmt_seq(st, node->v.While.body));
        TRY(fold_stmt_seq(st, node->v.While.orelse));
        break;
    case VM_AST_If:
        TRY(fold_expr(st, node->v.If.test));
        TRY(fold_stmt_seq(st, node->v.If.body));
        TRY(fold_stmt_seq(st, node->v.If.orelse));
        break;
    case VM_AST_With:
        TRY(fold_withitems(st, node->v.With.items));
        TRY(fold_stmt_seq(st, node->v.With.body));
        break;
    case VM_AST_AsyncWith:
        TRY(fold_withitems(st, node->v.AsyncWith.items));
        TRY(fold_stmt_seq(st, node->v.AsyncWith.body));
        break;
    case VM_AST_Raise:
        TRY(fold_opt(st, node->v.Raise.exc));
        TRY(fold_opt(st, node->v.Raise.cause));
        break;
    case VM_AST_Try:
        TRY(fold_stmt_seq(st, node->v.Try.body));
        TRY(fold_handlers(st, node->v.Try.handlers));
        TRY(fold_stmt_seq(st, node->v.Try.orelse));
        TRY(fold_stmt_seq(st, node->v.Try.finalbody));
        break;
    case VM_AST_TryStar:
        TRY(fold_stmt_seq(st, node->v.TryStar.body));
        TRY(fold_handlers(st, node->v.TryStar.handlers));
        TRY(fold_stmt_seq(st, node->v.TryStar.orelse));
        TRY(fold_stmt_seq(st, node->v.TryStar.finalbody));
        break;
    case VM_AST_Assert:
        TRY(fold_expr(st, node->v.Assert.test));
        TRY(fold_opt(st, node->v.Assert.msg));
        break;
    case VM_AST_Expr: TRY(fold_expr(st, node->v.Expr.value)); break;
    case VM_AST_Match:
        TRY(fold_expr(st, node->v.Match.subject));
        for (size_t i = 0; i < vm_ast_seq_len(node->v.Match.cases); i++) {
            vm_ast *c = vm_ast_seq_node(node->v.Match.cases, i);
            TRY(fold_pattern(st, c->v.match_case.pattern));
            TRY(fold_opt(st, c->v.match_case.guard));
            TRY(fold_stmt_seq(st, c->v.match_case.body));
        }
        break;
    default: break;                 /* Import, ImportFrom, Global, Nonlocal, Pass, Break, Continue */
    }
    st->depth--;
    return true;
}

bool vm_ast_optimize(vm_arena *arena, vm_ast *mod, int optimize, bool future_annotations,
                     const char **error)
{
    return vm_ast_optimize_at(arena, mod, optimize, future_annotations, 0, 1000, error);
}

bool vm_ast_optimize_at(vm_arena *arena, vm_ast *mod, int optimize, bool future_annotations,
                        int python_depth, int recursion_limit, const char **error)
{
    fold_state st = {.arena = arena, .optimize = optimize > 0, .future_annotations =
                     future_annotations};
    /* _PyAST_Optimize, "careful here to prevent overflow" */
    st.depth = python_depth < INT_MAX / COMPILER_STACK_FRAME_SCALE
                   ? python_depth * COMPILER_STACK_FRAME_SCALE : python_depth;
    st.limit = recursion_limit < INT_MAX / COMPILER_STACK_FRAME_SCALE
                   ? recursion_limit * COMPILER_STACK_FRAME_SCALE : recursion_limit;
    bool ok = true;
    switch (mod->kind) {
    case VM_AST_Module: ok = fold_body(&st, mod->v.Module.body); break;
    case VM_AST_Interactive: ok = fold_stmt_seq(&st, mod->v.Interactive.body); break;
    case VM_AST_Expression: ok = fold_expr(&st, mod->v.Expression.body); break;
    default: break;                 /* FunctionType */
    }
    if (!ok && error)
        *error = st.error;
    return ok;
}

#undef TRY
#undef COMPILER_STACK_FRAME_SCALE
#undef MAX_INT_SIZE
#undef MAX_COLLECTION_SIZE
#undef MAX_STR_SIZE
#undef MAX_TOTAL_ITEMS

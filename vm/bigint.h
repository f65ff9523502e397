/* vm/bigint.h — arbitrary-precision integers with Python's semantics.
 *
 * Representation.  A value is a view
 *
 *     typedef struct { uint32_t *d; size_t n; bool neg; } vm_bigint;
 *
 * holding the magnitude in base 2^32 limbs d[0..n), least significant first, and the sign
 * apart (sign-magnitude, as CPython's int).  Values are always normalised: d[n-1] != 0,
 * and zero is n == 0 with neg false (d may then be NULL).  This is the layout of an AST
 * BIGINT constant (vm/ast.h), so a constant is viewed without copying.
 *
 * Storage contract.  The library never owns a value's limbs.  Each operation comes as a
 * pair: vm_bigint_OP_cap(inputs) says how many limbs the result may need (an upper bound,
 * always >= 1), and vm_bigint_OP(r, inputs) writes the normalised result to r->d, which
 * the caller has made at least that large, and sets r->n and r->neg.  The caller may thus
 * put digits anywhere: an arena (the convenience layer below), the stack, or later an
 * object in the garbage-collected heap.  r->d must not overlap the limbs of any input,
 * except that "in place" operations (marked so below) accept r->d equal to an input's d
 * (the same limbs, not an offset into them, with the capacity still the cap), and r may
 * then be the input's own struct.  Operations may use temporary scratch memory (malloc,
 * freed before they return), never keep pointers to inputs or results, and have no global
 * state: they are thread-safe on distinct results.  If malloc fails the process aborts
 * with a message, as the arena does; a cap of SIZE_MAX means "too large to represent".
 * Nothing here allocates from the GC heap, so no collection can run, and no limbs move,
 * during an operation: limbs inside heap objects may be passed directly.
 *
 * Semantics are Python's: // and % round toward negative infinity (the sign of a % b
 * follows b); >> floors; & | ^ ~ act on infinite two's complement; pow with a
 * non-negative exponent; pow(b, e, m) as Python's three-argument pow.  Errors that Python
 * raises are returned as a vm_bigint_status for the caller to raise:
 *
 *     VM_BIGINT_ZERO_DIVISION   ZeroDivisionError "integer division or modulo by zero"
 *                               (// and divmod; % says "integer modulo by zero", true
 *                               division "division by zero"; for pow(b, e, 0) it is
 *                               ValueError "pow() 3rd argument cannot be 0")
 *     VM_BIGINT_NEGATIVE_SHIFT  ValueError "negative shift count"
 *     VM_BIGINT_NEGATIVE_POWER  (pow with e < 0 and no modulus: a float result, the
 *                                caller's business)
 *     VM_BIGINT_NOT_INVERTIBLE  ValueError "base is not invertible for the given modulus"
 *     VM_BIGINT_OVERFLOW        OverflowError "int too large to convert to float" /
 *                               "integer division result too large for a float"
 *     VM_BIGINT_TOO_BIG         the result would exceed the caller's limb limit
 *                               (convenience layer) or size_t; OverflowError/MemoryError
 *     VM_BIGINT_INVALID         a character that is not a digit of the radix (ValueError
 *                               "invalid literal for int() with base %d: %R")
 *
 * String conversion has no length limit here.  CPython 3.11 refuses str() of an int of
 * more than 4300 decimal digits (ValueError "Exceeds the limit (4300 digits) for integer
 * string conversion; use sys.set_int_max_str_digits() to increase the limit") and int()
 * of a string of more than 4300 digits in a radix that is not a power of two ("Exceeds
 * the limit (4300 digits) for integer string conversion: value has %zd digits; use
 * sys.set_int_max_str_digits() to increase the limit"); hex(), oct(), bin() and
 * power-of-two radixes have no limit.  That check belongs to the callers, before they
 * convert. */
#ifndef VM_BIGINT_H
#define VM_BIGINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct vm_bigint {
    uint32_t *d;    /* limbs, least significant first; capacity known to the owner */
    size_t n;       /* limbs in use; d[n-1] != 0 */
    bool neg;       /* false for zero */
} vm_bigint;

/* The most limbs a value may have, so that its size in bits fits a ptrdiff_t; a cap
 * above it is reported as SIZE_MAX. */
#define VM_BIGINT_MAX_LIMBS ((size_t)PTRDIFF_MAX / 32)

typedef enum {
    VM_BIGINT_OK = 0,
    VM_BIGINT_ZERO_DIVISION,
    VM_BIGINT_NEGATIVE_SHIFT,
    VM_BIGINT_NEGATIVE_POWER,
    VM_BIGINT_NOT_INVERTIBLE,
    VM_BIGINT_OVERFLOW,
    VM_BIGINT_TOO_BIG,
    VM_BIGINT_INVALID,
} vm_bigint_status;

/* ---- basics ---- */

/* Drops leading zero limbs and clears the sign of zero: for callers that fill d by hand. */
void vm_bigint_normalize(vm_bigint *r);
static inline bool vm_bigint_is_zero(const vm_bigint *a) { return a->n == 0; }
/* -1, 0 or 1 as a < b, a == b, a > b. */
int vm_bigint_cmp(const vm_bigint *a, const vm_bigint *b);
/* Compares magnitudes. */
int vm_bigint_cmp_abs(const vm_bigint *a, const vm_bigint *b);
/* int.bit_length(): bits of |a|, 0 for zero. */
uint64_t vm_bigint_bit_length(const vm_bigint *a);

/* Cap 2.  (No cap functions needed: 2 limbs hold any 64-bit value.) */
void vm_bigint_from_int64(vm_bigint *r, int64_t v);
void vm_bigint_from_uint64(vm_bigint *r, uint64_t v);
/* True and *out set if a fits. */
bool vm_bigint_to_int64(const vm_bigint *a, int64_t *out);
bool vm_bigint_to_uint64(const vm_bigint *a, uint64_t *out);
/* r = a; in place (then nothing is copied). */
size_t vm_bigint_copy_cap(const vm_bigint *a);
void vm_bigint_copy(vm_bigint *r, const vm_bigint *a);

/* ---- arithmetic ---- */

/* r = a + b, a - b: cap max(a->n, b->n) + 1; in place. */
size_t vm_bigint_add_cap(const vm_bigint *a, const vm_bigint *b);
void vm_bigint_add(vm_bigint *r, const vm_bigint *a, const vm_bigint *b);
size_t vm_bigint_sub_cap(const vm_bigint *a, const vm_bigint *b);
void vm_bigint_sub(vm_bigint *r, const vm_bigint *a, const vm_bigint *b);
/* r = -a, abs(a): cap a->n; in place. */
size_t vm_bigint_neg_cap(const vm_bigint *a);
void vm_bigint_neg(vm_bigint *r, const vm_bigint *a);
void vm_bigint_abs(vm_bigint *r, const vm_bigint *a);
/* r = a * b: cap a->n + b->n.  Schoolbook below VM_BIGINT_KARATSUBA_CUTOFF limbs (the
 * shorter operand), Karatsuba above. */
size_t vm_bigint_mul_cap(const vm_bigint *a, const vm_bigint *b);
void vm_bigint_mul(vm_bigint *r, const vm_bigint *a, const vm_bigint *b);

/* Floor division and modulo: q = a // b, m = a % b, with a == q*b + m and m of b's sign.
 * Either q or m may be NULL.  Returns VM_BIGINT_ZERO_DIVISION (and writes nothing) if b
 * is zero.  In place (q or m may be a or b: the work is done in scratch memory). */
size_t vm_bigint_floordiv_cap(const vm_bigint *a, const vm_bigint *b);
size_t vm_bigint_mod_cap(const vm_bigint *a, const vm_bigint *b);
vm_bigint_status vm_bigint_divmod(vm_bigint *q, vm_bigint *m, const vm_bigint *a,
                                  const vm_bigint *b);

/* r = a ** e for e >= 0 (NEGATIVE_POWER otherwise).  The cap is SIZE_MAX when the result
 * cannot be represented (|a| >= 2 and a huge e); 0**0 == 1. */
size_t vm_bigint_pow_cap(const vm_bigint *a, const vm_bigint *e);
vm_bigint_status vm_bigint_pow(vm_bigint *r, const vm_bigint *a, const vm_bigint *e);
/* r = pow(b, e, m): cap m->n.  m == 0: ZERO_DIVISION; e < 0 uses the inverse of b modulo
 * m (NOT_INVERTIBLE if none).  The result is in [0, m) for m > 0 and (m, 0] for m < 0. */
size_t vm_bigint_powmod_cap(const vm_bigint *b, const vm_bigint *e, const vm_bigint *m);
vm_bigint_status vm_bigint_powmod(vm_bigint *r, const vm_bigint *b, const vm_bigint *e,
                                  const vm_bigint *m);

/* ---- bits: infinite two's complement ---- */

/* r = a << s, a >> s (floor).  Shift counts are bit counts; a Python count that is
 * negative is NEGATIVE_SHIFT for the caller (vm_bigint_shift_count below), one that does
 * not fit a uint64_t makes >> give 0 or -1 and << of a non-zero value TOO_BIG.  lshift's
 * cap is SIZE_MAX when the result cannot be represented.  In place. */
size_t vm_bigint_lshift_cap(const vm_bigint *a, uint64_t s);
void vm_bigint_lshift(vm_bigint *r, const vm_bigint *a, uint64_t s);
size_t vm_bigint_rshift_cap(const vm_bigint *a, uint64_t s);
void vm_bigint_rshift(vm_bigint *r, const vm_bigint *a, uint64_t s);
/* A shift count from a Python int: NEGATIVE_SHIFT if count < 0, TOO_BIG if it exceeds
 * UINT64_MAX (then *out = UINT64_MAX, which rshift treats as "all bits"). */
vm_bigint_status vm_bigint_shift_count(const vm_bigint *count, uint64_t *out);

/* r = a & b, a | b, a ^ b: cap max(a->n, b->n) + 1; in place. */
size_t vm_bigint_bitop_cap(const vm_bigint *a, const vm_bigint *b);
void vm_bigint_and(vm_bigint *r, const vm_bigint *a, const vm_bigint *b);
void vm_bigint_or(vm_bigint *r, const vm_bigint *a, const vm_bigint *b);
void vm_bigint_xor(vm_bigint *r, const vm_bigint *a, const vm_bigint *b);
/* r = ~a == -a - 1: cap a->n + 1; in place. */
size_t vm_bigint_invert_cap(const vm_bigint *a);
void vm_bigint_invert(vm_bigint *r, const vm_bigint *a);

/* ---- floats ---- */

/* float(a), correctly rounded (half to even); OVERFLOW if |a| rounds to >= 2^1024. */
vm_bigint_status vm_bigint_to_double(const vm_bigint *a, double *out);
/* a / b as CPython's long_true_divide: correctly rounded; ZERO_DIVISION, OVERFLOW. */
vm_bigint_status vm_bigint_truediv(const vm_bigint *a, const vm_bigint *b, double *out);
/* int(x): truncation toward zero.  x must be finite (inf and nan are the caller's
 * OverflowError / ValueError). */
size_t vm_bigint_from_double_cap(double x);
void vm_bigint_from_double(vm_bigint *r, double x);

/* ---- strings ---- */

/* Digits of a in radix 2..36 (lowercase letters), with a leading '-' if negative and no
 * prefix, NUL-terminated; returns the length without the NUL.  The cap is in chars and
 * counts the sign and the NUL.  Powers of two are linear; other radixes go through base
 * radix^k limbs (10^9 for decimal), split by divide and conquer when long: printing is
 * quadratic (schoolbook division), parsing subquadratic (Karatsuba).  On a loaded
 * x86-64: 4300 digits either way well under 1 ms; 100000 digits 125 ms to print, 21 ms
 * to parse. */
size_t vm_bigint_to_str_cap(const vm_bigint *a, unsigned radix);
size_t vm_bigint_to_str(const vm_bigint *a, unsigned radix, char *out);
/* Parses digits s[0..len) in radix 2..36 (either case for letters): the digit part of
 * int(str, base), no sign, no prefix, no underscores, no spaces (callers strip them).
 * INVALID if a character is not a digit of the radix or len == 0; the result is >= 0
 * (set r->neg afterwards for a sign, if r->n > 0). */
/* Python's hash of an int: sign * (|a| mod 2**61 - 1), -1 made -2 (CPython 3.11's
 * long_hash). */
int64_t vm_bigint_hash(const vm_bigint *a);

/* The value of a digit character in radixes up to 36 ('0'-'9', 'a'-'z' or 'A'-'Z'); 99
 * for anything else, so that `vm_bigint_digit_value(c) < radix` tests validity. */
static inline int vm_bigint_digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

size_t vm_bigint_from_str_cap(size_t len, unsigned radix);
vm_bigint_status vm_bigint_from_str(vm_bigint *r, const char *s, size_t len, unsigned radix);

/* ---------------------------------------------------------------------------------------
 * Convenience layer for the compiler: results allocated from a vm_arena, conversions
 * to and from AST constants (INT when the value fits int64_t, else BIGINT).
 */
struct vm_arena;
struct vm_ast_const;

typedef enum {
    VM_BIGINT_OP_ADD, VM_BIGINT_OP_SUB, VM_BIGINT_OP_MUL, VM_BIGINT_OP_FLOORDIV,
    VM_BIGINT_OP_MOD, VM_BIGINT_OP_POW, VM_BIGINT_OP_LSHIFT, VM_BIGINT_OP_RSHIFT,
    VM_BIGINT_OP_AND, VM_BIGINT_OP_OR, VM_BIGINT_OP_XOR,
} vm_bigint_op;

/* Storage for cap limbs (cap >= 1) from the arena; r is zero. */
void vm_bigint_arena_new(vm_bigint *r, struct vm_arena *arena, size_t cap);
/* A view of an INT, BIGINT, TRUE or FALSE constant (bool is an int subclass); small
 * values use tmp as storage.  False for other kinds.  r must only be read.  Note that in
 * Python & | ^ of two bools give a bool (True & True is True, not 1): the folder must
 * keep those itself; everything else on bools is int arithmetic. */
bool vm_bigint_view_const(vm_bigint *r, const struct vm_ast_const *c, uint32_t tmp[2]);
/* The constant for a: INT if it fits int64_t, else BIGINT with limbs copied to the
 * arena. */
void vm_bigint_to_const(const vm_bigint *a, struct vm_ast_const *out, struct vm_arena *arena);
/* r = a op b into arena storage.  TOO_BIG (and nothing allocated) if the result could
 * need more than max_limbs limbs (the folder's size limit; SIZE_MAX for none); the
 * errors of the operations otherwise. */
vm_bigint_status vm_bigint_arena_binop(vm_bigint *r, struct vm_arena *arena, vm_bigint_op op,
                                       const vm_bigint *a, const vm_bigint *b,
                                       size_t max_limbs);
/* The same on constants: out = a op b.  INVALID if a or b is not an int constant. */
vm_bigint_status vm_bigint_const_binop(struct vm_ast_const *out, struct vm_arena *arena,
                                       vm_bigint_op op, const struct vm_ast_const *a,
                                       const struct vm_ast_const *b, size_t max_limbs);
/* out = -a, ~a, +a (op '-', '~', '+'). */
vm_bigint_status vm_bigint_const_unary(struct vm_ast_const *out, struct vm_arena *arena,
                                       char op, const struct vm_ast_const *a);
/* a / b and float(a) on int constants: the errors of vm_bigint_truediv and
 * vm_bigint_to_double, INVALID if an operand is not an int constant. */
vm_bigint_status vm_bigint_const_truediv(const struct vm_ast_const *a,
                                         const struct vm_ast_const *b, double *out);
vm_bigint_status vm_bigint_const_to_double(const struct vm_ast_const *a, double *out);
/* Compares two int constants (-1, 0, 1 as a < b, ==, >); false if either is not one. */
bool vm_bigint_const_cmp(const struct vm_ast_const *a, const struct vm_ast_const *b,
                         int *out);
/* Decimal str(a) in the arena (no digit limit: see the top of this file). */
char *vm_bigint_arena_str(const vm_bigint *a, struct vm_arena *arena);
/* The same for an int constant; NULL if c is not one. */
char *vm_bigint_const_str(const struct vm_ast_const *c, struct vm_arena *arena);

#endif

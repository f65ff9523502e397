/* vm/num.c — the numeric types' behaviour: int, bool, float and complex methods.
 *
 * Every dunder CPython 3.11's int, bool, float and complex have lives in the type's dict
 * as a C method (vm_init_num), so `int.__add__(1, 2)`, subclasses and the generic
 * vm_binary_op / vm_compare all find the same code.  Binary dunders return NotImplemented
 * for operand types they do not handle, as CPython's number slots do: int's only know
 * ints (and bools), float's know floats and ints, complex's all three; the generic
 * operation does the reflection and the TypeError.
 *
 * Ints.  Small ints are tagged values (vm_small); a result that fits is always small
 * (vm_int_from_bigint normalises).  Two small operands take inline fast paths with
 * overflow checks; everything else goes through vm/bigint.h on views of the operands
 * (vm_int_view: small values get stack limbs) into scratch limbs (the stack when short,
 * malloc otherwise), copied into a heap int at the end.  True and False are singletons,
 * not int objects: int_view maps them to 1 and 0.  An instance of an int subclass has
 * the INT layout whatever its value (so it can carry its class); views handle it.
 *
 * Floats and the text of numbers (repr, format(), parsing, round, hex, float //, %, **)
 * come from vm/numfmt.h, which knows CPython's exact results and messages; this file
 * turns its status codes into exceptions.  Complex arithmetic follows CPython's
 * algorithms (Smith's division, integral powers up to 100 by repeated squaring, errno
 * checks for EDOM/ERANGE) so that results agree to the last bit.
 */
#include "vm/interp.h"
#include "vm/numfmt.h"
#include "vm/opcodes.h"
#include "vm/unicode.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* sys.set_int_max_str_digits() (vm/builtins.c); 0: no limit. */
#define MAX_STR_DIGITS ((int64_t)vm_int_max_str_digits)

/* =======================================================================================
 * Helpers: errors, scratch limbs, views
 */

static vm_value raise_numfmt(vm_numfmt_status st, vm_buf *err)
{
    const char *msg = err->data ? err->data : "";
    switch (st) {
    case VM_NUMFMT_VALUE_ERROR: vm_raise(VM_TYPE(ValueError), "%s", msg); break;
    case VM_NUMFMT_OVERFLOW_ERROR: vm_raise(VM_TYPE(OverflowError), "%s", msg); break;
    case VM_NUMFMT_ZERO_DIVISION_ERROR: vm_raise(VM_TYPE(ZeroDivisionError), "%s", msg); break;
    case VM_NUMFMT_TYPE_ERROR: vm_raise(VM_TYPE(TypeError), "%s", msg); break;
    default: vm_raise_nomem(); break;
    }
    vm_buf_free(err);
    return VM_NULL;
}

static inline vm_value bool_value(bool b) { return b ? VM_TRUE : VM_FALSE; }
static inline bool is_bool(vm_value v) { return v == VM_TRUE || v == VM_FALSE; }
/* An int: small, an INT object (a big int or an int subclass's instance), or a bool. */
static inline bool is_int(vm_value v)
{
    return vm_is_small(v) || (vm_is_ref(v) && (vm_layout_of(v) == VM_L_INT || is_bool(v)));
}
static inline bool is_float(vm_value v) { return vm_has_layout(v, VM_L_FLOAT); }
static inline bool is_complex(vm_value v) { return vm_has_layout(v, VM_L_COMPLEX); }
static inline bool is_str(vm_value v) { return vm_has_layout(v, VM_L_STR); }
static inline bool is_bytes(vm_value v) { return vm_has_layout(v, VM_L_BYTES); }

/* A bytearray (or subclass instance). */
static bool is_bytearray(vm_value v)
{
    return vm_is_ref(v) && vm_layout_of(v) == VM_L_OBJ && vm_isinstance(v, VM_TYPE(BYTEARRAY));
}

/* The value of a small int or a bool. */
static inline bool small_of(vm_value v, int64_t *out)
{
    if (vm_is_small(v)) {
        *out = vm_small_value(v);
        return true;
    }
    if (is_bool(v)) {
        *out = v == VM_TRUE;
        return true;
    }
    return false;
}

/* A read-only bigint view of an int (bools included). */
static void int_view(vm_value v, vm_bigint *b, uint32_t tmp[2])
{
    if (is_bool(v)) {
        *b = (vm_bigint){tmp, 0, false};
        if (v == VM_TRUE) {
            tmp[0] = 1;
            b->n = 1;
        }
        return;
    }
    vm_int_view(v, b, tmp);
}

/* Scratch limbs for a result: on the stack when short. */
typedef struct big {
    vm_bigint b;
    uint32_t local[16];
} big;

static bool big_alloc(big *s, size_t cap)
{
    s->b.n = 0;
    s->b.neg = false;
    if (cap == 0)
        cap = 1;
    if (cap <= 16) {
        s->b.d = s->local;
        return true;
    }
    if (cap == SIZE_MAX || cap > VM_BIGINT_MAX_LIMBS || cap > UINT32_MAX) {
        s->b.d = NULL;
        vm_raise_nomem();
        return false;
    }
    s->b.d = malloc(cap * sizeof(uint32_t));
    if (!s->b.d) {
        vm_raise_nomem();
        return false;
    }
    return true;
}

static void big_free(big *s)
{
    if (s->b.d && s->b.d != s->local)
        free(s->b.d);
    s->b.d = NULL;
}

/* The int of a scratch result (freed). */
static vm_value big_result(big *s)
{
    vm_value v = vm_int_from_bigint(&s->b);
    big_free(s);
    return v ? v : vm_raise_nomem();
}

/* An int of a malloc'd bigint (numfmt's results), freed. */
static vm_value int_from_malloced(vm_bigint *b)
{
    vm_value v = vm_int_from_bigint(b);
    free(b->d);
    return v ? v : vm_raise_nomem();
}

static vm_value new_int64(int64_t i)
{
    vm_value v = vm_int_from_int64(i);
    return v ? v : vm_raise_nomem();
}

static vm_value new_float(double x)
{
    vm_value v = vm_float_new(x);
    return v ? v : vm_raise_nomem();
}

static vm_value alloc_typed(size_t size, vm_layout layout, vm_value type)
{
    stm_ref r = stm_allocate(size, (uint32_t)layout);
    if (r == STM_NULL)
        return vm_raise_nomem();
    ((vm_object *)stm_addr(r))->type = (stm_ref)type;
    return (vm_value)r;
}

static vm_value tuple2(vm_value a, vm_value b)
{
    if (!a || !b)
        return VM_NULL;
    vm_value t = vm_tuple_new(2);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = a;
    vm_tuple_items(t)[1] = b;
    return t;
}

static vm_value tuple1(vm_value a)
{
    if (!a)
        return VM_NULL;
    vm_value t = vm_tuple_new(1);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = a;
    return t;
}

static vm_value str_of_buf(vm_buf *b)
{
    vm_value s = vm_str_from_utf8(b->data ? b->data : "", b->len);
    vm_buf_free(b);
    return s ? s : vm_raise_nomem();
}

static vm_value str_of_c(const char *s)
{
    vm_value v = vm_str_from_utf8(s, strlen(s));
    return v ? v : vm_raise_nomem();
}

/* The name of v's type (for format()'s messages), into out. */
static void type_name_of(vm_value v, vm_buf *out)
{
    vm_type_name(vm_type_of(v), out);
}

/* Checks the cls argument of T.__new__(cls, ...). */
static bool check_new_cls(vm_value cls, vm_value base, const char *name)
{
    if (!vm_is_type_object(cls)) {
        vm_raise(VM_TYPE(TypeError), "%s.__new__(X): X is not a type object (%T)", name, cls);
        return false;
    }
    if (!vm_is_subtype(cls, base)) {
        vm_raise(VM_TYPE(TypeError), "%s.__new__(%N): %N is not a subtype of %s", name, cls,
                 cls, name);
        return false;
    }
    return true;
}

/* Keyword arguments of a call: count. */
static inline int64_t nkw(vm_value kwnames)
{
    return kwnames ? vm_tuple_length(kwnames) : 0;
}

/* =======================================================================================
 * int: conversions
 */

/* An int value as a plain int (bools and subclass instances converted). */
static vm_value int_exact(vm_value v)
{
    if (vm_is_small(v))
        return v;
    if (is_bool(v))
        return vm_small(v == VM_TRUE);
    if (vm_type_of(v) == VM_TYPE(INT))
        return v;
    uint32_t tmp[2];
    vm_bigint b;
    int_view(v, &b, tmp);
    vm_value r = vm_int_from_bigint(&b);
    return r ? r : vm_raise_nomem();
}

/* An int of class cls (int itself or a subclass) with the value of the int v. */
static vm_value int_of_type(vm_value cls, vm_value v)
{
    if (cls == VM_TYPE(INT))
        return int_exact(v);
    uint32_t tmp[2];
    vm_bigint b;
    int_view(v, &b, tmp);
    vm_value r = alloc_typed(sizeof(vm_int) + b.n * sizeof(uint32_t), VM_L_INT, cls);
    if (!r)
        return VM_NULL;
    int_view(v, &b, tmp);       /* again after the allocation (a collection may have run) */
    vm_int *o = vm_obj(r);
    o->nlimbs = (uint32_t)b.n;
    o->negative = b.neg;
    memcpy(o->limbs, b.d, b.n * sizeof(uint32_t));
    return r;
}

/* float(int): false with OverflowError if too large. */
static bool int_to_double(vm_value v, double *out)
{
    int64_t i;
    if (small_of(v, &i)) {
        *out = (double)i;
        return true;
    }
    uint32_t tmp[2];
    vm_bigint b;
    int_view(v, &b, tmp);
    if (vm_bigint_to_double(&b, out) != VM_BIGINT_OK) {
        vm_raise(VM_TYPE(OverflowError), "int too large to convert to float");
        return false;
    }
    return true;
}

/* int(x) of a finite or infinite/NaN double (truncation), with CPython's errors. */
static vm_value int_from_double(double x)
{
    if (isnan(x)) {
        vm_raise(VM_TYPE(ValueError), "cannot convert float NaN to integer");
        return VM_NULL;
    }
    if (isinf(x)) {
        vm_raise(VM_TYPE(OverflowError), "cannot convert float infinity to integer");
        return VM_NULL;
    }
    if (x > -4.0e18 && x < 4.0e18)
        return new_int64((int64_t)x);
    big r;
    if (!big_alloc(&r, vm_bigint_from_double_cap(x)))
        return VM_NULL;
    vm_bigint_from_double(&r.b, x);
    return big_result(&r);
}

vm_value vm_int_repr(vm_value v)
{
    int64_t i;
    if (small_of(v, &i)) {
        char buf[24];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)i);
        vm_value s = vm_str_from_utf8(buf, (size_t)n);
        return s ? s : vm_raise_nomem();
    }
    uint32_t tmp[2];
    vm_bigint b;
    int_view(v, &b, tmp);
    vm_buf out = {0}, err = {0};
    vm_numfmt_status st = vm_numfmt_int_to_str(&out, &b, 10, false, MAX_STR_DIGITS, &err);
    if (st) {
        vm_buf_free(&out);
        return raise_numfmt(st, &err);
    }
    vm_buf_free(&err);
    return str_of_buf(&out);
}

/* =======================================================================================
 * int: arithmetic
 */

enum {
    IOP_ADD, IOP_SUB, IOP_MUL, IOP_FLOORDIV, IOP_MOD, IOP_DIVMOD, IOP_TRUEDIV, IOP_POW,
    IOP_LSHIFT, IOP_RSHIFT, IOP_AND, IOP_OR, IOP_XOR
};

static vm_value float_pow_values(double x, double y);

static vm_value zero_division(int op)
{
    vm_raise(VM_TYPE(ZeroDivisionError), op == IOP_MOD ? "integer modulo by zero"
                                         : op == IOP_TRUEDIV ? "division by zero"
                                                             : "integer division or modulo by zero");
    return VM_NULL;
}

/* a ** b for ints with b < 0: a float, as CPython's long_pow does. */
static vm_value int_pow_negative(vm_value a, vm_value b)
{
    double x, y;
    if (!int_to_double(a, &x) || !int_to_double(b, &y))
        return VM_NULL;
    return float_pow_values(x, y);
}

static vm_value int_binop_big(vm_value a, vm_value b, int op)
{
    uint32_t ta[2], tb[2];
    vm_bigint x, y;
    int_view(a, &x, ta);
    int_view(b, &y, tb);
    big r;
    switch (op) {
    case IOP_ADD:
    case IOP_SUB:
        if (!big_alloc(&r, vm_bigint_add_cap(&x, &y)))
            return VM_NULL;
        if (op == IOP_ADD)
            vm_bigint_add(&r.b, &x, &y);
        else
            vm_bigint_sub(&r.b, &x, &y);
        return big_result(&r);
    case IOP_MUL:
        if (!big_alloc(&r, vm_bigint_mul_cap(&x, &y)))
            return VM_NULL;
        vm_bigint_mul(&r.b, &x, &y);
        return big_result(&r);
    case IOP_FLOORDIV:
    case IOP_MOD:
    case IOP_DIVMOD: {
        if (vm_bigint_is_zero(&y))
            return zero_division(op);
        big q, m;
        q.b.d = m.b.d = NULL;
        if (op != IOP_MOD && !big_alloc(&q, vm_bigint_floordiv_cap(&x, &y)))
            return VM_NULL;
        if (op != IOP_FLOORDIV && !big_alloc(&m, vm_bigint_mod_cap(&x, &y))) {
            big_free(&q);
            return VM_NULL;
        }
        vm_bigint_divmod(op != IOP_MOD ? &q.b : NULL, op != IOP_FLOORDIV ? &m.b : NULL, &x, &y);
        if (op == IOP_FLOORDIV)
            return big_result(&q);
        if (op == IOP_MOD)
            return big_result(&m);
        vm_value qv = big_result(&q);
        if (!qv) {
            big_free(&m);
            return VM_NULL;
        }
        return tuple2(qv, big_result(&m));
    }
    case IOP_TRUEDIV: {
        double d;
        vm_buf err = {0};
        vm_numfmt_status st = vm_numfmt_int_truediv(&x, &y, &d, &err);
        if (st)
            return raise_numfmt(st, &err);
        vm_buf_free(&err);
        return new_float(d);
    }
    case IOP_POW: {
        if (y.neg)
            return int_pow_negative(a, b);
        size_t cap = vm_bigint_pow_cap(&x, &y);
        if (!big_alloc(&r, cap))
            return VM_NULL;
        vm_bigint_pow(&r.b, &x, &y);
        return big_result(&r);
    }
    case IOP_LSHIFT:
    case IOP_RSHIFT: {
        uint64_t s;
        vm_bigint_status st = vm_bigint_shift_count(&y, &s);
        if (st == VM_BIGINT_NEGATIVE_SHIFT) {
            vm_raise(VM_TYPE(ValueError), "negative shift count");
            return VM_NULL;
        }
        if (vm_bigint_is_zero(&x))
            return vm_small(0);
        if (op == IOP_LSHIFT) {
            if (st == VM_BIGINT_TOO_BIG)
                return vm_raise_nomem();
            if (!big_alloc(&r, vm_bigint_lshift_cap(&x, s)))
                return VM_NULL;
            vm_bigint_lshift(&r.b, &x, s);
        } else {
            if (!big_alloc(&r, vm_bigint_rshift_cap(&x, s)))
                return VM_NULL;
            vm_bigint_rshift(&r.b, &x, s);
        }
        return big_result(&r);
    }
    default:
        if (!big_alloc(&r, vm_bigint_bitop_cap(&x, &y)))
            return VM_NULL;
        if (op == IOP_AND)
            vm_bigint_and(&r.b, &x, &y);
        else if (op == IOP_OR)
            vm_bigint_or(&r.b, &x, &y);
        else
            vm_bigint_xor(&r.b, &x, &y);
        return big_result(&r);
    }
}

/* a op b for two ints; NotImplemented if either is not an int. */
static vm_value int_binop(vm_value a, vm_value b, int op)
{
    if (!is_int(a) || !is_int(b))
        return VM_NOTIMPLEMENTED;
    int64_t x, y, r;
    if (!small_of(a, &x) || !small_of(b, &y))
        return int_binop_big(a, b, op);
    switch (op) {
    case IOP_ADD: return new_int64(x + y);      /* 63-bit operands: no overflow */
    case IOP_SUB: return new_int64(x - y);
    case IOP_MUL:
        if (__builtin_mul_overflow(x, y, &r))
            break;
        return new_int64(r);
    case IOP_FLOORDIV:
    case IOP_MOD:
    case IOP_DIVMOD: {
        if (y == 0)
            return zero_division(op);
        int64_t q = x / y, m = x % y;   /* x == VM_SMALL_MIN, y == -1 fits int64 */
        if (m != 0 && ((m < 0) != (y < 0))) {
            q -= 1;
            m += y;
        }
        if (op == IOP_FLOORDIV)
            return new_int64(q);
        if (op == IOP_MOD)
            return vm_small(m);
        return tuple2(new_int64(q), vm_small(m));
    }
    case IOP_TRUEDIV: {
        if (y == 0)
            return zero_division(op);
        const int64_t exact = INT64_C(1) << 53;
        if (x >= -exact && x <= exact && y >= -exact && y <= exact)
            return new_float((double)x / (double)y);
        break;
    }
    case IOP_POW: {
        if (y < 0)
            return int_pow_negative(a, b);
        int64_t result = 1, base = x, e = y;
        bool overflow = false;
        while (e) {
            if ((e & 1) && __builtin_mul_overflow(result, base, &result)) {
                overflow = true;
                break;
            }
            e >>= 1;
            if (e && __builtin_mul_overflow(base, base, &base)) {
                overflow = true;
                break;
            }
        }
        if (overflow)
            break;
        return new_int64(result);
    }
    case IOP_LSHIFT:
        if (y < 0) {
            vm_raise(VM_TYPE(ValueError), "negative shift count");
            return VM_NULL;
        }
        if (x == 0)
            return vm_small(0);
        if (y < 62) {
            int64_t s = (int64_t)((uint64_t)x << y);
            if ((s >> y) == x)
                return new_int64(s);
        }
        break;
    case IOP_RSHIFT:
        if (y < 0) {
            vm_raise(VM_TYPE(ValueError), "negative shift count");
            return VM_NULL;
        }
        return vm_small(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
    case IOP_AND: return vm_small(x & y);
    case IOP_OR: return vm_small(x | y);
    case IOP_XOR: return vm_small(x ^ y);
    }
    return int_binop_big(a, b, op);
}

/* pow(a, b, m) for ints (m None: a ** b); NotImplemented for other types. */
static vm_value int_pow3(vm_value a, vm_value b, vm_value m)
{
    if (m == VM_NULL || m == VM_NONE)
        return int_binop(a, b, IOP_POW);
    if (!is_int(a) || !is_int(b) || !is_int(m))
        return VM_NOTIMPLEMENTED;
    uint32_t ta[2], tb[2], tm[2];
    vm_bigint x, y, z;
    int_view(a, &x, ta);
    int_view(b, &y, tb);
    int_view(m, &z, tm);
    if (vm_bigint_is_zero(&z)) {
        vm_raise(VM_TYPE(ValueError), "pow() 3rd argument cannot be 0");
        return VM_NULL;
    }
    big r;
    if (!big_alloc(&r, vm_bigint_powmod_cap(&x, &y, &z)))
        return VM_NULL;
    vm_bigint_status st = vm_bigint_powmod(&r.b, &x, &y, &z);
    if (st == VM_BIGINT_NOT_INVERTIBLE) {
        big_free(&r);
        vm_raise(VM_TYPE(ValueError), "base is not invertible for the given modulus");
        return VM_NULL;
    }
    if (st != VM_BIGINT_OK) {
        big_free(&r);
        vm_raise(VM_TYPE(ValueError), "pow() 3rd argument cannot be 0");
        return VM_NULL;
    }
    return big_result(&r);
}

#define INT_BINARY(name, op)                                                               \
    static vm_value int_##name(vm_value *args, int64_t nargs, vm_value kw)                 \
    {                                                                                      \
        return int_binop(args[0], args[1], op);                                            \
    }                                                                                      \
    static vm_value int_r##name(vm_value *args, int64_t nargs, vm_value kw)                \
    {                                                                                      \
        return int_binop(args[1], args[0], op);                                            \
    }
INT_BINARY(add, IOP_ADD)
INT_BINARY(sub, IOP_SUB)
INT_BINARY(mul, IOP_MUL)
INT_BINARY(floordiv, IOP_FLOORDIV)
INT_BINARY(truediv, IOP_TRUEDIV)
INT_BINARY(mod, IOP_MOD)
INT_BINARY(divmod, IOP_DIVMOD)
INT_BINARY(lshift, IOP_LSHIFT)
INT_BINARY(rshift, IOP_RSHIFT)
INT_BINARY(and, IOP_AND)
INT_BINARY(or, IOP_OR)
INT_BINARY(xor, IOP_XOR)

static vm_value int_pow(vm_value *args, int64_t nargs, vm_value kw)
{
    return int_pow3(args[0], args[1], nargs > 2 ? args[2] : VM_NULL);
}

static vm_value int_rpow(vm_value *args, int64_t nargs, vm_value kw)
{
    return int_pow3(args[1], args[0], nargs > 2 ? args[2] : VM_NULL);
}

/* =======================================================================================
 * int: unary operations, comparisons, hash, conversions
 */

static vm_value int_neg(vm_value *args, int64_t nargs, vm_value kw)
{
    int64_t i;
    if (small_of(args[0], &i))
        return new_int64(-i);
    uint32_t tmp[2];
    vm_bigint b;
    int_view(args[0], &b, tmp);
    big r;
    if (!big_alloc(&r, vm_bigint_neg_cap(&b)))
        return VM_NULL;
    vm_bigint_neg(&r.b, &b);
    return big_result(&r);
}

static vm_value int_pos(vm_value *args, int64_t nargs, vm_value kw)
{
    return int_exact(args[0]);
}

static vm_value int_abs(vm_value *args, int64_t nargs, vm_value kw)
{
    int64_t i;
    if (small_of(args[0], &i))
        return new_int64(i < 0 ? -i : i);
    uint32_t tmp[2];
    vm_bigint b;
    int_view(args[0], &b, tmp);
    if (!b.neg)
        return int_exact(args[0]);
    big r;
    if (!big_alloc(&r, vm_bigint_neg_cap(&b)))
        return VM_NULL;
    vm_bigint_abs(&r.b, &b);
    return big_result(&r);
}

static vm_value int_invert(vm_value *args, int64_t nargs, vm_value kw)
{
    int64_t i;
    if (small_of(args[0], &i))
        return new_int64(~i);
    uint32_t tmp[2];
    vm_bigint b;
    int_view(args[0], &b, tmp);
    big r;
    if (!big_alloc(&r, vm_bigint_invert_cap(&b)))
        return VM_NULL;
    vm_bigint_invert(&r.b, &b);
    return big_result(&r);
}

static bool int_is_zero(vm_value v)
{
    int64_t i;
    if (small_of(v, &i))
        return i == 0;
    uint32_t tmp[2];
    vm_bigint b;
    int_view(v, &b, tmp);
    return vm_bigint_is_zero(&b);
}

static vm_value int_bool(vm_value *args, int64_t nargs, vm_value kw)
{
    return bool_value(!int_is_zero(args[0]));
}

static vm_value int_int(vm_value *args, int64_t nargs, vm_value kw)
{
    return int_exact(args[0]);
}

static vm_value int_float(vm_value *args, int64_t nargs, vm_value kw)
{
    double d;
    if (!int_to_double(args[0], &d))
        return VM_NULL;
    return new_float(d);
}

static vm_value int_round(vm_value *args, int64_t nargs, vm_value kw)
{
    if (nargs < 2)
        return int_exact(args[0]);
    int64_t nd;
    if (!vm_index_clamped(args[1], &nd))
        return VM_NULL;
    if (nd >= 0)
        return int_exact(args[0]);
    uint32_t tmp[2];
    vm_bigint b, r;
    int_view(args[0], &b, tmp);
    vm_buf err = {0};
    vm_numfmt_status st = vm_numfmt_round_int(&b, nd, &r, &err);
    if (st)
        return raise_numfmt(st, &err);
    vm_buf_free(&err);
    return int_from_malloced(&r);
}

static int int_cmp(vm_value a, vm_value b)
{
    int64_t x, y;
    if (small_of(a, &x) && small_of(b, &y))
        return (x > y) - (x < y);
    uint32_t ta[2], tb[2];
    vm_bigint p, q;
    int_view(a, &p, ta);
    int_view(b, &q, tb);
    return vm_bigint_cmp(&p, &q);
}

static bool cmp_result(int c, int op)
{
    switch (op) {
    case VM_CMP_LT: return c < 0;
    case VM_CMP_LE: return c <= 0;
    case VM_CMP_EQ: return c == 0;
    case VM_CMP_NE: return c != 0;
    case VM_CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

static vm_value int_richcompare(vm_value a, vm_value b, int op)
{
    if (!is_int(a) || !is_int(b))
        return VM_NOTIMPLEMENTED;
    return bool_value(cmp_result(int_cmp(a, b), op));
}

#define RICHCOMPARE(type, name, op)                                                        \
    static vm_value type##_##name(vm_value *args, int64_t nargs, vm_value kw)              \
    {                                                                                      \
        return type##_richcompare(args[0], args[1], op);                                   \
    }
RICHCOMPARE(int, lt, VM_CMP_LT)
RICHCOMPARE(int, le, VM_CMP_LE)
RICHCOMPARE(int, eq, VM_CMP_EQ)
RICHCOMPARE(int, ne, VM_CMP_NE)
RICHCOMPARE(int, gt, VM_CMP_GT)
RICHCOMPARE(int, ge, VM_CMP_GE)

static vm_value int_hash(vm_value *args, int64_t nargs, vm_value kw)
{
    int64_t h;
    uint32_t tmp[2];
    vm_bigint b;
    int_view(args[0], &b, tmp);
    h = vm_bigint_hash(&b);
    return new_int64(h);
}

static vm_value int_repr(vm_value *args, int64_t nargs, vm_value kw)
{
    return vm_int_repr(args[0]);
}

/* The UTF-8 of a format spec argument into out; false with TypeError if not a str. */
static bool spec_text(vm_value spec, vm_buf *out)
{
    if (!is_str(spec)) {
        vm_raise(VM_TYPE(TypeError), "__format__() argument must be str, not %T", spec);
        return false;
    }
    vm_buf_put_str(out, spec);
    return true;
}

static vm_value int_format(vm_value *args, int64_t nargs, vm_value kw)
{
    vm_buf spec = {0};
    if (!spec_text(args[1], &spec))
        return VM_NULL;
    if (spec.len == 0) {
        vm_buf_free(&spec);
        return vm_str_of(args[0]);
    }
    vm_buf out = {0}, err = {0}, tname = {0};
    type_name_of(args[0], &tname);
    uint32_t tmp[2];
    vm_bigint b;
    int_view(args[0], &b, tmp);
    vm_numfmt_status st = vm_numfmt_format_int(&out, &b, spec.data, spec.len, tname.data,
                                               MAX_STR_DIGITS, &err);
    vm_buf_free(&spec);
    vm_buf_free(&tname);
    if (st) {
        vm_buf_free(&out);
        return raise_numfmt(st, &err);
    }
    vm_buf_free(&err);
    return str_of_buf(&out);
}

static vm_value int_getnewargs(vm_value *args, int64_t nargs, vm_value kw)
{
    return tuple1(int_exact(args[0]));
}

static vm_value int_sizeof(vm_value *args, int64_t nargs, vm_value kw)
{
    uint32_t tmp[2];
    vm_bigint b;
    int_view(args[0], &b, tmp);
    uint64_t digits = (vm_bigint_bit_length(&b) + 29) / 30;  /* CPython's 30-bit digits */
    return new_int64(24 + 4 * (int64_t)(digits ? digits : 1));
}

static vm_value int_bit_length(vm_value *args, int64_t nargs, vm_value kw)
{
    uint32_t tmp[2];
    vm_bigint b;
    int_view(args[0], &b, tmp);
    return new_int64((int64_t)vm_bigint_bit_length(&b));
}

static vm_value int_bit_count(vm_value *args, int64_t nargs, vm_value kw)
{
    uint32_t tmp[2];
    vm_bigint b;
    int_view(args[0], &b, tmp);
    int64_t n = 0;
    for (size_t i = 0; i < b.n; i++)
        n += __builtin_popcount(b.d[i]);
    return new_int64(n);
}

static vm_value int_as_integer_ratio(vm_value *args, int64_t nargs, vm_value kw)
{
    return tuple2(int_exact(args[0]), vm_small(1));
}

static vm_value int_zero(vm_value *args, int64_t nargs, vm_value kw)
{
    return vm_small(0);
}

static vm_value int_one(vm_value *args, int64_t nargs, vm_value kw)
{
    return vm_small(1);
}

/* byteorder argument of to_bytes/from_bytes: 1 little, 0 big, -1 error. */
static int byteorder_arg(vm_value v, const char *fname)
{
    if (v == VM_NULL)
        return 0;
    if (!is_str(v)) {
        vm_raise(VM_TYPE(TypeError), "%s() argument 'byteorder' must be str, not %T", fname, v);
        return -1;
    }
    if (vm_str_eq_c(v, "little"))
        return 1;
    if (vm_str_eq_c(v, "big"))
        return 0;
    vm_raise(VM_TYPE(ValueError), "byteorder must be either 'little' or 'big'");
    return -1;
}

static vm_value int_to_bytes(vm_value *args, int64_t nargs, vm_value kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    vm_value a[3];
    if (!vm_bind_args("to_bytes", args + 1, nargs - 1, kwnames, names, 3, 2, 0, a))
        return VM_NULL;
    int64_t length = 1;
    if (a[0] && !vm_index(a[0], &length))
        return VM_NULL;
    if (length < 0) {
        vm_raise(VM_TYPE(ValueError), "length argument must be non-negative");
        return VM_NULL;
    }
    int little = byteorder_arg(a[1], "to_bytes");
    if (little < 0)
        return VM_NULL;
    int is_signed = a[2] ? vm_truth(a[2]) : 0;
    if (is_signed < 0)
        return VM_NULL;
    uint32_t tmp[2];
    vm_bigint b;
    int_view(args[0], &b, tmp);
    if (b.neg && !is_signed) {
        vm_raise(VM_TYPE(OverflowError), "can't convert negative int to unsigned");
        return VM_NULL;
    }
    /* bits the value needs: |v| for v >= 0, |v| - 1 (== ~v) for v < 0 */
    uint64_t bits = vm_bigint_bit_length(&b);
    if (b.neg) {
        bool power_of_two = (b.d[b.n - 1] & (b.d[b.n - 1] - 1)) == 0;
        for (size_t i = 0; power_of_two && i + 1 < b.n; i++)
            power_of_two = b.d[i] == 0;
        if (power_of_two)
            bits--;
    }
    /* no room is needed for the sign of 0 or -1 (CPython: (-1).to_bytes(0, signed=True)) */
    if (bits != 0 && bits + (is_signed ? 1 : 0) > (uint64_t)length * 8) {
        vm_raise(VM_TYPE(OverflowError), "int too big to convert");
        return VM_NULL;
    }
    uint8_t *buf = malloc(length ? (size_t)length : 1);
    if (!buf)
        return vm_raise_nomem();
    for (int64_t i = 0; i < length; i++) {
        size_t limb = (size_t)i / 4;
        buf[i] = limb < b.n ? (uint8_t)(b.d[limb] >> (8 * (i % 4))) : 0;
    }
    if (b.neg) {
        unsigned carry = 1;
        for (int64_t i = 0; i < length; i++) {
            unsigned x = (uint8_t)~buf[i] + carry;
            buf[i] = (uint8_t)x;
            carry = x >> 8;
        }
    }
    if (!little) {
        for (int64_t i = 0, j = length - 1; i < j; i++, j--) {
            uint8_t t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }
    vm_value r = vm_bytes_new(buf, (size_t)length);
    free(buf);
    return r ? r : vm_raise_nomem();
}

static vm_value int_from_bytes(vm_value *args, int64_t nargs, vm_value kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    vm_value a[3];
    if (!vm_bind_args("from_bytes", args + 1, nargs - 1, kwnames, names, 3, 2, 1, a))
        return VM_NULL;
    vm_value cls = args[0];
    int little = byteorder_arg(a[1], "from_bytes");
    if (little < 0)
        return VM_NULL;
    int is_signed = a[2] ? vm_truth(a[2]) : 0;
    if (is_signed < 0)
        return VM_NULL;
    vm_value data = a[0];
    vm_value dt = vm_type_of(data);
    if (is_str(data) || (!is_bytes(data) && !is_bytearray(data) &&
                         !vm_type_lookup_c(dt, "__iter__") && !vm_type_lookup_c(dt, "__bytes__") &&
                         !vm_type_lookup_c(dt, "__getitem__"))) {
        vm_raise(VM_TYPE(TypeError), "cannot convert '%T' object to bytes", data);
        return VM_NULL;
    }
    if (!is_bytes(data)) {
        data = vm_call1(VM_TYPE(BYTES), data);
        if (!data)
            return VM_NULL;
    }
    const vm_bytes *bo = vm_obj(data);
    size_t n = (size_t)bo->length;
    big r;
    if (!big_alloc(&r, n / 4 + 2))
        return VM_NULL;
    size_t nlimbs = (n + 3) / 4;
    memset(r.b.d, 0, (nlimbs + 1) * sizeof(uint32_t));
    bool negative = is_signed && n > 0 && (bo->data[little ? n - 1 : 0] & 0x80);
    for (size_t i = 0; i < n; i++) {
        uint8_t byte = bo->data[little ? i : n - 1 - i];     /* i-th least significant */
        if (negative)
            byte = (uint8_t)~byte;
        r.b.d[i / 4] |= (uint32_t)byte << (8 * (i % 4));
    }
    r.b.n = nlimbs;
    vm_bigint_normalize(&r.b);
    if (negative) {     /* value = -(~bytes + 1) */
        uint32_t one_limb = 1;
        vm_bigint one = {&one_limb, 1, false};
        vm_bigint_add(&r.b, &r.b, &one);
        r.b.neg = true;
    }
    vm_value v = big_result(&r);
    if (!v || cls == VM_TYPE(INT))
        return v;
    return vm_call1(cls, v);
}

/* =======================================================================================
 * int(): int.__new__
 */

/* A str's, bytes' or bytearray's text parsed as int(text, base). */
static vm_value int_from_text(vm_value x, int64_t base)
{
    vm_buf text = {0}, err = {0};
    const char *s;
    size_t len;
    if (is_str(x)) {
        vm_buf_put_str(&text, x);
        s = text.data ? text.data : "";
        len = text.len;
    } else {
        vm_value bx = is_bytes(x) ? x : vm_call1(VM_TYPE(BYTES), x);
        if (!bx)
            return VM_NULL;
        x = bx;                 /* messages show bytearray's text as bytes, as CPython */
        const vm_bytes *b = vm_obj(bx);
        s = (const char *)b->data;
        len = (size_t)b->length;
    }
    vm_bigint r;
    vm_numfmt_status st = vm_numfmt_parse_int(s, len, (int)base, &r, MAX_STR_DIGITS, &err);
    vm_buf_free(&text);
    if (st) {
        if (!is_str(x) && st == VM_NUMFMT_VALUE_ERROR && err.data &&
            strncmp(err.data, "invalid literal", 15) == 0) {
            vm_buf_free(&err);
            vm_raise(VM_TYPE(ValueError), "invalid literal for int() with base %d: %R",
                     (int)base, x);
            return VM_NULL;
        }
        return raise_numfmt(st, &err);
    }
    vm_buf_free(&err);
    return int_from_malloced(&r);
}

/* The result of __int__/__index__ checked to be an int. */
static vm_value checked_int_result(vm_value r, const char *what)
{
    if (!r)
        return VM_NULL;
    if (!is_int(r)) {
        vm_raise(VM_TYPE(TypeError), "%s returned non-int (type %T)", what, r);
        return VM_NULL;
    }
    return int_exact(r);
}

/* int(x) (PyNumber_Long). */
static vm_value int_of_value(vm_value x)
{
    if (vm_is_small(x) || (vm_is_ref(x) && vm_type_of(x) == VM_TYPE(INT)))
        return x;
    if (vm_is_ref(x) && vm_type_of(x) == VM_TYPE(FLOAT))
        return int_from_double(vm_float_value(x));
    bool found;
    vm_value r = vm_call_special(x, "__int__", NULL, 0, &found);
    if (found)
        return checked_int_result(r, "__int__");
    r = vm_call_special(x, "__index__", NULL, 0, &found);
    if (found)
        return checked_int_result(r, "__index__");
    r = vm_call_special(x, "__trunc__", NULL, 0, &found);
    if (found) {
        if (!r)
            return VM_NULL;
        if (is_int(r))
            return int_exact(r);
        vm_value i = vm_call_special(r, "__index__", NULL, 0, &found);
        if (!found) {
            vm_raise(VM_TYPE(TypeError), "__trunc__ returned non-Integral (type %T)", r);
            return VM_NULL;
        }
        return checked_int_result(i, "__index__");
    }
    if (is_str(x) || is_bytes(x) || is_bytearray(x))
        return int_from_text(x, 10);
    vm_raise(VM_TYPE(TypeError),
             "int() argument must be a string, a bytes-like object or a real number, not '%T'",
             x);
    return VM_NULL;
}

static vm_value int_new(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value cls = args[0];
    if (!check_new_cls(cls, VM_TYPE(INT), "int"))
        return VM_NULL;
    if (vm_is_subtype(cls, VM_TYPE(BOOL))) {     /* bools are the two singletons */
        vm_raise(VM_TYPE(TypeError), "int.__new__(%N) is not safe, use %N.__new__()", cls, cls);
        return VM_NULL;
    }
    int64_t npos = nargs - 1;
    if (npos > 2) {
        vm_raise(VM_TYPE(TypeError), "int() takes at most 2 arguments (%d given)",
                 (int)(npos + nkw(kwnames)));
        return VM_NULL;
    }
    vm_value x = npos > 0 ? args[1] : VM_NULL, base = npos > 1 ? args[2] : VM_NULL;
    for (int64_t i = 0; i < nkw(kwnames); i++) {
        vm_value name = vm_tuple_items(kwnames)[i];
        if (!vm_str_eq_c(name, "base")) {
            vm_raise(VM_TYPE(TypeError), "%R is an invalid keyword argument for int()", name);
            return VM_NULL;
        }
        if (base) {
            vm_raise(VM_TYPE(TypeError), "int() takes at most 2 arguments (%d given)",
                     (int)(npos + nkw(kwnames)));
            return VM_NULL;
        }
        base = args[nargs + i];
    }
    vm_value v;
    if (!x) {
        if (base) {
            vm_raise(VM_TYPE(TypeError), "int() missing string argument");
            return VM_NULL;
        }
        v = vm_small(0);
    } else if (base) {
        int64_t b;
        if (!vm_index_clamped(base, &b))
            return VM_NULL;
        if (b != 0 && (b < 2 || b > 36)) {
            vm_raise(VM_TYPE(ValueError), "int() base must be >= 2 and <= 36, or 0");
            return VM_NULL;
        }
        if (!is_str(x) && !is_bytes(x) && !is_bytearray(x)) {
            vm_raise(VM_TYPE(TypeError), "int() can't convert non-string with explicit base");
            return VM_NULL;
        }
        v = int_from_text(x, b);
    } else {
        v = int_of_value(x);
    }
    if (!v || cls == VM_TYPE(INT))
        return v;
    return int_of_type(cls, v);
}

/* =======================================================================================
 * bool
 */

static vm_value bool_repr(vm_value *args, int64_t nargs, vm_value kw)
{
    return str_of_c(args[0] == VM_TRUE ? "True" : args[0] == VM_FALSE ? "False" : "?");
}

static vm_value bool_binop(vm_value a, vm_value b, int op)
{
    if (is_bool(a) && is_bool(b)) {
        bool x = a == VM_TRUE, y = b == VM_TRUE;
        return bool_value(op == IOP_AND ? (x & y) : op == IOP_OR ? (x | y) : (x ^ y));
    }
    return int_binop(a, b, op);
}

#define BOOL_BINARY(name, op)                                                              \
    static vm_value bool_##name(vm_value *args, int64_t nargs, vm_value kw)                \
    {                                                                                      \
        return bool_binop(args[0], args[1], op);                                           \
    }                                                                                      \
    static vm_value bool_r##name(vm_value *args, int64_t nargs, vm_value kw)               \
    {                                                                                      \
        return bool_binop(args[1], args[0], op);                                           \
    }
BOOL_BINARY(and, IOP_AND)
BOOL_BINARY(or, IOP_OR)
BOOL_BINARY(xor, IOP_XOR)

static vm_value bool_new(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!check_new_cls(args[0], VM_TYPE(BOOL), "bool"))
        return VM_NULL;
    if (nkw(kwnames)) {
        vm_raise(VM_TYPE(TypeError), "bool() takes no keyword arguments");
        return VM_NULL;
    }
    if (nargs > 2) {
        vm_raise(VM_TYPE(TypeError), "bool expected at most 1 argument, got %d",
                 (int)(nargs - 1));
        return VM_NULL;
    }
    if (nargs < 2)
        return VM_FALSE;
    int t = vm_truth(args[1]);
    return t < 0 ? VM_NULL : bool_value(t);
}

/* =======================================================================================
 * float
 */

vm_value vm_float_repr(vm_value v)
{
    char buf[VM_NUMFMT_REPR_MAX];
    size_t n = vm_numfmt_repr_double(vm_float_value(v), true, buf);
    vm_value s = vm_str_from_utf8(buf, n);
    return s ? s : vm_raise_nomem();
}

static vm_value float_exact(vm_value v)
{
    if (vm_type_of(v) == VM_TYPE(FLOAT))
        return v;
    return new_float(vm_float_value(v));
}

static vm_value float_of_type(vm_value cls, double x)
{
    if (cls == VM_TYPE(FLOAT))
        return new_float(x);
    vm_value r = alloc_typed(sizeof(vm_float), VM_L_FLOAT, cls);
    if (r)
        ((vm_float *)vm_obj(r))->value = x;
    return r;
}

/* An operand of float arithmetic: 1 with *out set, 0 if not a float or int, -1 error. */
static int float_operand(vm_value v, double *out)
{
    if (is_float(v)) {
        *out = vm_float_value(v);
        return 1;
    }
    if (is_int(v))
        return int_to_double(v, out) ? 1 : -1;
    return 0;
}

static vm_value complex_pow_values(double ar, double ai, double br, double bi);

static vm_value float_pow_values(double x, double y)
{
    double r;
    vm_buf err = {0};
    vm_numfmt_status st = vm_numfmt_float_pow(x, y, &r, &err);
    if (st == VM_NUMFMT_COMPLEX) {
        vm_buf_free(&err);
        return complex_pow_values(x, 0.0, y, 0.0);
    }
    if (st)
        return raise_numfmt(st, &err);
    vm_buf_free(&err);
    return new_float(r);
}

static vm_value float_binop(vm_value a, vm_value b, int op)
{
    double x, y, r, m;
    int k = float_operand(a, &x);
    if (k <= 0)
        return k < 0 ? VM_NULL : VM_NOTIMPLEMENTED;
    k = float_operand(b, &y);
    if (k <= 0)
        return k < 0 ? VM_NULL : VM_NOTIMPLEMENTED;
    vm_buf err = {0};
    vm_numfmt_status st = VM_NUMFMT_OK;
    switch (op) {
    case IOP_ADD: return new_float(x + y);
    case IOP_SUB: return new_float(x - y);
    case IOP_MUL: return new_float(x * y);
    case IOP_TRUEDIV:
        if (y == 0.0) {
            vm_raise(VM_TYPE(ZeroDivisionError), "float division by zero");
            return VM_NULL;
        }
        return new_float(x / y);
    case IOP_FLOORDIV: st = vm_numfmt_float_floordiv(x, y, &r, &err); break;
    case IOP_MOD: st = vm_numfmt_float_mod(x, y, &r, &err); break;
    case IOP_DIVMOD:
        st = vm_numfmt_float_divmod(x, y, &r, &m, &err);
        if (st)
            return raise_numfmt(st, &err);
        vm_buf_free(&err);
        return tuple2(new_float(r), new_float(m));
    case IOP_POW: return float_pow_values(x, y);
    default: return VM_NOTIMPLEMENTED;
    }
    if (st)
        return raise_numfmt(st, &err);
    vm_buf_free(&err);
    return new_float(r);
}

#define FLOAT_BINARY(name, op)                                                             \
    static vm_value float_##name(vm_value *args, int64_t nargs, vm_value kw)               \
    {                                                                                      \
        return float_binop(args[0], args[1], op);                                          \
    }                                                                                      \
    static vm_value float_r##name(vm_value *args, int64_t nargs, vm_value kw)              \
    {                                                                                      \
        return float_binop(args[1], args[0], op);                                          \
    }
FLOAT_BINARY(add, IOP_ADD)
FLOAT_BINARY(sub, IOP_SUB)
FLOAT_BINARY(mul, IOP_MUL)
FLOAT_BINARY(floordiv, IOP_FLOORDIV)
FLOAT_BINARY(truediv, IOP_TRUEDIV)
FLOAT_BINARY(mod, IOP_MOD)
FLOAT_BINARY(divmod, IOP_DIVMOD)

static vm_value float_pow3(vm_value a, vm_value b, vm_value m)
{
    if (m && m != VM_NONE) {
        vm_raise(VM_TYPE(TypeError),
                 "pow() 3rd argument not allowed unless all arguments are integers");
        return VM_NULL;
    }
    return float_binop(a, b, IOP_POW);
}

static vm_value float_pow(vm_value *args, int64_t nargs, vm_value kw)
{
    return float_pow3(args[0], args[1], nargs > 2 ? args[2] : VM_NULL);
}

static vm_value float_rpow(vm_value *args, int64_t nargs, vm_value kw)
{
    return float_pow3(args[1], args[0], nargs > 2 ? args[2] : VM_NULL);
}

/* -1, 0, 1 as the finite or infinite x (not NaN) is <, ==, > the int n, exactly. */
static int cmp_double_int(double x, vm_value n)
{
    int64_t i;
    const int64_t exact = INT64_C(1) << 53;
    if (small_of(n, &i) && i >= -exact && i <= exact) {
        double d = (double)i;
        return (x > d) - (x < d);
    }
    if (isinf(x))
        return x > 0 ? 1 : -1;
    uint32_t tmp[2];
    vm_bigint b;
    int_view(n, &b, tmp);
    /* different signs decide at once */
    int xsign = (x > 0) - (x < 0), nsign = b.n == 0 ? 0 : b.neg ? -1 : 1;
    if (xsign != nsign)
        return xsign > nsign ? 1 : -1;
    double f = floor(x);
    big fb;
    if (!big_alloc(&fb, vm_bigint_from_double_cap(f))) {
        vm_exc_clear();
        return 0;
    }
    vm_bigint_from_double(&fb.b, f);
    int_view(n, &b, tmp);
    int c = vm_bigint_cmp(&fb.b, &b);
    big_free(&fb);
    if (c > 0)
        return 1;
    if (c == 0)
        return x == f ? 0 : 1;
    return -1;                              /* floor(x) < n: floor(x) + 1 <= n, x < n */
}

static vm_value float_richcompare(vm_value a, vm_value b, int op)
{
    double x = vm_float_value(a);
    if (is_float(b)) {
        double y = vm_float_value(b);
        switch (op) {
        case VM_CMP_LT: return bool_value(x < y);
        case VM_CMP_LE: return bool_value(x <= y);
        case VM_CMP_EQ: return bool_value(x == y);
        case VM_CMP_NE: return bool_value(x != y);
        case VM_CMP_GT: return bool_value(x > y);
        default: return bool_value(x >= y);
        }
    }
    if (!is_int(b))
        return VM_NOTIMPLEMENTED;
    if (isnan(x))
        return bool_value(op == VM_CMP_NE);
    return bool_value(cmp_result(cmp_double_int(x, b), op));
}

RICHCOMPARE(float, lt, VM_CMP_LT)
RICHCOMPARE(float, le, VM_CMP_LE)
RICHCOMPARE(float, eq, VM_CMP_EQ)
RICHCOMPARE(float, ne, VM_CMP_NE)
RICHCOMPARE(float, gt, VM_CMP_GT)
RICHCOMPARE(float, ge, VM_CMP_GE)

static vm_value float_neg(vm_value *args, int64_t nargs, vm_value kw)
{
    return new_float(-vm_float_value(args[0]));
}

static vm_value float_pos(vm_value *args, int64_t nargs, vm_value kw)
{
    return float_exact(args[0]);
}

static vm_value float_abs(vm_value *args, int64_t nargs, vm_value kw)
{
    return new_float(fabs(vm_float_value(args[0])));
}

static vm_value float_bool(vm_value *args, int64_t nargs, vm_value kw)
{
    return bool_value(vm_float_value(args[0]) != 0.0);
}

static vm_value float_trunc(vm_value *args, int64_t nargs, vm_value kw)
{
    return int_from_double(vm_float_value(args[0]));
}

static vm_value float_floor(vm_value *args, int64_t nargs, vm_value kw)
{
    return int_from_double(floor(vm_float_value(args[0])));
}

static vm_value float_ceil(vm_value *args, int64_t nargs, vm_value kw)
{
    return int_from_double(ceil(vm_float_value(args[0])));
}

static vm_value float_round(vm_value *args, int64_t nargs, vm_value kw)
{
    double x = vm_float_value(args[0]), r;
    vm_buf err = {0};
    vm_numfmt_status st;
    if (nargs < 2 || args[1] == VM_NONE) {
        st = vm_numfmt_round_double_to_int(x, &r, &err);
        if (st)
            return raise_numfmt(st, &err);
        vm_buf_free(&err);
        return int_from_double(r);
    }
    int64_t nd;
    if (!vm_index_clamped(args[1], &nd))
        return VM_NULL;
    st = vm_numfmt_round_double(x, nd, &r, &err);
    if (st)
        return raise_numfmt(st, &err);
    vm_buf_free(&err);
    return new_float(r);
}

static vm_value float_float(vm_value *args, int64_t nargs, vm_value kw)
{
    return float_exact(args[0]);
}

static vm_value float_hash(vm_value *args, int64_t nargs, vm_value kw)
{
    int64_t h;
    if (!vm_hash(args[0], &h))
        h = 0;
    return new_int64(h);
}

static vm_value float_repr(vm_value *args, int64_t nargs, vm_value kw)
{
    return vm_float_repr(args[0]);
}

static vm_value float_format(vm_value *args, int64_t nargs, vm_value kw)
{
    vm_buf spec = {0};
    if (!spec_text(args[1], &spec))
        return VM_NULL;
    if (spec.len == 0) {
        vm_buf_free(&spec);
        return vm_str_of(args[0]);
    }
    vm_buf out = {0}, err = {0}, tname = {0};
    type_name_of(args[0], &tname);
    vm_numfmt_status st = vm_numfmt_format_float(&out, vm_float_value(args[0]), spec.data,
                                                 spec.len, tname.data, &err);
    vm_buf_free(&spec);
    vm_buf_free(&tname);
    if (st) {
        vm_buf_free(&out);
        return raise_numfmt(st, &err);
    }
    vm_buf_free(&err);
    return str_of_buf(&out);
}

static vm_value float_is_integer(vm_value *args, int64_t nargs, vm_value kw)
{
    double x = vm_float_value(args[0]);
    return bool_value(isfinite(x) && floor(x) == x);
}

static vm_value float_as_integer_ratio(vm_value *args, int64_t nargs, vm_value kw)
{
    vm_bigint num, den;
    vm_buf err = {0};
    vm_numfmt_status st = vm_numfmt_float_as_integer_ratio(vm_float_value(args[0]), &num,
                                                           &den, &err);
    if (st)
        return raise_numfmt(st, &err);
    vm_buf_free(&err);
    vm_value n = int_from_malloced(&num);
    if (!n) {
        free(den.d);
        return VM_NULL;
    }
    return tuple2(n, int_from_malloced(&den));
}

static vm_value float_hex(vm_value *args, int64_t nargs, vm_value kw)
{
    vm_buf out = {0};
    vm_numfmt_float_hex(&out, vm_float_value(args[0]));
    return str_of_buf(&out);
}

static vm_value float_fromhex(vm_value *args, int64_t nargs, vm_value kw)
{
    vm_value cls = args[0], s = args[1];
    if (!is_str(s)) {
        vm_raise(VM_TYPE(TypeError), "bad argument type for built-in operation");
        return VM_NULL;
    }
    vm_buf text = {0}, err = {0};
    vm_buf_put_str(&text, s);
    double x;
    vm_numfmt_status st = vm_numfmt_float_fromhex(text.data ? text.data : "", text.len, &x,
                                                  &err);
    vm_buf_free(&text);
    if (st)
        return raise_numfmt(st, &err);
    vm_buf_free(&err);
    vm_value r = new_float(x);
    if (!r || cls == VM_TYPE(FLOAT))
        return r;
    return vm_call1(cls, r);
}

static vm_value float_getnewargs(vm_value *args, int64_t nargs, vm_value kw)
{
    return tuple1(float_exact(args[0]));
}

static vm_value float_zero(vm_value *args, int64_t nargs, vm_value kw)
{
    return new_float(0.0);
}

static vm_value float_getformat(vm_value *args, int64_t nargs, vm_value kw)
{
    vm_value s = args[1];
    if (!is_str(s)) {
        vm_raise(VM_TYPE(TypeError), "__getformat__() argument must be str, not %T", s);
        return VM_NULL;
    }
    if (!vm_str_eq_c(s, "double") && !vm_str_eq_c(s, "float")) {
        vm_raise(VM_TYPE(ValueError), "__getformat__() argument 1 must be 'double' or 'float'");
        return VM_NULL;
    }
    return str_of_c("IEEE, little-endian");
}

/* float(x) (PyNumber_Float). */
static bool double_of_value(vm_value x, double *out)
{
    if (is_float(x) && vm_type_of(x) == VM_TYPE(FLOAT)) {
        *out = vm_float_value(x);
        return true;
    }
    if (vm_is_small(x) || is_bool(x) || (vm_is_ref(x) && vm_type_of(x) == VM_TYPE(INT)))
        return int_to_double(x, out);
    bool found;
    vm_value r = vm_call_special(x, "__float__", NULL, 0, &found);
    if (found) {
        if (!r)
            return false;
        if (!is_float(r)) {
            vm_raise(VM_TYPE(TypeError), "%T.__float__ returned non-float (type %T)", x, r);
            return false;
        }
        *out = vm_float_value(r);
        return true;
    }
    r = vm_call_special(x, "__index__", NULL, 0, &found);
    if (found) {
        r = checked_int_result(r, "__index__");
        return r && int_to_double(r, out);
    }
    if (is_str(x) || is_bytes(x) || is_bytearray(x)) {
        vm_buf text = {0}, err = {0};
        const char *s;
        size_t len;
        if (is_str(x)) {
            vm_buf_put_str(&text, x);
            s = text.data ? text.data : "";
            len = text.len;
        } else {
            vm_value bx = is_bytes(x) ? x : vm_call1(VM_TYPE(BYTES), x);
            if (!bx)
                return false;
            const vm_bytes *b = vm_obj(bx);
            s = (const char *)b->data;
            len = (size_t)b->length;
        }
        vm_numfmt_status st = vm_numfmt_parse_float(s, len, out, &err);
        vm_buf_free(&text);
        if (st == VM_NUMFMT_VALUE_ERROR && !is_str(x)) {
            vm_buf_free(&err);
            vm_raise(VM_TYPE(ValueError), "could not convert string to float: %R", x);
            return false;
        }
        if (st) {
            raise_numfmt(st, &err);
            return false;
        }
        vm_buf_free(&err);
        return true;
    }
    vm_raise(VM_TYPE(TypeError), "float() argument must be a string or a real number, not '%T'",
             x);
    return false;
}

static vm_value float_new(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value cls = args[0];
    if (!check_new_cls(cls, VM_TYPE(FLOAT), "float"))
        return VM_NULL;
    if (nkw(kwnames)) {
        vm_raise(VM_TYPE(TypeError), "float() takes no keyword arguments");
        return VM_NULL;
    }
    if (nargs > 2) {
        vm_raise(VM_TYPE(TypeError), "float expected at most 1 argument, got %d",
                 (int)(nargs - 1));
        return VM_NULL;
    }
    double x = 0.0;
    if (nargs == 2) {
        if (cls == VM_TYPE(FLOAT) && is_float(args[1]) && vm_type_of(args[1]) == cls)
            return args[1];
        if (!double_of_value(args[1], &x))
            return VM_NULL;
    }
    return float_of_type(cls, x);
}

bool vm_as_double(vm_value v, double *out)
{
    if (is_float(v)) {
        *out = vm_float_value(v);
        return true;
    }
    if (is_int(v))
        return int_to_double(v, out);
    bool found;
    vm_value r = vm_call_special(v, "__float__", NULL, 0, &found);
    if (found) {
        if (!r)
            return false;
        if (!is_float(r)) {
            vm_raise(VM_TYPE(TypeError), "%T.__float__ returned non-float (type %T)", v, r);
            return false;
        }
        *out = vm_float_value(r);
        return true;
    }
    r = vm_call_special(v, "__index__", NULL, 0, &found);
    if (found) {
        r = checked_int_result(r, "__index__");
        return r && int_to_double(r, out);
    }
    vm_raise(VM_TYPE(TypeError), "must be real number, not %T", v);
    return false;
}

/* =======================================================================================
 * complex
 */

typedef struct cplx {
    double re, im;
} cplx;

static vm_value complex_of_type(vm_value cls, double re, double im)
{
    vm_value r = alloc_typed(sizeof(vm_complex), VM_L_COMPLEX, cls);
    if (r) {
        ((vm_complex *)vm_obj(r))->real = re;
        ((vm_complex *)vm_obj(r))->imag = im;
    }
    return r;
}

/* object.h's constructor: VM_NULL (nothing raised) when the heap is exhausted. */
vm_value vm_complex_new(double re, double im)
{
    stm_ref r = stm_allocate(sizeof(vm_complex), VM_L_COMPLEX);
    if (r == STM_NULL)
        return VM_NULL;
    vm_complex *c = stm_addr(r);
    c->o.type = (stm_ref)VM_TYPE(COMPLEX);
    c->real = re;
    c->imag = im;
    return (vm_value)r;
}

static vm_value new_complex(double re, double im)
{
    vm_value v = vm_complex_new(re, im);
    return v ? v : vm_raise_nomem();
}

static inline cplx complex_value(vm_value v)
{
    const vm_complex *c = vm_obj(v);
    return (cplx){c->real, c->imag};
}

int64_t vm_complex_hash(vm_value v);    /* for vm_hash (the lead may declare it in interp.h) */

static vm_value complex_exact(vm_value v)
{
    if (vm_type_of(v) == VM_TYPE(COMPLEX))
        return v;
    cplx c = complex_value(v);
    return new_complex(c.re, c.im);
}

/* An operand of complex arithmetic: 1, 0 (NotImplemented) or -1 (error). */
static int complex_operand(vm_value v, cplx *out)
{
    if (is_complex(v)) {
        *out = complex_value(v);
        return 1;
    }
    out->im = 0.0;
    if (is_float(v)) {
        out->re = vm_float_value(v);
        return 1;
    }
    if (is_int(v))
        return int_to_double(v, &out->re) ? 1 : -1;
    return 0;
}

static cplx c_prod(cplx a, cplx b)
{
    return (cplx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

/* a / b by Smith's method, errno EDOM for a zero divisor (CPython's _Py_c_quot). */
static cplx c_quot(cplx a, cplx b)
{
    double abs_bre = fabs(b.re), abs_bim = fabs(b.im);
    cplx r;
    if (abs_bre >= abs_bim) {
        if (abs_bre == 0.0) {
            errno = EDOM;
            r.re = r.im = 0.0;
        } else {
            double ratio = b.im / b.re, denom = b.re + b.im * ratio;
            r.re = (a.re + a.im * ratio) / denom;
            r.im = (a.im - a.re * ratio) / denom;
        }
    } else if (abs_bim >= abs_bre) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        r.re = (a.re * ratio + a.im) / denom;
        r.im = (a.im * ratio - a.re) / denom;
    } else {
        r.re = r.im = NAN;          /* a NaN in b */
    }
    return r;
}

static cplx c_pow(cplx a, cplx b)
{
    cplx r;
    if (b.re == 0.0 && b.im == 0.0)
        return (cplx){1.0, 0.0};
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0)
            errno = EDOM;
        return (cplx){0.0, 0.0};
    }
    double vabs = hypot(a.re, a.im);
    double len = pow(vabs, b.re);
    double at = atan2(a.im, a.re);
    double phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    r.re = len * cos(phase);
    r.im = len * sin(phase);
    return r;
}

static cplx c_powu(cplx x, long n)
{
    cplx r = {1.0, 0.0}, p = x;
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
    if (n > 0)
        return c_powu(x, n);
    return c_quot((cplx){1.0, 0.0}, c_powu(x, -n));
}

static vm_value complex_pow_values(double ar, double ai, double br, double bi)
{
    cplx a = {ar, ai}, b = {br, bi}, p;
    errno = 0;
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0)
        p = c_powi(a, (long)b.re);
    else
        p = c_pow(a, b);
    if (isinf(p.re) || isinf(p.im)) {
        if (errno == 0)
            errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM) {
        vm_raise(VM_TYPE(ZeroDivisionError), "0.0 to a negative or complex power");
        return VM_NULL;
    }
    if (errno == ERANGE) {
        vm_raise(VM_TYPE(OverflowError), "complex exponentiation");
        return VM_NULL;
    }
    return new_complex(p.re, p.im);
}

static vm_value complex_binop(vm_value a, vm_value b, int op)
{
    cplx x, y;
    int k = complex_operand(a, &x);
    if (k <= 0)
        return k < 0 ? VM_NULL : VM_NOTIMPLEMENTED;
    k = complex_operand(b, &y);
    if (k <= 0)
        return k < 0 ? VM_NULL : VM_NOTIMPLEMENTED;
    switch (op) {
    case IOP_ADD: return new_complex(x.re + y.re, x.im + y.im);
    case IOP_SUB: return new_complex(x.re - y.re, x.im - y.im);
    case IOP_MUL: {
        cplx r = c_prod(x, y);
        return new_complex(r.re, r.im);
    }
    case IOP_TRUEDIV: {
        errno = 0;
        cplx r = c_quot(x, y);
        if (errno == EDOM) {
            vm_raise(VM_TYPE(ZeroDivisionError), "complex division by zero");
            return VM_NULL;
        }
        return new_complex(r.re, r.im);
    }
    case IOP_POW: return complex_pow_values(x.re, x.im, y.re, y.im);
    default: return VM_NOTIMPLEMENTED;
    }
}

#define COMPLEX_BINARY(name, op)                                                           \
    static vm_value complex_##name(vm_value *args, int64_t nargs, vm_value kw)             \
    {                                                                                      \
        return complex_binop(args[0], args[1], op);                                        \
    }                                                                                      \
    static vm_value complex_r##name(vm_value *args, int64_t nargs, vm_value kw)            \
    {                                                                                      \
        return complex_binop(args[1], args[0], op);                                        \
    }
COMPLEX_BINARY(add, IOP_ADD)
COMPLEX_BINARY(sub, IOP_SUB)
COMPLEX_BINARY(mul, IOP_MUL)
COMPLEX_BINARY(truediv, IOP_TRUEDIV)

static vm_value complex_pow3(vm_value a, vm_value b, vm_value m)
{
    if (m && m != VM_NONE) {
        vm_raise(VM_TYPE(ValueError), "complex modulo");
        return VM_NULL;
    }
    return complex_binop(a, b, IOP_POW);
}

static vm_value complex_pow(vm_value *args, int64_t nargs, vm_value kw)
{
    return complex_pow3(args[0], args[1], nargs > 2 ? args[2] : VM_NULL);
}

static vm_value complex_rpow(vm_value *args, int64_t nargs, vm_value kw)
{
    return complex_pow3(args[1], args[0], nargs > 2 ? args[2] : VM_NULL);
}

static vm_value complex_richcompare(vm_value a, vm_value b, int op)
{
    if (op != VM_CMP_EQ && op != VM_CMP_NE)
        return VM_NOTIMPLEMENTED;
    cplx x = complex_value(a);
    bool eq;
    if (is_int(b)) {
        eq = x.im == 0.0 && !isnan(x.re) && cmp_double_int(x.re, b) == 0;
    } else if (is_float(b)) {
        eq = x.re == vm_float_value(b) && x.im == 0.0;
    } else if (is_complex(b)) {
        cplx y = complex_value(b);
        eq = x.re == y.re && x.im == y.im;
    } else {
        return VM_NOTIMPLEMENTED;
    }
    return bool_value(op == VM_CMP_EQ ? eq : !eq);
}

RICHCOMPARE(complex, lt, VM_CMP_LT)
RICHCOMPARE(complex, le, VM_CMP_LE)
RICHCOMPARE(complex, eq, VM_CMP_EQ)
RICHCOMPARE(complex, ne, VM_CMP_NE)
RICHCOMPARE(complex, gt, VM_CMP_GT)
RICHCOMPARE(complex, ge, VM_CMP_GE)

static vm_value complex_neg(vm_value *args, int64_t nargs, vm_value kw)
{
    cplx c = complex_value(args[0]);
    return new_complex(-c.re, -c.im);
}

static vm_value complex_pos(vm_value *args, int64_t nargs, vm_value kw)
{
    return complex_exact(args[0]);
}

static vm_value complex_abs(vm_value *args, int64_t nargs, vm_value kw)
{
    cplx c = complex_value(args[0]);
    double r;
    if (isinf(c.re) || isinf(c.im)) {
        r = INFINITY;
    } else if (isnan(c.re) || isnan(c.im)) {
        r = NAN;
    } else {
        r = hypot(c.re, c.im);
        if (!isfinite(r)) {
            vm_raise(VM_TYPE(OverflowError), "absolute value too large");
            return VM_NULL;
        }
    }
    return new_float(r);
}

static vm_value complex_bool(vm_value *args, int64_t nargs, vm_value kw)
{
    cplx c = complex_value(args[0]);
    return bool_value(c.re != 0.0 || c.im != 0.0);
}

static int64_t hash_part(vm_value obj, double x)
{
    if (isnan(x)) {
        uint64_t p = (uint64_t)obj;
        return (int64_t)((p >> 4) | (p << 60));
    }
    return vm_numfmt_hash_double(x);
}

/* hash() of a complex: any 64-bit value (unlike int and float hashes, not reduced
 * modulo 2**61 - 1), so a caller must not rehash the int __hash__ returns. */
int64_t vm_complex_hash(vm_value v)
{
    cplx c = complex_value(v);
    uint64_t h = (uint64_t)hash_part(v, c.re) + UINT64_C(1000003) * (uint64_t)hash_part(v, c.im);
    int64_t r = (int64_t)h;
    return r == -1 ? -2 : r;
}

static vm_value complex_hash(vm_value *args, int64_t nargs, vm_value kw)
{
    return new_int64(vm_complex_hash(args[0]));
}

static vm_value complex_repr(vm_value *args, int64_t nargs, vm_value kw)
{
    cplx c = complex_value(args[0]);
    vm_buf out = {0};
    vm_numfmt_complex_repr(&out, c.re, c.im);
    return str_of_buf(&out);
}

static vm_value complex_format(vm_value *args, int64_t nargs, vm_value kw)
{
    vm_buf spec = {0};
    if (!spec_text(args[1], &spec))
        return VM_NULL;
    if (spec.len == 0) {
        vm_buf_free(&spec);
        return vm_str_of(args[0]);
    }
    cplx c = complex_value(args[0]);
    vm_buf out = {0}, err = {0}, tname = {0};
    type_name_of(args[0], &tname);
    vm_numfmt_status st = vm_numfmt_format_complex(&out, c.re, c.im, spec.data, spec.len,
                                                   tname.data, &err);
    vm_buf_free(&spec);
    vm_buf_free(&tname);
    if (st) {
        vm_buf_free(&out);
        return raise_numfmt(st, &err);
    }
    vm_buf_free(&err);
    return str_of_buf(&out);
}

static vm_value complex_conjugate(vm_value *args, int64_t nargs, vm_value kw)
{
    cplx c = complex_value(args[0]);
    return new_complex(c.re, -c.im);
}

static vm_value complex_complex(vm_value *args, int64_t nargs, vm_value kw)
{
    return complex_exact(args[0]);
}

static vm_value complex_real(vm_value *args, int64_t nargs, vm_value kw)
{
    return new_float(complex_value(args[0]).re);
}

static vm_value complex_imag(vm_value *args, int64_t nargs, vm_value kw)
{
    return new_float(complex_value(args[0]).im);
}

static vm_value complex_getnewargs(vm_value *args, int64_t nargs, vm_value kw)
{
    cplx c = complex_value(args[0]);
    vm_value re = new_float(c.re);
    if (!re)
        return VM_NULL;
    return tuple2(re, new_float(c.im));
}

/* ---- complex(str) ---- */

static bool match_ci(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    if (len < n)
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

static size_t scan_digits(const char *s, size_t len, size_t i, size_t *ndigits)
{
    *ndigits = 0;
    while (i < len) {
        if (s[i] >= '0' && s[i] <= '9') {
            i++;
            (*ndigits)++;
        } else if (s[i] == '_' && *ndigits && i + 1 < len && s[i + 1] >= '0' &&
                   s[i + 1] <= '9') {
            i++;
        } else {
            break;
        }
    }
    return i;
}

/* The length of the float literal starting s (sign, digits, point, exponent, or
 * inf/infinity/nan); 0 if there is none. */
static size_t scan_float(const char *s, size_t len)
{
    size_t i = 0, nd, nd2;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        i++;
    if (match_ci(s + i, len - i, "infinity"))
        return i + 8;
    if (match_ci(s + i, len - i, "inf") || match_ci(s + i, len - i, "nan"))
        return i + 3;
    i = scan_digits(s, len, i, &nd);
    if (i < len && s[i] == '.') {
        i = scan_digits(s, len, i + 1, &nd2);
        nd += nd2;
    }
    if (nd == 0)
        return 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < len && (s[j] == '+' || s[j] == '-'))
            j++;
        size_t k = scan_digits(s, len, j, &nd2);
        if (nd2)
            i = k;
    }
    return i;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool parse_part(const char *s, size_t n, double *out)
{
    vm_buf err = {0};
    vm_numfmt_status st = vm_numfmt_parse_float(s, n, out, &err);
    vm_buf_free(&err);
    return st == VM_NUMFMT_OK;
}

/* complex(s) for the text s: false if malformed. */
static bool parse_complex(const char *s, size_t len, double *re, double *im)
{
    while (len && is_space(*s))
        s++, len--;
    while (len && is_space(s[len - 1]))
        len--;
    if (len && s[0] == '(') {
        if (len < 2 || s[len - 1] != ')')
            return false;
        s++;
        len -= 2;
        while (len && is_space(*s))
            s++, len--;
        while (len && is_space(s[len - 1]))
            len--;
    }
    double x = 0.0, y = 0.0;
    size_t i, n = scan_float(s, len);
    if (n > 0) {
        if (!parse_part(s, n, &x))
            return false;
        i = n;
        if (i < len && (s[i] == '+' || s[i] == '-')) {
            size_t m = scan_float(s + i, len - i);
            if (m > 0) {
                if (!parse_part(s + i, m, &y))
                    return false;
                i += m;
            } else {
                y = s[i] == '+' ? 1.0 : -1.0;
                i++;
            }
            if (i >= len || (s[i] != 'j' && s[i] != 'J'))
                return false;
            i++;
        } else if (i < len && (s[i] == 'j' || s[i] == 'J')) {
            y = x;
            x = 0.0;
            i++;
        }
    } else {
        i = 0;
        double sign = 1.0;
        if (i < len && (s[i] == '+' || s[i] == '-')) {
            sign = s[i] == '-' ? -1.0 : 1.0;
            i++;
        }
        if (i >= len || (s[i] != 'j' && s[i] != 'J'))
            return false;
        y = sign;
        i++;
    }
    if (i != len)
        return false;
    *re = x;
    *im = y;
    return true;
}

/* The complex value of a __complex__ result or complex instance: 1, 0 (no __complex__),
 * -1 error. */
static int complex_of_dunder(vm_value v, cplx *out)
{
    bool found;
    vm_value r = vm_call_special(v, "__complex__", NULL, 0, &found);
    if (!found)
        return 0;
    if (!r)
        return -1;
    if (!is_complex(r)) {
        vm_raise(VM_TYPE(TypeError), "__complex__ returned non-complex (type %T)", r);
        return -1;
    }
    *out = complex_value(r);
    return 1;
}

static bool is_number_for_complex(vm_value v)
{
    if (is_int(v) || is_float(v) || is_complex(v))
        return true;
    vm_value t = vm_type_of(v);
    return vm_type_lookup_c(t, "__float__") || vm_type_lookup_c(t, "__index__") ||
           vm_type_lookup_c(t, "__complex__");
}

static vm_value complex_new(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value cls = args[0], a[2] = {VM_NULL, VM_NULL};
    if (!check_new_cls(cls, VM_TYPE(COMPLEX), "complex"))
        return VM_NULL;
    int64_t npos = nargs - 1;
    if (npos + nkw(kwnames) > 2) {
        vm_raise(VM_TYPE(TypeError), "complex() takes at most 2 arguments (%d given)",
                 (int)(npos + nkw(kwnames)));
        return VM_NULL;
    }
    for (int64_t k = 0; k < npos; k++)
        a[k] = args[1 + k];
    for (int64_t k = 0; k < nkw(kwnames); k++) {
        vm_value name = vm_tuple_items(kwnames)[k];
        int slot = vm_str_eq_c(name, "real") ? 0 : vm_str_eq_c(name, "imag") ? 1 : -1;
        if (slot < 0) {
            vm_raise(VM_TYPE(TypeError), "%R is an invalid keyword argument for complex()", name);
            return VM_NULL;
        }
        if (a[slot]) {
            vm_raise(VM_TYPE(TypeError),
                     "argument for complex() given by name ('%s') and position (%d)",
                     slot ? "imag" : "real", slot + 1);
            return VM_NULL;
        }
        a[slot] = args[nargs + k];
    }
    vm_value r = a[0], i = a[1];
    if (!r && !i)
        return complex_of_type(cls, 0.0, 0.0);
    if (!r)
        r = vm_small(0);
    if (is_str(r)) {
        if (i) {
            vm_raise(VM_TYPE(TypeError), "complex() can't take second arg if first is a string");
            return VM_NULL;
        }
        /* Unicode decimal digits and spaces become ASCII, anything else non-ASCII '?' */
        vm_buf text = {0};
        vm_ustr u = vm_str_view(r);
        vm_buf_reserve(&text, u.len);
        for (size_t k = 0; k < u.len; k++) {
            uint32_t cp = vm_ustr_get(u, k);
            int d;
            char ch = cp < 128 ? (char)cp : vm_uni_is_space(cp) ? ' '
                      : (d = vm_uni_decimal(cp)) >= 0 ? (char)('0' + d) : '?';
            vm_buf_put(&text, &ch, 1);
        }
        double re, im;
        /* PEP 515 underscores go first, each between two digits, with their own message */
        char *t = text.data ? text.data : "";
        size_t n = 0;
        for (size_t k = 0; k < text.len; k++) {
            if (t[k] == '_') {
                bool digits_around = k > 0 && t[k - 1] >= '0' && t[k - 1] <= '9' &&
                                     k + 1 < text.len && t[k + 1] >= '0' && t[k + 1] <= '9';
                if (!digits_around) {
                    vm_buf_free(&text);
                    vm_raise(VM_TYPE(ValueError), "could not convert string to complex: %R", r);
                    return VM_NULL;
                }
                continue;
            }
            t[n++] = t[k];
        }
        bool ok = parse_complex(t, n, &re, &im);
        vm_buf_free(&text);
        if (!ok) {
            vm_raise(VM_TYPE(ValueError), "complex() arg is a malformed string");
            return VM_NULL;
        }
        return complex_of_type(cls, re, im);
    }
    if (i && is_str(i)) {
        vm_raise(VM_TYPE(TypeError), "complex() second arg can't be a string");
        return VM_NULL;
    }
    if (!i && cls == VM_TYPE(COMPLEX) && vm_is_ref(r) && vm_type_of(r) == VM_TYPE(COMPLEX))
        return r;
    cplx cr = {0.0, 0.0}, ci = {0.0, 0.0};
    bool cr_is_complex = false, ci_is_complex = false;
    int k = is_complex(r) && vm_type_of(r) == VM_TYPE(COMPLEX) ? 0 : complex_of_dunder(r, &cr);
    if (k < 0)
        return VM_NULL;
    if (k > 0) {
        cr_is_complex = true;
    } else if (is_complex(r)) {
        cr = complex_value(r);
        cr_is_complex = true;
    } else {
        if (!is_number_for_complex(r)) {
            vm_raise(VM_TYPE(TypeError),
                     "complex() first argument must be a string or a number, not '%T'", r);
            return VM_NULL;
        }
        if (!double_of_value(r, &cr.re))
            return VM_NULL;
    }
    if (!i) {
        ci.re = cr.im;
    } else if (is_complex(i)) {
        ci = complex_value(i);
        ci_is_complex = true;
    } else {
        if (!is_number_for_complex(i)) {
            vm_raise(VM_TYPE(TypeError), "complex() second argument must be a number, not '%T'",
                     i);
            return VM_NULL;
        }
        if (!double_of_value(i, &ci.re))
            return VM_NULL;
    }
    if (ci_is_complex)
        cr.re -= ci.im;
    if (cr_is_complex && i)
        ci.re += cr.im;
    return complex_of_type(cls, cr.re, ci.re);
}

/* =======================================================================================
 * The method tables
 */

#define BIN(name, fn) {name, fn, 2, 2, VM_METH_NOKW, NULL}
#define UN(name, fn) {name, fn, 1, 1, VM_METH_NOKW, NULL}
#define GET(name, fn) {name, fn, 1, 1, VM_METH_GETTER, NULL}

static const vm_method_def int_methods[] = {
    {"__new__", int_new, 1, -1, VM_METH_STATIC, NULL},
    BIN("__add__", int_add), BIN("__radd__", int_radd),
    BIN("__sub__", int_sub), BIN("__rsub__", int_rsub),
    BIN("__mul__", int_mul), BIN("__rmul__", int_rmul),
    BIN("__floordiv__", int_floordiv), BIN("__rfloordiv__", int_rfloordiv),
    BIN("__truediv__", int_truediv), BIN("__rtruediv__", int_rtruediv),
    BIN("__mod__", int_mod), BIN("__rmod__", int_rmod),
    BIN("__divmod__", int_divmod), BIN("__rdivmod__", int_rdivmod),
    {"__pow__", int_pow, 2, 3, VM_METH_NOKW, NULL},
    {"__rpow__", int_rpow, 2, 3, VM_METH_NOKW, NULL},
    BIN("__lshift__", int_lshift), BIN("__rlshift__", int_rlshift),
    BIN("__rshift__", int_rshift), BIN("__rrshift__", int_rrshift),
    BIN("__and__", int_and), BIN("__rand__", int_rand),
    BIN("__or__", int_or), BIN("__ror__", int_ror),
    BIN("__xor__", int_xor), BIN("__rxor__", int_rxor),
    BIN("__lt__", int_lt), BIN("__le__", int_le), BIN("__eq__", int_eq),
    BIN("__ne__", int_ne), BIN("__gt__", int_gt), BIN("__ge__", int_ge),
    UN("__neg__", int_neg), UN("__pos__", int_pos), UN("__abs__", int_abs),
    UN("__invert__", int_invert), UN("__bool__", int_bool),
    UN("__int__", int_int), UN("__index__", int_int), UN("__float__", int_float),
    UN("__trunc__", int_int), UN("__floor__", int_int), UN("__ceil__", int_int),
    {"__round__", int_round, 1, 2, VM_METH_NOKW, NULL},
    UN("__hash__", int_hash), UN("__repr__", int_repr),
    BIN("__format__", int_format),
    UN("__getnewargs__", int_getnewargs), UN("__sizeof__", int_sizeof),
    UN("bit_length", int_bit_length), UN("bit_count", int_bit_count),
    {"to_bytes", int_to_bytes, 1, 3, 0, NULL},
    {"from_bytes", int_from_bytes, 1, 3, VM_METH_CLASS, NULL},
    UN("as_integer_ratio", int_as_integer_ratio), UN("conjugate", int_int),
    GET("real", int_int), GET("imag", int_zero),
    GET("numerator", int_int), GET("denominator", int_one),
    {0},
};

static const vm_method_def bool_methods[] = {
    {"__new__", bool_new, 1, -1, VM_METH_STATIC, NULL},
    UN("__repr__", bool_repr),
    BIN("__and__", bool_and), BIN("__rand__", bool_rand),
    BIN("__or__", bool_or), BIN("__ror__", bool_ror),
    BIN("__xor__", bool_xor), BIN("__rxor__", bool_rxor),
    {0},
};

static const vm_method_def float_methods[] = {
    {"__new__", float_new, 1, -1, VM_METH_STATIC, NULL},
    BIN("__add__", float_add), BIN("__radd__", float_radd),
    BIN("__sub__", float_sub), BIN("__rsub__", float_rsub),
    BIN("__mul__", float_mul), BIN("__rmul__", float_rmul),
    BIN("__floordiv__", float_floordiv), BIN("__rfloordiv__", float_rfloordiv),
    BIN("__truediv__", float_truediv), BIN("__rtruediv__", float_rtruediv),
    BIN("__mod__", float_mod), BIN("__rmod__", float_rmod),
    BIN("__divmod__", float_divmod), BIN("__rdivmod__", float_rdivmod),
    {"__pow__", float_pow, 2, 3, VM_METH_NOKW, NULL},
    {"__rpow__", float_rpow, 2, 3, VM_METH_NOKW, NULL},
    BIN("__lt__", float_lt), BIN("__le__", float_le), BIN("__eq__", float_eq),
    BIN("__ne__", float_ne), BIN("__gt__", float_gt), BIN("__ge__", float_ge),
    UN("__neg__", float_neg), UN("__pos__", float_pos), UN("__abs__", float_abs),
    UN("__bool__", float_bool), UN("__int__", float_trunc), UN("__trunc__", float_trunc),
    UN("__floor__", float_floor), UN("__ceil__", float_ceil), UN("__float__", float_float),
    {"__round__", float_round, 1, 2, VM_METH_NOKW, NULL},
    UN("__hash__", float_hash), UN("__repr__", float_repr),
    BIN("__format__", float_format), UN("__getnewargs__", float_getnewargs),
    {"__getformat__", float_getformat, 2, 2, VM_METH_NOKW | VM_METH_CLASS, NULL},
    UN("is_integer", float_is_integer), UN("as_integer_ratio", float_as_integer_ratio),
    UN("hex", float_hex),
    {"fromhex", float_fromhex, 2, 2, VM_METH_NOKW | VM_METH_CLASS, NULL},
    UN("conjugate", float_float),
    GET("real", float_float), GET("imag", float_zero),
    {0},
};

static const vm_method_def complex_methods[] = {
    {"__new__", complex_new, 1, -1, VM_METH_STATIC, NULL},
    BIN("__add__", complex_add), BIN("__radd__", complex_radd),
    BIN("__sub__", complex_sub), BIN("__rsub__", complex_rsub),
    BIN("__mul__", complex_mul), BIN("__rmul__", complex_rmul),
    BIN("__truediv__", complex_truediv), BIN("__rtruediv__", complex_rtruediv),
    {"__pow__", complex_pow, 2, 3, VM_METH_NOKW, NULL},
    {"__rpow__", complex_rpow, 2, 3, VM_METH_NOKW, NULL},
    BIN("__lt__", complex_lt), BIN("__le__", complex_le), BIN("__eq__", complex_eq),
    BIN("__ne__", complex_ne), BIN("__gt__", complex_gt), BIN("__ge__", complex_ge),
    UN("__neg__", complex_neg), UN("__pos__", complex_pos), UN("__abs__", complex_abs),
    UN("__bool__", complex_bool), UN("__hash__", complex_hash), UN("__repr__", complex_repr),
    BIN("__format__", complex_format), UN("__getnewargs__", complex_getnewargs),
    UN("__complex__", complex_complex), UN("conjugate", complex_conjugate),
    GET("real", complex_real), GET("imag", complex_imag),
    {0},
};

void vm_init_num(void)
{
    vm_type_add_methods(VM_TYPE(INT), int_methods);
    vm_type_add_methods(VM_TYPE(BOOL), bool_methods);
    vm_type_add_methods(VM_TYPE(FLOAT), float_methods);
    vm_type_add_methods(VM_TYPE(COMPLEX), complex_methods);
}

#undef INT_BINARY
#undef BOOL_BINARY
#undef FLOAT_BINARY
#undef COMPLEX_BINARY
#undef RICHCOMPARE
#undef BIN
#undef UN
#undef GET
#undef MAX_STR_DIGITS

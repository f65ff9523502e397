/* vm/bigint.c — arbitrary-precision integers with Python's semantics: see bigint.h.
 *
 * The work is done on magnitudes (static mag_* helpers on limb arrays); the exported
 * functions add the signs.  The algorithms are the classical ones, chosen for being
 * simple to get right:
 *
 *   - multiplication: schoolbook, Karatsuba when the shorter operand has at least
 *     KARATSUBA_CUTOFF limbs (an unbalanced product is cut into balanced slices first);
 *   - division: Knuth's algorithm D (TAOCP 4.3.1), normalising the divisor so that its
 *     top bit is set, which makes each estimated quotient limb at most 2 too large;
 *   - bitwise operations: each negative operand is turned into two's complement limb by
 *     limb (~m + 1, the carry streamed), on one limb more than the longer operand so that
 *     the sign limb is present, and a negative result is turned back the same way;
 *   - float conversion: the top 64 bits with a sticky bit for everything below, rounded
 *     once by the hardware's uint64 -> double conversion (round half to even), then
 *     ldexp; true division follows CPython's long_true_divide step by step;
 *   - radix conversion: powers of two bit by bit; other radixes through limbs in base
 *     radix^k (10^9 for decimal): CPython's quadratic loops for short values,
 *     divide and conquer by powers radix^(k 2^j) for long ones.
 *
 * Scratch memory comes from malloc and is freed before returning; results only ever go
 * to the caller's storage, whose size the *_cap functions bound. */
#include "vm/bigint.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/arena.h"
#include "vm/ast.h"

/* Karatsuba pays off from this many limbs in the shorter operand.  Measured on x86-64,
 * gcc -O2, n x n limbs, best of 40 (us): schoolbook 0.67 / 1.04 / 1.48 / 2.61 / 10.8 /
 * 169 at n = 32 / 40 / 48 / 64 / 128 / 512; with cutoff 32: 0.60 / 0.90 / 1.27 / 1.97 /
 * 6.3 / 60; cutoffs 40 and 48 were no faster at any size from 32 to 512. */
#define KARATSUBA_CUTOFF 32

#define MAX_LIMBS VM_BIGINT_MAX_LIMBS

/* ---------------------------------------------------------------------------------------
 * Scratch memory
 */

static void *scratch_alloc(size_t nlimbs)
{
    if (nlimbs == 0)
        nlimbs = 1;
    void *p = nlimbs <= MAX_LIMBS ? malloc(nlimbs * sizeof(uint32_t)) : NULL;
    if (!p) {
        fprintf(stderr, "stmpy: out of memory in bigint (%zu limbs)\n", nlimbs);
        abort();
    }
    return p;
}

/* memcpy/memset with n == 0 and a NULL pointer is undefined: every copy goes here. */
static void limbs_copy(uint32_t *dst, const uint32_t *src, size_t n)
{
    if (n)
        memmove(dst, src, n * sizeof(uint32_t));
}

static void limbs_zero(uint32_t *dst, size_t n)
{
    if (n)
        memset(dst, 0, n * sizeof(uint32_t));
}

static size_t limbs_normalized_len(const uint32_t *d, size_t n)
{
    while (n > 0 && d[n - 1] == 0)
        n--;
    return n;
}

static int bit_length32(uint32_t x)
{
    return x ? 32 - __builtin_clz(x) : 0;
}

/* ---------------------------------------------------------------------------------------
 * Magnitudes: limb arrays, lengths not necessarily normalised unless said
 */

static int mag_cmp(const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
    an = limbs_normalized_len(a, an);
    bn = limbs_normalized_len(b, bn);
    if (an != bn)
        return an < bn ? -1 : 1;
    for (size_t i = an; i-- > 0;)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* r[0..an) = a + b for an >= bn; returns the carry out.  r may be a or b. */
static uint32_t mag_add(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b,
                        size_t bn)
{
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        carry += (uint64_t)a[i] + b[i];
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    for (; i < an; i++) {
        carry += a[i];
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    return (uint32_t)carry;
}

/* r[0..an) = a - b for a >= b, an >= bn; returns the borrow out (0 when a >= b).  r may
 * be a or b. */
static uint32_t mag_sub(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b,
                        size_t bn)
{
    uint32_t borrow = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        uint64_t t = (uint64_t)a[i] - b[i] - borrow;
        r[i] = (uint32_t)t;
        borrow = (uint32_t)(t >> 63);
    }
    for (; i < an; i++) {
        uint64_t t = (uint64_t)a[i] - borrow;
        r[i] = (uint32_t)t;
        borrow = (uint32_t)(t >> 63);
    }
    return borrow;
}

/* r[0..rn) += a[0..an), an <= rn; the carry runs up r and must not leave it. */
static void add_into(uint32_t *r, size_t rn, const uint32_t *a, size_t an)
{
    uint32_t carry = mag_add(r, r, an, a, an);
    for (size_t i = an; carry && i < rn; i++)
        carry = ++r[i] == 0;
}

/* r[0..rn) -= a[0..an), an <= rn; the result must be >= 0. */
static void sub_from(uint32_t *r, size_t rn, const uint32_t *a, size_t an)
{
    uint32_t borrow = mag_sub(r, r, an, a, an);
    for (size_t i = an; borrow && i < rn; i++)
        borrow = r[i]-- == 0;
}

/* d[0..n) += 1; returns the carry out. */
static uint32_t mag_inc(uint32_t *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (++d[i] != 0)
            return 0;
    return 1;
}

/* d[0..n) -= 1 for d > 0. */
static void mag_dec(uint32_t *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (d[i]-- != 0)
            return;
}

/* d[0..n) = d * m + add; returns the limb carried out. */
static uint32_t mag_mul1_add(uint32_t *d, size_t n, uint32_t m, uint32_t add)
{
    uint64_t carry = add;
    for (size_t i = 0; i < n; i++) {
        carry += (uint64_t)d[i] * m;
        d[i] = (uint32_t)carry;
        carry >>= 32;
    }
    return (uint32_t)carry;
}

/* r[0..an+bn) = a * b, schoolbook.  r overlaps neither input. */
static void mul_schoolbook(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b,
                           size_t bn)
{
    limbs_zero(r, an + bn);
    for (size_t i = 0; i < bn; i++) {
        uint64_t carry = 0, bi = b[i];
        if (bi == 0)
            continue;
        for (size_t j = 0; j < an; j++) {
            carry += a[j] * bi + r[i + j];
            r[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        r[i + an] = (uint32_t)carry;
    }
}

static void mul_rec(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn);

/* mul_rec with the longer operand first. */
static void mul_any(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
    if (an >= bn)
        mul_rec(r, a, an, b, bn);
    else
        mul_rec(r, b, bn, a, an);
}

/* r[0..an+bn) = a * b for an >= bn; r overlaps neither input.
 *
 * Karatsuba: with a = a1 B^h + a0 and b = b1 B^h + b0,
 *     a b = a1 b1 B^2h + ((a0 + a1)(b0 + b1) - a0 b0 - a1 b1) B^h + a0 b0,
 * three products of about half the size instead of four.  It needs bn > an/2 so that
 * b1 is not empty; a longer a is cut into slices of bn limbs first. */
static void mul_rec(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
    if (bn < KARATSUBA_CUTOFF) {
        mul_schoolbook(r, a, an, b, bn);
        return;
    }
    if (2 * bn <= an) {
        uint32_t *slice = scratch_alloc(2 * bn);
        limbs_zero(r, an + bn);
        for (size_t off = 0; off < an; off += bn) {
            size_t len = an - off < bn ? an - off : bn;
            mul_any(slice, a + off, len, b, bn);
            add_into(r + off, an + bn - off, slice, len + bn);
        }
        free(slice);
        return;
    }
    size_t h = an / 2;                  /* bn > an/2 >= h: b1 has bn - h >= 1 limbs */
    const uint32_t *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
    size_t a1n = an - h, b1n = bn - h;
    mul_rec(r, a0, h, b0, h);           /* a0 b0 -> r[0..2h) */
    mul_any(r + 2 * h, a1, a1n, b1, b1n);   /* a1 b1 -> r[2h..an+bn) */

    size_t san = a1n + 1;               /* a1n >= h */
    size_t sbn = (b1n > h ? b1n : h) + 1;
    uint32_t *sa = scratch_alloc(san + sbn + san + sbn);
    uint32_t *sb = sa + san, *z1 = sb + sbn;
    sa[a1n] = mag_add(sa, a1, a1n, a0, h);
    if (b1n >= h)
        sb[b1n] = mag_add(sb, b1, b1n, b0, h);
    else
        sb[h] = mag_add(sb, b0, h, b1, b1n);
    size_t z1n = san + sbn;
    mul_any(z1, sa, san, sb, sbn);
    sub_from(z1, z1n, r, 2 * h);
    sub_from(z1, z1n, r + 2 * h, an + bn - 2 * h);
    /* z1 = a0 b1 + a1 b0 < B^(an+bn-h): its limbs above that are zero */
    size_t room = an + bn - h;
    if (z1n > room)
        z1n = room;
    add_into(r + h, room, z1, z1n);
    free(sa);
}

/* q[0..an-bn+1) = a / b, rem[0..bn) = a % b, for an >= bn >= 1 and b[bn-1] != 0.  Either
 * output may be NULL; neither overlaps an input.  Knuth's algorithm D. */
static void mag_divmod(uint32_t *q, uint32_t *rem, const uint32_t *a, size_t an,
                       const uint32_t *b, size_t bn)
{
    if (bn == 1) {
        uint64_t r = 0, d = b[0];
        for (size_t i = an; i-- > 0;) {
            uint64_t t = (r << 32) | a[i];
            if (q)
                q[i] = (uint32_t)(t / d);
            r = t % d;
        }
        if (rem)
            rem[0] = (uint32_t)r;
        return;
    }
    int s = __builtin_clz(b[bn - 1]);   /* normalise: v's top bit set */
    uint32_t *v = scratch_alloc(bn + an + 1), *u = v + bn;
    for (size_t i = bn; i-- > 0;)
        v[i] = s ? (b[i] << s) | (i ? b[i - 1] >> (32 - s) : 0) : b[i];
    u[an] = s ? a[an - 1] >> (32 - s) : 0;
    for (size_t i = an; i-- > 0;)
        u[i] = s ? (a[i] << s) | (i ? a[i - 1] >> (32 - s) : 0) : a[i];

    uint64_t vtop = v[bn - 1], vnext = v[bn - 2];
    for (size_t j = an - bn + 1; j-- > 0;) {
        uint64_t num = ((uint64_t)u[j + bn] << 32) | u[j + bn - 1];
        uint64_t qhat = num / vtop, rhat = num % vtop;
        while (qhat > UINT32_MAX || qhat * vnext > ((rhat << 32) | u[j + bn - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat > UINT32_MAX)
                break;
        }
        /* u[j..j+bn] -= qhat * v */
        uint64_t carry = 0;
        int64_t borrow = 0;
        for (size_t i = 0; i < bn; i++) {
            uint64_t p = qhat * v[i] + carry;
            carry = p >> 32;
            int64_t t = (int64_t)u[i + j] - (int64_t)(uint32_t)p + borrow;
            u[i + j] = (uint32_t)t;
            borrow = t < 0 ? -1 : 0;
        }
        int64_t t = (int64_t)u[j + bn] - (int64_t)carry + borrow;
        u[j + bn] = (uint32_t)t;
        if (t < 0) {                    /* qhat was one too large (rare): add v back */
            qhat--;
            uint64_t c = 0;
            for (size_t i = 0; i < bn; i++) {
                c += (uint64_t)u[i + j] + v[i];
                u[i + j] = (uint32_t)c;
                c >>= 32;
            }
            u[j + bn] += (uint32_t)c;
        }
        if (q)
            q[j] = (uint32_t)qhat;
    }
    if (rem)
        for (size_t i = 0; i < bn; i++)
            rem[i] = s ? (u[i] >> s) | (u[i + 1] << (32 - s)) : u[i];
    free(v);
}

/* ---------------------------------------------------------------------------------------
 * Basics
 */

void vm_bigint_normalize(vm_bigint *r)
{
    r->n = limbs_normalized_len(r->d, r->n);
    if (r->n == 0)
        r->neg = false;
}

int vm_bigint_cmp_abs(const vm_bigint *a, const vm_bigint *b)
{
    return mag_cmp(a->d, a->n, b->d, b->n);
}

int vm_bigint_cmp(const vm_bigint *a, const vm_bigint *b)
{
    if (a->neg != b->neg)
        return a->neg ? -1 : 1;
    int c = vm_bigint_cmp_abs(a, b);
    return a->neg ? -c : c;
}

uint64_t vm_bigint_bit_length(const vm_bigint *a)
{
    if (a->n == 0)
        return 0;
    return (uint64_t)(a->n - 1) * 32 + (uint64_t)bit_length32(a->d[a->n - 1]);
}

void vm_bigint_from_uint64(vm_bigint *r, uint64_t v)
{
    r->d[0] = (uint32_t)v;
    r->d[1] = (uint32_t)(v >> 32);
    r->n = 2;
    r->neg = false;
    vm_bigint_normalize(r);
}

void vm_bigint_from_int64(vm_bigint *r, int64_t v)
{
    /* the magnitude of INT64_MIN is computed in unsigned arithmetic */
    vm_bigint_from_uint64(r, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
    r->neg = v < 0;
}

bool vm_bigint_to_uint64(const vm_bigint *a, uint64_t *out)
{
    if (a->neg || a->n > 2)
        return false;
    *out = a->n == 0 ? 0 : a->n == 1 ? a->d[0] : ((uint64_t)a->d[1] << 32) | a->d[0];
    return true;
}

bool vm_bigint_to_int64(const vm_bigint *a, int64_t *out)
{
    if (a->n > 2)
        return false;
    uint64_t m = a->n == 0 ? 0 : a->n == 1 ? a->d[0] : ((uint64_t)a->d[1] << 32) | a->d[0];
    if (a->neg) {
        if (m > (uint64_t)INT64_MAX + 1)
            return false;
        *out = m == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)m;
    } else {
        if (m > (uint64_t)INT64_MAX)
            return false;
        *out = (int64_t)m;
    }
    return true;
}

size_t vm_bigint_copy_cap(const vm_bigint *a)
{
    return a->n ? a->n : 1;
}

void vm_bigint_copy(vm_bigint *r, const vm_bigint *a)
{
    if (r == a)
        return;
    limbs_copy(r->d, a->d, a->n);
    r->n = a->n;
    r->neg = a->neg;
}

/* ---------------------------------------------------------------------------------------
 * Arithmetic
 */

size_t vm_bigint_add_cap(const vm_bigint *a, const vm_bigint *b)
{
    return (a->n > b->n ? a->n : b->n) + 1;
}

size_t vm_bigint_sub_cap(const vm_bigint *a, const vm_bigint *b)
{
    return vm_bigint_add_cap(a, b);
}

/* r = a + (b_neg ? -|b| : |b|).  The sign and sizes are read before r is written, and
 * the limb loops only read index i before writing index i, so r->d may be a->d or b->d
 * (not an offset of them). */
static void add_signed(vm_bigint *r, const vm_bigint *a, const vm_bigint *b, bool b_neg)
{
    bool a_neg = a->neg;
    const uint32_t *ad = a->d, *bd = b->d;
    size_t an = a->n, bn = b->n;
    if (a_neg == b_neg) {
        size_t n;
        uint32_t carry;
        if (an >= bn)
            carry = mag_add(r->d, ad, an, bd, bn), n = an;
        else
            carry = mag_add(r->d, bd, bn, ad, an), n = bn;
        r->d[n] = carry;
        r->n = n + 1;
        r->neg = a_neg;
    } else if (mag_cmp(ad, an, bd, bn) >= 0) {
        mag_sub(r->d, ad, an, bd, bn);
        r->n = an;
        r->neg = a_neg;
    } else {
        mag_sub(r->d, bd, bn, ad, an);
        r->n = bn;
        r->neg = b_neg;
    }
    vm_bigint_normalize(r);
}

void vm_bigint_add(vm_bigint *r, const vm_bigint *a, const vm_bigint *b)
{
    add_signed(r, a, b, b->neg);
}

void vm_bigint_sub(vm_bigint *r, const vm_bigint *a, const vm_bigint *b)
{
    add_signed(r, a, b, !b->neg && b->n != 0);
}

size_t vm_bigint_neg_cap(const vm_bigint *a)
{
    return vm_bigint_copy_cap(a);
}

void vm_bigint_neg(vm_bigint *r, const vm_bigint *a)
{
    bool neg = !a->neg && a->n != 0;
    vm_bigint_copy(r, a);
    r->neg = neg;
}

void vm_bigint_abs(vm_bigint *r, const vm_bigint *a)
{
    vm_bigint_copy(r, a);
    r->neg = false;
}

size_t vm_bigint_mul_cap(const vm_bigint *a, const vm_bigint *b)
{
    size_t n = a->n + b->n;
    return n ? n : 1;
}

void vm_bigint_mul(vm_bigint *r, const vm_bigint *a, const vm_bigint *b)
{
    if (a->n == 0 || b->n == 0) {
        r->n = 0;
        r->neg = false;
        return;
    }
    bool neg = a->neg != b->neg;
    size_t n = a->n + b->n;
    mul_any(r->d, a->d, a->n, b->d, b->n);
    r->n = n;
    r->neg = neg;
    vm_bigint_normalize(r);
}

size_t vm_bigint_floordiv_cap(const vm_bigint *a, const vm_bigint *b)
{
    /* the truncated quotient has a->n - b->n + 1 limbs; flooring may add one to it */
    return a->n >= b->n ? a->n - b->n + 2 : 1;
}

size_t vm_bigint_mod_cap(const vm_bigint *a, const vm_bigint *b)
{
    return b->n ? b->n : 1;
}

vm_bigint_status vm_bigint_divmod(vm_bigint *q, vm_bigint *m, const vm_bigint *a,
                                  const vm_bigint *b)
{
    if (b->n == 0)
        return VM_BIGINT_ZERO_DIVISION;
    size_t an = a->n, bn = b->n;
    size_t qn = an >= bn ? an - bn + 1 : 0;
    /* scratch: the truncated quotient (one limb more for the floor's +1) and remainder */
    uint32_t *tq = scratch_alloc(qn + 1 + bn);
    uint32_t *tr = tq + qn + 1;
    size_t rn;
    if (an < bn) {
        limbs_copy(tr, a->d, an);
        rn = an;
    } else {
        mag_divmod(tq, tr, a->d, an, b->d, bn);
        rn = bn;
    }
    qn = limbs_normalized_len(tq, qn);
    rn = limbs_normalized_len(tr, rn);
    bool q_neg = a->neg != b->neg, r_neg = a->neg;
    if (a->neg != b->neg && rn != 0) {
        /* floor: q = -(|q| + 1), r = |b| - |r| with b's sign */
        tq[qn] = mag_inc(tq, qn);
        qn = limbs_normalized_len(tq, qn + 1);
        mag_sub(tr, b->d, bn, tr, rn);
        rn = limbs_normalized_len(tr, bn);
        r_neg = b->neg;
    }
    if (q) {
        limbs_copy(q->d, tq, qn);
        q->n = qn;
        q->neg = q_neg && qn != 0;
    }
    if (m) {
        limbs_copy(m->d, tr, rn);
        m->n = rn;
        m->neg = r_neg && rn != 0;
    }
    free(tq);
    return VM_BIGINT_OK;
}

static bool is_abs_one(const vm_bigint *a)
{
    return a->n == 1 && a->d[0] == 1;
}

size_t vm_bigint_pow_cap(const vm_bigint *a, const vm_bigint *e)
{
    if (e->neg || e->n == 0 || a->n == 0 || is_abs_one(a))
        return 1;
    uint64_t ev;
    if (!vm_bigint_to_uint64(e, &ev))
        return SIZE_MAX;
    /* |a| < 2^bits, so |a|^e < 2^(bits e) */
    uint64_t bits = vm_bigint_bit_length(a);
    if (ev > UINT64_MAX / bits)
        return SIZE_MAX;
    uint64_t limbs = (bits * ev + 31) / 32;
    return limbs <= MAX_LIMBS ? (size_t)limbs : SIZE_MAX;
}

vm_bigint_status vm_bigint_pow(vm_bigint *r, const vm_bigint *a, const vm_bigint *e)
{
    if (e->neg)
        return VM_BIGINT_NEGATIVE_POWER;
    if (e->n == 0 || is_abs_one(a)) {
        bool neg = a->neg && e->n != 0 && (e->d[0] & 1);
        r->d[0] = 1;
        r->n = 1;
        r->neg = neg;
        return VM_BIGINT_OK;
    }
    if (a->n == 0) {
        r->n = 0;
        r->neg = false;
        return VM_BIGINT_OK;
    }
    size_t cap = vm_bigint_pow_cap(a, e);
    if (cap == SIZE_MAX)
        return VM_BIGINT_TOO_BIG;
    bool neg = a->neg && (e->d[0] & 1);
    /* left to right: acc = acc^2 (* a) per exponent bit, ping-ponging between two
     * scratch buffers; the product of two values that fit cap may need 2 cap limbs
     * transiently only in its zero high limbs, so buffers are 2 cap + 1 */
    uint32_t *buf = scratch_alloc(2 * (2 * cap + 1));
    vm_bigint acc = {buf, 0, false}, tmp = {buf + 2 * cap + 1, 0, false};
    vm_bigint base = {a->d, a->n, false};
    limbs_copy(acc.d, a->d, a->n);
    acc.n = a->n;
    uint64_t nbits = vm_bigint_bit_length(e);
    for (uint64_t i = nbits - 1; i-- > 0;) {
        vm_bigint_mul(&tmp, &acc, &acc);
        vm_bigint t = acc;
        acc = tmp, tmp = t;
        if ((e->d[i / 32] >> (i % 32)) & 1) {
            vm_bigint_mul(&tmp, &acc, &base);
            t = acc;
            acc = tmp, tmp = t;
        }
    }
    limbs_copy(r->d, acc.d, acc.n);
    r->n = acc.n;
    r->neg = neg;
    free(buf);
    return VM_BIGINT_OK;
}

/* A scratch value with its own malloc'd limbs. */
static vm_bigint scratch_value(size_t cap)
{
    return (vm_bigint){scratch_alloc(cap), 0, false};
}

/* *x = y, replacing (and freeing) x's storage with y's. */
static void scratch_move(vm_bigint *x, vm_bigint y)
{
    free(x->d);
    *x = y;
}

/* x = a mod m for m > 0, in [0, m), as a scratch value. */
static vm_bigint scratch_mod(const vm_bigint *a, const vm_bigint *m)
{
    vm_bigint r = scratch_value(m->n);
    vm_bigint_divmod(NULL, &r, a, m);
    return r;
}

/* The inverse of b modulo m (0 <= b < m, m > 1) by the extended Euclidean algorithm:
 * the invariant old_s b == old_r (mod m), s b == r (mod m).  False if gcd(b, m) != 1. */
static bool mod_inverse(vm_bigint *out, const vm_bigint *b, const vm_bigint *m)
{
    vm_bigint old_r = scratch_value(b->n), r = scratch_value(m->n);
    vm_bigint old_s = scratch_value(1), s = scratch_value(1);
    vm_bigint_copy(&old_r, b);
    vm_bigint_copy(&r, m);
    old_s.d[0] = 1, old_s.n = 1;
    s.n = 0;
    while (r.n != 0) {
        vm_bigint q = scratch_value(vm_bigint_floordiv_cap(&old_r, &r));
        vm_bigint rem = scratch_value(vm_bigint_mod_cap(&old_r, &r));
        vm_bigint_divmod(&q, &rem, &old_r, &r);
        scratch_move(&old_r, r);
        r = rem;
        vm_bigint qs = scratch_value(vm_bigint_mul_cap(&q, &s));
        vm_bigint_mul(&qs, &q, &s);
        vm_bigint ns = scratch_value(vm_bigint_sub_cap(&old_s, &qs));
        vm_bigint_sub(&ns, &old_s, &qs);
        scratch_move(&old_s, s);
        s = ns;
        free(q.d);
        free(qs.d);
    }
    bool ok = is_abs_one(&old_r);
    if (ok) {
        vm_bigint x = scratch_mod(&old_s, m);
        limbs_copy(out->d, x.d, x.n);
        out->n = x.n;
        out->neg = false;
        free(x.d);
    }
    free(old_r.d);
    free(r.d);
    free(old_s.d);
    free(s.d);
    return ok;
}

size_t vm_bigint_powmod_cap(const vm_bigint *b, const vm_bigint *e, const vm_bigint *m)
{
    return m->n ? m->n : 1;
}

vm_bigint_status vm_bigint_powmod(vm_bigint *r, const vm_bigint *b, const vm_bigint *e,
                                  const vm_bigint *m)
{
    if (m->n == 0)
        return VM_BIGINT_ZERO_DIVISION;
    vm_bigint mm = {m->d, m->n, false};
    vm_bigint base = scratch_mod(b, &mm);
    if (is_abs_one(&mm)) {
        free(base.d);
        r->n = 0;
        r->neg = false;
        return VM_BIGINT_OK;
    }
    if (e->neg) {
        vm_bigint inv = scratch_value(mm.n);
        if (!mod_inverse(&inv, &base, &mm)) {
            free(inv.d);
            free(base.d);
            return VM_BIGINT_NOT_INVERTIBLE;
        }
        scratch_move(&base, inv);
    }
    /* left to right, reducing after every product */
    vm_bigint acc = scratch_value(mm.n), prod = scratch_value(2 * mm.n);
    acc.d[0] = 1, acc.n = 1;
    for (uint64_t i = vm_bigint_bit_length(e); i-- > 0;) {
        vm_bigint_mul(&prod, &acc, &acc);
        vm_bigint_divmod(NULL, &acc, &prod, &mm);
        if ((e->d[i / 32] >> (i % 32)) & 1) {
            vm_bigint_mul(&prod, &acc, &base);
            vm_bigint_divmod(NULL, &acc, &prod, &mm);
        }
    }
    if (m->neg && acc.n != 0) {         /* Python: the result takes the modulus's sign */
        mag_sub(r->d, mm.d, mm.n, acc.d, acc.n);
        r->n = mm.n;
        r->neg = true;
        vm_bigint_normalize(r);
    } else {
        limbs_copy(r->d, acc.d, acc.n);
        r->n = acc.n;
        r->neg = false;
    }
    free(acc.d);
    free(prod.d);
    free(base.d);
    return VM_BIGINT_OK;
}

/* ---------------------------------------------------------------------------------------
 * Bits
 */

size_t vm_bigint_lshift_cap(const vm_bigint *a, uint64_t s)
{
    if (a->n == 0)
        return 1;
    uint64_t words = s / 32;
    if (words >= MAX_LIMBS - a->n - 1)
        return SIZE_MAX;
    return a->n + (size_t)words + 1;
}

void vm_bigint_lshift(vm_bigint *r, const vm_bigint *a, uint64_t s)
{
    size_t an = a->n;
    bool neg = a->neg;
    if (an == 0) {
        r->n = 0;
        r->neg = false;
        return;
    }
    size_t words = (size_t)(s / 32);
    unsigned bits = (unsigned)(s % 32);
    /* high limbs first, so that r->d may be a->d */
    if (bits == 0) {
        r->d[an + words] = 0;
        for (size_t i = an; i-- > 0;)
            r->d[i + words] = a->d[i];
    } else {
        r->d[an + words] = a->d[an - 1] >> (32 - bits);
        for (size_t i = an; i-- > 1;)
            r->d[i + words] = (a->d[i] << bits) | (a->d[i - 1] >> (32 - bits));
        r->d[words] = a->d[0] << bits;
    }
    limbs_zero(r->d, words);
    r->n = an + words + 1;
    r->neg = neg;
    vm_bigint_normalize(r);
}

size_t vm_bigint_rshift_cap(const vm_bigint *a, uint64_t s)
{
    uint64_t words = s / 32;
    /* + 1: flooring a negative value adds one to the shifted magnitude */
    return words < a->n ? a->n - (size_t)words + 1 : 1;
}

void vm_bigint_rshift(vm_bigint *r, const vm_bigint *a, uint64_t s)
{
    size_t an = a->n;
    bool neg = a->neg;
    uint64_t words64 = s / 32;
    if (words64 >= an) {
        /* every bit shifted out: 0, or -1 for a negative value */
        r->n = neg ? 1 : 0;
        r->d[0] = 1;
        r->neg = neg;
        return;
    }
    size_t words = (size_t)words64, n = an - words;
    unsigned bits = (unsigned)(s % 32);
    bool lost = false;              /* a non-zero bit shifted out */
    for (size_t i = 0; i < words && !lost; i++)
        lost = a->d[i] != 0;
    if (bits)
        lost |= (a->d[words] & ((UINT32_C(1) << bits) - 1)) != 0;
    /* low limbs first, so that r->d may be a->d */
    for (size_t i = 0; i < n; i++) {
        uint32_t lo = a->d[i + words], hi = i + 1 < n ? a->d[i + words + 1] : 0;
        r->d[i] = bits ? (lo >> bits) | (hi << (32 - bits)) : lo;
    }
    r->d[n] = 0;
    if (neg && lost)
        r->d[n] = mag_inc(r->d, n);
    r->n = n + 1;
    r->neg = neg;
    vm_bigint_normalize(r);
}

vm_bigint_status vm_bigint_shift_count(const vm_bigint *count, uint64_t *out)
{
    if (count->neg)
        return VM_BIGINT_NEGATIVE_SHIFT;
    if (!vm_bigint_to_uint64(count, out)) {
        *out = UINT64_MAX;
        return VM_BIGINT_TOO_BIG;
    }
    return VM_BIGINT_OK;
}

size_t vm_bigint_bitop_cap(const vm_bigint *a, const vm_bigint *b)
{
    return vm_bigint_add_cap(a, b);
}

/* Limb i of x in two's complement, *carry starting at 1 for the +1 of ~m + 1. */
static uint32_t twos_limb(const vm_bigint *x, size_t i, uint32_t *carry)
{
    uint32_t m = i < x->n ? x->d[i] : 0;
    if (!x->neg)
        return m;
    uint64_t t = (uint64_t)(uint32_t)~m + *carry;
    *carry = (uint32_t)(t >> 32);
    return (uint32_t)t;
}

static void bitop(vm_bigint *r, const vm_bigint *a, const vm_bigint *b, char op)
{
    size_t n = (a->n > b->n ? a->n : b->n) + 1;     /* room for the sign limb */
    bool r_neg = op == '&' ? a->neg && b->neg : op == '|' ? a->neg || b->neg
                                                          : a->neg != b->neg;
    uint32_t ca = 1, cb = 1, cr = 1;
    for (size_t i = 0; i < n; i++) {
        uint32_t x = twos_limb(a, i, &ca), y = twos_limb(b, i, &cb);
        uint32_t z = op == '&' ? x & y : op == '|' ? x | y : x ^ y;
        if (r_neg) {                /* back to a magnitude: ~z + 1 */
            uint64_t t = (uint64_t)(uint32_t)~z + cr;
            cr = (uint32_t)(t >> 32);
            z = (uint32_t)t;
        }
        r->d[i] = z;
    }
    r->n = n;
    r->neg = r_neg;
    vm_bigint_normalize(r);
}

void vm_bigint_and(vm_bigint *r, const vm_bigint *a, const vm_bigint *b)
{
    bitop(r, a, b, '&');
}

void vm_bigint_or(vm_bigint *r, const vm_bigint *a, const vm_bigint *b)
{
    bitop(r, a, b, '|');
}

void vm_bigint_xor(vm_bigint *r, const vm_bigint *a, const vm_bigint *b)
{
    bitop(r, a, b, '^');
}

size_t vm_bigint_invert_cap(const vm_bigint *a)
{
    return a->n + 1;
}

void vm_bigint_invert(vm_bigint *r, const vm_bigint *a)
{
    /* ~a == -(a + 1): a >= 0 gives -(|a| + 1), a < 0 gives |a| - 1 */
    size_t n = a->n;
    if (!a->neg) {
        limbs_copy(r->d, a->d, n);
        r->d[n] = mag_inc(r->d, n);
        r->n = n + 1;
        r->neg = true;
    } else {
        limbs_copy(r->d, a->d, n);
        mag_dec(r->d, n);
        r->n = n;
        r->neg = false;
    }
    vm_bigint_normalize(r);
}

/* ---------------------------------------------------------------------------------------
 * Floats
 */

/* The 64 bits of |a| from bit pos up (zeros above the top). */
static uint64_t bits_at(const vm_bigint *a, uint64_t pos)
{
    uint64_t r = 0;
    size_t w = (size_t)(pos / 32);
    unsigned s = (unsigned)(pos % 32);
    for (int k = 2; k >= 0; k--) {      /* limbs w+2, w+1, w */
        size_t i = w + (size_t)k;
        uint64_t limb = i < a->n ? a->d[i] : 0;
        /* limb k contributes at bit 32 k - s of the result */
        int at = 32 * k - (int)s;
        if (at >= 64)
            continue;
        r |= at >= 0 ? limb << at : limb >> -at;
    }
    return r;
}

/* Whether any of the bits of |a| below pos is set. */
static bool any_bits_below(const vm_bigint *a, uint64_t pos)
{
    size_t w = (size_t)(pos / 32);
    unsigned s = (unsigned)(pos % 32);
    for (size_t i = 0; i < w && i < a->n; i++)
        if (a->d[i])
            return true;
    return s && w < a->n && (a->d[w] & ((UINT32_C(1) << s) - 1));
}

vm_bigint_status vm_bigint_to_double(const vm_bigint *a, double *out)
{
    uint64_t bits = vm_bigint_bit_length(a);
    double d;
    if (bits <= 64) {
        uint64_t m = 0;
        vm_bigint abs_a = {a->d, a->n, false};
        vm_bigint_to_uint64(&abs_a, &m);
        d = (double)m;                  /* correctly rounded by the conversion */
    } else {
        if (bits > DBL_MAX_EXP)
            return VM_BIGINT_OVERFLOW;
        /* the top 64 bits; the lowest of them also stands for everything below (a
         * sticky bit), which only decides ties since 11 bits are rounded away */
        uint64_t m = bits_at(a, bits - 64) | any_bits_below(a, bits - 64);
        d = ldexp((double)m, (int)(bits - 64));
        if (isinf(d))
            return VM_BIGINT_OVERFLOW;
    }
    *out = a->neg ? -d : d;
    return VM_BIGINT_OK;
}

vm_bigint_status vm_bigint_truediv(const vm_bigint *a, const vm_bigint *b, double *out)
{
    if (b->n == 0)
        return VM_BIGINT_ZERO_DIVISION;
    bool negate = a->neg != b->neg;
    uint64_t a_bits = vm_bigint_bit_length(a), b_bits = vm_bigint_bit_length(b);
    if (a->n == 0) {
        *out = negate ? -0.0 : 0.0;
        return VM_BIGINT_OK;
    }
    if (a_bits <= DBL_MANT_DIG && b_bits <= DBL_MANT_DIG) {
        /* both exact as doubles: one correctly rounded division */
        double da, db;
        vm_bigint_to_double(a, &da);
        vm_bigint_to_double(b, &db);
        *out = da / db;
        return VM_BIGINT_OK;
    }
    /* CPython's long_true_divide: x = |a| / |b| scaled by 2^-shift to DBL_MANT_DIG + 2
     * or + 3 bits (fewer for a subnormal result), truncated, with a sticky bit; rounded
     * half to even by hand on its low limb; then ldexp, exact. */
    if (a_bits > b_bits + DBL_MAX_EXP)
        return VM_BIGINT_OVERFLOW;
    if (a_bits + (uint64_t)(DBL_MANT_DIG + 1 - DBL_MIN_EXP) < b_bits) {
        *out = negate ? -0.0 : 0.0;     /* underflows to zero */
        return VM_BIGINT_OK;
    }
    int64_t diff = (int64_t)a_bits - (int64_t)b_bits;
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    vm_bigint x;
    vm_bigint abs_a = {a->d, a->n, false}, abs_b = {b->d, b->n, false};
    if (shift <= 0) {
        x = scratch_value(vm_bigint_lshift_cap(&abs_a, (uint64_t)-shift));
        vm_bigint_lshift(&x, &abs_a, (uint64_t)-shift);
    } else {
        x = scratch_value(vm_bigint_rshift_cap(&abs_a, (uint64_t)shift));
        vm_bigint_rshift(&x, &abs_a, (uint64_t)shift);
        inexact = any_bits_below(&abs_a, (uint64_t)shift);
    }
    vm_bigint q = scratch_value(vm_bigint_floordiv_cap(&x, &abs_b));
    vm_bigint rem = scratch_value(vm_bigint_mod_cap(&x, &abs_b));
    vm_bigint_divmod(&q, &rem, &x, &abs_b);
    inexact |= rem.n != 0;
    uint64_t x_bits = vm_bigint_bit_length(&q);    /* at most DBL_MANT_DIG + 3 */
    uint64_t xv = 0;
    vm_bigint_to_uint64(&q, &xv);
    free(x.d);
    free(q.d);
    free(rem.d);

    int64_t extra_bits = ((int64_t)x_bits > DBL_MIN_EXP - shift ? (int64_t)x_bits
                                                                 : DBL_MIN_EXP - shift)
                         - DBL_MANT_DIG;
    uint64_t mask = (uint64_t)1 << (extra_bits - 1);
    uint64_t low = xv | inexact;
    if ((low & mask) && (low & (3 * mask - 1)))
        low += mask;
    xv = low & ~(2 * mask - 1);
    double dx = (double)xv;             /* exact: at most DBL_MANT_DIG significant bits */
    if (shift + (int64_t)x_bits >= DBL_MAX_EXP
        && (shift + (int64_t)x_bits > DBL_MAX_EXP || dx == ldexp(1.0, (int)x_bits)))
        return VM_BIGINT_OVERFLOW;
    double result = ldexp(dx, (int)shift);
    *out = negate ? -result : result;
    return VM_BIGINT_OK;
}

size_t vm_bigint_from_double_cap(double x)
{
    int e;
    frexp(x, &e);
    return e > 0 ? (size_t)(e - 1) / 32 + 1 : 1;
}

void vm_bigint_from_double(vm_bigint *r, double x)
{
    bool neg = x < 0;
    int e;
    double frac = frexp(fabs(x), &e);   /* |x| = frac 2^e, 0.5 <= frac < 1 */
    if (e <= 0) {
        r->n = 0;
        r->neg = false;
        return;
    }
    /* CPython's PyLong_FromDouble: peel 32 bits at a time off the top */
    size_t n = (size_t)(e - 1) / 32 + 1;
    frac = ldexp(frac, (e - 1) % 32 + 1);
    for (size_t i = n; i-- > 0;) {
        uint32_t bits = (uint32_t)frac;
        r->d[i] = bits;
        frac = ldexp(frac - (double)bits, 32);
    }
    r->n = n;
    r->neg = neg;
    vm_bigint_normalize(r);
}

/* ---------------------------------------------------------------------------------------
 * Strings
 */

static const char DIGITS[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* log2(radix) for a power of two, else 0. */
static unsigned radix_log2(unsigned radix)
{
    return (radix & (radix - 1)) == 0 ? (unsigned)__builtin_ctz(radix) : 0;
}

/* The largest power radix^k below 2^32, and k. */
static uint32_t radix_big_base(unsigned radix, unsigned *k)
{
    uint64_t p = radix;
    unsigned n = 1;
    while (p * radix <= UINT32_MAX)
        p *= radix, n++;
    *k = n;
    return (uint32_t)p;
}

size_t vm_bigint_to_str_cap(const vm_bigint *a, unsigned radix)
{
    /* digits <= bits / log2(radix) + 1 <= bits / floor(log2(radix)) + 1; sign, NUL */
    unsigned floor_log2 = (unsigned)bit_length32(radix) - 1;
    return (size_t)(vm_bigint_bit_length(a) / floor_log2) + 3;
}

/* Radixes that are not powers of two go through base big = radix^k, the largest power
 * below 2^32 (10^9 for decimal), with CPython's quadratic loops for short values.  Long
 * ones are cut in two by a power big^(2^j) (squarings, computed once per conversion): the
 * digits of x are those of x // big^h followed by those of x % big^h padded to h big
 * digits, and a digit string's value is high * big^h + low.  Parsing then costs what the
 * Karatsuba products cost (subquadratic); printing costs the schoolbook divisions, still
 * quadratic, but their inner loop is independent multiply-subtracts where the simple loop
 * is a chain of dependent divisions (see DC_CUTOFF_LIMBS for the numbers). */
typedef struct {
    unsigned radix, k;          /* big = radix^k */
    uint32_t big;
    int npowers;
    vm_bigint powers[64];       /* powers[j] = big^(2^j), scratch values */
} radix_conv;

/* Values of at most this many limbs (and strings of as many big digits) are converted by
 * the quadratic loops.  Measured on a loaded 2-core x86-64 (noisy, best of two runs),
 * simple loops alone -> with this cutoff: str() of 100000 digits 152 -> 125 ms, of
 * 300000 digits 1.45 -> 1.13 s; parsing them 57 -> 21 ms and 715 -> 198 ms; at 4300
 * digits both take 0.15-0.45 ms, within the noise; cutoffs 16 and 80 were no better. */
#define DC_CUTOFF_LIMBS 40

static void radix_conv_init(radix_conv *c, unsigned radix)
{
    c->radix = radix;
    c->big = radix_big_base(radix, &c->k);
    c->npowers = 0;
}

static void radix_conv_free(radix_conv *c)
{
    for (int j = 0; j < c->npowers; j++)
        free(c->powers[j].d);
}

static const vm_bigint *radix_conv_power(radix_conv *c, int j)
{
    while (c->npowers <= j) {
        vm_bigint p;
        if (c->npowers == 0) {
            p = scratch_value(1);
            p.d[0] = c->big;
            p.n = 1;
        } else {
            const vm_bigint *prev = &c->powers[c->npowers - 1];
            p = scratch_value(vm_bigint_mul_cap(prev, prev));
            vm_bigint_mul(&p, prev, prev);
        }
        c->powers[c->npowers++] = p;
    }
    return &c->powers[j];
}

/* How many base-big digits an n-limb magnitude may need. */
static size_t big_digits_cap(const radix_conv *c, size_t n)
{
    return n * 32 / (size_t)(bit_length32(c->big) - 1) + 2;
}

/* b[0..) = magnitude a[0..n) in base big, least significant first; returns the count.
 * Built from the top limb down as b = b 2^32 + limb (CPython's long_to_decimal_string
 * loop).  Inlined with a constant big for decimal, so that z / big is a multiplication. */
static inline __attribute__((always_inline)) size_t
to_big_digits_inline(const uint32_t *a, size_t n, uint32_t big, uint32_t *b)
{
    size_t bn = 0;
    for (size_t i = n; i-- > 0;) {
        uint32_t hi = a[i];
        for (size_t j = 0; j < bn; j++) {
            uint64_t z = ((uint64_t)b[j] << 32) | hi;
            hi = (uint32_t)(z / big);
            b[j] = (uint32_t)(z - (uint64_t)hi * big);
        }
        while (hi) {
            b[bn++] = hi % big;
            hi /= big;
        }
    }
    return bn;
}

static size_t to_big_digits(const radix_conv *c, const uint32_t *a, size_t n, uint32_t *b)
{
    if (c->big == 1000000000u)
        return to_big_digits_inline(a, n, 1000000000u, b);
    return to_big_digits_inline(a, n, c->big, b);
}

/* out[0..m k) = the m base-big digits b[m-1], ..., b[0] (zeros above bn), in radix. */
static void put_big_digits(const radix_conv *c, const uint32_t *b, size_t bn, size_t m,
                           char *out)
{
    for (size_t j = m; j-- > 0; out += c->k) {
        uint32_t v = j < bn ? b[j] : 0;
        for (unsigned i = c->k; i-- > 0; v /= c->radix)
            out[i] = DIGITS[v % c->radix];
    }
}

/* out[0..m k) = x's digits, zero-padded; x < big^m. */
static void fill_digits(radix_conv *c, const vm_bigint *x, size_t m, char *out)
{
    if (x->n <= DC_CUTOFF_LIMBS) {
        uint32_t *b = scratch_alloc(big_digits_cap(c, x->n));
        size_t bn = to_big_digits(c, x->d, x->n, b);
        put_big_digits(c, b, bn, m, out);
        free(b);
        return;
    }
    /* m >= 2 here (x >= 2^32 > big); h = 2^j with m/2 <= h < m */
    int j = 0;
    while (((size_t)2 << j) < m)
        j++;
    size_t h = (size_t)1 << j;
    const vm_bigint *p = radix_conv_power(c, j);
    vm_bigint q = scratch_value(vm_bigint_floordiv_cap(x, p));
    vm_bigint r = scratch_value(vm_bigint_mod_cap(x, p));
    vm_bigint_divmod(&q, &r, x, p);
    fill_digits(c, &q, m - h, out);
    fill_digits(c, &r, h, out + (m - h) * c->k);
    free(q.d);
    free(r.d);
}

size_t vm_bigint_to_str(const vm_bigint *a, unsigned radix, char *out)
{
    size_t len = 0;
    if (a->n == 0) {
        out[0] = '0';
        out[1] = 0;
        return 1;
    }
    if (a->neg)
        out[len++] = '-';
    unsigned lg = radix_log2(radix);
    if (lg) {
        uint64_t bits = vm_bigint_bit_length(a);
        uint64_t ndigits = (bits + lg - 1) / lg;
        for (uint64_t i = ndigits; i-- > 0;) {
            uint64_t pos = i * lg;
            uint32_t v = (uint32_t)(bits_at(a, pos) & ((1u << lg) - 1));
            out[len++] = DIGITS[v];
        }
        out[len] = 0;
        return len;
    }
    radix_conv c;
    radix_conv_init(&c, radix);
    size_t m = big_digits_cap(&c, a->n);
    char *digits;
    if (a->n <= DC_CUTOFF_LIMBS) {
        uint32_t *b = scratch_alloc(m);
        m = to_big_digits(&c, a->d, a->n, b);
        digits = (char *)scratch_alloc((m * c.k + 3) / 4);
        put_big_digits(&c, b, m, m, digits);
        free(b);
    } else {
        digits = (char *)scratch_alloc((m * c.k + 3) / 4);
        vm_bigint x = {a->d, a->n, false};
        fill_digits(&c, &x, m, digits);
    }
    size_t skip = 0;
    while (digits[skip] == '0')         /* a != 0: some digit is not */
        skip++;
    memcpy(out + len, digits + skip, m * c.k - skip);
    len += m * c.k - skip;
    out[len] = 0;
    free(digits);
    radix_conv_free(&c);
    return len;
}

size_t vm_bigint_from_str_cap(size_t len, unsigned radix)
{
    /* each digit holds at most ceil(log2(radix)) <= 6 bits */
    unsigned bits_per_digit = (unsigned)bit_length32(radix - 1);
    if (len > SIZE_MAX / 8)
        return SIZE_MAX;
    return len * bits_per_digit / 32 + 1;
}

/* d[0..) = the value of the (valid) digits s[0..len), k at a time: d = d big + chunk, the
 * first chunk shorter.  d has from_str_cap(len) limbs; returns the count. */
static size_t parse_simple(const radix_conv *c, const char *s, size_t len, uint32_t *d)
{
    size_t n = 0, i = 0, first = len % c->k ? len % c->k : c->k;
    while (i < len) {
        size_t take = i == 0 ? first : c->k;
        uint32_t chunk = 0, mul = 1;
        for (size_t j = 0; j < take; j++, i++) {
            chunk = chunk * c->radix + (uint32_t)vm_bigint_digit_value(s[i]);
            mul *= c->radix;
        }
        uint32_t carry = mag_mul1_add(d, n, mul, chunk);
        if (carry)
            d[n++] = carry;
    }
    return n;
}

/* The value of the (valid) digits s[0..len) as a scratch value (one limb of room above
 * from_str_cap, for the final addition's carry limb). */
static vm_bigint parse_digits(radix_conv *c, const char *s, size_t len)
{
    vm_bigint r = scratch_value(vm_bigint_from_str_cap(len, c->radix) + 1);
    if (len <= (size_t)DC_CUTOFF_LIMBS * c->k) {
        r.n = parse_simple(c, s, len, r.d);
        vm_bigint_normalize(&r);
        return r;
    }
    /* the low part has k 2^j digits, at least half of them */
    int j = 0;
    while (((size_t)c->k << (j + 1)) < len)
        j++;
    size_t low_len = (size_t)c->k << j;
    vm_bigint hi = parse_digits(c, s, len - low_len);
    vm_bigint lo = parse_digits(c, s + len - low_len, low_len);
    const vm_bigint *p = radix_conv_power(c, j);
    vm_bigint prod = scratch_value(vm_bigint_mul_cap(&hi, p));
    vm_bigint_mul(&prod, &hi, p);
    vm_bigint_add(&r, &prod, &lo);
    free(hi.d);
    free(lo.d);
    free(prod.d);
    return r;
}

vm_bigint_status vm_bigint_from_str(vm_bigint *r, const char *s, size_t len, unsigned radix)
{
    if (len == 0)
        return VM_BIGINT_INVALID;
    for (size_t i = 0; i < len; i++)
        if (vm_bigint_digit_value(s[i]) >= (int)radix)
            return VM_BIGINT_INVALID;
    unsigned lg = radix_log2(radix);
    if (lg) {
        /* bit packing from the least significant digit */
        size_t cap = vm_bigint_from_str_cap(len, radix);
        limbs_zero(r->d, cap);
        uint64_t pos = 0;
        for (size_t i = len; i-- > 0; pos += lg) {
            uint64_t v = (uint64_t)vm_bigint_digit_value(s[i]) << (pos % 32);
            r->d[pos / 32] |= (uint32_t)v;
            if (v >> 32)
                r->d[pos / 32 + 1] |= (uint32_t)(v >> 32);
        }
        r->n = cap;
    } else {
        radix_conv c;
        radix_conv_init(&c, radix);
        if (len <= (size_t)DC_CUTOFF_LIMBS * c.k) {
            r->n = parse_simple(&c, s, len, r->d);
        } else {
            vm_bigint x = parse_digits(&c, s, len);
            limbs_copy(r->d, x.d, x.n);
            r->n = x.n;
            free(x.d);
        }
        radix_conv_free(&c);
    }
    r->neg = false;
    vm_bigint_normalize(r);
    return VM_BIGINT_OK;
}

/* ---------------------------------------------------------------------------------------
 * Convenience layer for the compiler: arena storage and AST constants
 */

void vm_bigint_arena_new(vm_bigint *r, vm_arena *arena, size_t cap)
{
    r->d = vm_arena_alloc(arena, (cap ? cap : 1) * sizeof(uint32_t));
    r->n = 0;
    r->neg = false;
}

bool vm_bigint_view_const(vm_bigint *r, const vm_ast_const *c, uint32_t tmp[2])
{
    switch (c->kind) {
    case VM_CONST_INT:
        r->d = tmp;
        vm_bigint_from_int64(r, c->u.i);
        return true;
    case VM_CONST_TRUE:
    case VM_CONST_FALSE:
        r->d = tmp;
        vm_bigint_from_int64(r, c->kind == VM_CONST_TRUE);
        return true;
    case VM_CONST_BIGINT:
        /* the view is only read: casting away the constant's const is safe */
        r->d = (uint32_t *)c->u.big.limbs;
        r->n = c->u.big.n;
        r->neg = c->u.big.negative;
        vm_bigint_normalize(r);
        return true;
    default:
        return false;
    }
}

void vm_bigint_to_const(const vm_bigint *a, vm_ast_const *out, vm_arena *arena)
{
    int64_t v;
    if (vm_bigint_to_int64(a, &v)) {
        out->kind = VM_CONST_INT;
        out->u.i = v;
        return;
    }
    uint32_t *limbs = vm_arena_alloc(arena, a->n * sizeof(uint32_t));
    limbs_copy(limbs, a->d, a->n);
    out->kind = VM_CONST_BIGINT;
    out->u.big.limbs = limbs;
    out->u.big.n = a->n;
    out->u.big.negative = a->neg;
}

vm_bigint_status vm_bigint_arena_binop(vm_bigint *r, vm_arena *arena, vm_bigint_op op,
                                       const vm_bigint *a, const vm_bigint *b,
                                       size_t max_limbs)
{
    size_t cap;
    uint64_t count = 0;
    vm_bigint_status st;
    switch (op) {
    case VM_BIGINT_OP_ADD: cap = vm_bigint_add_cap(a, b); break;
    case VM_BIGINT_OP_SUB: cap = vm_bigint_sub_cap(a, b); break;
    case VM_BIGINT_OP_MUL: cap = vm_bigint_mul_cap(a, b); break;
    case VM_BIGINT_OP_FLOORDIV:
    case VM_BIGINT_OP_MOD:
        if (b->n == 0)
            return VM_BIGINT_ZERO_DIVISION;
        cap = op == VM_BIGINT_OP_MOD ? vm_bigint_mod_cap(a, b) : vm_bigint_floordiv_cap(a, b);
        break;
    case VM_BIGINT_OP_POW:
        if (b->neg)
            return VM_BIGINT_NEGATIVE_POWER;
        cap = vm_bigint_pow_cap(a, b);
        break;
    case VM_BIGINT_OP_LSHIFT:
    case VM_BIGINT_OP_RSHIFT:
        st = vm_bigint_shift_count(b, &count);
        if (st == VM_BIGINT_NEGATIVE_SHIFT)
            return st;
        if (op == VM_BIGINT_OP_RSHIFT)
            cap = vm_bigint_rshift_cap(a, count);
        else if (st == VM_BIGINT_TOO_BIG && a->n != 0)
            return VM_BIGINT_TOO_BIG;
        else
            cap = vm_bigint_lshift_cap(a, a->n ? count : 0);
        break;
    case VM_BIGINT_OP_AND:
    case VM_BIGINT_OP_OR:
    case VM_BIGINT_OP_XOR: cap = vm_bigint_bitop_cap(a, b); break;
    default: return VM_BIGINT_INVALID;
    }
    if (cap == SIZE_MAX || cap > max_limbs)
        return VM_BIGINT_TOO_BIG;
    vm_bigint_arena_new(r, arena, cap);
    switch (op) {
    case VM_BIGINT_OP_ADD: vm_bigint_add(r, a, b); break;
    case VM_BIGINT_OP_SUB: vm_bigint_sub(r, a, b); break;
    case VM_BIGINT_OP_MUL: vm_bigint_mul(r, a, b); break;
    case VM_BIGINT_OP_FLOORDIV: return vm_bigint_divmod(r, NULL, a, b);
    case VM_BIGINT_OP_MOD: return vm_bigint_divmod(NULL, r, a, b);
    case VM_BIGINT_OP_POW: return vm_bigint_pow(r, a, b);
    case VM_BIGINT_OP_LSHIFT: vm_bigint_lshift(r, a, a->n ? count : 0); break;
    case VM_BIGINT_OP_RSHIFT: vm_bigint_rshift(r, a, count); break;
    case VM_BIGINT_OP_AND: vm_bigint_and(r, a, b); break;
    case VM_BIGINT_OP_OR: vm_bigint_or(r, a, b); break;
    case VM_BIGINT_OP_XOR: vm_bigint_xor(r, a, b); break;
    }
    return VM_BIGINT_OK;
}

vm_bigint_status vm_bigint_const_binop(vm_ast_const *out, vm_arena *arena, vm_bigint_op op,
                                       const vm_ast_const *a, const vm_ast_const *b,
                                       size_t max_limbs)
{
    uint32_t ta[2], tb[2];
    vm_bigint va, vb, r;
    if (!vm_bigint_view_const(&va, a, ta) || !vm_bigint_view_const(&vb, b, tb))
        return VM_BIGINT_INVALID;
    vm_bigint_status st = vm_bigint_arena_binop(&r, arena, op, &va, &vb, max_limbs);
    if (st == VM_BIGINT_OK)
        vm_bigint_to_const(&r, out, arena);
    return st;
}

vm_bigint_status vm_bigint_const_unary(vm_ast_const *out, vm_arena *arena, char op,
                                       const vm_ast_const *a)
{
    uint32_t ta[2];
    vm_bigint va, r;
    if (!vm_bigint_view_const(&va, a, ta))
        return VM_BIGINT_INVALID;
    vm_bigint_arena_new(&r, arena, vm_bigint_invert_cap(&va));
    switch (op) {
    case '-': vm_bigint_neg(&r, &va); break;
    case '~': vm_bigint_invert(&r, &va); break;
    case '+': vm_bigint_copy(&r, &va); break;
    default: return VM_BIGINT_INVALID;
    }
    vm_bigint_to_const(&r, out, arena);
    return VM_BIGINT_OK;
}

char *vm_bigint_arena_str(const vm_bigint *a, vm_arena *arena)
{
    char *s = vm_arena_alloc(arena, vm_bigint_to_str_cap(a, 10));
    vm_bigint_to_str(a, 10, s);
    return s;
}

char *vm_bigint_const_str(const vm_ast_const *c, vm_arena *arena)
{
    uint32_t tmp[2];
    vm_bigint v;
    return vm_bigint_view_const(&v, c, tmp) ? vm_bigint_arena_str(&v, arena) : NULL;
}

vm_bigint_status vm_bigint_const_truediv(const vm_ast_const *a, const vm_ast_const *b,
                                         double *out)
{
    uint32_t ta[2], tb[2];
    vm_bigint va, vb;
    if (!vm_bigint_view_const(&va, a, ta) || !vm_bigint_view_const(&vb, b, tb))
        return VM_BIGINT_INVALID;
    return vm_bigint_truediv(&va, &vb, out);
}

vm_bigint_status vm_bigint_const_to_double(const vm_ast_const *a, double *out)
{
    uint32_t ta[2];
    vm_bigint va;
    if (!vm_bigint_view_const(&va, a, ta))
        return VM_BIGINT_INVALID;
    return vm_bigint_to_double(&va, out);
}

bool vm_bigint_const_cmp(const vm_ast_const *a, const vm_ast_const *b, int *out)
{
    uint32_t ta[2], tb[2];
    vm_bigint va, vb;
    if (!vm_bigint_view_const(&va, a, ta) || !vm_bigint_view_const(&vb, b, tb))
        return false;
    *out = vm_bigint_cmp(&va, &vb);
    return true;
}

#undef KARATSUBA_CUTOFF
#undef MAX_LIMBS
#undef DC_CUTOFF_LIMBS

int64_t vm_bigint_hash(const vm_bigint *a)
{
    const uint64_t modulus = (UINT64_C(1) << 61) - 1;
    uint64_t x = 0;
    for (size_t i = a->n; i-- > 0;) {
        /* x * 2**32 mod 2**61 - 1: 2**61 = 1 there, so the shift is a rotation in 61 bits */
        x = ((x << 32) & modulus) | (x >> (61 - 32));
        x += a->d[i];
        if (x >= modulus)
            x -= modulus;
    }
    if (a->neg)
        x = (uint64_t)0 - x;
    return (int64_t)x == -1 ? -2 : (int64_t)x;
}

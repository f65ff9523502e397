/* vm/mod_math.c — the math module.  Float functions in C with CPython's error rules
 * (a NaN from non-NaN arguments: ValueError "math domain error"; an infinity from finite
 * arguments: OverflowError "math range error" or a domain error); the integer functions
 * (factorial, comb, perm, gcd, lcm, isqrt, prod) and fsum (Shewchuk's exact summation)
 * in Python source run into the module at import (they work on ints of any size through
 * the int type's own arithmetic). */
#include <errno.h>
#include <float.h>
#include <stdlib.h>
#include <math.h>

#include "vm/interp.h"
#include "vm/mod_internal.h"

static vm_value domain_error(void)
{
    vm_raise(VM_TYPE(ValueError), "math domain error");
    return VM_NULL;
}

static vm_value range_error(void)
{
    vm_raise(VM_TYPE(OverflowError), "math range error");
    return VM_NULL;
}

static bool arg_double(vm_value v, double *out)
{
    return vm_as_double(v, out);
}

typedef double (*dfn)(double);

/* flags: 1 = an infinite result from a finite argument overflows (else domain error) */
static vm_value math_1(vm_value v, dfn f, int flags)
{
    double x;
    if (!arg_double(v, &x))
        return VM_NULL;
    errno = 0;
    double r = f(x);
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return (flags & 1) ? range_error() : domain_error();
    return vm_float_new(r);
}

static double d_degrees(double x) { return x * (180.0 / M_PI); }
static double d_radians(double x) { return x * (M_PI / 180.0); }

static double d_gamma(double x)
{
    if (x == floor(x) && x <= 0)
        return NAN;
    return tgamma(x);
}

static double d_lgamma(double x)
{
    if (x == floor(x) && x <= 0)
        return NAN;
    return lgamma(x);
}

#define F1(pyname, cfn, flags)                                                             \
    static vm_value m_##pyname(vm_value *args, int64_t nargs, vm_value kwnames)            \
    {                                                                                      \
        (void)nargs, (void)kwnames;                                                        \
        return math_1(args[0], cfn, flags);                                                \
    }
F1(sqrt, sqrt, 0)
F1(exp, exp, 1)
F1(exp2, exp2, 1)
F1(expm1, expm1, 1)
F1(sin, sin, 0)
F1(cos, cos, 0)
F1(tan, tan, 0)
F1(asin, asin, 0)
F1(acos, acos, 0)
F1(atan, atan, 0)
F1(sinh, sinh, 1)
F1(cosh, cosh, 1)
F1(tanh, tanh, 0)
F1(asinh, asinh, 0)
F1(acosh, acosh, 0)
F1(atanh, atanh, 0)
F1(erf, erf, 0)
F1(erfc, erfc, 0)
F1(gamma, d_gamma, 1)
F1(lgamma, d_lgamma, 1)
F1(fabs, fabs, 0)
F1(degrees, d_degrees, 1)
F1(radians, d_radians, 0)
F1(cbrt, cbrt, 0)

/* log of a positive number of any size (ints beyond double range by their top bits). */
static bool log_arg(vm_value v, double (*lf)(double), double *out)
{
    if (vm_is_int(v) && !vm_is_small(v)) {
        vm_bigint b;
        uint32_t tmp[2];
        vm_int_view(v, &b, tmp);
        if (b.neg || b.n == 0) {
            domain_error();
            return false;
        }
        uint64_t bits = vm_bigint_bit_length(&b);
        if (bits > 1000) {
            int64_t shift = (int64_t)bits - 64;
            vm_value top = vm_binary_op(v, vm_int_from_int64(shift), VM_NB_RSHIFT);
            double t;
            if (!top || !vm_as_double(top, &t))
                return false;
            *out = lf(t) + (double)shift * lf(2.0);
            return true;
        }
    }
    double x;
    if (!arg_double(v, &x))
        return false;
    if (isnan(x)) {
        *out = x;
        return true;
    }
    if (x <= 0) {
        domain_error();
        return false;
    }
    *out = lf(x);
    return true;
}

static vm_value m_log(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    double n;
    if (!log_arg(args[0], log, &n))
        return VM_NULL;
    if (nargs == 2) {
        double d;
        if (!log_arg(args[1], log, &d))
            return VM_NULL;
        if (d == 0) {
            vm_raise(VM_TYPE(ZeroDivisionError), "float division by zero");
            return VM_NULL;
        }
        n /= d;
    }
    return vm_float_new(n);
}

static vm_value m_log2(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double r;
    return log_arg(args[0], log2, &r) ? vm_float_new(r) : VM_NULL;
}

static vm_value m_log10(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double r;
    return log_arg(args[0], log10, &r) ? vm_float_new(r) : VM_NULL;
}

static vm_value m_log1p(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double x;
    if (!arg_double(args[0], &x))
        return VM_NULL;
    if (x <= -1.0)
        return domain_error();
    return vm_float_new(log1p(x));
}

/* Two-argument float functions: result checks as math_1. */
static vm_value math_2(vm_value *args, double (*f)(double, double), bool overflow)
{
    double x, y;
    if (!arg_double(args[0], &x) || !arg_double(args[1], &y))
        return VM_NULL;
    double r = f(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    if (isinf(r) && isfinite(x) && isfinite(y))
        return overflow ? range_error() : domain_error();
    return vm_float_new(r);
}

static double d_fmod(double x, double y)
{
    if (isinf(y) && isfinite(x))
        return x;
    return fmod(x, y);
}

static double d_remainder(double x, double y)
{
    if (isinf(y) && isfinite(x))
        return x;
    return remainder(x, y);
}

#define F2(pyname, cfn, ovf)                                                               \
    static vm_value m_##pyname(vm_value *args, int64_t nargs, vm_value kwnames)            \
    {                                                                                      \
        (void)nargs, (void)kwnames;                                                        \
        return math_2(args, cfn, ovf);                                                     \
    }
F2(fmod, d_fmod, false)
F2(remainder, d_remainder, false)
F2(atan2, atan2, false)
F2(copysign, copysign, false)

static vm_value m_pow(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double x, y;
    if (!arg_double(args[0], &x) || !arg_double(args[1], &y))
        return VM_NULL;
    double r;
    if (isfinite(x) && isfinite(y)) {
        if (x == 0 && y < 0)
            return domain_error();
        if (x < 0 && y != floor(y))
            return domain_error();
        r = pow(x, y);
        if (isinf(r))
            return range_error();
    } else {
        if (x == 1.0 || y == 0.0)
            r = 1.0;
        else
            r = pow(x, y);
    }
    return vm_float_new(r);
}

static vm_value m_nextafter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double x, y;
    if (!arg_double(args[0], &x) || !arg_double(args[1], &y))
        return VM_NULL;
    return vm_float_new(nextafter(x, y));
}

static vm_value m_ulp(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double x;
    if (!arg_double(args[0], &x))
        return VM_NULL;
    if (isnan(x))
        return vm_float_new(x);
    x = fabs(x);
    if (isinf(x))
        return vm_float_new(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return vm_float_new(x - x2);
    }
    return vm_float_new(x2 - x);
}

static vm_value to_int_via(vm_value v, const char *dunder, double (*f)(double))
{
    if (vm_is_int(v) && vm_is_type(v, VM_T_INT))
        return v;
    if (vm_is_small(v))
        return v;
    if (!vm_is_type(v, VM_T_FLOAT)) {
        bool found = false;
        vm_value r = vm_call_special(v, dunder, NULL, 0, &found);
        if (found || r)
            return r;
        if (vm_error_pending())
            return VM_NULL;
    }
    double x;
    if (!vm_as_double(v, &x))
        return VM_NULL;
    vm_value fl = vm_float_new(f(x));
    if (!fl)
        return vm_raise_nomem();
    return vm_call1(VM_TYPE(INT), fl);
}

static vm_value m_floor(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    return to_int_via(args[0], "__floor__", floor);
}

static vm_value m_ceil(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    return to_int_via(args[0], "__ceil__", ceil);
}

static vm_value m_trunc(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value v = args[0];
    if (vm_is_small(v) || vm_is_type(v, VM_T_INT))
        return v;
    bool found = false;
    vm_value r = vm_call_special(v, "__trunc__", NULL, 0, &found);
    if (found || r)
        return r;
    if (vm_error_pending())
        return VM_NULL;
    vm_raise(VM_TYPE(TypeError), "type %N doesn't define __trunc__ method", vm_type_of(v));
    return VM_NULL;
}

static vm_value pair(vm_value a, vm_value b)
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

static vm_value m_frexp(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double x;
    if (!arg_double(args[0], &x))
        return VM_NULL;
    int e = 0;
    double m = x;
    if (isfinite(x) && x != 0)
        m = frexp(x, &e);
    return pair(vm_float_new(m), vm_small(e));
}

static vm_value m_modf(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double x;
    if (!arg_double(args[0], &x))
        return VM_NULL;
    if (isinf(x))
        return pair(vm_float_new(copysign(0.0, x)), vm_float_new(x));
    double ip;
    double fp = modf(x, &ip);
    return pair(vm_float_new(fp), vm_float_new(ip));
}

static vm_value m_ldexp(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double x;
    if (!arg_double(args[0], &x))
        return VM_NULL;
    vm_value e = args[1];
    if (!vm_is_int(e)) {
        vm_raise(VM_TYPE(TypeError), "Expected an int as second argument to ldexp.");
        return VM_NULL;
    }
    int64_t n;
    if (!vm_is_small(e)) {
        vm_bigint b;
        uint32_t tmp[2];
        vm_int_view(e, &b, tmp);
        n = b.neg ? INT64_MIN / 2 : INT64_MAX / 2;
    } else
        n = vm_small_value(e);
    if (x == 0 || !isfinite(x))
        return vm_float_new(x);
    if (n > 100000)
        return range_error();
    if (n < -100000)
        return vm_float_new(copysign(0.0, x));
    double r = ldexp(x, (int)n);
    if (isinf(r))
        return range_error();
    return vm_float_new(r);
}

static vm_value m_isfinite(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double x;
    if (!arg_double(args[0], &x))
        return VM_NULL;
    return isfinite(x) ? VM_TRUE : VM_FALSE;
}

static vm_value m_isinf(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double x;
    if (!arg_double(args[0], &x))
        return VM_NULL;
    return isinf(x) ? VM_TRUE : VM_FALSE;
}

static vm_value m_isnan(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double x;
    if (!arg_double(args[0], &x))
        return VM_NULL;
    return isnan(x) ? VM_TRUE : VM_FALSE;
}

static vm_value m_isclose(vm_value *args, int64_t nargs, vm_value kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    vm_value a[4] = {0};
    if (!vm_bind_args("isclose", args, nargs, kwnames, names, 4, 2, 2, a))
        return VM_NULL;
    double x, y, rel = 1e-09, abs_ = 0.0;
    if (!arg_double(a[0], &x) || !arg_double(a[1], &y))
        return VM_NULL;
    if (a[2] && !arg_double(a[2], &rel))
        return VM_NULL;
    if (a[3] && !arg_double(a[3], &abs_))
        return VM_NULL;
    if (rel < 0.0 || abs_ < 0.0) {
        vm_raise(VM_TYPE(ValueError), "tolerances must be non-negative");
        return VM_NULL;
    }
    if (x == y)
        return VM_TRUE;
    if (isinf(x) || isinf(y))
        return VM_FALSE;
    double diff = fabs(y - x);
    bool r = (diff <= fabs(rel * y)) || (diff <= fabs(rel * x)) || (diff <= abs_);
    return r ? VM_TRUE : VM_FALSE;
}

/* hypot of n values with scaling (as CPython's vector_norm, without its extra
 * correction steps). */
static vm_value vector_norm(double *v, int64_t n, bool found_nan, double max)
{
    if (isinf(max))
        return vm_float_new(max);
    if (found_nan)
        return vm_float_new(NAN);
    if (max == 0 || n <= 1)
        return vm_float_new(max);
    if (n == 2)
        return vm_float_new(hypot(v[0], v[1]));
    int e;
    frexp(max, &e);
    double scale = ldexp(1.0, -e);
    /* compensated sum of squares */
    double s = 0, c = 0;
    for (int64_t i = 0; i < n; i++) {
        double x = v[i] * scale;
        double y = x * x - c;
        double t = s + y;
        c = (t - s) - y;
        s = t;
    }
    return vm_float_new(sqrt(s) / scale);
}

static vm_value m_hypot(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    double buf[16];
    double *v = nargs <= 16 ? buf : malloc(sizeof(double) * (size_t)nargs);
    if (!v)
        return vm_raise_nomem();
    double max = 0;
    bool found_nan = false;
    for (int64_t i = 0; i < nargs; i++) {
        double x;
        if (!arg_double(args[i], &x)) {
            if (v != buf)
                free(v);
            return VM_NULL;
        }
        x = fabs(x);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    vm_value r = vector_norm(v, nargs, found_nan, max);
    if (v != buf)
        free(v);
    return r;
}

static vm_value m_float_arg(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double x;
    return arg_double(args[0], &x) ? vm_float_new(x) : VM_NULL;
}

static vm_value m_index_arg(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    return vm_index_value(args[0]);
}

static const vm_method_def math_functions[] = {
    {"sqrt", m_sqrt, 1, 1, VM_METH_NOKW, NULL},
    {"exp", m_exp, 1, 1, VM_METH_NOKW, NULL},
    {"exp2", m_exp2, 1, 1, VM_METH_NOKW, NULL},
    {"expm1", m_expm1, 1, 1, VM_METH_NOKW, NULL},
    {"sin", m_sin, 1, 1, VM_METH_NOKW, NULL},
    {"cos", m_cos, 1, 1, VM_METH_NOKW, NULL},
    {"tan", m_tan, 1, 1, VM_METH_NOKW, NULL},
    {"asin", m_asin, 1, 1, VM_METH_NOKW, NULL},
    {"acos", m_acos, 1, 1, VM_METH_NOKW, NULL},
    {"atan", m_atan, 1, 1, VM_METH_NOKW, NULL},
    {"sinh", m_sinh, 1, 1, VM_METH_NOKW, NULL},
    {"cosh", m_cosh, 1, 1, VM_METH_NOKW, NULL},
    {"tanh", m_tanh, 1, 1, VM_METH_NOKW, NULL},
    {"asinh", m_asinh, 1, 1, VM_METH_NOKW, NULL},
    {"acosh", m_acosh, 1, 1, VM_METH_NOKW, NULL},
    {"atanh", m_atanh, 1, 1, VM_METH_NOKW, NULL},
    {"erf", m_erf, 1, 1, VM_METH_NOKW, NULL},
    {"erfc", m_erfc, 1, 1, VM_METH_NOKW, NULL},
    {"gamma", m_gamma, 1, 1, VM_METH_NOKW, NULL},
    {"lgamma", m_lgamma, 1, 1, VM_METH_NOKW, NULL},
    {"fabs", m_fabs, 1, 1, VM_METH_NOKW, NULL},
    {"degrees", m_degrees, 1, 1, VM_METH_NOKW, NULL},
    {"radians", m_radians, 1, 1, VM_METH_NOKW, NULL},
    {"cbrt", m_cbrt, 1, 1, VM_METH_NOKW, NULL},
    {"log", m_log, 1, 2, VM_METH_NOKW, NULL},
    {"log2", m_log2, 1, 1, VM_METH_NOKW, NULL},
    {"log10", m_log10, 1, 1, VM_METH_NOKW, NULL},
    {"log1p", m_log1p, 1, 1, VM_METH_NOKW, NULL},
    {"fmod", m_fmod, 2, 2, VM_METH_NOKW, NULL},
    {"remainder", m_remainder, 2, 2, VM_METH_NOKW, NULL},
    {"atan2", m_atan2, 2, 2, VM_METH_NOKW, NULL},
    {"copysign", m_copysign, 2, 2, VM_METH_NOKW, NULL},
    {"pow", m_pow, 2, 2, VM_METH_NOKW, NULL},
    {"nextafter", m_nextafter, 2, 2, VM_METH_NOKW, NULL},
    {"ulp", m_ulp, 1, 1, VM_METH_NOKW, NULL},
    {"floor", m_floor, 1, 1, VM_METH_NOKW, NULL},
    {"ceil", m_ceil, 1, 1, VM_METH_NOKW, NULL},
    {"trunc", m_trunc, 1, 1, VM_METH_NOKW, NULL},
    {"frexp", m_frexp, 1, 1, VM_METH_NOKW, NULL},
    {"modf", m_modf, 1, 1, VM_METH_NOKW, NULL},
    {"ldexp", m_ldexp, 2, 2, VM_METH_NOKW, NULL},
    {"isfinite", m_isfinite, 1, 1, VM_METH_NOKW, NULL},
    {"isinf", m_isinf, 1, 1, VM_METH_NOKW, NULL},
    {"isnan", m_isnan, 1, 1, VM_METH_NOKW, NULL},
    {"isclose", m_isclose, 2, 2, 0, NULL},
    {"hypot", m_hypot, 0, -1, VM_METH_NOKW, NULL},
    {"_float", m_float_arg, 1, 1, VM_METH_NOKW, NULL},
    {"_index", m_index_arg, 1, 1, VM_METH_NOKW, NULL},
    {0},
};

static const char math_py[] =
    "def _prodrange(lo, hi):\n"
    "    if hi - lo < 16:\n"
    "        r = 1\n"
    "        for i in range(lo, hi + 1):\n"
    "            r *= i\n"
    "        return r\n"
    "    mid = (lo + hi) // 2\n"
    "    return _prodrange(lo, mid) * _prodrange(mid + 1, hi)\n"
    "def factorial(n, /, _index=_index):\n"
    "    n = _index(n)\n"
    "    if n < 0:\n"
    "        raise ValueError('factorial() not defined for negative values')\n"
    "    return _prodrange(1, n) if n > 1 else 1\n"
    "def isqrt(n, /, _index=_index):\n"
    "    n = _index(n)\n"
    "    if n < 0:\n"
    "        raise ValueError('isqrt() argument must be nonnegative')\n"
    "    if n == 0:\n"
    "        return 0\n"
    "    x = 1 << ((n.bit_length() + 1) // 2)\n"
    "    while True:\n"
    "        y = (x + n // x) // 2\n"
    "        if y >= x:\n"
    "            return x\n"
    "        x = y\n"
    "def gcd(*integers, _index=_index):\n"
    "    r = 0\n"
    "    for x in integers:\n"
    "        x = _index(x)\n"
    "        a, b = abs(r), abs(x)\n"
    "        while b:\n"
    "            a, b = b, a % b\n"
    "        r = a\n"
    "    return r\n"
    "def lcm(*integers, _index=_index):\n"
    "    r = 1\n"
    "    for x in integers:\n"
    "        x = _index(x)\n"
    "        if r == 0 or x == 0:\n"
    "            r = 0\n"
    "        else:\n"
    "            r = abs(r * x) // gcd(r, x)\n"
    "    return r\n"
    "def comb(n, k, /, _index=_index):\n"
    "    n = _index(n)\n"
    "    k = _index(k)\n"
    "    if n < 0:\n"
    "        raise ValueError('n must be a non-negative integer')\n"
    "    if k < 0:\n"
    "        raise ValueError('k must be a non-negative integer')\n"
    "    if k > n:\n"
    "        return 0\n"
    "    k = min(k, n - k)\n"
    "    r = 1\n"
    "    for i in range(1, k + 1):\n"
    "        r = r * (n - k + i) // i\n"
    "    return r\n"
    "def perm(n, k=None, /, _index=_index):\n"
    "    if k is None:\n"
    "        return factorial(n)\n"
    "    n = _index(n)\n"
    "    k = _index(k)\n"
    "    if n < 0:\n"
    "        raise ValueError('n must be a non-negative integer')\n"
    "    if k < 0:\n"
    "        raise ValueError('k must be a non-negative integer')\n"
    "    if k > n:\n"
    "        return 0\n"
    "    return _prodrange(n - k + 1, n) if k else 1\n"
    "def prod(iterable, /, *, start=1):\n"
    "    r = start\n"
    "    for x in iterable:\n"
    "        r = r * x\n"
    "    return r\n"
    "def dist(p, q, /, _float=_float):\n"
    "    p = tuple(p)\n"
    "    q = tuple(q)\n"
    "    if len(p) != len(q):\n"
    "        raise ValueError('both points must have the same number of dimensions')\n"
    "    return hypot(*[_float(a) - _float(b) for a, b in zip(p, q)])\n"
    "def fsum(seq, /, _float=_float):\n"
    "    partials = []\n"
    "    special_sum = 0.0\n"
    "    inf_sum = 0.0\n"
    "    for x in seq:\n"
    "        x = _float(x)\n"
    "        xsave = x\n"
    "        i = 0\n"
    "        for y in partials:\n"
    "            if abs(x) < abs(y):\n"
    "                x, y = y, x\n"
    "            hi = x + y\n"
    "            lo = y - (hi - x)\n"
    "            if lo != 0.0:\n"
    "                partials[i] = lo\n"
    "                i += 1\n"
    "            x = hi\n"
    "        del partials[i:]\n"
    "        if x != 0.0:\n"
    "            if not isfinite(x):\n"
    "                if isfinite(xsave):\n"
    "                    raise OverflowError('intermediate overflow in fsum')\n"
    "                if isinf(xsave):\n"
    "                    inf_sum += xsave\n"
    "                special_sum += xsave\n"
    "                del partials[:]\n"
    "            else:\n"
    "                partials.append(x)\n"
    "    if special_sum != 0.0:\n"
    "        if isnan(inf_sum):\n"
    "            raise ValueError('-inf + inf in fsum')\n"
    "        return special_sum\n"
    "    hi = 0.0\n"
    "    n = len(partials)\n"
    "    if n:\n"
    "        n -= 1\n"
    "        hi = partials[n]\n"
    "        lo = 0.0\n"
    "        while n > 0:\n"
    "            x = hi\n"
    "            n -= 1\n"
    "            y = partials[n]\n"
    "            hi = x + y\n"
    "            yr = hi - x\n"
    "            lo = y - yr\n"
    "            if lo != 0.0:\n"
    "                break\n"
    "        if n > 0 and ((lo < 0.0 and partials[n - 1] < 0.0) or\n"
    "                      (lo > 0.0 and partials[n - 1] > 0.0)):\n"
    "            y = lo * 2.0\n"
    "            x = hi + y\n"
    "            yr = x - hi\n"
    "            if y == yr:\n"
    "                hi = x\n"
    "    return hi\n"
    "for _f in (factorial, isqrt, gcd, lcm, comb, perm, prod, dist, fsum):\n"
    "    _f.__module__ = 'math'\n"
    "del _f, _float, _index\n";

static vm_value math_init(void)
{
    vm_value m = vm_module_new(vm_str_c("math"));
    if (!m)
        return vm_raise_nomem();
    if (vm_mod_add_functions(m, math_functions) < 0)
        return VM_NULL;
    vm_value d = vm_module_dict(m);
    if (vm_dict_setitem_c(d, "pi", vm_float_new(M_PI)) < 0
        || vm_dict_setitem_c(d, "e", vm_float_new(M_E)) < 0
        || vm_dict_setitem_c(d, "tau", vm_float_new(2 * M_PI)) < 0
        || vm_dict_setitem_c(d, "inf", vm_float_new(INFINITY)) < 0
        || vm_dict_setitem_c(d, "nan", vm_float_new(NAN)) < 0)
        return VM_NULL;
    if (vm_mod_exec(m, math_py, "<frozen math>") < 0)
        return VM_NULL;
    return m;
}

void vm_mod_math_register(void)
{
    vm_register_c_module("math", math_init);
}

/* vm/mod_cmath.c — the cmath module on C99 complex arithmetic (the special values are
 * libm's; CPython's tables agree for the common cases).  A NaN result from finite
 * arguments raises ValueError "math domain error", an infinite one OverflowError "math
 * range error". */
#include <complex.h>
#include <math.h>

#include "vm/interp.h"
#include "vm/mod_internal.h"

static bool as_complex(vm_value v, double complex *out)
{
    if (vm_is_ref(v) && vm_isinstance(v, VM_TYPE(COMPLEX))) {
        const vm_complex *c = vm_obj(v);
        *out = CMPLX(c->real, c->imag);
        return true;
    }
    bool found = false;
    if (vm_is_ref(v) && !vm_is_int(v) && !vm_isinstance(v, VM_TYPE(FLOAT))) {
        vm_value r = vm_call_special(v, "__complex__", NULL, 0, &found);
        if (found) {
            if (!r)
                return false;
            if (!vm_is_ref(r) || !vm_isinstance(r, VM_TYPE(COMPLEX))) {
                vm_raise(VM_TYPE(TypeError), "__complex__ returned non-complex (type %T)", r);
                return false;
            }
            const vm_complex *c = vm_obj(r);
            *out = CMPLX(c->real, c->imag);
            return true;
        }
        if (vm_error_pending())
            return false;
    }
    double d;
    if (!vm_as_double(v, &d)) {
        if (vm_exc_matches(VM_TYPE(TypeError)))
            vm_raise(VM_TYPE(TypeError), "must be real number, not %T", v);
        return false;
    }
    *out = CMPLX(d, 0.0);
    return true;
}

static vm_value result(double complex z, double complex arg)
{
    bool fin = isfinite(creal(arg)) && isfinite(cimag(arg));
    if (fin && (isnan(creal(z)) || isnan(cimag(z)))) {
        vm_raise(VM_TYPE(ValueError), "math domain error");
        return VM_NULL;
    }
    if (fin && (isinf(creal(z)) || isinf(cimag(z)))) {
        vm_raise(VM_TYPE(OverflowError), "math range error");
        return VM_NULL;
    }
    return vm_complex_new(creal(z), cimag(z));
}

static double complex z_log10(double complex z) { return clog(z) / log(10.0); }

#define C1(pyname, cfn)                                                                    \
    static vm_value c_##pyname(vm_value *args, int64_t nargs, vm_value kwnames)            \
    {                                                                                      \
        (void)nargs, (void)kwnames;                                                        \
        double complex z;                                                                  \
        if (!as_complex(args[0], &z))                                                      \
            return VM_NULL;                                                                \
        return result(cfn(z), z);                                                          \
    }
C1(sqrt, csqrt)
C1(exp, cexp)
C1(log10, z_log10)
C1(sin, csin)
C1(cos, ccos)
C1(tan, ctan)
C1(asin, casin)
C1(acos, cacos)
C1(atan, catan)
C1(sinh, csinh)
C1(cosh, ccosh)
C1(tanh, ctanh)
C1(asinh, casinh)
C1(acosh, cacosh)
C1(atanh, catanh)

static vm_value c_log(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    double complex z, b;
    if (!as_complex(args[0], &z))
        return VM_NULL;
    if (z == 0) {
        vm_raise(VM_TYPE(ValueError), "math domain error");
        return VM_NULL;
    }
    double complex r = clog(z);
    if (nargs > 1) {
        if (!as_complex(args[1], &b))
            return VM_NULL;
        double complex lb = clog(b);
        if (lb == 0) {
            vm_raise(VM_TYPE(ZeroDivisionError), "complex division by zero");
            return VM_NULL;
        }
        r /= lb;
    }
    return vm_complex_new(creal(r), cimag(r));
}

static vm_value c_phase(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double complex z;
    if (!as_complex(args[0], &z))
        return VM_NULL;
    return vm_float_new(carg(z));
}

static vm_value c_polar(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double complex z;
    if (!as_complex(args[0], &z))
        return VM_NULL;
    double r = hypot(creal(z), cimag(z));
    if (isinf(r) && isfinite(creal(z)) && isfinite(cimag(z))) {
        vm_raise(VM_TYPE(OverflowError), "math range error");
        return VM_NULL;
    }
    vm_value t = vm_tuple_new(2);
    if (!t)
        return vm_raise_nomem();
    vm_tuple_items(t)[0] = vm_float_new(r);
    vm_tuple_items(t)[1] = vm_float_new(carg(z));
    return t;
}

static vm_value c_rect(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double r, phi;
    if (!vm_as_double(args[0], &r) || !vm_as_double(args[1], &phi))
        return VM_NULL;
    if (phi == 0.0)
        return vm_complex_new(r, r == 0 || isnan(r) ? phi : phi * r);
    return vm_complex_new(r * cos(phi), r * sin(phi));
}

#define CPRED(pyname, expr)                                                                \
    static vm_value c_##pyname(vm_value *args, int64_t nargs, vm_value kwnames)            \
    {                                                                                      \
        (void)nargs, (void)kwnames;                                                        \
        double complex z;                                                                  \
        if (!as_complex(args[0], &z))                                                      \
            return VM_NULL;                                                                \
        double re = creal(z), im = cimag(z);                                               \
        return (expr) ? VM_TRUE : VM_FALSE;                                                \
    }
CPRED(isfinite, isfinite(re) && isfinite(im))
CPRED(isinf, isinf(re) || isinf(im))
CPRED(isnan, isnan(re) || isnan(im))

static vm_value c_isclose(vm_value *args, int64_t nargs, vm_value kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    vm_value a[4] = {0};
    if (!vm_bind_args("isclose", args, nargs, kwnames, names, 4, 2, 2, a))
        return VM_NULL;
    double complex x, y;
    double rel = 1e-09, abs_ = 0.0;
    if (!as_complex(a[0], &x) || !as_complex(a[1], &y))
        return VM_NULL;
    if ((a[2] && !vm_as_double(a[2], &rel)) || (a[3] && !vm_as_double(a[3], &abs_)))
        return VM_NULL;
    if (rel < 0.0 || abs_ < 0.0) {
        vm_raise(VM_TYPE(ValueError), "tolerances must be non-negative");
        return VM_NULL;
    }
    if (x == y)
        return VM_TRUE;
    if (isinf(creal(x)) || isinf(cimag(x)) || isinf(creal(y)) || isinf(cimag(y)))
        return VM_FALSE;
    double diff = cabs(x - y);
    bool r = diff <= rel * cabs(y) || diff <= rel * cabs(x) || diff <= abs_;
    return r ? VM_TRUE : VM_FALSE;
}

static const vm_method_def cmath_functions[] = {
    {"sqrt", c_sqrt, 1, 1, VM_METH_NOKW, NULL},
    {"exp", c_exp, 1, 1, VM_METH_NOKW, NULL},
    {"log", c_log, 1, 2, VM_METH_NOKW, NULL},
    {"log10", c_log10, 1, 1, VM_METH_NOKW, NULL},
    {"sin", c_sin, 1, 1, VM_METH_NOKW, NULL},
    {"cos", c_cos, 1, 1, VM_METH_NOKW, NULL},
    {"tan", c_tan, 1, 1, VM_METH_NOKW, NULL},
    {"asin", c_asin, 1, 1, VM_METH_NOKW, NULL},
    {"acos", c_acos, 1, 1, VM_METH_NOKW, NULL},
    {"atan", c_atan, 1, 1, VM_METH_NOKW, NULL},
    {"sinh", c_sinh, 1, 1, VM_METH_NOKW, NULL},
    {"cosh", c_cosh, 1, 1, VM_METH_NOKW, NULL},
    {"tanh", c_tanh, 1, 1, VM_METH_NOKW, NULL},
    {"asinh", c_asinh, 1, 1, VM_METH_NOKW, NULL},
    {"acosh", c_acosh, 1, 1, VM_METH_NOKW, NULL},
    {"atanh", c_atanh, 1, 1, VM_METH_NOKW, NULL},
    {"phase", c_phase, 1, 1, VM_METH_NOKW, NULL},
    {"polar", c_polar, 1, 1, VM_METH_NOKW, NULL},
    {"rect", c_rect, 2, 2, VM_METH_NOKW, NULL},
    {"isfinite", c_isfinite, 1, 1, VM_METH_NOKW, NULL},
    {"isinf", c_isinf, 1, 1, VM_METH_NOKW, NULL},
    {"isnan", c_isnan, 1, 1, VM_METH_NOKW, NULL},
    {"isclose", c_isclose, 2, 2, 0, NULL},
    {0},
};

static vm_value cmath_init(void)
{
    vm_value m = vm_module_new(vm_str_c("cmath"));
    if (!m)
        return vm_raise_nomem();
    if (vm_mod_add_functions(m, cmath_functions) < 0)
        return VM_NULL;
    vm_value d = vm_module_dict(m);
    if (vm_dict_setitem_c(d, "pi", vm_float_new(M_PI)) < 0
        || vm_dict_setitem_c(d, "e", vm_float_new(M_E)) < 0
        || vm_dict_setitem_c(d, "tau", vm_float_new(2 * M_PI)) < 0
        || vm_dict_setitem_c(d, "inf", vm_float_new(INFINITY)) < 0
        || vm_dict_setitem_c(d, "nan", vm_float_new(NAN)) < 0
        || vm_dict_setitem_c(d, "infj", vm_complex_new(0.0, INFINITY)) < 0
        || vm_dict_setitem_c(d, "nanj", vm_complex_new(0.0, NAN)) < 0)
        return VM_NULL;
    return m;
}

void vm_mod_cmath_register(void)
{
    vm_register_c_module("cmath", cmath_init);
}

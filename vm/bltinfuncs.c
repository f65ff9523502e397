/* vm/bltinfuncs.c — CPython 3.11's builtin functions that need no interpreter internals:
 * abs, aiter, all, any, anext, ascii, bin, breakpoint, callable, chr, delattr, divmod,
 * format, getattr, hasattr, hash, hex, id, input, isinstance, issubclass, iter, len, max,
 * min, next, oct, open (vm/fileobj.c), ord, pow, print, repr, round, setattr, sorted, sum.
 *
 * Each parses its arguments as CPython's does and words its errors the same way: three
 * styles coexist there (METH_O's "abs() takes exactly one argument (0 given)",
 * _PyArg_CheckPositional's "getattr expected at least 2 arguments, got 1", and Argument
 * Clinic's keyword parsing "pow() missing required argument 'exp' (pos 2)"), so the
 * method defs below accept any count and the functions check for themselves.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bltinfuncs.h"
#include "vm/numfmt.h"
#include "vm/opcodes.h"

/* ---------------------------------------------------------------------------------------
 * Argument parsing
 */
static const char *plural(int64_t n) { return n == 1 ? "" : "s"; }

static int64_t nkwargs(vm_value kwnames) { return kwnames ? vm_tuple_length(kwnames) : 0; }

bool vm_bltin_nokw(const char *fname, vm_value kwnames)
{
    if (nkwargs(kwnames) > 0) {
        vm_raise(VM_TYPE(TypeError), "%s() takes no keyword arguments", fname);
        return false;
    }
    return true;
}

bool vm_bltin_npos(const char *fname, int64_t nargs, vm_value kwnames, int min, int max)
{
    if (!vm_bltin_nokw(fname, kwnames))
        return false;
    if (nargs < min || (max >= 0 && nargs > max)) {
        int n = nargs < min ? min : max;
        const char *how = min == max ? "" : nargs < min ? "at least " : "at most ";
        vm_raise(VM_TYPE(TypeError), "%s expected %s%d argument%s, got %ld", fname, how, n,
                 plural(n), (long)nargs);
        return false;
    }
    return true;
}

/* METH_O */
static bool exactly_one(const char *fname, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_nokw(fname, kwnames))
        return false;
    if (nargs != 1) {
        vm_raise(VM_TYPE(TypeError), "%s() takes exactly one argument (%ld given)", fname,
                 (long)nargs);
        return false;
    }
    return true;
}

bool vm_bltin_parse(const char *fname, vm_value *args, int64_t nargs, vm_value kwnames,
                    const char *const *names, int nnames, int nposonly, int maxpos,
                    int nreq, vm_value *out)
{
    int64_t nkw = nkwargs(kwnames);
    if (nargs > maxpos) {
        if (maxpos == 0)
            vm_raise(VM_TYPE(TypeError), "%s() takes no positional arguments", fname);
        else
            vm_raise(VM_TYPE(TypeError), "%s() takes %s %d argument%s (%ld given)", fname,
                     nreq < maxpos ? "at most" : "exactly", maxpos, plural(maxpos),
                     (long)nargs);
        return false;
    }
    int minposonly = nreq < nposonly ? nreq : nposonly;
    if (nargs < minposonly) {
        vm_raise(VM_TYPE(TypeError), "%s() takes %s %d positional argument%s (%ld given)",
                 fname, minposonly < maxpos ? "at least" : "exactly", minposonly,
                 plural(minposonly), (long)nargs);
        return false;
    }
    uint64_t used = 0;          /* keywords consumed (at most 64 checked) */
    for (int i = 0; i < nnames; i++) {
        out[i] = i < nargs ? args[i] : VM_NULL;
        if (i < nargs || i < nposonly)
            continue;
        for (int64_t k = 0; k < nkw; k++) {
            if (vm_str_eq_c(vm_tuple_items(kwnames)[k], names[i])) {
                out[i] = args[nargs + k];
                if (k < 64)
                    used |= UINT64_C(1) << k;
                break;
            }
        }
        if (!out[i] && i < nreq) {
            vm_raise(VM_TYPE(TypeError), "%s() missing required argument '%s' (pos %d)",
                     fname, names[i], i + 1);
            return false;
        }
    }
    for (int64_t k = 0; k < nkw && k < 64; k++) {
        if (used & (UINT64_C(1) << k))
            continue;
        vm_value key = vm_tuple_items(kwnames)[k];
        for (int i = nposonly; i < nargs && i < nnames; i++) {
            if (vm_str_eq_c(key, names[i])) {
                vm_raise(VM_TYPE(TypeError),
                         "argument for %s() given by name ('%s') and position (%d)", fname,
                         names[i], i + 1);
                return false;
            }
        }
        vm_raise(VM_TYPE(TypeError), "'%U' is an invalid keyword argument for %s()", key,
                 fname);
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Helpers
 */
/* Interned keys made once at start-up (sys attributes print and input look up on every
 * call). */
enum { K_STDOUT, K_STDIN, K_STDERR, K_NKEYS };
static stm_ref sys_keys[K_NKEYS];

static vm_value sys_attr(const char *name)
{
    if (!vm_sys_module)
        return VM_NULL;
    return vm_dict_getitem_c(vm_module_dict(vm_sys_module), name);
}

static vm_value sys_key(int k)
{
    if (!vm_sys_module)
        return VM_NULL;
    if (sys_keys[k] == STM_NULL)
        return sys_attr(k == K_STDOUT ? "stdout" : k == K_STDIN ? "stdin" : "stderr");
    return vm_dict_getitem(vm_module_dict(vm_sys_module), (vm_value)sys_keys[k]);
}

static bool is_exact_float(vm_value v)
{
    return vm_has_layout(v, VM_L_FLOAT) && vm_type_of(v) == VM_TYPE(FLOAT);
}

static bool is_exact_int(vm_value v)
{
    return vm_is_small(v) || (vm_has_layout(v, VM_L_INT) && vm_type_of(v) == VM_TYPE(INT));
}

/* An int, a bool or an instance of an int subclass. */
static bool is_intlike(vm_value v)
{
    return vm_is_small(v) || vm_has_layout(v, VM_L_INT) || v == VM_TRUE || v == VM_FALSE;
}

/* A view of an int-like value (bools as 0 and 1). */
static void int_view(vm_value v, vm_bigint *view, uint32_t tmp[2])
{
    if (v == VM_TRUE)
        v = vm_small(1);
    else if (v == VM_FALSE)
        v = vm_small(0);
    vm_int_view(v, view, tmp);
}

static bool int_to_int64(vm_value v, int64_t *out)
{
    if (vm_is_small(v)) {
        *out = vm_small_value(v);
        return true;
    }
    vm_bigint view;
    uint32_t tmp[2];
    int_view(v, &view, tmp);
    return vm_bigint_to_int64(&view, out);
}

static vm_value raise_numfmt(vm_numfmt_status st, vm_buf *err)
{
    vm_value type;
    switch (st) {
    case VM_NUMFMT_OVERFLOW_ERROR: type = VM_TYPE(OverflowError); break;
    case VM_NUMFMT_ZERO_DIVISION_ERROR: type = VM_TYPE(ZeroDivisionError); break;
    case VM_NUMFMT_TYPE_ERROR: type = VM_TYPE(TypeError); break;
    case VM_NUMFMT_MEMORY_ERROR: vm_buf_free(err); return vm_raise_nomem();
    default: type = VM_TYPE(ValueError); break;
    }
    vm_raise(type, "%s", err->data ? err->data : "");
    vm_buf_free(err);
    return VM_NULL;
}

static void raise_stop_iteration(void)
{
    vm_value exc = vm_call0(VM_TYPE(StopIteration));
    if (exc)
        vm_raise_value(exc);
}

static vm_value str_from_buf(vm_buf *b)
{
    vm_value r = vm_str_from_utf8(b->data ? b->data : "", b->len);
    vm_buf_free(b);
    return r ? r : vm_raise_nomem();
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

static bool check_attr_name(vm_value name)
{
    if (!vm_isinstance(name, VM_TYPE(STR))) {
        vm_raise(VM_TYPE(TypeError), "attribute name must be string, not '%T'", name);
        return false;
    }
    return true;
}

static bool is_callable(vm_value v)
{
    if (vm_is_type_object(v))
        return true;
    if (vm_is_type(v, VM_T_FUNCTION) || vm_is_type(v, VM_T_METHOD)
        || vm_is_type(v, VM_T_BUILTIN_FUNCTION) || vm_is_type(v, VM_T_METHOD_DESCRIPTOR)
        || vm_is_type(v, VM_T_CLASSMETHOD_DESCRIPTOR)
        || vm_is_type(v, VM_T_WRAPPER_DESCRIPTOR))
        return true;
    return vm_type_lookup_c(vm_type_of(v), "__call__") != VM_NULL;
}

/* a OP b through __op__/__rop__ with the reflected method first for a subclass that
 * overrides it (binary_op1's order). */
static vm_value binary_special(vm_value a, vm_value b, const char *op, const char *rop,
                               const char *opname)
{
    vm_value ta = vm_type_of(a), tb = vm_type_of(b);
    bool found, b_first = false;
    if (ta != tb && vm_is_subtype(tb, ta)) {
        vm_value rb = vm_type_lookup_c(tb, rop);
        b_first = rb && rb != vm_type_lookup_c(ta, rop);
    }
    vm_value r;
    if (b_first) {
        r = vm_call_special(b, rop, &a, 1, &found);
        if (found && (!r || r != VM_NOTIMPLEMENTED))
            return r;
    }
    r = vm_call_special(a, op, &b, 1, &found);
    if (found && (!r || r != VM_NOTIMPLEMENTED))
        return r;
    if (ta != tb && !b_first) {
        r = vm_call_special(b, rop, &a, 1, &found);
        if (found && (!r || r != VM_NOTIMPLEMENTED))
            return r;
    }
    vm_raise(VM_TYPE(TypeError), "unsupported operand type(s) for %s: '%T' and '%T'", opname,
             a, b);
    return VM_NULL;
}

/* file.write(s): our text files directly, any other object through its write method. */
static int write_to(vm_value file, vm_value s)
{
    if (vm_file_is_text(file))
        return vm_file_write_text(file, s);
    vm_value w = vm_getattr_c(file, "write");
    if (!w)
        return -1;
    return vm_call1(w, s) ? 0 : -1;
}

static int flush_file(vm_value file)
{
    if (vm_file_is_text(file))
        return vm_file_flush(file);
    return vm_call_method(file, "flush", NULL, 0) ? 0 : -1;
}

/* ---------------------------------------------------------------------------------------
 * The functions
 */
static vm_value b_abs(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!exactly_one("abs", nargs, kwnames))
        return VM_NULL;
    vm_value x = args[0];
    if (vm_is_small(x)) {
        int64_t v = vm_small_value(x);
        return v >= 0 ? x : vm_int_from_int64(-v);
    }
    if (is_exact_float(x)) {
        double d = vm_float_value(x);
        return d >= 0 && !signbit(d) ? x : vm_float_new(fabs(d));
    }
    bool found;
    vm_value r = vm_call_special(x, "__abs__", NULL, 0, &found);
    if (!found)
        vm_raise(VM_TYPE(TypeError), "bad operand type for abs(): '%T'", x);
    return r;
}

static vm_value all_any(vm_value *args, int64_t nargs, vm_value kwnames, const char *name,
                        bool want)
{
    if (!exactly_one(name, nargs, kwnames))
        return VM_NULL;
    vm_value it = vm_iter(args[0]);
    if (!it)
        return VM_NULL;
    for (;;) {
        vm_value item = vm_next(it);
        if (!item)
            break;
        int t = vm_truth(item);
        if (t < 0)
            return VM_NULL;
        if ((t != 0) == want)
            return want ? VM_TRUE : VM_FALSE;
    }
    if (vm_error_pending())
        return VM_NULL;
    return want ? VM_FALSE : VM_TRUE;
}

static vm_value b_all(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return all_any(args, nargs, kwnames, "all", false);
}

static vm_value b_any(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return all_any(args, nargs, kwnames, "any", true);
}

static vm_value b_ascii(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!exactly_one("ascii", nargs, kwnames))
        return VM_NULL;
    return vm_ascii(args[0]);
}

static vm_value int_in_base(const char *name, vm_value *args, int64_t nargs,
                            vm_value kwnames, unsigned base)
{
    if (!exactly_one(name, nargs, kwnames))
        return VM_NULL;
    vm_value i = vm_index_value(args[0]);
    if (!i)
        return VM_NULL;
    vm_bigint view;
    uint32_t tmp[2];
    int_view(i, &view, tmp);
    vm_buf out = {0}, err = {0};
    vm_numfmt_status st = vm_numfmt_int_to_str(&out, &view, base, true, 0, &err);
    if (st != VM_NUMFMT_OK) {
        vm_buf_free(&out);
        return raise_numfmt(st, &err);
    }
    vm_buf_free(&err);
    return str_from_buf(&out);
}

static vm_value b_bin(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return int_in_base("bin", args, nargs, kwnames, 2);
}

static vm_value b_oct(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return int_in_base("oct", args, nargs, kwnames, 8);
}

static vm_value b_hex(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return int_in_base("hex", args, nargs, kwnames, 16);
}

static vm_value b_breakpoint(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value hook = sys_attr("breakpointhook");
    if (!hook) {
        if (!vm_error_pending())
            vm_raise(VM_TYPE(RuntimeError), "lost sys.breakpointhook");
        return VM_NULL;
    }
    return vm_call(hook, args, nargs, kwnames);
}

static vm_value b_callable(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!exactly_one("callable", nargs, kwnames))
        return VM_NULL;
    return is_callable(args[0]) ? VM_TRUE : VM_FALSE;
}

static vm_value b_chr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!exactly_one("chr", nargs, kwnames))
        return VM_NULL;
    vm_value i = vm_index_value(args[0]);
    if (!i)
        return VM_NULL;
    int64_t v;
    if (!int_to_int64(i, &v) || v < INT32_MIN || v > INT32_MAX) {
        vm_raise(VM_TYPE(OverflowError), "Python int too large to convert to C int");
        return VM_NULL;
    }
    if (v < 0 || v > 0x10ffff) {
        vm_raise(VM_TYPE(ValueError), "chr() arg not in range(0x110000)");
        return VM_NULL;
    }
    uint32_t cp = (uint32_t)v;
    vm_value r = vm_str_from_ustr(vm_ustr_make(&cp, 1, 4));
    return r ? r : vm_raise_nomem();
}

static vm_value b_ord(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!exactly_one("ord", nargs, kwnames))
        return VM_NULL;
    vm_value c = args[0];
    int64_t len;
    if (vm_isinstance(c, VM_TYPE(STR))) {
        vm_ustr s = vm_str_view(c);
        if (s.len == 1)
            return vm_small(vm_ustr_get(s, 0));
        len = (int64_t)s.len;
    } else if (vm_isinstance(c, VM_TYPE(BYTES))) {
        const vm_bytes *b = vm_obj(c);
        if (b->length == 1)
            return vm_small(b->data[0]);
        len = b->length;
    } else if (vm_isinstance(c, VM_TYPE(BYTEARRAY))) {
        len = vm_len(c);
        if (len < 0)
            return VM_NULL;
        if (len == 1)
            return vm_getitem(c, vm_small(0));
    } else {
        vm_raise(VM_TYPE(TypeError), "ord() expected string of length 1, but %T found", c);
        return VM_NULL;
    }
    vm_raise(VM_TYPE(TypeError), "ord() expected a character, but string of length %ld found",
             (long)len);
    return VM_NULL;
}

static vm_value b_delattr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("delattr", nargs, kwnames, 2, 2) || !check_attr_name(args[1]))
        return VM_NULL;
    return vm_setattr(args[0], args[1], VM_NULL) < 0 ? VM_NULL : VM_NONE;
}

static vm_value b_setattr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("setattr", nargs, kwnames, 3, 3) || !check_attr_name(args[1]))
        return VM_NULL;
    return vm_setattr(args[0], args[1], args[2]) < 0 ? VM_NULL : VM_NONE;
}

static vm_value b_getattr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("getattr", nargs, kwnames, 2, 3) || !check_attr_name(args[1]))
        return VM_NULL;
    if (nargs == 2)
        return vm_getattr(args[0], args[1]);
    vm_value r = vm_getattr_opt(args[0], args[1]);
    if (r || vm_error_pending())
        return r;
    return args[2];
}

static vm_value b_hasattr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("hasattr", nargs, kwnames, 2, 2) || !check_attr_name(args[1]))
        return VM_NULL;
    vm_value r = vm_getattr_opt(args[0], args[1]);
    if (r)
        return VM_TRUE;
    return vm_error_pending() ? VM_NULL : VM_FALSE;
}

static vm_value b_divmod(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("divmod", nargs, kwnames, 2, 2))
        return VM_NULL;
    vm_value a = args[0], b = args[1];
    if (vm_is_small(a) && vm_is_small(b)) {
        int64_t x = vm_small_value(a), y = vm_small_value(b);
        if (y == 0) {
            vm_raise(VM_TYPE(ZeroDivisionError), "integer division or modulo by zero");
            return VM_NULL;
        }
        int64_t q = x / y, r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) {
            r += y;
            q -= 1;
        }
        return pair(vm_int_from_int64(q), vm_int_from_int64(r));
    }
    if ((is_exact_float(a) || vm_is_small(a)) && (is_exact_float(b) || vm_is_small(b))) {
        double x = vm_is_small(a) ? (double)vm_small_value(a) : vm_float_value(a);
        double y = vm_is_small(b) ? (double)vm_small_value(b) : vm_float_value(b);
        double q, m;
        vm_buf err = {0};
        vm_numfmt_status st = vm_numfmt_float_divmod(x, y, &q, &m, &err);
        if (st != VM_NUMFMT_OK)
            return raise_numfmt(st, &err);
        vm_buf_free(&err);
        return pair(vm_float_new(q), vm_float_new(m));
    }
    return binary_special(a, b, "__divmod__", "__rdivmod__", "divmod()");
}

static vm_value b_pow(vm_value *args, int64_t nargs, vm_value kwnames)
{
    static const char *const names[] = {"base", "exp", "mod"};
    vm_value a[3];
    if (!vm_bltin_parse("pow", args, nargs, kwnames, names, 3, 0, 3, 2, a))
        return VM_NULL;
    vm_value base = a[0], exp = a[1], mod = a[2];
    if (!mod || mod == VM_NONE)
        return vm_binary_op(base, exp, VM_NB_POWER);
    if (is_intlike(base) && is_intlike(exp) && is_intlike(mod)
        && vm_type_lookup_c(vm_type_of(base), "__pow__")
               == vm_type_lookup_c(VM_TYPE(INT), "__pow__")) {
        vm_bigint b, e, m, r;
        uint32_t tb[2], te[2], tm[2];
        int_view(base, &b, tb);
        int_view(exp, &e, te);
        int_view(mod, &m, tm);
        if (vm_bigint_is_zero(&m)) {
            vm_raise(VM_TYPE(ValueError), "pow() 3rd argument cannot be 0");
            return VM_NULL;
        }
        size_t cap = vm_bigint_powmod_cap(&b, &e, &m);
        r.d = malloc(cap * sizeof(uint32_t));
        if (!r.d)
            return vm_raise_nomem();
        vm_bigint_status st = vm_bigint_powmod(&r, &b, &e, &m);
        vm_value res = VM_NULL;
        if (st == VM_BIGINT_OK) {
            res = vm_int_from_bigint(&r);
            if (!res)
                vm_raise_nomem();
        } else if (st == VM_BIGINT_ZERO_DIVISION) {
            vm_raise(VM_TYPE(ValueError), "pow() 3rd argument cannot be 0");
        } else if (st == VM_BIGINT_NOT_INVERTIBLE) {
            vm_raise(VM_TYPE(ValueError), "base is not invertible for the given modulus");
        } else {
            vm_raise_nomem();
        }
        free(r.d);
        return res;
    }
    bool numeric = true, any_float = false;
    vm_value three[3] = {base, exp, mod};
    for (int i = 0; i < 3; i++) {
        if (vm_isinstance(three[i], VM_TYPE(FLOAT)))
            any_float = true;
        else if (!is_intlike(three[i]))
            numeric = false;
    }
    if (numeric && any_float) {
        vm_raise(VM_TYPE(TypeError),
                 "pow() 3rd argument not allowed unless all arguments are integers");
        return VM_NULL;
    }
    bool found;
    vm_value pargs[2] = {exp, mod};
    vm_value r = vm_call_special(base, "__pow__", pargs, 2, &found);
    if (found && (!r || r != VM_NOTIMPLEMENTED))
        return r;
    vm_raise(VM_TYPE(TypeError), "unsupported operand type(s) for ** or pow(): '%T', '%T', '%T'",
             base, exp, mod);
    return VM_NULL;
}

static vm_value b_format(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("format", nargs, kwnames, 1, 2))
        return VM_NULL;
    vm_value spec;
    if (nargs > 1) {
        spec = args[1];
        if (!vm_isinstance(spec, VM_TYPE(STR))) {
            vm_raise(VM_TYPE(TypeError), "format() argument 2 must be str, not %T", spec);
            return VM_NULL;
        }
    } else {
        spec = vm_intern("");
    }
    return vm_format_value(args[0], spec);
}

static vm_value b_hash(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!exactly_one("hash", nargs, kwnames))
        return VM_NULL;
    int64_t h;
    if (vm_hash_value(args[0], &h) < 0)
        return VM_NULL;
    return vm_int_from_int64(h);
}

static vm_value b_id(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!exactly_one("id", nargs, kwnames))
        return VM_NULL;
    vm_value v = args[0];
    if (vm_is_small(v)) {
        /* Odd, so never the (16-byte aligned) id of an object; non-negative like an
         * address. */
        uint64_t id = v;
        if (id <= (uint64_t)INT64_MAX)
            return vm_int_from_int64((int64_t)id);
        vm_bigint b;
        uint32_t limbs[2] = {(uint32_t)id, (uint32_t)(id >> 32)};
        b.d = limbs;
        b.n = 2;
        b.neg = false;
        vm_value r = vm_int_from_bigint(&b);
        return r ? r : vm_raise_nomem();
    }
    return vm_int_from_int64((int64_t)stm_id((stm_ref)v));
}

static vm_value b_input(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("input", nargs, kwnames, 0, 1))
        return VM_NULL;
    vm_value fin = sys_key(K_STDIN), fout = sys_key(K_STDOUT), ferr = sys_key(K_STDERR);
    if (vm_error_pending())
        return VM_NULL;
    if (!fin || fin == VM_NONE) {
        vm_raise(VM_TYPE(RuntimeError), "input(): lost sys.stdin");
        return VM_NULL;
    }
    if (!fout || fout == VM_NONE) {
        vm_raise(VM_TYPE(RuntimeError), "input(): lost sys.stdout");
        return VM_NULL;
    }
    if (!ferr || ferr == VM_NONE) {
        vm_raise(VM_TYPE(RuntimeError), "input(): lost sys.stderr");
        return VM_NULL;
    }
    if (flush_file(ferr) < 0)
        vm_exc_clear();
    if (nargs > 0) {
        vm_value prompt = vm_str_of(args[0]);
        if (!prompt || write_to(fout, prompt) < 0)
            return VM_NULL;
    }
    if (flush_file(fout) < 0)
        return VM_NULL;
    vm_value line = vm_file_is_text(fin) ? vm_file_readline_text(fin)
                                         : vm_call_method(fin, "readline", NULL, 0);
    if (!line)
        return VM_NULL;
    if (!vm_isinstance(line, VM_TYPE(STR))) {
        vm_raise(VM_TYPE(TypeError), "object.readline() returned non-string");
        return VM_NULL;
    }
    vm_ustr s = vm_str_view(line);
    if (s.len == 0) {
        vm_raise(VM_TYPE(EOFError), "EOF when reading a line");
        return VM_NULL;
    }
    if (vm_ustr_get(s, s.len - 1) == '\n') {
        vm_value r = vm_str_from_ustr(vm_ustr_slice(s, 0, s.len - 1));
        return r ? r : vm_raise_nomem();
    }
    return line;
}

/* isinstance/issubclass over (nested) tuples of classes. */
static int class_check(vm_value obj, vm_value cls, bool instance, int depth)
{
    if (instance && vm_type_of(obj) == cls)
        return 1;
    if (vm_isinstance(cls, VM_TYPE(TUPLE))) {
        if (depth > 1000) {
            vm_raise(VM_TYPE(RecursionError), "maximum recursion depth exceeded in %s",
                     instance ? "__instancecheck__" : "__subclasscheck__");
            return -1;
        }
        int64_t n = vm_tuple_length(cls);
        for (int64_t i = 0; i < n; i++) {
            int r = class_check(obj, vm_tuple_items(cls)[i], instance, depth + 1);
            if (r != 0)
                return r;
        }
        return 0;
    }
    int result = 0;
    bool ok = instance ? vm_isinstance_check(obj, cls, &result)
                       : vm_issubclass_check(obj, cls, &result);
    return ok ? (result != 0) : -1;
}

static vm_value b_isinstance(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("isinstance", nargs, kwnames, 2, 2))
        return VM_NULL;
    int r = class_check(args[0], args[1], true, 0);
    return r < 0 ? VM_NULL : r ? VM_TRUE : VM_FALSE;
}

static vm_value b_issubclass(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("issubclass", nargs, kwnames, 2, 2))
        return VM_NULL;
    int r = class_check(args[0], args[1], false, 0);
    return r < 0 ? VM_NULL : r ? VM_TRUE : VM_FALSE;
}

static vm_value b_iter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("iter", nargs, kwnames, 1, 2))
        return VM_NULL;
    if (nargs == 1)
        return vm_iter(args[0]);
    if (!is_callable(args[0])) {
        vm_raise(VM_TYPE(TypeError), "iter(v, w): v must be callable");
        return VM_NULL;
    }
    vm_value it = vm_obj_new(VM_TYPE(CALLABLE_ITERATOR), 2);
    if (!it)
        return vm_raise_nomem();
    vm_fields(it)[0] = args[0];
    vm_fields(it)[1] = args[1];
    return it;
}

static vm_value b_len(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!exactly_one("len", nargs, kwnames))
        return VM_NULL;
    int64_t n = vm_len(args[0]);
    return n < 0 ? VM_NULL : vm_int_from_int64(n);
}

static vm_value min_max(vm_value *args, int64_t nargs, vm_value kwnames, int op,
                        const char *name)
{
    if (nargs == 0) {
        vm_raise(VM_TYPE(TypeError), "%s expected at least 1 argument, got 0", name);
        return VM_NULL;
    }
    vm_value key = VM_NULL, dflt = VM_NULL;
    for (int64_t k = 0; k < nkwargs(kwnames); k++) {
        vm_value kn = vm_tuple_items(kwnames)[k];
        if (vm_str_eq_c(kn, "key"))
            key = args[nargs + k];
        else if (vm_str_eq_c(kn, "default"))
            dflt = args[nargs + k];
        else {
            vm_raise(VM_TYPE(TypeError), "'%U' is an invalid keyword argument for %s()", kn,
                     name);
            return VM_NULL;
        }
    }
    if (key == VM_NONE)
        key = VM_NULL;
    if (nargs > 1 && dflt) {
        vm_raise(VM_TYPE(TypeError),
                 "Cannot specify a default for %s() with multiple positional arguments", name);
        return VM_NULL;
    }
    vm_value it = VM_NULL;
    if (nargs == 1) {
        it = vm_iter(args[0]);
        if (!it)
            return VM_NULL;
    }
    vm_value best = VM_NULL, best_key = VM_NULL;
    for (int64_t i = 0;; i++) {
        vm_value item;
        if (it) {
            item = vm_next(it);
            if (!item) {
                if (vm_error_pending())
                    return VM_NULL;
                break;
            }
        } else {
            if (i >= nargs)
                break;
            item = args[i];
        }
        vm_value k = key ? vm_call1(key, item) : item;
        if (!k)
            return VM_NULL;
        if (!best) {
            best = item;
            best_key = k;
            continue;
        }
        int c = vm_compare_bool(k, best_key, op);
        if (c < 0)
            return VM_NULL;
        if (c) {
            best = item;
            best_key = k;
        }
    }
    if (best)
        return best;
    if (dflt)
        return dflt;
    vm_raise(VM_TYPE(ValueError), "%s() arg is an empty sequence", name);
    return VM_NULL;
}

static vm_value b_max(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return min_max(args, nargs, kwnames, VM_CMP_GT, "max");
}

static vm_value b_min(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return min_max(args, nargs, kwnames, VM_CMP_LT, "min");
}

static vm_value b_next(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("next", nargs, kwnames, 1, 2))
        return VM_NULL;
    vm_value it = args[0];
    bool handled = false;
    vm_value r = vm_builtin_next(it, &handled);
    if (!handled) {
        bool found;
        r = vm_call_special(it, "__next__", NULL, 0, &found);
        if (!found) {
            vm_raise(VM_TYPE(TypeError), "'%T' object is not an iterator", it);
            return VM_NULL;
        }
    }
    if (r)
        return r;
    if (vm_error_pending()) {
        if (nargs > 1 && vm_exc_matches(VM_TYPE(StopIteration))) {
            vm_exc_clear();
            return args[1];
        }
        return VM_NULL;
    }
    if (nargs > 1)
        return args[1];
    raise_stop_iteration();
    return VM_NULL;
}

static vm_value b_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!exactly_one("repr", nargs, kwnames))
        return VM_NULL;
    return vm_repr(args[0]);
}

static vm_value b_print(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value sep = VM_NULL, end = VM_NULL, file = VM_NULL, flush = VM_NULL;
    for (int64_t k = 0; k < nkwargs(kwnames); k++) {
        vm_value kn = vm_tuple_items(kwnames)[k], v = args[nargs + k];
        if (vm_str_eq_c(kn, "sep"))
            sep = v;
        else if (vm_str_eq_c(kn, "end"))
            end = v;
        else if (vm_str_eq_c(kn, "file"))
            file = v;
        else if (vm_str_eq_c(kn, "flush"))
            flush = v;
        else {
            vm_raise(VM_TYPE(TypeError), "'%U' is an invalid keyword argument for print()", kn);
            return VM_NULL;
        }
    }
    if (!file || file == VM_NONE) {
        file = sys_key(K_STDOUT);
        if (!file) {
            if (!vm_error_pending())
                vm_raise(VM_TYPE(RuntimeError), "lost sys.stdout");
            return VM_NULL;
        }
        if (file == VM_NONE)
            return VM_NONE;
    }
    if (sep == VM_NONE)
        sep = VM_NULL;
    else if (sep && !vm_isinstance(sep, VM_TYPE(STR))) {
        vm_raise(VM_TYPE(TypeError), "sep must be None or a string, not %T", sep);
        return VM_NULL;
    }
    if (end == VM_NONE)
        end = VM_NULL;
    else if (end && !vm_isinstance(end, VM_TYPE(STR))) {
        vm_raise(VM_TYPE(TypeError), "end must be None or a string, not %T", end);
        return VM_NULL;
    }
    if (vm_file_is_text(file)) {
        /* our file: the pieces go to its buffer in one write */
        if (nargs + 1 > 256 - 1)
            goto generic;
        vm_value pieces[256];
        for (int64_t i = 0; i < nargs; i++) {
            pieces[i] = vm_str_of(args[i]);
            if (!pieces[i])
                return VM_NULL;
        }
        if (vm_file_write_print(file, pieces, nargs, sep, end) < 0)
            return VM_NULL;
    } else {
    generic:
        for (int64_t i = 0; i < nargs; i++) {
            if (i > 0 && write_to(file, sep ? sep : vm_intern(" ")) < 0)
                return VM_NULL;
            vm_value s = vm_str_of(args[i]);
            if (!s || write_to(file, s) < 0)
                return VM_NULL;
        }
        if (write_to(file, end ? end : vm_intern("\n")) < 0)
            return VM_NULL;
    }
    if (flush) {
        int t = vm_truth(flush);
        if (t < 0 || (t && flush_file(file) < 0))
            return VM_NULL;
    }
    return VM_NONE;
}

static vm_value b_round(vm_value *args, int64_t nargs, vm_value kwnames)
{
    static const char *const names[] = {"number", "ndigits"};
    vm_value a[2];
    if (!vm_bltin_parse("round", args, nargs, kwnames, names, 2, 0, 2, 1, a))
        return VM_NULL;
    vm_value x = a[0], nd = a[1] == VM_NONE ? VM_NULL : a[1];
    vm_buf err = {0};
    if (is_exact_float(x)) {
        double d = vm_float_value(x), out;
        if (!nd) {
            vm_numfmt_status st = vm_numfmt_round_double_to_int(d, &out, &err);
            if (st != VM_NUMFMT_OK)
                return raise_numfmt(st, &err);
            vm_buf_free(&err);
            if (fabs(out) < 9.0e18)
                return vm_int_from_int64((int64_t)out);
            vm_bigint r;
            r.d = malloc(vm_bigint_from_double_cap(out) * sizeof(uint32_t));
            if (!r.d)
                return vm_raise_nomem();
            vm_bigint_from_double(&r, out);
            vm_value res = vm_int_from_bigint(&r);
            free(r.d);
            return res ? res : vm_raise_nomem();
        }
        int64_t n;
        if (!vm_index_clamped(nd, &n))
            return VM_NULL;
        vm_numfmt_status st = vm_numfmt_round_double(d, n, &out, &err);
        if (st != VM_NUMFMT_OK)
            return raise_numfmt(st, &err);
        vm_buf_free(&err);
        return vm_float_new(out);
    }
    if (is_exact_int(x)) {
        if (!nd)
            return x;
        int64_t n;
        if (!vm_index_clamped(nd, &n))
            return VM_NULL;
        if (n >= 0)
            return x;
        vm_bigint view;
        uint32_t tmp[2];
        int_view(x, &view, tmp);
        /* 10**-n beyond twice the value: the result is 0 (and CPython's 10**huge never
         * finishes) */
        if ((uint64_t)(-(n + 1)) > vm_bigint_bit_length(&view) / 3 + 2)
            return vm_small(0);
        vm_bigint r = {0};
        vm_numfmt_status st = vm_numfmt_round_int(&view, n, &r, &err);
        if (st != VM_NUMFMT_OK)
            return raise_numfmt(st, &err);
        vm_buf_free(&err);
        vm_value res = vm_int_from_bigint(&r);
        free(r.d);
        return res ? res : vm_raise_nomem();
    }
    bool found;
    vm_value r = vm_call_special(x, "__round__", nd ? &nd : NULL, nd ? 1 : 0, &found);
    if (!found)
        vm_raise(VM_TYPE(TypeError), "type %N doesn't define __round__ method", vm_type_of(x));
    return r;
}

static vm_value b_sorted(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (nargs != 1) {
        vm_raise(VM_TYPE(TypeError), "sorted expected 1 argument, got %ld", (long)nargs);
        return VM_NULL;
    }
    vm_value key = VM_NULL, rev = VM_NULL;
    for (int64_t k = 0; k < nkwargs(kwnames); k++) {
        vm_value kn = vm_tuple_items(kwnames)[k];
        if (vm_str_eq_c(kn, "key"))
            key = args[nargs + k];
        else if (vm_str_eq_c(kn, "reverse"))
            rev = args[nargs + k];
        else {
            vm_raise(VM_TYPE(TypeError), "'%U' is an invalid keyword argument for sort()", kn);
            return VM_NULL;
        }
    }
    int64_t reverse = 0;
    if (rev && !vm_index(rev, &reverse))
        return VM_NULL;
    vm_value list = vm_list_from_iterable(args[0]);
    if (!list)
        return VM_NULL;
    if (vm_list_sort(list, key == VM_NONE ? VM_NULL : key, reverse != 0) < 0)
        return VM_NULL;
    return list;
}

static vm_value b_sum(vm_value *args, int64_t nargs, vm_value kwnames)
{
    static const char *const names[] = {"iterable", "start"};
    vm_value a[2];
    if (!vm_bltin_parse("sum", args, nargs, kwnames, names, 2, 1, 2, 1, a))
        return VM_NULL;
    vm_value result = a[1] ? a[1] : vm_small(0);
    if (vm_isinstance(result, VM_TYPE(STR))) {
        vm_raise(VM_TYPE(TypeError), "sum() can't sum strings [use ''.join(seq) instead]");
        return VM_NULL;
    }
    if (vm_isinstance(result, VM_TYPE(BYTES))) {
        vm_raise(VM_TYPE(TypeError), "sum() can't sum bytes [use b''.join(seq) instead]");
        return VM_NULL;
    }
    if (vm_isinstance(result, VM_TYPE(BYTEARRAY))) {
        vm_raise(VM_TYPE(TypeError), "sum() can't sum bytearray [use b''.join(seq) instead]");
        return VM_NULL;
    }
    vm_value it = vm_iter(a[0]);
    if (!it)
        return VM_NULL;
    vm_value item;
    int64_t acc;
    /* ints: a C integer while it does not overflow */
    if (is_exact_int(result) && int_to_int64(result, &acc)) {
        for (;;) {
            item = vm_next(it);
            if (!item)
                return vm_error_pending() ? VM_NULL : vm_int_from_int64(acc);
            int64_t b;
            if ((is_exact_int(item) || item == VM_TRUE || item == VM_FALSE)
                && int_to_int64(item, &b) && !__builtin_add_overflow(acc, b, &b)) {
                acc = b;
                continue;
            }
            result = vm_binary_op(vm_int_from_int64(acc), item, VM_NB_ADD);
            if (!result)
                return VM_NULL;
            break;
        }
    }
    /* floats: a C double, ints that fit a C long added as doubles (3.11: no
     * compensated summation) */
    if (is_exact_float(result)) {
        double f = vm_float_value(result);
        for (;;) {
            item = vm_next(it);
            if (!item)
                return vm_error_pending() ? VM_NULL : vm_float_new(f);
            if (is_exact_float(item)) {
                f += vm_float_value(item);
                continue;
            }
            int64_t b;
            if (is_intlike(item) && int_to_int64(item, &b)) {
                f += (double)b;
                continue;
            }
            result = vm_binary_op(vm_float_new(f), item, VM_NB_ADD);
            if (!result)
                return VM_NULL;
            break;
        }
    }
    for (;;) {
        item = vm_next(it);
        if (!item)
            return vm_error_pending() ? VM_NULL : result;
        result = vm_binary_op(result, item, VM_NB_ADD);
        if (!result)
            return VM_NULL;
    }
}

/* ---- aiter, anext ---- */
static vm_value b_aiter(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!exactly_one("aiter", nargs, kwnames))
        return VM_NULL;
    bool found;
    vm_value r = vm_call_special(args[0], "__aiter__", NULL, 0, &found);
    if (!found) {
        vm_raise(VM_TYPE(TypeError), "'%T' object is not an async iterable", args[0]);
        return VM_NULL;
    }
    if (r && !vm_type_lookup_c(vm_type_of(r), "__anext__")) {
        vm_raise(VM_TYPE(TypeError), "aiter() returned not an async iterator of type '%T'", r);
        return VM_NULL;
    }
    return r;
}

/* anext(it, default): an awaitable that awaits it.__anext__() and turns its
 * StopAsyncIteration into the default value (CPython's anext_awaitable). */
enum { AW_DICT, AW_WRAPPED, AW_DEFAULT, AW_ITER, AW_NFIELDS };
static stm_ref anext_awaitable_type;

static vm_value aw_iter(vm_value self)
{
    vm_value it = vm_field(self, AW_ITER);
    if (it)
        return it;
    vm_value aw = vm_field(self, AW_WRAPPED);
    bool found;
    it = vm_call_special(aw, "__await__", NULL, 0, &found);
    if (!found) {
        if (vm_type_lookup_c(vm_type_of(aw), "__next__")) {
            it = aw;
        } else {
            vm_raise(VM_TYPE(TypeError), "'%T' object can't be awaited", aw);
            return VM_NULL;
        }
    }
    if (!it)
        return VM_NULL;
    vm_set_field(self, AW_ITER, it);
    return it;
}

static vm_value aw_result(vm_value self, vm_value r)
{
    if (!r && vm_exc_matches(VM_TYPE(StopAsyncIteration))) {
        vm_exc_clear();
        vm_value exc = vm_call1(VM_TYPE(StopIteration), vm_field(self, AW_DEFAULT));
        if (exc)
            vm_raise_value(exc);
    }
    return r;
}

static vm_value aw_next(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value it = aw_iter(args[0]);
    if (!it)
        return VM_NULL;
    return aw_result(args[0], vm_call_method(it, "__next__", NULL, 0));
}

static vm_value aw_send(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("send", nargs - 1, kwnames, 1, 1))
        return VM_NULL;
    vm_value it = aw_iter(args[0]);
    if (!it)
        return VM_NULL;
    vm_value r;
    if (args[1] == VM_NONE && !vm_type_lookup_c(vm_type_of(it), "send"))
        r = vm_call_method(it, "__next__", NULL, 0);
    else
        r = vm_call_method(it, "send", &args[1], 1);
    return aw_result(args[0], r);
}

static vm_value aw_throw(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("throw", nargs - 1, kwnames, 1, 3))
        return VM_NULL;
    vm_value it = aw_iter(args[0]);
    if (!it)
        return VM_NULL;
    return aw_result(args[0], vm_call_method(it, "throw", args + 1, nargs - 1));
}

static vm_value aw_close(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value it = aw_iter(args[0]);
    if (!it)
        return VM_NULL;
    if (!vm_type_lookup_c(vm_type_of(it), "close"))
        return VM_NONE;
    return vm_call_method(it, "close", NULL, 0);
}

static vm_value aw_self(vm_value *args, int64_t nargs, vm_value kwnames) { return args[0]; }

static const vm_method_def anext_awaitable_methods[] = {
    {"__await__", aw_self, 1, 1, VM_METH_NOKW, NULL},
    {"__iter__", aw_self, 1, 1, VM_METH_NOKW, NULL},
    {"__next__", aw_next, 1, 1, VM_METH_NOKW, NULL},
    {"send", aw_send, 2, 2, VM_METH_NOKW, NULL},
    {"throw", aw_throw, 2, 4, VM_METH_NOKW, NULL},
    {"close", aw_close, 1, 1, VM_METH_NOKW, NULL},
    {0}};

static vm_value b_anext(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("anext", nargs, kwnames, 1, 2))
        return VM_NULL;
    vm_value ait = args[0];
    if (!vm_type_lookup_c(vm_type_of(ait), "__anext__")) {
        vm_raise(VM_TYPE(TypeError), "'%T' object is not an async iterator", ait);
        return VM_NULL;
    }
    vm_value aw = vm_call_method(ait, "__anext__", NULL, 0);
    if (!aw || nargs == 1)
        return aw;
    if (anext_awaitable_type == STM_NULL) {
        vm_value t = vm_new_static_type("anext_awaitable", VM_TYPE(OBJECT), AW_NFIELDS, false);
        if (!t)
            return vm_raise_nomem();
        vm_type_add_methods(t, anext_awaitable_methods);
        stm_add_global_root(&anext_awaitable_type);
        stm_global_root_set(&vm_self->tl, &anext_awaitable_type, (stm_ref)t);
    }
    vm_value w = vm_obj_new((vm_value)anext_awaitable_type, AW_NFIELDS);
    if (!w)
        return vm_raise_nomem();
    vm_fields(w)[AW_WRAPPED] = aw;
    vm_fields(w)[AW_DEFAULT] = args[1];
    return w;
}

/* ---------------------------------------------------------------------------------------
 * What the site module adds to builtins: exit, quit (Quitter), help (_Helper), copyright,
 * credits, license (_Printer)
 */
enum { SITE_DICT, SITE_NAME, SITE_TEXT, SITE_NFIELDS };
static stm_ref site_types[3];

static const char copyright_text[] =
    "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n"
    "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n"
    "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\n"
    "All Rights Reserved.\n\n"
    "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\n"
    "All Rights Reserved.";
static const char credits_text[] =
    "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n"
    "    for supporting Python development.  See www.python.org for more information.";

static vm_value quitter_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return vm_format("Use %U() or Ctrl-D (i.e. EOF) to exit", vm_field(args[0], SITE_NAME));
}

static vm_value quitter_call(vm_value *args, int64_t nargs, vm_value kwnames)
{
    static const char *const names[] = {"self", "code"};
    vm_value a[2];
    if (!vm_bltin_parse("__call__", args, nargs, kwnames, names, 2, 0, 2, 1, a))
        return VM_NULL;
    /* Shells like IDLE catch the SystemExit, but listen when their stdin is closed. */
    vm_value in = sys_attr("stdin");
    if (in && in != VM_NONE && !vm_call_method(in, "close", NULL, 0))
        vm_exc_clear();
    vm_exc_clear();
    vm_value exc = vm_call1(VM_TYPE(SystemExit), a[1] ? a[1] : VM_NONE);
    if (exc)
        vm_raise_value(exc);
    return VM_NULL;
}

static vm_value helper_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    return vm_str_c("Type help() for interactive help, or help(object) for help about object.");
}

static vm_value helper_call(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value pydoc = vm_import_module("pydoc");
    if (!pydoc)
        return VM_NULL;
    vm_value help = vm_getattr_c(pydoc, "help");
    if (!help)
        return VM_NULL;
    return vm_call(help, args + 1, nargs - 1, kwnames);
}

static vm_value printer_repr(vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value text = vm_field(args[0], SITE_TEXT);
    if (text != VM_NONE)
        return text;
    vm_value name = vm_field(args[0], SITE_NAME);
    return vm_format("Type %U() to see the full %U text", name, name);
}

static vm_value printer_call(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (!vm_bltin_npos("__call__", nargs - 1, kwnames, 0, 0))
        return VM_NULL;
    vm_value text = vm_field(args[0], SITE_TEXT);
    if (text == VM_NONE)
        text = vm_str_c("See https://www.python.org/psf/license/");
    vm_value pargs[1] = {text};
    return b_print(pargs, 1, VM_NULL) ? VM_NONE : VM_NULL;
}

static const vm_method_def quitter_methods[] = {
    {"__repr__", quitter_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__call__", quitter_call, 1, -1, 0, NULL},
    {0}};
static const vm_method_def helper_methods[] = {
    {"__repr__", helper_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__call__", helper_call, 1, -1, 0, NULL},
    {0}};
static const vm_method_def printer_methods[] = {
    {"__repr__", printer_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__call__", printer_call, 1, -1, 0, NULL},
    {0}};

static int site_object(vm_value type, const char *name, const char *attr, vm_value text)
{
    vm_value o = vm_obj_new(type, SITE_NFIELDS);
    vm_value n = vm_str_c(name);
    if (!o || !n || !text) {
        vm_raise_nomem();
        return -1;
    }
    vm_fields(o)[SITE_NAME] = n;
    vm_fields(o)[SITE_TEXT] = text;
    return vm_dict_setitem_c(vm_builtins_dict, attr, o);
}

/* sys.breakpointhook's default: PYTHONBREAKPOINT names the callable (pdb.set_trace when
 * unset or empty; "0" disables). */
static vm_value sys_breakpointhook(vm_value *args, int64_t nargs, vm_value kwnames)
{
    const char *env = getenv("PYTHONBREAKPOINT");
    if (!env || !*env)
        env = "pdb.set_trace";
    else if (!strcmp(env, "0"))
        return VM_NONE;
    const char *dot = strrchr(env, '.');
    char modname[256];
    const char *attr;
    if (dot) {
        size_t n = (size_t)(dot - env);
        if (n >= sizeof modname)
            n = sizeof modname - 1;
        memcpy(modname, env, n);
        modname[n] = 0;
        attr = dot + 1;
    } else {
        strcpy(modname, "builtins");
        attr = env;
    }
    vm_value mod = vm_import_module(modname);
    vm_value hook = mod ? vm_getattr_c(mod, attr) : VM_NULL;
    if (!hook)
        return VM_NULL;
    return vm_call(hook, args, nargs, kwnames);
}
static const vm_method_def breakpointhook_def = {"breakpointhook", sys_breakpointhook, 0, -1, 0,
                                                 "Call pdb.set_trace() (or PYTHONBREAKPOINT's callable)."};

void vm_init_site_builtins(void)
{
    static const char *const names[3] = {"Quitter", "_Helper", "_Printer"};
    static const vm_method_def *const methods[3] = {quitter_methods, helper_methods,
                                                     printer_methods};
    for (int i = 0; i < 3; i++) {
        vm_value t = vm_new_static_type(names[i], VM_TYPE(OBJECT), SITE_NFIELDS, false);
        stm_add_global_root(&site_types[i]);
        stm_global_root_set(&vm_self->tl, &site_types[i], (stm_ref)t);
        vm_type_add_methods(t, methods[i]);
        (void)vm_dict_setitem_c(((vm_type *)vm_obj(t))->dict, "__module__",
                                vm_str_c("_sitebuiltins"));
    }
    static const char *const keys[K_NKEYS] = {"stdout", "stdin", "stderr"};
    for (int k = 0; k < K_NKEYS; k++) {
        stm_add_global_root(&sys_keys[k]);
        stm_global_root_set(&vm_self->tl, &sys_keys[k], (stm_ref)vm_intern(keys[k]));
    }
    if (vm_sys_module) {
        vm_value sd = vm_module_dict(vm_sys_module);
        if (!vm_dict_getitem_c(sd, "breakpointhook")) {
            vm_value f = vm_cfunction_new(&breakpointhook_def, VM_NULL, vm_sys_module);
            if (f) {
                (void)vm_dict_setitem_c(sd, "breakpointhook", f);
                (void)vm_dict_setitem_c(sd, "__breakpointhook__", f);
            }
        }
    }
    if (!vm_builtins_dict)
        return;
    vm_value q = (vm_value)site_types[0], h = (vm_value)site_types[1],
             p = (vm_value)site_types[2];
    (void)(site_object(q, "exit", "exit", VM_NONE) < 0
           || site_object(q, "quit", "quit", VM_NONE) < 0
           || site_object(h, "help", "help", VM_NONE) < 0
           || site_object(p, "copyright", "copyright", vm_str_c(copyright_text)) < 0
           || site_object(p, "credits", "credits", vm_str_c(credits_text)) < 0
           || site_object(p, "license", "license", VM_NONE) < 0);
}

/* ---------------------------------------------------------------------------------------
 * The table
 */
const vm_method_def vm_builtin_functions[] = {
    {"abs", b_abs, 0, -1, 0, "Return the absolute value of the argument."},
    {"aiter", b_aiter, 0, -1, 0, "Return an AsyncIterator for an AsyncIterable object."},
    {"all", b_all, 0, -1, 0, "Return True if bool(x) is True for all values x in the iterable."},
    {"anext", b_anext, 0, -1, 0, "Return the next item from the async iterator."},
    {"any", b_any, 0, -1, 0, "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", b_ascii, 0, -1, 0, "Return an ASCII-only representation of an object."},
    {"bin", b_bin, 0, -1, 0, "Return the binary representation of an integer."},
    {"breakpoint", b_breakpoint, 0, -1, 0, "Call sys.breakpointhook(*args, **kws)."},
    {"callable", b_callable, 0, -1, 0, "Return whether the object is callable."},
    {"chr", b_chr, 0, -1, 0, "Return a Unicode string of one character with ordinal i."},
    {"delattr", b_delattr, 0, -1, 0, "Deletes the named attribute from the given object."},
    {"divmod", b_divmod, 0, -1, 0, "Return the tuple (x//y, x%y)."},
    {"format", b_format, 0, -1, 0, "Return value.__format__(format_spec)"},
    {"getattr", b_getattr, 0, -1, 0, "Get a named attribute from an object."},
    {"hasattr", b_hasattr, 0, -1, 0, "Return whether the object has an attribute with the given name."},
    {"hash", b_hash, 0, -1, 0, "Return the hash value for the given object."},
    {"hex", b_hex, 0, -1, 0, "Return the hexadecimal representation of an integer."},
    {"id", b_id, 0, -1, 0, "Return the identity of an object."},
    {"input", b_input, 0, -1, 0, "Read a string from standard input."},
    {"isinstance", b_isinstance, 0, -1, 0, "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", b_issubclass, 0, -1, 0, "Return whether 'cls' is derived from another class or is the same class."},
    {"iter", b_iter, 0, -1, 0, "Get an iterator from an object."},
    {"len", b_len, 0, -1, 0, "Return the number of items in a container."},
    {"max", b_max, 0, -1, 0, "With a single iterable argument, return its biggest item."},
    {"min", b_min, 0, -1, 0, "With a single iterable argument, return its smallest item."},
    {"next", b_next, 0, -1, 0, "Return the next item from the iterator."},
    {"oct", b_oct, 0, -1, 0, "Return the octal representation of an integer."},
    {"open", vm_builtin_open, 0, -1, 0, "Open file and return a stream."},
    {"ord", b_ord, 0, -1, 0, "Return the Unicode code point for a one-character string."},
    {"pow", b_pow, 0, -1, 0, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"print", b_print, 0, -1, 0, "Prints the values to a stream, or to sys.stdout by default."},
    {"repr", b_repr, 0, -1, 0, "Return the canonical string representation of the object."},
    {"round", b_round, 0, -1, 0, "Round a number to a given precision in decimal digits."},
    {"setattr", b_setattr, 0, -1, 0, "Sets the named attribute on the given object to the specified value."},
    {"sorted", b_sorted, 0, -1, 0, "Return a new list containing all items from the iterable in ascending order."},
    {"sum", b_sum, 0, -1, 0, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {0}};

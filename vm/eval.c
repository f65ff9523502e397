/* vm/eval.c — frames, the eval loop, generators, and the thread's base loop where
 * transactions begin and end (docs/design/interpreter.md).
 *
 * Frames are heap objects (VM_L_OBJ: the VM_FR_* fields, then the fast locals, then the
 * value stack).  A Python-to-Python call pushes a frame and continues in the same C loop;
 * a return pops it.  The thread's top frame is always in VM_ROOT_FRAME, so an abort —
 * which restores the roots and the heap to the transaction's start — finds the frame
 * stack as it was, with each frame's resume point (VM_FR_LASTI) and stack depth saved.
 *
 * Transactions: only the base loop (vm_run_main) commits, and only at a safe point
 * (JUMP_BACKWARD, a call, a return) when stm_safe_point says so: it saves the top frame's
 * state, returns to the driver, which commits and starts the next transaction, and the
 * loop resumes from the frames.  Python code called from C (a __eq__ during a dict lookup,
 * __init__ from a class call, a generator's next() from C) runs in a nested loop that
 * never commits: a C caller is never resumed after an abort.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/interp.h"

volatile sig_atomic_t vm_interrupt_flag;

void vm_request_interrupt(void)
{
    vm_interrupt_flag = 1;
}

void vm_clear_interrupt(void)
{
    vm_interrupt_flag = 0;
}

enum { FR_ENTRY = 1, FR_GEN = 2, FR_DONE = 4, FR_STARTED = 8, FR_CLASS = 16 };

enum { EV_RETURN, EV_ERROR, EV_COMMIT, EV_YIELD };

/* generator objects: fields */
enum { GEN_FRAME, GEN_NAME, GEN_QUALNAME, GEN_RUNNING, GEN_EXC, GEN_CODE, GEN_NFIELDS };

static inline int64_t S(vm_value v) { return vm_small_value(v); }

/* ---------------------------------------------------------------------------------------
 * Frames
 */
static vm_value frame_new(vm_value code, vm_value globals, vm_value builtins, vm_value locals,
                          vm_value func)
{
    const vm_code *co = vm_code_of(code);
    int n = VM_FR_NFIELDS + co->nlocalsplus + co->stacksize;
    vm_value f = vm_obj_new(VM_TYPE(FRAME), n);
    if (!f)
        return vm_raise_nomem();
    vm_value *F = vm_fields(f);
    F[VM_FR_CODE] = code;
    F[VM_FR_GLOBALS] = globals;
    F[VM_FR_BUILTINS] = builtins;
    F[VM_FR_LOCALS] = locals;
    F[VM_FR_FUNC] = func;
    F[VM_FR_LASTI] = vm_small(0);
    F[VM_FR_DEPTH] = vm_small(0);
    F[VM_FR_FLAGS] = vm_small(0);
    F[VM_FR_LINENO] = vm_small(0);
    return f;
}

static vm_value *frame_locals(vm_value f) { return vm_fields(f) + VM_FR_NFIELDS; }

/* ---- binding arguments to parameters (CPython's messages) ---- */
static vm_value fn_qualname(vm_value func) { return vm_fields(func)[VM_FN_QUALNAME]; }

static void missing_args(vm_value func, const vm_code *co, vm_value *L, int from, int to, bool kwonly)
{
    vm_value names = vm_fields(vm_fields(func)[VM_FN_CODE])[VM_CODE_LOCALNAMES];
    int missing[to - from + 1], nm = 0;
    for (int i = from; i < to; i++)
        if (!L[i])
            missing[nm++] = i;
    vm_buf b = {0};
    for (int j = 0; j < nm; j++) {
        if (j) {
            if (nm == 2)
                vm_buf_puts(&b, " and ");
            else if (j == nm - 1)
                vm_buf_puts(&b, ", and ");
            else
                vm_buf_puts(&b, ", ");
        }
        vm_buf_putc(&b, '\'');
        vm_buf_put_str(&b, vm_tuple_items(names)[missing[j]]);
        vm_buf_putc(&b, '\'');
    }
    vm_buf_putc(&b, '\0');
    (void)co;
    vm_raise(VM_TYPE(TypeError), "%U() missing %d required %s argument%s: %s", fn_qualname(func), nm,
             kwonly ? "keyword-only" : "positional", nm == 1 ? "" : "s", b.data);
    vm_buf_free(&b);
}

static bool bind_args(vm_value func, vm_value f, vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value code = vm_fields(func)[VM_FN_CODE];
    const vm_code *co = vm_code_of(code);
    vm_value *L = frame_locals(f);
    int argcount = co->argcount, kwonly = co->kwonlyargcount, total = argcount + kwonly;
    vm_value kwdict = VM_NULL;
    if (co->flags & VM_CO_VARKEYWORDS) {
        kwdict = vm_dict_new();
        if (!kwdict) {
            vm_raise_nomem();
            return false;
        }
        L = frame_locals(f);
        L[total + ((co->flags & VM_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    int64_t n = nargs < argcount ? nargs : argcount;
    for (int64_t i = 0; i < n; i++)
        L[i] = args[i];
    if (co->flags & VM_CO_VARARGS) {
        int64_t extra = nargs > argcount ? nargs - argcount : 0;
        vm_value t = vm_tuple_new((size_t)extra);
        if (!t) {
            vm_raise_nomem();
            return false;
        }
        for (int64_t i = 0; i < extra; i++)
            vm_tuple_items(t)[i] = args[argcount + i];
        L = frame_locals(f);
        L[total] = t;
    }
    /* keywords */
    int64_t nk = kwnames ? vm_tuple_length(kwnames) : 0;
    vm_value names = vm_fields(code)[VM_CODE_LOCALNAMES];
    vm_value posonly_bad = VM_NULL;
    for (int64_t j = 0; j < nk; j++) {
        vm_value kn = vm_tuple_items(kwnames)[j], val = args[nargs + j];
        int i;
        for (i = 0; i < total; i++)
            if (vm_tuple_items(names)[i] == kn)
                break;
        if (i == total)
            for (i = 0; i < total; i++)
                if (vm_equal(vm_tuple_items(names)[i], kn))
                    break;
        if (i < co->posonlyargcount) {
            if (kwdict) {
                if (vm_dict_setitem(kwdict, kn, val) < 0)
                    return false;
                continue;
            }
            if (!posonly_bad && !(posonly_bad = vm_list_new(0))) {
                vm_raise_nomem();
                return false;
            }
            if (!vm_list_append(posonly_bad, kn)) {
                vm_raise_nomem();
                return false;
            }
            continue;
        }
        if (i == total) {
            if (!vm_has_layout(kn, VM_L_STR)) {
                vm_raise(VM_TYPE(TypeError), "%U() keywords must be strings", fn_qualname(func));
                return false;
            }
            if (kwdict) {
                if (vm_dict_setitem(kwdict, kn, val) < 0)
                    return false;
                continue;
            }
            vm_raise(VM_TYPE(TypeError), "%U() got an unexpected keyword argument '%U'", fn_qualname(func), kn);
            return false;
        }
        L = frame_locals(f);
        if (L[i]) {
            vm_raise(VM_TYPE(TypeError), "%U() got multiple values for argument '%U'", fn_qualname(func), kn);
            return false;
        }
        L[i] = val;
    }
    if (posonly_bad) {
        vm_buf b = {0};
        for (int64_t j = 0; j < vm_list_len(posonly_bad); j++) {
            if (j)
                vm_buf_puts(&b, ", ");
            vm_buf_put_str(&b, vm_list_get(posonly_bad, j));
        }
        vm_buf_putc(&b, '\0');
        vm_raise(VM_TYPE(TypeError), "%U() got some positional-only arguments passed as keyword arguments: '%s'",
                 fn_qualname(func), b.data);
        vm_buf_free(&b);
        return false;
    }
    if (nargs > argcount && !(co->flags & VM_CO_VARARGS)) {
        vm_value defaults = vm_fields(func)[VM_FN_DEFAULTS];
        int64_t nd = defaults != VM_NONE ? vm_tuple_length(defaults) : 0;
        int kwgiven = 0;
        L = frame_locals(f);
        for (int i = argcount; i < total; i++)
            if (L[i])
                kwgiven++;
        vm_buf b = {0};
        if (nd)
            vm_buf_printf(&b, "from %ld to %d", (long)(argcount - nd), argcount);
        else
            vm_buf_printf(&b, "%d", argcount);
        const char *plural = (nd == 0 && argcount == 1) ? "" : "s";
        if (kwgiven)
            vm_raise(VM_TYPE(TypeError), "%U() takes %s positional argument%s but %ld positional argument%s "
                     "(and %d keyword-only argument%s) were given", fn_qualname(func), b.data, plural,
                     (long)nargs, nargs == 1 ? "" : "s", kwgiven, kwgiven == 1 ? "" : "s");
        else
            vm_raise(VM_TYPE(TypeError), "%U() takes %s positional argument%s but %ld %s given",
                     fn_qualname(func), b.data, plural, (long)nargs, nargs == 1 ? "was" : "were");
        vm_buf_free(&b);
        return false;
    }
    /* defaults */
    if (nargs < argcount) {
        vm_value defaults = vm_fields(func)[VM_FN_DEFAULTS];
        int64_t nd = defaults != VM_NONE ? vm_tuple_length(defaults) : 0;
        int64_t first_default = argcount - nd;
        L = frame_locals(f);
        bool missing = false;
        for (int64_t i = nargs; i < argcount; i++) {
            if (L[i])
                continue;
            if (i >= first_default)
                L[i] = vm_tuple_items(defaults)[i - first_default];
            else
                missing = true;
        }
        if (missing) {
            missing_args(func, co, L, 0, argcount, false);
            return false;
        }
    }
    if (kwonly) {
        vm_value kwdefs = vm_fields(func)[VM_FN_KWDEFAULTS];
        bool missing = false;
        for (int i = argcount; i < total; i++) {
            L = frame_locals(f);
            if (L[i])
                continue;
            vm_value d = VM_NULL;
            if (kwdefs != VM_NONE && vm_is_ref(kwdefs)) {
                d = vm_dict_getitem(kwdefs, vm_tuple_items(names)[i]);
                if (!d && vm_error_pending())
                    return false;
            }
            L = frame_locals(f);
            if (d)
                L[i] = d;
            else
                missing = true;
        }
        if (missing) {
            missing_args(func, co, frame_locals(f), argcount, total, true);
            return false;
        }
    }
    return true;
}

/* A frame for a call of a Python function, its arguments bound. */
static vm_value function_frame(vm_value func, vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value *F = vm_fields(func);
    vm_value f = frame_new(F[VM_FN_CODE], F[VM_FN_GLOBALS], F[VM_FN_BUILTINS], VM_NULL, func);
    if (!f)
        return VM_NULL;
    const vm_code *co = vm_code_of(vm_fields(func)[VM_FN_CODE]);
    /* fast path: exact positional call */
    if (!kwnames && nargs == co->argcount && !(co->flags & (VM_CO_VARARGS | VM_CO_VARKEYWORDS)) &&
        co->kwonlyargcount == 0) {
        vm_value *L = frame_locals(f);
        for (int64_t i = 0; i < nargs; i++)
            L[i] = args[i];
        return f;
    }
    if (kwnames && vm_tuple_length(kwnames) == 0)
        kwnames = VM_NULL;
    if (!bind_args(func, f, args, nargs, kwnames))
        return VM_NULL;
    return f;
}

/* ---------------------------------------------------------------------------------------
 * Errors the loop raises
 */
static void name_error(vm_value name)
{
    vm_raise(VM_TYPE(NameError), "name '%U' is not defined", name);
    vm_value e = vm_exc_current();
    vm_value d = e ? vm_instance_dict(e, true) : VM_NULL;
    if (d)
        vm_dict_setitem_c(d, "name", name);
}

static void unbound_local(vm_value code, int i)
{
    vm_value name = vm_tuple_items(vm_fields(code)[VM_CODE_LOCALNAMES])[i];
    const vm_code *co = vm_code_of(code);
    if (co->localspluskinds[i] & VM_FAST_FREE)
        vm_raise(VM_TYPE(NameError), "cannot access free variable '%U' where it is not associated with a value in enclosing scope", name);
    else if (co->localspluskinds[i] & VM_FAST_CELL && !(co->localspluskinds[i] & VM_FAST_LOCAL))
        vm_raise(VM_TYPE(UnboundLocalError), "cannot access local variable '%U' where it is not associated with a value", name);
    else
        vm_raise(VM_TYPE(UnboundLocalError), "cannot access local variable '%U' where it is not associated with a value", name);
}

static bool is_exc_class(vm_value v)
{
    return vm_is_type_object(v) && vm_is_subtype(v, VM_TYPE(BaseException));
}

/* raise exc [from cause] */
static bool do_raise(vm_value exc, vm_value cause)
{
    vm_value value;
    if (is_exc_class(exc)) {
        value = vm_call0(exc);
        if (!value)
            return false;
        if (!vm_is_exception(value)) {
            vm_raise(VM_TYPE(TypeError), "calling %R should have returned an instance of BaseException, not %T",
                     exc, value);
            return false;
        }
    } else if (vm_is_exception(exc)) {
        value = exc;
    } else {
        vm_raise(VM_TYPE(TypeError), "exceptions must derive from BaseException");
        return false;
    }
    if (cause) {
        vm_value c;
        if (is_exc_class(cause)) {
            c = vm_call0(cause);
            if (!c)
                return false;
        } else if (vm_is_exception(cause) || cause == VM_NONE) {
            c = cause;
        } else {
            vm_raise(VM_TYPE(TypeError), "exception causes must derive from BaseException");
            return false;
        }
        vm_set_field(value, VM_EXC_CAUSE, c == VM_NONE ? VM_NONE : c);
        vm_set_field(value, VM_EXC_SUPPRESS, VM_TRUE);
    }
    vm_raise_value(value);
    return false;
}

static bool check_except_type(vm_value t)
{
    if (vm_is_type(t, VM_T_TUPLE)) {
        for (int64_t i = 0; i < vm_tuple_length(t); i++)
            if (!is_exc_class(vm_tuple_items(t)[i]))
                goto bad;
        return true;
    }
    if (is_exc_class(t))
        return true;
bad:
    vm_raise(VM_TYPE(TypeError), "catching classes that do not inherit from BaseException is not allowed");
    return false;
}

static bool exc_matches(vm_value exc, vm_value t)
{
    if (vm_is_type(t, VM_T_TUPLE)) {
        for (int64_t i = 0; i < vm_tuple_length(t); i++)
            if (vm_isinstance(exc, vm_tuple_items(t)[i]))
                return true;
        return false;
    }
    return vm_isinstance(exc, t);
}

/* ---------------------------------------------------------------------------------------
 * Unpacking
 */
static bool unpack(vm_value seq, int before, int after, bool star, vm_value *out)
{
    int n = before + after;
    if (!star) {
        vm_value t = vm_type_of(seq);
        if (t == VM_TYPE(TUPLE) || t == VM_TYPE(LIST)) {
            int64_t len = t == VM_TYPE(TUPLE) ? vm_tuple_length(seq) : vm_list_len(seq);
            if (len == n) {
                for (int i = 0; i < n; i++)
                    out[i] = t == VM_TYPE(TUPLE) ? vm_tuple_items(seq)[i] : vm_list_get(seq, i);
                return true;
            }
            if (len < n)
                vm_raise(VM_TYPE(ValueError), "not enough values to unpack (expected %d, got %ld)", n, (long)len);
            else
                vm_raise(VM_TYPE(ValueError), "too many values to unpack (expected %d)", n);
            return false;
        }
    }
    vm_value it = vm_iter(seq);
    if (!it) {
        if (vm_exc_matches_keep(VM_TYPE(TypeError)) && !vm_type_lookup_c(vm_type_of(seq), "__iter__")) {
            vm_exc_clear();
            vm_raise(VM_TYPE(TypeError), "cannot unpack non-iterable %T object", seq);
        }
        return false;
    }
    for (int i = 0; i < before; i++) {
        vm_value v = vm_next(it);
        if (!v) {
            if (!vm_error_pending()) {
                if (star)
                    vm_raise(VM_TYPE(ValueError), "not enough values to unpack (expected at least %d, got %d)", n, i);
                else
                    vm_raise(VM_TYPE(ValueError), "not enough values to unpack (expected %d, got %d)", n, i);
            }
            return false;
        }
        out[i] = v;
    }
    if (!star) {
        vm_value extra = vm_next(it);
        if (extra) {
            vm_raise(VM_TYPE(ValueError), "too many values to unpack (expected %d)", n);
            return false;
        }
        return !vm_error_pending();
    }
    vm_value rest = vm_list_from_iterable(it);
    if (!rest)
        return false;
    int64_t len = vm_list_len(rest);
    if (len < after) {
        vm_raise(VM_TYPE(ValueError), "not enough values to unpack (expected at least %d, got %ld)", n,
                 (long)(before + len));
        return false;
    }
    for (int i = 0; i < after; i++)
        out[before + 1 + i] = vm_list_get(rest, len - after + i);
    for (int i = 0; i < after; i++)
        vm_list_pop(rest, vm_list_len(rest) - 1);
    out[before] = rest;
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Generators
 */
static vm_value gen_type_for(const vm_code *co)
{
    if (co->flags & VM_CO_COROUTINE)
        return VM_TYPE(COROUTINE);
    if (co->flags & VM_CO_ASYNC_GENERATOR)
        return VM_TYPE(ASYNC_GENERATOR);
    return VM_TYPE(GENERATOR);
}

static vm_value eval(vm_thread *th, bool base, int *status, int resume_mode);

enum { RESUME_NORMAL, RESUME_THROW };

/* Runs a generator's frame until it yields or returns.  value: what send() passes
 * (VM_NULL: nothing to push).  *status: EV_YIELD with the yielded value, EV_RETURN with
 * the return value, EV_ERROR. */
static vm_value gen_resume(vm_value gen, vm_value value, int mode, int *status)
{
    vm_thread *th = vm_self;
    vm_value f = vm_field(gen, GEN_FRAME);
    if (vm_field(gen, GEN_RUNNING) == VM_TRUE) {
        vm_value t = vm_type_of(gen);
        vm_raise(VM_TYPE(ValueError), t == VM_TYPE(COROUTINE) ? "coroutine already executing"
                                                                : "generator already executing");
        *status = EV_ERROR;
        return VM_NULL;
    }
    stm_write((stm_ref)f);
    vm_value *F = vm_fields(f);
    int64_t flags = S(F[VM_FR_FLAGS]);
    if (flags & FR_DONE) {
        if (mode == RESUME_THROW) {
            *status = EV_ERROR;
            return VM_NULL;         /* the exception is pending already */
        }
        if (vm_type_of(gen) == VM_TYPE(COROUTINE))
            vm_raise(VM_TYPE(RuntimeError), "cannot reuse already awaited coroutine");
        *status = EV_RETURN;
        return vm_type_of(gen) == VM_TYPE(COROUTINE) ? VM_NULL : VM_NONE;
    }
    if (!(flags & FR_STARTED) && value && value != VM_NONE && mode == RESUME_NORMAL) {
        vm_value t = vm_type_of(gen);
        vm_raise(VM_TYPE(TypeError), t == VM_TYPE(COROUTINE) ? "can't send non-None value to a just-started coroutine"
                                                             : "can't send non-None value to a just-started generator");
        *status = EV_ERROR;
        return VM_NULL;
    }
    if (th->depth >= th->recursion_limit) {
        vm_raise(VM_TYPE(RecursionError), "maximum recursion depth exceeded");
        *status = EV_ERROR;
        return VM_NULL;
    }
    if (flags & FR_STARTED && mode == RESUME_NORMAL) {
        int64_t d = S(F[VM_FR_DEPTH]);
        const vm_code *co = vm_code_of(F[VM_FR_CODE]);
        F[VM_FR_NFIELDS + co->nlocalsplus + d] = value ? value : VM_NONE;
        F[VM_FR_DEPTH] = vm_small(d + 1);
    }
    F[VM_FR_FLAGS] = vm_small(flags | FR_STARTED | FR_ENTRY);
    F[VM_FR_BACK] = vm_root(VM_ROOT_FRAME);
    vm_set_field(gen, GEN_RUNNING, VM_TRUE);
    /* the generator's own "exception being handled" */
    vm_value saved_exc = vm_root(VM_ROOT_HANDLED);
    vm_value gen_exc = vm_field(gen, GEN_EXC);
    vm_set_field(gen, GEN_EXC, saved_exc ? saved_exc : VM_NONE);
    vm_set_root(VM_ROOT_HANDLED, gen_exc == VM_NONE ? VM_NULL : gen_exc);
    vm_set_root(VM_ROOT_FRAME, f);
    th->depth++;
    int st;
    vm_value r = eval(th, false, &st, mode);
    vm_value outer_exc = vm_field(gen, GEN_EXC);
    vm_set_field(gen, GEN_EXC, vm_root(VM_ROOT_HANDLED) ? vm_root(VM_ROOT_HANDLED) : VM_NONE);
    vm_set_root(VM_ROOT_HANDLED, outer_exc == VM_NONE ? VM_NULL : outer_exc);
    vm_set_field(gen, GEN_RUNNING, VM_FALSE);
    if (st != EV_YIELD) {
        f = vm_field(gen, GEN_FRAME);
        stm_write((stm_ref)f);
        vm_fields(f)[VM_FR_FLAGS] = vm_small(S(vm_fields(f)[VM_FR_FLAGS]) | FR_DONE);
        if (st == EV_ERROR && vm_exc_matches_keep(VM_TYPE(StopIteration))) {
            vm_value t = vm_type_of(gen);
            vm_value e = vm_exc_fetch();
            vm_raise(VM_TYPE(RuntimeError), t == VM_TYPE(COROUTINE) ? "coroutine raised StopIteration"
                     : t == VM_TYPE(ASYNC_GENERATOR) ? "async generator raised StopIteration"
                                                     : "generator raised StopIteration");
            vm_value ne = vm_exc_current();
            vm_set_field(ne, VM_EXC_CAUSE, e);
            vm_set_field(ne, VM_EXC_CONTEXT, e);
            vm_set_field(ne, VM_EXC_SUPPRESS, VM_TRUE);
        }
    }
    *status = st;
    return r;
}

/* StopIteration(value) raised; VM_NULL */
static vm_value raise_stop_iteration(vm_value value)
{
    vm_value args = vm_tuple_new(value == VM_NONE ? 0 : 1);
    if (!args)
        return vm_raise_nomem();
    if (value != VM_NONE)
        vm_tuple_items(args)[0] = value;
    vm_value e = vm_exc_new(VM_TYPE(StopIteration), args);
    if (!e)
        return VM_NULL;
    vm_value d = vm_instance_dict(e, true);
    if (d)
        vm_dict_setitem_c(d, "value", value);
    vm_raise_value(e);
    return VM_NULL;
}

/* The value of a StopIteration just caught (its .value), or None. */
static vm_value stop_value(vm_value e)
{
    vm_value args = vm_field(e, VM_EXC_ARGS);
    vm_value d = vm_instance_dict(e, false), v;
    if (d && (v = vm_dict_getitem_c(d, "value")))
        return v;
    vm_exc_clear();
    return args && vm_tuple_length(args) ? vm_tuple_items(args)[0] : VM_NONE;
}

/* send(value): the yielded value, or VM_NULL with StopIteration(result) or another error */
vm_value vm_gen_send(vm_value gen, vm_value value)
{
    int st;
    vm_value r = gen_resume(gen, value, RESUME_NORMAL, &st);
    if (st == EV_YIELD)
        return r;
    if (st == EV_RETURN) {
        if (!r)
            return VM_NULL;
        if (vm_type_of(gen) == VM_TYPE(ASYNC_GENERATOR)) {
            vm_raise(VM_TYPE(StopAsyncIteration), "");
            return VM_NULL;
        }
        return raise_stop_iteration(r);
    }
    return VM_NULL;
}

/* next(gen) from C: VM_NULL without an exception when it returns */
static vm_value gen_next(vm_value gen)
{
    int st;
    vm_value r = gen_resume(gen, VM_NONE, RESUME_NORMAL, &st);
    if (st == EV_YIELD)
        return r;
    if (st == EV_RETURN && r != VM_NONE && r)
        return raise_stop_iteration(r);
    return VM_NULL;
}

static vm_value gen_throw_impl(vm_value gen, vm_value exc, bool close_on_exit);
static vm_value gen_resume_no_push(vm_value gen, int *status);
static vm_value coro_wrapper_type;

/* ---------------------------------------------------------------------------------------
 * Calls from C into Python
 */
static vm_value run_nested(vm_thread *th, vm_value f)
{
    if (th->depth >= th->recursion_limit) {
        vm_raise(VM_TYPE(RecursionError), "maximum recursion depth exceeded");
        return VM_NULL;
    }
    if (th->c_depth > 20000) {
        vm_raise(VM_TYPE(RecursionError), "maximum recursion depth exceeded");
        return VM_NULL;
    }
    vm_value *F = vm_fields(f);
    F[VM_FR_BACK] = vm_root(VM_ROOT_FRAME);
    F[VM_FR_FLAGS] = vm_small(S(F[VM_FR_FLAGS]) | FR_ENTRY);
    vm_set_root(VM_ROOT_FRAME, f);
    th->depth++;
    th->c_depth++;
    int st;
    vm_value r = eval(th, false, &st, RESUME_NORMAL);
    th->c_depth--;
    return r;
}

vm_value vm_call_function(vm_value func, vm_value *args, int64_t nargs, vm_value kwnames)
{
    vm_value f = function_frame(func, args, nargs, kwnames);
    if (!f)
        return VM_NULL;
    return run_nested(vm_self, f);
}

vm_value vm_eval_code(vm_value code, vm_value globals, vm_value locals)
{
    vm_value b = vm_dict_getitem_c(globals, "__builtins__");
    if (b && vm_is_type(b, VM_T_MODULE))
        b = vm_module_dict(b);
    if (!b || !vm_has_layout(b, VM_L_DICT)) {
        vm_exc_clear();
        b = vm_builtins_dict;
    }
    vm_value f = frame_new(code, globals, b, locals ? locals : globals, VM_NULL);
    if (!f)
        return VM_NULL;
    return run_nested(vm_self, f);
}

vm_value vm_eval_class_body(vm_value func, vm_value ns)
{
    vm_value f = function_frame(func, NULL, 0, VM_NULL);
    if (!f)
        return VM_NULL;
    vm_fields(f)[VM_FR_LOCALS] = ns;
    vm_fields(f)[VM_FR_FLAGS] = vm_small(FR_CLASS);
    return run_nested(vm_self, f);
}

vm_value vm_current_globals(void)
{
    vm_value f = vm_root(VM_ROOT_FRAME);
    return f ? vm_field(f, VM_FR_GLOBALS) : VM_NULL;
}

vm_value vm_current_locals(void)
{
    vm_value f = vm_root(VM_ROOT_FRAME);
    if (!f)
        return VM_NULL;
    vm_value l = vm_field(f, VM_FR_LOCALS);
    if (l)
        return l;
    /* a function's fast locals as a new dict */
    vm_value code = vm_field(f, VM_FR_CODE);
    const vm_code *co = vm_code_of(code);
    vm_value d = vm_dict_new();
    if (!d)
        return vm_raise_nomem();
    vm_value names = vm_fields(code)[VM_CODE_LOCALNAMES];
    for (int i = 0; i < co->nlocalsplus; i++) {
        vm_value v = frame_locals(f)[i];
        if (v && (co->localspluskinds[i] & (VM_FAST_CELL | VM_FAST_FREE)) && vm_is_type(v, VM_T_CELL))
            v = vm_cell_get(v);
        if (v && vm_dict_setitem(d, vm_tuple_items(names)[i], v) < 0)
            return VM_NULL;
    }
    return d;
}

bool vm_super_zero_args(vm_value *type, vm_value *obj)
{
    vm_value f = vm_root(VM_ROOT_FRAME);
    if (!f) {
        vm_raise(VM_TYPE(RuntimeError), "super(): no current frame");
        return false;
    }
    vm_value code = vm_field(f, VM_FR_CODE);
    const vm_code *co = vm_code_of(code);
    if (co->argcount == 0 && !(co->flags & VM_CO_VARARGS)) {
        vm_raise(VM_TYPE(RuntimeError), "super(): no arguments");
        return false;
    }
    vm_value first = frame_locals(f)[0];
    if (first && (co->localspluskinds[0] & VM_FAST_CELL) && vm_is_type(first, VM_T_CELL))
        first = vm_cell_get(first);
    if (!first) {
        vm_raise(VM_TYPE(RuntimeError), "super(): arg[0] deleted");
        return false;
    }
    vm_value names = vm_fields(code)[VM_CODE_LOCALNAMES];
    for (int i = 0; i < co->nlocalsplus; i++) {
        if ((co->localspluskinds[i] & VM_FAST_FREE) && vm_str_eq_c(vm_tuple_items(names)[i], "__class__")) {
            vm_value cell = frame_locals(f)[i];
            vm_value cls = cell ? vm_cell_get(cell) : VM_NULL;
            if (!cls) {
                vm_raise(VM_TYPE(RuntimeError), "super(): empty __class__ cell");
                return false;
            }
            if (!vm_is_type_object(cls)) {
                vm_raise(VM_TYPE(RuntimeError), "super(): __class__ is not a type (%T)", cls);
                return false;
            }
            *type = cls;
            *obj = first;
            return true;
        }
    }
    vm_raise(VM_TYPE(RuntimeError), "super(): __class__ cell not found");
    return false;
}

void vm_inevitable(const char *why)
{
    stm_become_inevitable(&vm_self->tl, why);
}

/* ---------------------------------------------------------------------------------------
 * The loop
 */
/* Binary operation fast paths on small ints and floats; VM_NULL: not handled. */
static inline vm_value binary_fast(vm_value a, vm_value b, int op)
{
    if (vm_is_small(a) && vm_is_small(b)) {
        int64_t x = S(a), y = S(b), r;
        switch (op) {
        case VM_NB_ADD: case VM_NB_ADD + VM_NB_INPLACE:
            r = x + y;
            return vm_fits_small(r) ? vm_small(r) : VM_NULL;
        case VM_NB_SUBTRACT: case VM_NB_SUBTRACT + VM_NB_INPLACE:
            r = x - y;
            return vm_fits_small(r) ? vm_small(r) : VM_NULL;
        case VM_NB_MULTIPLY: case VM_NB_MULTIPLY + VM_NB_INPLACE:
            if (__builtin_mul_overflow(x, y, &r) || !vm_fits_small(r))
                return VM_NULL;
            return vm_small(r);
        case VM_NB_AND: case VM_NB_AND + VM_NB_INPLACE: return vm_small(x & y);
        case VM_NB_OR: case VM_NB_OR + VM_NB_INPLACE: return vm_small(x | y);
        case VM_NB_XOR: case VM_NB_XOR + VM_NB_INPLACE: return vm_small(x ^ y);
        case VM_NB_FLOOR_DIVIDE: case VM_NB_FLOOR_DIVIDE + VM_NB_INPLACE:
            if (y == 0)
                return VM_NULL;
            r = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0)))
                r--;
            return vm_fits_small(r) ? vm_small(r) : VM_NULL;
        case VM_NB_REMAINDER: case VM_NB_REMAINDER + VM_NB_INPLACE:
            if (y == 0)
                return VM_NULL;
            r = x % y;
            if (r != 0 && ((r < 0) != (y < 0)))
                r += y;
            return vm_small(r);
        case VM_NB_RSHIFT: case VM_NB_RSHIFT + VM_NB_INPLACE:
            if (y < 0)
                return VM_NULL;
            return vm_small(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
        case VM_NB_LSHIFT: case VM_NB_LSHIFT + VM_NB_INPLACE:
            if (y < 0 || y >= 62)
                return VM_NULL;
            r = (int64_t)((uint64_t)x << y);    /* shifting a negative value is undefined */
            return (r >> y) == x && vm_fits_small(r) ? vm_small(r) : VM_NULL;
        default:
            return VM_NULL;
        }
    }
    return VM_NULL;
}

static inline bool is_float(vm_value v)
{
    return vm_is_ref(v) && vm_layout_of(v) == VM_L_FLOAT &&
           (vm_value)((vm_object *)vm_obj(v))->type == VM_TYPE(FLOAT);
}

static inline vm_value float_fast(vm_value a, vm_value b, int op)
{
    double x, y;
    if (is_float(a))
        x = vm_float_value(a);
    else if (vm_is_small(a))
        x = (double)S(a);
    else
        return VM_NULL;
    if (is_float(b))
        y = vm_float_value(b);
    else if (vm_is_small(b))
        y = (double)S(b);
    else
        return VM_NULL;
    if (vm_is_small(a) && vm_is_small(b))
        return VM_NULL;
    if ((vm_is_small(a) && (S(a) > (INT64_C(1) << 53) || S(a) < -(INT64_C(1) << 53))) ||
        (vm_is_small(b) && (S(b) > (INT64_C(1) << 53) || S(b) < -(INT64_C(1) << 53))))
        return VM_NULL;
    double r;
    switch (op % VM_NB_INPLACE) {
    case VM_NB_ADD: r = x + y; break;
    case VM_NB_SUBTRACT: r = x - y; break;
    case VM_NB_MULTIPLY: r = x * y; break;
    case VM_NB_TRUE_DIVIDE:
        if (y == 0.0)
            return VM_NULL;
        r = x / y;
        break;
    default:
        return VM_NULL;
    }
    vm_value v = vm_float_new(r);
    return v ? v : vm_raise_nomem();
}

static inline int compare_fast(vm_value a, vm_value b, int op)
{
    double x, y;
    if (vm_is_small(a) && vm_is_small(b)) {
        int64_t i = S(a), j = S(b);
        switch (op) {
        case VM_CMP_LT: return i < j;
        case VM_CMP_LE: return i <= j;
        case VM_CMP_EQ: return i == j;
        case VM_CMP_NE: return i != j;
        case VM_CMP_GT: return i > j;
        default: return i >= j;
        }
    }
    if (is_float(a) && is_float(b)) {
        x = vm_float_value(a);
        y = vm_float_value(b);
        switch (op) {
        case VM_CMP_LT: return x < y;
        case VM_CMP_LE: return x <= y;
        case VM_CMP_EQ: return x == y;
        case VM_CMP_NE: return x != y;
        case VM_CMP_GT: return x > y;
        default: return x >= y;
        }
    }
    return -1;
}

static vm_value format_value(vm_value v, int conv, vm_value spec)
{
    switch (conv) {
    case VM_FVC_STR: v = vm_str_of(v); break;
    case VM_FVC_REPR: v = vm_repr(v); break;
    case VM_FVC_ASCII: v = vm_ascii(v); break;
    default: break;
    }
    if (!v)
        return VM_NULL;
    return vm_format_value(v, spec);
}

#define import_name vm_import_name
#define import_from vm_import_from
#define import_star vm_import_star
#define match_class vm_match_class
#define match_keys vm_match_keys
#define is_mapping vm_match_is_mapping
#define is_sequence vm_match_is_sequence
#define exception_group_match vm_exception_group_match
#define prep_reraise_star vm_prep_reraise_star

/* The loop.  base: this is the thread's base loop (may return EV_COMMIT at a safe point).
 * Runs the frames from VM_ROOT_FRAME until the ENTRY frame returns (EV_RETURN), yields
 * (EV_YIELD) or lets an exception out (EV_ERROR). */
static vm_value eval(vm_thread *th, bool base, int *status, int resume_mode)
{
    stm_thread *tl = &th->tl;
    char *sbase = stm_seg_base;     /* fixed until the transaction ends: eval returns first */
    vm_value f, codeobj, kwnames = VM_NULL;
    vm_value *F, *L, *stack, *sp;
    const vm_value *consts, *names;
    const vm_code *co;
    const uint32_t *ip, *cur, *code;
    uint32_t ins;
    int oparg;

#define LOAD_FRAME()                                                                       \
    do {                                                                                   \
        f = vm_root(VM_ROOT_FRAME);                                                        \
        stm_write((stm_ref)f);                                                             \
        F = vm_fields(f);                                                                  \
        codeobj = F[VM_FR_CODE];                                                           \
        co = vm_code_of(codeobj);                                                          \
        code = co->code;                                                                   \
        consts = vm_tuple_items(vm_fields(codeobj)[VM_CODE_CONSTS]);                       \
        names = vm_tuple_items(vm_fields(codeobj)[VM_CODE_NAMES]);                         \
        L = F + VM_FR_NFIELDS;                                                             \
        stack = L + co->nlocalsplus;                                                       \
        ip = code + S(F[VM_FR_LASTI]);                                                     \
        sp = stack + S(F[VM_FR_DEPTH]);                                                    \
        cur = code + S(F[VM_FR_LINENO]);                                                   \
    } while (0)
/* The frame may be an old (NEW) object, moved there while it was a caller: a minor
 * collection, which any allocation can run, gives it back its write-barrier flag, so
 * every store into it goes through the barrier's flag test (FW). */
#define FW() stm_write_in(sbase, (stm_ref)f)
#define SAVE_FRAME()                                                                       \
    do {                                                                                   \
        FW();                                                                              \
        F[VM_FR_LASTI] = vm_small(ip - code);                                              \
        F[VM_FR_DEPTH] = vm_small(sp - stack);                                             \
        F[VM_FR_LINENO] = vm_small(cur - code);                                            \
    } while (0)
#define PUSH(v) (FW(), *sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (FW(), sp[-1] = (v))
#define JUMPTO(t) (ip = code + (t))

    static const void *const targets[VM_NOPCODES] = {
#define X(name, flags) [VM_OP_##name] = &&op_##name,
        VM_OPCODES(X)
#undef X
    };
#define DISPATCH()                                                                         \
    do {                                                                                   \
        cur = ip;                                                                          \
        ins = *ip++;                                                                       \
        oparg = (int)(ins >> 8);                                                           \
        goto *targets[ins & 0xff];                                                         \
    } while (0)
#define SKIP_CACHE() (ip++)

    LOAD_FRAME();
    if (resume_mode == RESUME_THROW) {
        /* gen.throw(): the exception is pending, raised at the yield */
        goto error;
    }
    DISPATCH();

op_NOP:
    DISPATCH();
op_POP_TOP:
    sp--;
    DISPATCH();
op_PUSH_NULL:
    PUSH(VM_NULL);
    DISPATCH();
op_COPY: {
    vm_value v = PEEK(oparg);
    PUSH(v);
    DISPATCH();
}
op_SWAP: {
    vm_value v = TOP();
    SET_TOP(PEEK(oparg));
    FW();
    PEEK(oparg) = v;
    DISPATCH();
}
op_LOAD_CONST:
    PUSH(consts[oparg]);
    DISPATCH();

op_UNARY_POSITIVE:
op_UNARY_NEGATIVE:
op_UNARY_INVERT: {
    vm_value v = TOP(), r;
    if (vm_is_small(v) && (ins & 0xff) == VM_OP_UNARY_NEGATIVE && S(v) != VM_SMALL_MIN)
        r = vm_small(-S(v));
    else
        r = vm_unary_op(v, (int)(ins & 0xff));
    if (!r)
        goto error;
    SET_TOP(r);
    DISPATCH();
}
op_UNARY_NOT: {
    int t = vm_truth(TOP());
    if (t < 0)
        goto error;
    SET_TOP(t ? VM_FALSE : VM_TRUE);
    DISPATCH();
}
op_BINARY_OP: {
    vm_value b = POP(), a = TOP();
    SKIP_CACHE();
    vm_value r = binary_fast(a, b, oparg);
    if (!r) {
        r = float_fast(a, b, oparg);
        if (!r) {
            if (vm_error_pending())
                goto error;
            r = vm_binary_op(a, b, oparg);
            if (!r)
                goto error;
        }
    }
    SET_TOP(r);
    DISPATCH();
}
op_COMPARE_OP: {
    vm_value b = POP(), a = TOP();
    SKIP_CACHE();
    int c = compare_fast(a, b, oparg);
    if (c >= 0) {
        SET_TOP(c ? VM_TRUE : VM_FALSE);
        DISPATCH();
    }
    vm_value r = vm_compare(a, b, oparg);
    if (!r)
        goto error;
    SET_TOP(r);
    DISPATCH();
}
op_IS_OP: {
    vm_value b = POP(), a = TOP();
    SET_TOP((a == b) ^ oparg ? VM_TRUE : VM_FALSE);
    DISPATCH();
}
op_CONTAINS_OP: {
    vm_value b = POP(), a = TOP();
    int r = vm_contains(b, a);
    if (r < 0)
        goto error;
    SET_TOP(r ^ oparg ? VM_TRUE : VM_FALSE);
    DISPATCH();
}
op_BINARY_SUBSCR: {
    vm_value key = POP(), obj = TOP();
    SKIP_CACHE();
    vm_value r = vm_getitem(obj, key);
    if (!r)
        goto error;
    SET_TOP(r);
    DISPATCH();
}
op_STORE_SUBSCR: {
    vm_value key = TOP(), obj = PEEK(2), v = PEEK(3);
    SKIP_CACHE();
    sp -= 3;
    if (vm_setitem(obj, key, v) < 0)
        goto error;
    DISPATCH();
}
op_DELETE_SUBSCR: {
    vm_value key = TOP(), obj = PEEK(2);
    sp -= 2;
    if (vm_setitem(obj, key, VM_NULL) < 0)
        goto error;
    DISPATCH();
}
op_BUILD_SLICE: {
    vm_value step = oparg == 3 ? POP() : VM_NONE;
    vm_value stop = POP(), start = TOP();
    vm_value s = vm_slice_new(start, stop, step);
    if (!s)
        goto error;
    SET_TOP(s);
    DISPATCH();
}

op_LOAD_FAST: {
    vm_value v = L[oparg];
    if (!v) {
        unbound_local(codeobj, oparg);
        goto error;
    }
    PUSH(v);
    DISPATCH();
}
op_STORE_FAST:
    FW();
    L[oparg] = POP();
    DISPATCH();
op_DELETE_FAST:
    if (!L[oparg]) {
        unbound_local(codeobj, oparg);
        goto error;
    }
    FW();
    L[oparg] = VM_NULL;
    DISPATCH();
op_MAKE_CELL: {
    vm_value c = vm_cell_new(L[oparg]);
    if (!c)
        goto error;
    FW();
    L[oparg] = c;
    DISPATCH();
}
op_COPY_FREE_VARS: {
    vm_value closure = vm_field(F[VM_FR_FUNC], VM_FN_CLOSURE);
    int first = co->nlocalsplus - oparg;
    FW();
    for (int i = 0; i < oparg; i++)
        L[first + i] = vm_tuple_items(closure)[i];
    DISPATCH();
}
op_LOAD_CLOSURE:
    PUSH(L[oparg]);
    DISPATCH();
op_LOAD_DEREF: {
    vm_value v = vm_cell_get(L[oparg]);
    if (!v) {
        unbound_local(codeobj, oparg);
        goto error;
    }
    PUSH(v);
    DISPATCH();
}
op_LOAD_CLASSDEREF: {
    vm_value name = vm_tuple_items(vm_fields(codeobj)[VM_CODE_LOCALNAMES])[oparg];
    vm_value locals = F[VM_FR_LOCALS], v;
    if (vm_has_layout(locals, VM_L_DICT) && vm_type_of(locals) == VM_TYPE(DICT))
        v = vm_dict_getitem(locals, name);
    else {
        v = vm_getitem(locals, name);
        if (!v && vm_exc_matches(VM_TYPE(KeyError)))
            v = VM_NULL;
    }
    if (!v) {
        if (vm_error_pending())
            goto error;
        v = vm_cell_get(L[oparg]);
        if (!v) {
            unbound_local(codeobj, oparg);
            goto error;
        }
    }
    PUSH(v);
    DISPATCH();
}
op_STORE_DEREF:
    vm_cell_set(L[oparg], POP());
    DISPATCH();
op_DELETE_DEREF:
    if (!vm_cell_get(L[oparg])) {
        unbound_local(codeobj, oparg);
        goto error;
    }
    vm_cell_set(L[oparg], VM_NULL);
    DISPATCH();

op_LOAD_NAME: {
    vm_value name = names[oparg], locals = F[VM_FR_LOCALS], v = VM_NULL;
    if (locals) {
        if (vm_type_of(locals) == VM_TYPE(DICT)) {
            v = vm_dict_getitem(locals, name);
        } else {
            v = vm_getitem(locals, name);
            if (!v && vm_exc_matches(VM_TYPE(KeyError)))
                v = VM_NULL;
        }
        if (!v && vm_error_pending())
            goto error;
    }
    if (!v) {
        v = vm_dict_getitem(F[VM_FR_GLOBALS], name);
        if (!v) {
            if (vm_error_pending())
                goto error;
            v = vm_dict_getitem(F[VM_FR_BUILTINS], name);
            if (!v) {
                if (!vm_error_pending())
                    name_error(name);
                goto error;
            }
        }
    }
    PUSH(v);
    DISPATCH();
}
op_STORE_NAME: {
    vm_value name = names[oparg], locals = F[VM_FR_LOCALS], v = POP();
    if (!locals) {
        vm_raise(VM_TYPE(SystemError), "no locals found when storing %R", name);
        goto error;
    }
    if ((vm_type_of(locals) == VM_TYPE(DICT) ? vm_dict_setitem(locals, name, v) : vm_setitem(locals, name, v)) < 0)
        goto error;
    DISPATCH();
}
op_DELETE_NAME: {
    vm_value name = names[oparg], locals = F[VM_FR_LOCALS];
    if (vm_setitem(locals, name, VM_NULL) < 0) {
        if (vm_exc_matches(VM_TYPE(KeyError)))
            name_error(name);
        goto error;
    }
    DISPATCH();
}
op_LOAD_GLOBAL: {
    vm_value name = names[oparg >> 1];
    SKIP_CACHE();
    vm_value v = vm_dict_getitem(F[VM_FR_GLOBALS], name);
    if (!v) {
        if (vm_error_pending())
            goto error;
        v = vm_dict_getitem(F[VM_FR_BUILTINS], name);
        if (!v) {
            if (!vm_error_pending())
                name_error(name);
            goto error;
        }
    }
    if (oparg & 1)
        PUSH(VM_NULL);
    PUSH(v);
    DISPATCH();
}
op_STORE_GLOBAL:
    if (vm_dict_setitem(F[VM_FR_GLOBALS], names[oparg], POP()) < 0)
        goto error;
    DISPATCH();
op_DELETE_GLOBAL:
    if (vm_dict_delitem(F[VM_FR_GLOBALS], names[oparg]) < 0) {
        if (vm_exc_matches(VM_TYPE(KeyError)))
            name_error(names[oparg]);
        goto error;
    }
    DISPATCH();
op_LOAD_ATTR: {
    SKIP_CACHE();
    vm_value r = vm_getattr(TOP(), names[oparg]);
    if (!r)
        goto error;
    SET_TOP(r);
    DISPATCH();
}
op_STORE_ATTR: {
    SKIP_CACHE();
    vm_value obj = TOP(), v = PEEK(2);
    sp -= 2;
    if (vm_setattr(obj, names[oparg], v) < 0)
        goto error;
    DISPATCH();
}
op_DELETE_ATTR: {
    vm_value obj = POP();
    if (vm_setattr(obj, names[oparg], VM_NULL) < 0)
        goto error;
    DISPATCH();
}
op_LOAD_METHOD: {
    SKIP_CACHE();
    vm_value obj = TOP(), self;
    vm_value m = vm_getmethod(obj, names[oparg], &self);
    if (!m)
        goto error;
    if (self) {
        SET_TOP(m);
        PUSH(self);
    } else {
        SET_TOP(VM_NULL);
        PUSH(m);
    }
    DISPATCH();
}
op_IMPORT_NAME: {
    vm_value fromlist = POP(), level = TOP();
    SAVE_FRAME();
    vm_value m = import_name(f, names[oparg], fromlist, level);
    if (!m)
        goto error;
    SET_TOP(m);
    DISPATCH();
}
op_IMPORT_FROM: {
    vm_value v = import_from(TOP(), names[oparg]);
    if (!v)
        goto error;
    PUSH(v);
    DISPATCH();
}
op_IMPORT_STAR: {
    vm_value m = POP();
    if (import_star(f, m) < 0)
        goto error;
    DISPATCH();
}

op_BUILD_TUPLE: {
    vm_value t = vm_tuple_new((size_t)oparg);
    if (!t) {
        vm_raise_nomem();
        goto error;
    }
    sp -= oparg;
    memcpy(vm_tuple_items(t), sp, (size_t)oparg * sizeof(vm_value));
    PUSH(t);
    DISPATCH();
}
op_BUILD_LIST: {
    vm_value l = vm_list_new(oparg);
    if (!l) {
        vm_raise_nomem();
        goto error;
    }
    sp -= oparg;
    for (int i = 0; i < oparg; i++)
        vm_list_append(l, sp[i]);
    PUSH(l);
    DISPATCH();
}
op_BUILD_SET: {
    vm_value s = vm_set_new(VM_TYPE(SET));
    if (!s)
        goto error;
    sp -= oparg;
    for (int i = 0; i < oparg; i++)
        if (vm_set_add(s, sp[i]) < 0)
            goto error;
    PUSH(s);
    DISPATCH();
}
op_BUILD_MAP: {
    vm_value d = vm_dict_new();
    if (!d) {
        vm_raise_nomem();
        goto error;
    }
    sp -= 2 * oparg;
    for (int i = 0; i < oparg; i++)
        if (vm_dict_setitem(d, sp[2 * i], sp[2 * i + 1]) < 0)
            goto error;
    PUSH(d);
    DISPATCH();
}
op_BUILD_CONST_KEY_MAP: {
    vm_value keys = POP();
    vm_value d = vm_dict_new();
    if (!d) {
        vm_raise_nomem();
        goto error;
    }
    sp -= oparg;
    for (int i = 0; i < oparg; i++)
        if (vm_dict_setitem(d, vm_tuple_items(keys)[i], sp[i]) < 0)
            goto error;
    PUSH(d);
    DISPATCH();
}
op_BUILD_STRING: {
    sp -= oparg;
    vm_value s = vm_str_join_values(sp, oparg);
    if (!s)
        goto error;
    PUSH(s);
    DISPATCH();
}
op_LIST_APPEND: {
    vm_value v = POP();
    if (!vm_list_append(PEEK(oparg), v)) {
        vm_raise_nomem();
        goto error;
    }
    DISPATCH();
}
op_SET_ADD: {
    vm_value v = POP();
    if (vm_set_add(PEEK(oparg), v) < 0)
        goto error;
    DISPATCH();
}
op_MAP_ADD: {
    vm_value v = POP(), k = POP();
    if (vm_dict_setitem(PEEK(oparg), k, v) < 0)
        goto error;
    DISPATCH();
}
op_LIST_EXTEND: {
    vm_value it = POP();
    if (vm_list_extend(PEEK(oparg), it) < 0) {
        if (vm_exc_matches_keep(VM_TYPE(TypeError)) && !vm_type_lookup_c(vm_type_of(it), "__iter__") &&
            !vm_type_lookup_c(vm_type_of(it), "__getitem__")) {
            vm_exc_clear();
            vm_raise(VM_TYPE(TypeError), "Value after * must be an iterable, not %T", it);
        }
        goto error;
    }
    DISPATCH();
}
op_SET_UPDATE: {
    vm_value it = POP();
    if (vm_set_update(PEEK(oparg), it) < 0)
        goto error;
    DISPATCH();
}
op_DICT_UPDATE: {
    vm_value m = POP();
    if (vm_dict_update(PEEK(oparg), m) < 0) {
        if (vm_exc_matches_keep(VM_TYPE(AttributeError)) || !vm_type_lookup_c(vm_type_of(m), "keys")) {
            vm_exc_clear();
            vm_raise(VM_TYPE(TypeError), "'%T' object is not a mapping", m);
        }
        goto error;
    }
    DISPATCH();
}
op_DICT_MERGE: {
    vm_value m = POP();
    vm_value func = PEEK(oparg + 2);
    if (vm_dict_merge(PEEK(oparg), m, func) < 0)
        goto error;
    DISPATCH();
}
op_LIST_TO_TUPLE: {
    vm_value t = vm_list_as_tuple(TOP());
    if (!t)
        goto error;
    SET_TOP(t);
    DISPATCH();
}
op_FORMAT_VALUE: {
    vm_value spec = (oparg & VM_FVS_HAVE_SPEC) ? POP() : VM_NULL;
    vm_value r = format_value(TOP(), oparg & 3, spec);
    if (!r)
        goto error;
    SET_TOP(r);
    DISPATCH();
}
op_UNPACK_SEQUENCE: {
    SKIP_CACHE();
    vm_value seq = POP();
    if (vm_is_ref(seq) && vm_type_of(seq) == VM_TYPE(TUPLE) && vm_tuple_length(seq) == oparg) {
        for (int i = oparg - 1; i >= 0; i--)
            PUSH(vm_tuple_items(seq)[i]);
        DISPATCH();
    }
    vm_value out[oparg > 0 ? oparg : 1];
    if (!unpack(seq, oparg, 0, false, out))
        goto error;
    for (int i = oparg - 1; i >= 0; i--)
        PUSH(out[i]);
    DISPATCH();
}
op_UNPACK_EX: {
    int before = oparg & 0xff, after = oparg >> 8;
    vm_value seq = POP();
    vm_value out[before + after + 1];
    if (!unpack(seq, before, after, true, out))
        goto error;
    for (int i = before + after; i >= 0; i--)
        PUSH(out[i]);
    DISPATCH();
}

op_JUMP:
    JUMPTO(oparg);
    DISPATCH();
op_JUMP_BACKWARD:
    JUMPTO(oparg);
    if (__builtin_expect(vm_interrupt_flag, 0)) {
        vm_interrupt_flag = 0;
        vm_value ki = vm_call0(VM_TYPE(KeyboardInterrupt));
        if (ki)
            vm_raise_value(ki);
        goto error;
    }
    if (stm_safe_point(tl) && base && stm_atomic_depth(tl) == 0) {
        cur = ip;
        SAVE_FRAME();
        *status = EV_COMMIT;
        return VM_NULL;
    }
    DISPATCH();
op_JUMP_BACKWARD_NO_INTERRUPT:
    JUMPTO(oparg);
    DISPATCH();
op_POP_JUMP_IF_FALSE: {
    vm_value v = POP();
    if (v == VM_FALSE) {
        JUMPTO(oparg);
    } else if (v != VM_TRUE) {
        int t = vm_truth(v);
        if (t < 0)
            goto error;
        if (!t)
            JUMPTO(oparg);
    }
    DISPATCH();
}
op_POP_JUMP_IF_TRUE: {
    vm_value v = POP();
    if (v == VM_TRUE) {
        JUMPTO(oparg);
    } else if (v != VM_FALSE) {
        int t = vm_truth(v);
        if (t < 0)
            goto error;
        if (t)
            JUMPTO(oparg);
    }
    DISPATCH();
}
op_POP_JUMP_IF_NONE:
    if (POP() == VM_NONE)
        JUMPTO(oparg);
    DISPATCH();
op_POP_JUMP_IF_NOT_NONE:
    if (POP() != VM_NONE)
        JUMPTO(oparg);
    DISPATCH();
op_JUMP_IF_FALSE_OR_POP: {
    int t = vm_truth(TOP());
    if (t < 0)
        goto error;
    if (!t)
        JUMPTO(oparg);
    else
        sp--;
    DISPATCH();
}
op_JUMP_IF_TRUE_OR_POP: {
    int t = vm_truth(TOP());
    if (t < 0)
        goto error;
    if (t)
        JUMPTO(oparg);
    else
        sp--;
    DISPATCH();
}
op_GET_ITER: {
    vm_value v = TOP();
    vm_value it = vm_iter(v);
    if (!it)
        goto error;
    SET_TOP(it);
    DISPATCH();
}
op_FOR_ITER: {
    SKIP_CACHE();
    vm_value it = TOP(), v;
    bool handled;
    v = vm_builtin_next(it, &handled);
    if (!handled) {
        if (vm_type_of(it) == VM_TYPE(GENERATOR))
            v = gen_next(it);
        else
            v = vm_next(it);
    }
    if (v) {
        PUSH(v);
        DISPATCH();
    }
    if (vm_error_pending())
        goto error;
    sp--;
    JUMPTO(oparg);
    DISPATCH();
}
op_GET_LEN: {
    int64_t n = vm_len(TOP());
    if (n < 0)
        goto error;
    PUSH(vm_small(n));
    DISPATCH();
}

op_KW_NAMES:
    kwnames = consts[oparg];
    DISPATCH();
op_CALL: {
    SKIP_CACHE();
    int is_meth = PEEK(oparg + 2) != VM_NULL;
    int64_t nargs = oparg + is_meth;
    vm_value callable = PEEK(nargs + 1);
    vm_value *args = sp - nargs;
    vm_value kw = kwnames;
    kwnames = VM_NULL;
    int64_t npos = nargs - (kw ? vm_tuple_length(kw) : 0);
    if (vm_is_ref(callable) && vm_type_of(callable) == VM_TYPE(METHOD) && !is_meth) {
        /* a bound method: its self goes in the NULL slot below */
        vm_value func = vm_field(callable, VM_METHOD_FUNC);
        FW();
        PEEK(nargs + 1) = vm_field(callable, VM_METHOD_SELF);
        PEEK(nargs + 2) = func;
        callable = func;
        args--;
        nargs++;
        npos++;
        is_meth = 1;
    }
    if (vm_is_ref(callable) && vm_type_of(callable) == VM_TYPE(FUNCTION)) {
        if (th->depth >= th->recursion_limit) {
            vm_raise(VM_TYPE(RecursionError), "maximum recursion depth exceeded");
            goto error;
        }
        vm_value nf = function_frame(callable, args, npos, kw);
        if (!nf)
            goto error;
        sp -= oparg + 2;
        SAVE_FRAME();
        vm_fields(nf)[VM_FR_BACK] = f;
        vm_set_root(VM_ROOT_FRAME, nf);
        th->depth++;
        LOAD_FRAME();
        if (stm_safe_point(tl) && base && stm_atomic_depth(tl) == 0) {
            SAVE_FRAME();
            *status = EV_COMMIT;
            return VM_NULL;
        }
        DISPATCH();
    }
    SAVE_FRAME();
    vm_value r = vm_call(callable, args, npos, kw);
    sp -= oparg + 2;
    if (!r)
        goto error;
    PUSH(r);
    if (stm_safe_point(tl) && base && stm_atomic_depth(tl) == 0) {
        cur = ip;
        SAVE_FRAME();
        *status = EV_COMMIT;
        return VM_NULL;
    }
    DISPATCH();
}
op_CALL_FUNCTION_EX: {
    vm_value kwargs = (oparg & 1) ? POP() : VM_NULL;
    vm_value callargs = POP();
    vm_value func = TOP();
    if (!vm_is_type(callargs, VM_T_TUPLE)) {
        vm_value t = vm_tuple_from_iterable(callargs);
        if (!t) {
            if (vm_exc_matches_keep(VM_TYPE(TypeError)) && !vm_type_lookup_c(vm_type_of(callargs), "__iter__") &&
                !vm_type_lookup_c(vm_type_of(callargs), "__getitem__")) {
                vm_exc_clear();
                vm_value fname = vm_getattr_opt(func, vm_intern("__qualname__"));
                if (fname && vm_has_layout(fname, VM_L_STR))
                    vm_raise(VM_TYPE(TypeError), "%U() argument after * must be an iterable, not %T", fname, callargs);
                else {
                    vm_exc_clear();
                    vm_raise(VM_TYPE(TypeError), "%R argument after * must be an iterable, not %T", func, callargs);
                }
            }
            goto error;
        }
        callargs = t;
    }
    SAVE_FRAME();
    vm_value r = vm_call_kwargs(func, vm_tuple_items(callargs), vm_tuple_length(callargs),
                                kwargs && vm_dict_len(kwargs) ? kwargs : VM_NULL);
    sp--;
    if (PEEK(1) == VM_NULL)
        sp--;
    if (!r)
        goto error;
    PUSH(r);
    DISPATCH();
}
op_MAKE_FUNCTION: {
    vm_value codev = POP();
    vm_value fn = vm_function_new(codev, F[VM_FR_GLOBALS], VM_NULL);
    if (!fn)
        goto error;
    vm_value *FN = vm_fields(fn);
    if (oparg & VM_MKFN_CLOSURE)
        FN[VM_FN_CLOSURE] = POP();
    if (oparg & VM_MKFN_ANNOTATIONS)
        FN[VM_FN_ANNOTATIONS] = POP();
    if (oparg & VM_MKFN_KWDEFAULTS)
        FN[VM_FN_KWDEFAULTS] = POP();
    if (oparg & VM_MKFN_DEFAULTS)
        FN[VM_FN_DEFAULTS] = POP();
    PUSH(fn);
    DISPATCH();
}
op_LOAD_BUILD_CLASS: {
    vm_value b = vm_dict_getitem_c(F[VM_FR_BUILTINS], "__build_class__");
    if (!b) {
        if (!vm_error_pending())
            vm_raise(VM_TYPE(NameError), "__build_class__ not found");
        goto error;
    }
    PUSH(b);
    DISPATCH();
}
op_SETUP_ANNOTATIONS: {
    vm_value locals = F[VM_FR_LOCALS];
    vm_value key = vm_intern("__annotations__");
    vm_value v = vm_type_of(locals) == VM_TYPE(DICT) ? vm_dict_getitem(locals, key) : vm_getitem(locals, key);
    if (!v) {
        if (vm_error_pending() && !vm_exc_matches(VM_TYPE(KeyError)))
            goto error;
        vm_value d = vm_dict_new();
        if (!d || vm_setitem(locals, key, d) < 0)
            goto error;
    }
    DISPATCH();
}
op_RETURN_VALUE: {
    vm_value r = POP();
    int64_t flags = S(F[VM_FR_FLAGS]);
    vm_value back = F[VM_FR_BACK];
    th->depth--;
    FW();
    F[VM_FR_BACK] = VM_NULL;
    SAVE_FRAME();
    if (flags & FR_ENTRY) {
        F[VM_FR_FLAGS] = vm_small(flags & ~FR_ENTRY);
        vm_set_root(VM_ROOT_FRAME, back);
        *status = EV_RETURN;
        return r;
    }
    vm_set_root(VM_ROOT_FRAME, back);
    LOAD_FRAME();
    PUSH(r);
    if (stm_safe_point(tl) && base && stm_atomic_depth(tl) == 0) {
        cur = ip;
        SAVE_FRAME();
        *status = EV_COMMIT;
        return VM_NULL;
    }
    DISPATCH();
}

op_RETURN_GENERATOR: {
    vm_value gen = vm_obj_new(gen_type_for(co), GEN_NFIELDS);
    if (!gen) {
        vm_raise_nomem();
        goto error;
    }
    vm_value *G = vm_fields(gen);
    G[GEN_FRAME] = f;
    vm_value func = F[VM_FR_FUNC];
    G[GEN_NAME] = vm_field(func, VM_FN_NAME);
    G[GEN_QUALNAME] = vm_field(func, VM_FN_QUALNAME);
    G[GEN_RUNNING] = VM_FALSE;
    G[GEN_EXC] = VM_NONE;
    G[GEN_CODE] = codeobj;
    int64_t flags = S(F[VM_FR_FLAGS]);
    vm_value back = F[VM_FR_BACK];
    th->depth--;
    FW();
    F[VM_FR_BACK] = VM_NULL;
    SAVE_FRAME();
    F[VM_FR_FLAGS] = vm_small((flags & ~FR_ENTRY) | FR_GEN);
    if (flags & FR_ENTRY) {
        vm_set_root(VM_ROOT_FRAME, back);
        *status = EV_RETURN;
        return gen;
    }
    vm_set_root(VM_ROOT_FRAME, back);
    LOAD_FRAME();
    PUSH(gen);
    DISPATCH();
}
op_YIELD_VALUE: {
    vm_value v = POP();
    int64_t flags = S(F[VM_FR_FLAGS]);
    vm_value back = F[VM_FR_BACK];
    th->depth--;
    FW();
    F[VM_FR_BACK] = VM_NULL;
    SAVE_FRAME();
    F[VM_FR_FLAGS] = vm_small(flags & ~FR_ENTRY);
    vm_set_root(VM_ROOT_FRAME, back);
    /* generator frames always run in a nested loop (gen_resume) */
    *status = EV_YIELD;
    if (co->flags & VM_CO_ASYNC_GENERATOR && oparg == 0)
        return vm_async_gen_wrap(v);
    return v;
}
op_SEND: {
    vm_value v = POP(), recv = TOP(), r;
    vm_value rt = vm_type_of(recv);
    SAVE_FRAME();
    if (rt == VM_TYPE(GENERATOR) || rt == VM_TYPE(COROUTINE)) {
        int st;
        r = gen_resume(recv, v, RESUME_NORMAL, &st);
        if (st == EV_YIELD) {
            PUSH(r);
            DISPATCH();
        }
        if (st == EV_ERROR)
            goto error;
        /* returned: the result of the delegation */
        SET_TOP(r);
        JUMPTO(oparg);
        DISPATCH();
    }
    if (v == VM_NONE)
        r = vm_next(recv);
    else
        r = vm_call_method(recv, "send", &v, 1);
    if (r) {
        PUSH(r);
        DISPATCH();
    }
    if (!vm_error_pending()) {
        SET_TOP(VM_NONE);
        JUMPTO(oparg);
        DISPATCH();
    }
    if (vm_exc_matches_keep(VM_TYPE(StopIteration))) {
        vm_value e = vm_exc_fetch();
        SET_TOP(stop_value(e));
        JUMPTO(oparg);
        DISPATCH();
    }
    goto error;
}
op_GET_YIELD_FROM_ITER: {
    vm_value v = TOP();
    vm_value t = vm_type_of(v);
    if (t == VM_TYPE(COROUTINE)) {
        if (!(co->flags & (VM_CO_COROUTINE | VM_CO_ITERABLE_COROUTINE))) {
            vm_raise(VM_TYPE(TypeError), "cannot 'yield from' a coroutine object in a non-coroutine generator");
            goto error;
        }
    } else if (t != VM_TYPE(GENERATOR)) {
        vm_value it = vm_iter(v);
        if (!it)
            goto error;
        SET_TOP(it);
    }
    DISPATCH();
}
op_GET_AWAITABLE: {
    vm_value v = TOP();
    vm_value a = vm_get_awaitable(v, oparg);
    if (!a)
        goto error;
    SET_TOP(a);
    DISPATCH();
}
op_GET_AITER: {
    vm_value v = TOP();
    bool found;
    vm_value it = vm_call_special(v, "__aiter__", NULL, 0, &found);
    if (!found) {
        vm_raise(VM_TYPE(TypeError), "'async for' requires an object with __aiter__ method, got %T", v);
        goto error;
    }
    if (!it)
        goto error;
    if (!vm_type_lookup_c(vm_type_of(it), "__anext__")) {
        vm_raise(VM_TYPE(TypeError), "'async for' received an object from __aiter__ that does not implement __anext__: %T", it);
        goto error;
    }
    SET_TOP(it);
    DISPATCH();
}
op_GET_ANEXT: {
    vm_value it = TOP();
    bool found;
    vm_value aw = vm_call_special(it, "__anext__", NULL, 0, &found);
    if (!found) {
        vm_raise(VM_TYPE(TypeError), "'async for' requires an iterator with __anext__ method, got %T", it);
        goto error;
    }
    if (!aw)
        goto error;
    vm_value a = vm_get_awaitable(aw, 0);
    if (!a) {
        if (vm_exc_matches(VM_TYPE(TypeError)))
            vm_raise(VM_TYPE(TypeError), "'async for' received an invalid object from __anext__: %T", aw);
        goto error;
    }
    PUSH(a);
    DISPATCH();
}
op_END_ASYNC_FOR: {
    vm_value exc = POP();
    if (vm_isinstance(exc, VM_TYPE(StopAsyncIteration))) {
        sp--;   /* the async iterator */
        vm_value prev = POP();
        vm_set_root(VM_ROOT_HANDLED, prev == VM_NONE ? VM_NULL : prev);
        DISPATCH();
    }
    vm_raise_value_keep_tb(exc);
    goto exception_unwind;
}
op_ASYNC_GEN_WRAP:
    DISPATCH();

op_BEFORE_WITH:
op_BEFORE_ASYNC_WITH: {
    bool async = (ins & 0xff) == VM_OP_BEFORE_ASYNC_WITH;
    vm_value mgr = TOP();
    vm_value t = vm_type_of(mgr);
    vm_value enter = vm_type_lookup_c(t, async ? "__aenter__" : "__enter__");
    vm_value exitf = vm_type_lookup_c(t, async ? "__aexit__" : "__exit__");
    if (!enter || !exitf) {
        if (async)
            vm_raise(VM_TYPE(TypeError), "'%T' object does not support the asynchronous context manager protocol", mgr);
        else
            vm_raise(VM_TYPE(TypeError), "'%T' object does not support the context manager protocol", mgr);
        if (enter && !exitf) {
            vm_exc_clear();
            vm_raise(VM_TYPE(TypeError), async ? "'%T' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
                                               : "'%T' object does not support the context manager protocol (missed __exit__ method)", mgr);
        }
        goto error;
    }
    bool hg;
    (void)hg;
    vm_value bound_exit = vm_getattr(mgr, vm_intern(async ? "__aexit__" : "__exit__"));
    if (!bound_exit)
        goto error;
    SET_TOP(bound_exit);
    SAVE_FRAME();
    vm_value r = vm_call_special(mgr, async ? "__aenter__" : "__enter__", NULL, 0, NULL);
    if (!r)
        goto error;
    PUSH(r);
    DISPATCH();
}
op_WITH_EXCEPT_START: {
    vm_value val = TOP();
    vm_value exitf = PEEK(4);
    vm_value tb = vm_field(val, VM_EXC_TRACEBACK);
    vm_value args[3] = {vm_type_of(val), val, tb ? tb : VM_NONE};
    SAVE_FRAME();
    vm_value r = vm_call(exitf, args, 3, VM_NULL);
    if (!r)
        goto error;
    PUSH(r);
    DISPATCH();
}
op_PUSH_EXC_INFO: {
    vm_value v = TOP();
    vm_value prev = vm_root(VM_ROOT_HANDLED);
    SET_TOP(prev ? prev : VM_NONE);
    PUSH(v);
    vm_set_root(VM_ROOT_HANDLED, v);
    DISPATCH();
}
op_POP_EXCEPT: {
    vm_value v = POP();
    vm_set_root(VM_ROOT_HANDLED, v == VM_NONE ? VM_NULL : v);
    DISPATCH();
}
op_RERAISE: {
    /* with oparg, the original instruction's offset sits below: only the frame's line
     * (f_lineno) would use it; the handler is looked up at this RERAISE, as CPython does */
    vm_value exc = POP();
    vm_raise_value_keep_tb(exc);
    goto exception_unwind_at_ip;
}
op_RAISE_VARARGS: {
    vm_value cause = VM_NULL, exc = VM_NULL;
    if (oparg == 2)
        cause = POP();
    if (oparg >= 1)
        exc = POP();
    if (oparg == 0) {
        vm_value h = vm_root(VM_ROOT_HANDLED);
        if (!h) {
            vm_raise(VM_TYPE(RuntimeError), "No active exception to reraise");
            goto error;
        }
        vm_raise_value_keep_tb(h);
        goto exception_unwind;
    }
    do_raise(exc, cause);
    goto error;
}
op_CHECK_EXC_MATCH: {
    vm_value t = POP(), exc = TOP();
    if (!check_except_type(t))
        goto error;
    PUSH(exc_matches(exc, t) ? VM_TRUE : VM_FALSE);
    DISPATCH();
}
op_CHECK_EG_MATCH: {
    vm_value t = POP(), exc = POP();
    if (!check_except_type(t))
        goto error;
    {
        bool is_eg = vm_is_type_object(t) && vm_is_subtype(t, VM_TYPE(BaseExceptionGroup));
        for (int64_t i = 0; vm_is_type(t, VM_T_TUPLE) && i < vm_tuple_length(t); i++)
            is_eg |= vm_is_subtype(vm_tuple_items(t)[i], VM_TYPE(BaseExceptionGroup));
        if (is_eg) {
            vm_raise(VM_TYPE(TypeError), "catching ExceptionGroup with except* is not allowed. Use except instead.");
            goto error;
        }
    }
    vm_value rest = VM_NULL;
    vm_value match = exception_group_match(exc, t, &rest);
    if (!match && vm_error_pending())
        goto error;
    if (!match || match == VM_NONE) {
        PUSH(exc);
        PUSH(VM_NONE);
        DISPATCH();
    }
    PUSH(rest ? rest : VM_NONE);
    PUSH(match);
    vm_set_root(VM_ROOT_HANDLED, match);
    DISPATCH();
}
op_PREP_RERAISE_STAR: {
    vm_value excs = POP(), orig = TOP();
    vm_value r = prep_reraise_star(orig, excs);
    if (!r)
        goto error;
    SET_TOP(r);
    DISPATCH();
}
op_LOAD_ASSERTION_ERROR:
    PUSH(VM_TYPE(AssertionError));
    DISPATCH();

op_MATCH_CLASS: {
    vm_value kwn = POP(), type = POP(), subject = TOP();
    vm_value r = match_class(subject, type, oparg, kwn);
    if (!r) {
        if (vm_error_pending())
            goto error;
        SET_TOP(VM_NONE);
        PUSH(VM_FALSE);
    } else {
        SET_TOP(r);
        PUSH(VM_TRUE);
    }
    DISPATCH();
}
op_MATCH_MAPPING:
{
    vm_value r = is_mapping(TOP()) ? VM_TRUE : VM_FALSE;
    PUSH(r);
}
    DISPATCH();
op_MATCH_SEQUENCE:
{
    vm_value r = is_sequence(TOP()) ? VM_TRUE : VM_FALSE;
    PUSH(r);
}
    DISPATCH();
op_MATCH_KEYS: {
    vm_value keys = TOP(), subject = PEEK(2);
    vm_value r = match_keys(subject, keys);
    if (!r) {
        if (vm_error_pending())
            goto error;
        PUSH(VM_NONE);
        PUSH(VM_FALSE);
    } else {
        PUSH(r);
        PUSH(VM_TRUE);
    }
    DISPATCH();
}
op_PRINT_EXPR: {
    vm_value v = POP();
    vm_value hook = vm_dict_getitem_c(vm_module_dict(vm_sys_module), "displayhook");
    if (!hook) {
        if (!vm_error_pending())
            vm_raise(VM_TYPE(RuntimeError), "lost sys.displayhook");
        goto error;
    }
    if (!vm_call1(hook, v))
        goto error;
    DISPATCH();
}

op_SETUP_FINALLY:
op_SETUP_CLEANUP:
op_SETUP_WITH:
op_POP_BLOCK:
op_JUMP_ANY:
op_JUMP_NO_INTERRUPT:
    vm_raise(VM_TYPE(SystemError), "pseudo-instruction in a code object");
    goto error;

error:
    /* a new exception: record where it passed */
    vm_exc_add_traceback(vm_exc_current(), f, (int)(cur - code));
exception_unwind:
exception_unwind_at_ip : {
    const vm_code_handler *h = vm_code_handler_for(co, (uint32_t)(cur - code));
    if (h) {
        sp = stack + h->depth;
        if (h->lasti)
            PUSH(vm_small(cur - code));
        PUSH(vm_exc_fetch());
        JUMPTO(h->handler);
        kwnames = VM_NULL;
        DISPATCH();
    }
    /* the exception leaves the frame */
    int64_t flags = S(F[VM_FR_FLAGS]);
    vm_value back = F[VM_FR_BACK];
    th->depth--;
    FW();
    F[VM_FR_BACK] = VM_NULL;
    SAVE_FRAME();
    if (flags & FR_ENTRY) {
        F[VM_FR_FLAGS] = vm_small(flags & ~FR_ENTRY);
        vm_set_root(VM_ROOT_FRAME, back);
        *status = EV_ERROR;
        return VM_NULL;
    }
    vm_set_root(VM_ROOT_FRAME, back);
    LOAD_FRAME();
    kwnames = VM_NULL;
    goto error;
}
}

/* ---------------------------------------------------------------------------------------
 * The base loop
 */
bool vm_run_main(vm_value code, vm_value globals)
{
    vm_thread *th = vm_self;
    stm_thread *tl = &th->tl;
    /* the first transaction makes the frame */
    stm_start_transaction(tl);
    vm_ops_reset_thread();
    vm_value b = vm_dict_getitem_c(globals, "__builtins__");
    if (b && vm_is_type(b, VM_T_MODULE))
        b = vm_module_dict(b);
    if (!b || !vm_has_layout(b, VM_L_DICT)) {
        vm_exc_clear();
        b = vm_builtins_dict;
    }
    vm_value f = frame_new(code, globals, b, globals, VM_NULL);
    if (!f) {
        stm_commit_transaction(tl);
        return false;
    }
    vm_fields(f)[VM_FR_FLAGS] = vm_small(FR_ENTRY);
    vm_fields(f)[VM_FR_BACK] = vm_root(VM_ROOT_FRAME);
    vm_set_root(VM_ROOT_FRAME, f);
    th->depth++;
    stm_commit_transaction(tl);
    for (;;) {
        stm_start_transaction(tl);
        vm_ops_reset_thread();
        th->depth = vm_frame_depth();
        int st;
        vm_value r = eval(th, true, &st, RESUME_NORMAL);
        if (st == EV_COMMIT) {
            stm_commit_transaction(tl);
            continue;
        }
        vm_set_root(VM_ROOT_RESULT, r);
        stm_commit_transaction(tl);
        return st == EV_RETURN;
    }
}

/* Python frames on the thread's frame stack (recomputed after an abort) */
int vm_frame_depth(void)
{
    int n = 0;
    for (vm_value f = vm_root(VM_ROOT_FRAME); f; f = vm_field(f, VM_FR_BACK))
        n++;
    return n;
}

/* ---------------------------------------------------------------------------------------
 * Generator objects' methods
 */
static vm_value gen_iter(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return a[0];
}

static vm_value gen_next_m(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value r = gen_next(a[0]);
    if (!r && !vm_error_pending())
        vm_raise_value(vm_exc_new(VM_TYPE(StopIteration), vm_tuple_new(0)));
    return r;
}

static vm_value gen_send_m(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_gen_send(a[0], a[1]);
}

/* Makes exc pending from throw()'s arguments (typ[, val[, tb]]). */
static bool make_throw_exc(vm_value *a, int64_t n)
{
    vm_value typ = a[1], val = n > 2 ? a[2] : VM_NONE, tb = n > 3 ? a[3] : VM_NONE;
    if (tb != VM_NONE && !vm_is_type(tb, VM_T_TRACEBACK)) {
        vm_raise(VM_TYPE(TypeError), "throw() third argument must be a traceback object");
        return false;
    }
    vm_value exc;
    if (is_exc_class(typ)) {
        if (val == VM_NONE)
            exc = vm_call0(typ);
        else if (vm_is_exception(val) && vm_isinstance(val, typ))
            exc = val;
        else if (vm_is_type(val, VM_T_TUPLE))
            exc = vm_call(typ, vm_tuple_items(val), vm_tuple_length(val), VM_NULL);
        else
            exc = vm_call1(typ, val);
        if (!exc)
            return false;
    } else if (vm_is_exception(typ)) {
        if (val != VM_NONE) {
            vm_raise(VM_TYPE(TypeError), "instance exception may not have a separate value");
            return false;
        }
        exc = typ;
    } else {
        vm_raise(VM_TYPE(TypeError), "exceptions must be classes or instances deriving from BaseException, not %T", typ);
        return false;
    }
    if (tb != VM_NONE)
        vm_set_field(exc, VM_EXC_TRACEBACK, tb);
    vm_raise_value_keep_tb(exc);
    return true;
}

/* throw exc (pending) into gen: the yielded value, or VM_NULL (StopIteration / error) */
static vm_value gen_throw_impl(vm_value gen, vm_value exc, bool close_on_exit)
{
    (void)exc;
    (void)close_on_exit;
    vm_value f = vm_field(gen, GEN_FRAME);
    int64_t flags = S(vm_field(f, VM_FR_FLAGS));
    if (!(flags & FR_STARTED) || (flags & FR_DONE)) {
        /* never started or finished: the exception comes straight out */
        stm_write((stm_ref)f);
        vm_fields(f)[VM_FR_FLAGS] = vm_small(flags | FR_DONE | FR_STARTED);
        return VM_NULL;
    }
    /* delegating (yield from / await)? the delegate is on top of the frame's stack */
    vm_value code = vm_field(f, VM_FR_CODE);
    const vm_code *co = vm_code_of(code);
    int64_t lasti = S(vm_field(f, VM_FR_LASTI));
    uint32_t prev = lasti > 0 ? co->code[lasti - 1] : 0;
    if (lasti > 0 && vm_op_code(prev) == VM_OP_YIELD_VALUE && vm_op_arg(prev) > 0) {
        int64_t depth = S(vm_field(f, VM_FR_DEPTH));
        vm_value yf = vm_field(f, VM_FR_NFIELDS + co->nlocalsplus + (int)depth - 1);
        vm_value pending = vm_exc_fetch();
        vm_value r;
        vm_set_field(gen, GEN_RUNNING, VM_TRUE);
        if (vm_isinstance(pending, VM_TYPE(GeneratorExit))) {
            /* close the delegate, then raise GeneratorExit here */
            vm_value cl = vm_getattr_opt(yf, vm_intern("close"));
            if (cl && !vm_call0(cl)) {
                vm_set_field(gen, GEN_RUNNING, VM_FALSE);
                goto throw_here;
            }
            vm_set_field(gen, GEN_RUNNING, VM_FALSE);
            vm_raise_value_keep_tb(pending);
            goto throw_here;
        }
        vm_value yt = vm_type_of(yf);
        if (yt == VM_TYPE(GENERATOR) || yt == VM_TYPE(COROUTINE)) {
            vm_raise_value_keep_tb(pending);
            r = gen_throw_impl(yf, pending, false);
            if (r) {
                vm_set_field(gen, GEN_RUNNING, VM_FALSE);
                return r;
            }
        } else {
            vm_value th = vm_getattr_opt(yf, vm_intern("throw"));
            if (!th) {
                vm_set_field(gen, GEN_RUNNING, VM_FALSE);
                if (vm_error_pending())
                    goto throw_here;
                vm_raise_value_keep_tb(pending);
                goto throw_here;
            }
            vm_value targs[1] = {pending};
            r = vm_call(th, targs, 1, VM_NULL);
            if (r) {
                vm_set_field(gen, GEN_RUNNING, VM_FALSE);
                return r;
            }
        }
        vm_set_field(gen, GEN_RUNNING, VM_FALSE);
        if (vm_exc_matches_keep(VM_TYPE(StopIteration))) {
            /* the delegate finished: its value is the result of the yield from; the SEND
             * before the yield jumps to its target with it */
            vm_value e = vm_exc_fetch();
            vm_value val = stop_value(e);
            stm_write((stm_ref)f);
            vm_value *F = vm_fields(f);
            int64_t send_at = lasti - 2;       /* SEND, then YIELD_VALUE */
            uint32_t send = co->code[send_at];
            F[VM_FR_NFIELDS + co->nlocalsplus + depth - 1] = val;
            F[VM_FR_LASTI] = vm_small((int64_t)vm_op_arg(send));
            int st;
            vm_value rr = gen_resume_no_push(gen, &st);
            if (st == EV_YIELD)
                return rr;
            if (st == EV_RETURN && rr && rr != VM_NONE)
                return raise_stop_iteration(rr);
            if (st == EV_RETURN && rr == VM_NONE)
                return raise_stop_iteration(VM_NONE);
            return VM_NULL;
        }
    }
throw_here: {
    int st;
    vm_value r = gen_resume(gen, VM_NULL, RESUME_THROW, &st);
    if (st == EV_YIELD)
        return r;
    if (st == EV_RETURN) {
        if (!r)
            return VM_NULL;
        return raise_stop_iteration(r);
    }
    return VM_NULL;
}
}

/* Resumes a generator frame without pushing a value (after a finished delegation). */
static vm_value gen_resume_no_push(vm_value gen, int *status)
{
    vm_value f = vm_field(gen, GEN_FRAME);
    stm_write((stm_ref)f);
    /* gen_resume pushes the value it is given: take the delegation's result off the
     * stack and hand it back, so the frame resumes with it on top */
    vm_value *F = vm_fields(f);
    int64_t d = S(F[VM_FR_DEPTH]);
    F[VM_FR_DEPTH] = vm_small(d - 1);   /* gen_resume pushes one value back */
    const vm_code *co = vm_code_of(F[VM_FR_CODE]);
    vm_value top = F[VM_FR_NFIELDS + co->nlocalsplus + d - 1];
    return gen_resume(gen, top, RESUME_NORMAL, status);
}

static vm_value gen_throw_m(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (!make_throw_exc(a, n))
        return VM_NULL;
    return gen_throw_impl(a[0], vm_exc_current(), false);
}

static vm_value gen_close_m(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value gen = a[0];
    vm_value f = vm_field(gen, GEN_FRAME);
    int64_t flags = S(vm_field(f, VM_FR_FLAGS));
    if (!(flags & FR_STARTED) || (flags & FR_DONE)) {
        stm_write((stm_ref)f);
        vm_fields(f)[VM_FR_FLAGS] = vm_small(flags | FR_DONE | FR_STARTED);
        return VM_NONE;
    }
    vm_value e = vm_exc_new(VM_TYPE(GeneratorExit), vm_tuple_new(0));
    if (!e)
        return VM_NULL;
    vm_raise_value_keep_tb(e);
    vm_value r = gen_throw_impl(gen, e, true);
    if (r) {
        vm_value t = vm_type_of(gen);
        vm_raise(VM_TYPE(RuntimeError), t == VM_TYPE(COROUTINE) ? "coroutine ignored GeneratorExit"
                                                                : "generator ignored GeneratorExit");
        return VM_NULL;
    }
    if (!vm_error_pending() || vm_exc_matches(VM_TYPE(GeneratorExit)) || vm_exc_matches(VM_TYPE(StopIteration)))
        return VM_NONE;
    return VM_NULL;
}

static vm_value gen_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value t = vm_type_of(a[0]);
    const char *kind = t == VM_TYPE(COROUTINE) ? "coroutine" : t == VM_TYPE(ASYNC_GENERATOR) ? "async_generator" : "generator";
    return vm_format("<%s object %U at %s>", kind, vm_field(a[0], GEN_QUALNAME), vm_hex_id(stm_id((stm_ref)a[0])));
}

static vm_value gen_name(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2) {
        vm_set_field(a[0], GEN_NAME, a[1]);
        return VM_NONE;
    }
    return vm_field(a[0], GEN_NAME);
}

static vm_value gen_qualname(vm_value *a, int64_t n, vm_value k)
{
    (void)k;
    if (n == 2) {
        vm_set_field(a[0], GEN_QUALNAME, a[1]);
        return VM_NONE;
    }
    return vm_field(a[0], GEN_QUALNAME);
}

static vm_value gen_running(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_field(a[0], GEN_RUNNING);
}

static vm_value gen_frame_get(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value f = vm_field(a[0], GEN_FRAME);
    return (S(vm_field(f, VM_FR_FLAGS)) & FR_DONE) ? VM_NONE : f;
}

static vm_value gen_code_get(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_field(a[0], GEN_CODE);
}

static vm_value gen_suspended(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value f = vm_field(a[0], GEN_FRAME);
    int64_t fl = S(vm_field(f, VM_FR_FLAGS));
    return (fl & FR_STARTED) && !(fl & FR_DONE) && vm_field(a[0], GEN_RUNNING) != VM_TRUE ? VM_TRUE : VM_FALSE;
}

static vm_value gen_yieldfrom(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value f = vm_field(a[0], GEN_FRAME);
    int64_t fl = S(vm_field(f, VM_FR_FLAGS));
    if (!(fl & FR_STARTED) || (fl & FR_DONE))
        return VM_NONE;
    const vm_code *co = vm_code_of(vm_field(f, VM_FR_CODE));
    int64_t lasti = S(vm_field(f, VM_FR_LASTI));
    if (lasti > 0 && vm_op_code(co->code[lasti - 1]) == VM_OP_YIELD_VALUE && vm_op_arg(co->code[lasti - 1]) > 0)
        return vm_field(f, VM_FR_NFIELDS + co->nlocalsplus + (int)S(vm_field(f, VM_FR_DEPTH)) - 1);
    return VM_NONE;
}

static vm_value coro_await(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value w = vm_obj_new(coro_wrapper_type, 1);
    if (!w)
        return vm_raise_nomem();
    vm_fields(w)[0] = a[0];
    return w;
}

static const vm_method_def gen_methods[] = {
    {"__iter__", gen_iter, 1, 1, VM_METH_NOKW, NULL},
    {"__next__", gen_next_m, 1, 1, VM_METH_NOKW, NULL},
    {"send", gen_send_m, 2, 2, VM_METH_NOKW, NULL},
    {"throw", gen_throw_m, 2, 4, VM_METH_NOKW, NULL},
    {"close", gen_close_m, 1, 1, VM_METH_NOKW, NULL},
    {"__repr__", gen_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__name__", gen_name, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__qualname__", gen_qualname, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"gi_running", gen_running, 1, 1, VM_METH_GETTER, NULL},
    {"gi_frame", gen_frame_get, 1, 1, VM_METH_GETTER, NULL},
    {"gi_code", gen_code_get, 1, 1, VM_METH_GETTER, NULL},
    {"gi_suspended", gen_suspended, 1, 1, VM_METH_GETTER, NULL},
    {"gi_yieldfrom", gen_yieldfrom, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

static const vm_method_def coro_methods[] = {
    {"send", gen_send_m, 2, 2, VM_METH_NOKW, NULL},
    {"throw", gen_throw_m, 2, 4, VM_METH_NOKW, NULL},
    {"close", gen_close_m, 1, 1, VM_METH_NOKW, NULL},
    {"__await__", coro_await, 1, 1, VM_METH_NOKW, NULL},
    {"__repr__", gen_repr, 1, 1, VM_METH_NOKW, NULL},
    {"__name__", gen_name, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"__qualname__", gen_qualname, 1, 2, VM_METH_GETTER | VM_METH_SETTER, NULL},
    {"cr_running", gen_running, 1, 1, VM_METH_GETTER, NULL},
    {"cr_frame", gen_frame_get, 1, 1, VM_METH_GETTER, NULL},
    {"cr_code", gen_code_get, 1, 1, VM_METH_GETTER, NULL},
    {"cr_suspended", gen_suspended, 1, 1, VM_METH_GETTER, NULL},
    {"cr_await", gen_yieldfrom, 1, 1, VM_METH_GETTER, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* coroutine_wrapper: what coro.__await__() returns (an iterator over the coroutine) */
static vm_value cw_next(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_gen_send(vm_field(a[0], 0), VM_NONE);
}
static vm_value cw_send(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_gen_send(vm_field(a[0], 0), a[1]);
}
static vm_value cw_throw(vm_value *a, int64_t n, vm_value k)
{
    vm_value b[4];
    memcpy(b, a, (size_t)n * sizeof(vm_value));
    b[0] = vm_field(a[0], 0);
    return gen_throw_m(b, n, k);
}
static vm_value cw_close(vm_value *a, int64_t n, vm_value k)
{
    vm_value b[1] = {vm_field(a[0], 0)};
    (void)n;
    return gen_close_m(b, 1, k);
}

static const vm_method_def coro_wrapper_methods[] = {
    {"__iter__", gen_iter, 1, 1, VM_METH_NOKW, NULL},
    {"__next__", cw_next, 1, 1, VM_METH_NOKW, NULL},
    {"send", cw_send, 2, 2, VM_METH_NOKW, NULL},
    {"throw", cw_throw, 2, 4, VM_METH_NOKW, NULL},
    {"close", cw_close, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

vm_value vm_get_awaitable(vm_value v, int where)
{
    vm_value t = vm_type_of(v);
    if (t == VM_TYPE(COROUTINE)) {
        if (vm_yieldfrom_of(v) != VM_NONE) {
            vm_raise(VM_TYPE(RuntimeError), "coroutine is being awaited already");
            return VM_NULL;
        }
        return v;
    }
    if (t == VM_TYPE(GENERATOR)) {
        vm_value code = vm_field(v, GEN_CODE);
        if (vm_code_of(code)->flags & VM_CO_ITERABLE_COROUTINE)
            return v;
    }
    bool found;
    vm_value r = vm_call_special(v, "__await__", NULL, 0, &found);
    if (!found) {
        if (where == VM_AWAIT_AENTER)
            vm_raise(VM_TYPE(TypeError), "'async with' received an object from __aenter__ that does not implement __await__: %T", v);
        else if (where == VM_AWAIT_AEXIT)
            vm_raise(VM_TYPE(TypeError), "'async with' received an object from __aexit__ that does not implement __await__: %T", v);
        else
            vm_raise(VM_TYPE(TypeError), "object %T can't be used in 'await' expression", v);
        return VM_NULL;
    }
    if (!r)
        return VM_NULL;
    vm_value rt = vm_type_of(r);
    if (rt == VM_TYPE(COROUTINE) || !vm_type_lookup_c(rt, "__next__")) {
        vm_raise(VM_TYPE(TypeError), "__await__() returned %s (type %T)",
                 rt == VM_TYPE(COROUTINE) ? "a coroutine" : "non-iterator", r);
        return VM_NULL;
    }
    return r;
}

vm_value vm_yieldfrom_of(vm_value gen)
{
    vm_value a[1] = {gen};
    return gen_yieldfrom(a, 1, VM_NULL);
}

/* ---------------------------------------------------------------------------------------
 * Frames and tracebacks as Python sees them
 */
static vm_value frame_lineno_of(vm_value f)
{
    const vm_code *co = vm_code_of(vm_field(f, VM_FR_CODE));
    const vm_code_pos *p = vm_code_position(co, (uint32_t)S(vm_field(f, VM_FR_LINENO)));
    return vm_small(p && p->lineno > 0 ? p->lineno : co->firstlineno);
}
static vm_value frame_f_lineno(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return frame_lineno_of(a[0]); }
static vm_value frame_f_code(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return vm_field(a[0], VM_FR_CODE); }
static vm_value frame_f_globals(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return vm_field(a[0], VM_FR_GLOBALS); }
static vm_value frame_f_builtins(vm_value *a, int64_t n, vm_value k) { (void)n; (void)k; return vm_field(a[0], VM_FR_BUILTINS); }
static vm_value frame_f_back(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value b = vm_field(a[0], VM_FR_BACK);
    return b ? b : VM_NONE;
}
static vm_value frame_f_lasti(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    return vm_small(S(vm_field(a[0], VM_FR_LINENO)) * 2);
}
static vm_value frame_f_locals(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value l = vm_field(a[0], VM_FR_LOCALS);
    if (l)
        return l;
    vm_value saved = vm_root(VM_ROOT_FRAME);
    vm_set_root(VM_ROOT_FRAME, a[0]);
    vm_value d = vm_current_locals();
    vm_set_root(VM_ROOT_FRAME, saved);
    return d;
}
static vm_value frame_repr(vm_value *a, int64_t n, vm_value k)
{
    (void)n; (void)k;
    vm_value code = vm_field(a[0], VM_FR_CODE);
    const vm_code *co = vm_code_of(code);
    return vm_format("<frame at %s, file '%s', line %ld, code %s>", vm_hex_id(stm_id((stm_ref)a[0])),
                     co->filename, (long)S(frame_lineno_of(a[0])), co->name);
}

static const vm_method_def frame_methods[] = {
    {"f_lineno", frame_f_lineno, 1, 1, VM_METH_GETTER, NULL},
    {"f_code", frame_f_code, 1, 1, VM_METH_GETTER, NULL},
    {"f_globals", frame_f_globals, 1, 1, VM_METH_GETTER, NULL},
    {"f_builtins", frame_f_builtins, 1, 1, VM_METH_GETTER, NULL},
    {"f_back", frame_f_back, 1, 1, VM_METH_GETTER, NULL},
    {"f_lasti", frame_f_lasti, 1, 1, VM_METH_GETTER, NULL},
    {"f_locals", frame_f_locals, 1, 1, VM_METH_GETTER, NULL},
    {"__repr__", frame_repr, 1, 1, VM_METH_NOKW, NULL},
    {NULL, NULL, 0, 0, 0, NULL}};

/* sys._getframe(depth) */
vm_value vm_getframe(int64_t depth)
{
    vm_value f = vm_root(VM_ROOT_FRAME);
    while (f && depth-- > 0)
        f = vm_field(f, VM_FR_BACK);
    if (!f) {
        vm_raise(VM_TYPE(ValueError), "call stack is not deep enough");
        return VM_NULL;
    }
    return f;
}

void vm_init_eval(void)
{
    stm_thread *tl = &vm_self->tl;
    vm_type_set_fields(VM_TYPE(GENERATOR), GEN_NFIELDS, -1);
    vm_type_set_fields(VM_TYPE(COROUTINE), GEN_NFIELDS, -1);
    vm_type_set_fields(VM_TYPE(ASYNC_GENERATOR), GEN_NFIELDS, -1);
    vm_type_add_methods(VM_TYPE(GENERATOR), gen_methods);
    vm_type_add_methods(VM_TYPE(COROUTINE), coro_methods);
    vm_type_add_methods(VM_TYPE(FRAME), frame_methods);
    stm_add_global_root((stm_ref *)&coro_wrapper_type);
    stm_global_root_set(tl, (stm_ref *)&coro_wrapper_type,
                        (stm_ref)vm_new_static_type("coroutine_wrapper", VM_TYPE(OBJECT), 1, false));
    vm_type_add_methods(coro_wrapper_type, coro_wrapper_methods);
    vm_init_async_gen();
}

/* throw(exc) into a generator from C: the yielded value, or VM_NULL */
vm_value vm_gen_throw(vm_value gen, vm_value exc)
{
    vm_raise_value_keep_tb(exc);
    return gen_throw_impl(gen, exc, false);
}

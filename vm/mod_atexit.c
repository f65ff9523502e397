/* vm/mod_atexit.c — the atexit module: register/unregister/_run_exitfuncs/_clear/
 * _ncallbacks, and vm_run_atexit (run by vm/main.c at exit, inside a transaction). */
#include "vm/interp.h"
#include "vm/mod_internal.h"

static stm_ref exitfuncs;   /* list of (func, args tuple, kwargs dict or None) */

static vm_value ae_register(vm_value *args, int64_t nargs, vm_value kwnames)
{
    if (nargs < 1) {
        vm_raise(VM_TYPE(TypeError), "register() takes at least 1 argument (0 given)");
        return VM_NULL;
    }
    vm_value f = args[0];
    if (!vm_type_lookup_c(vm_type_of(f), "__call__")) {
        vm_raise(VM_TYPE(TypeError), "the first argument must be callable");
        return VM_NULL;
    }
    vm_value pos = vm_tuple_new(nargs - 1);
    if (!pos)
        return vm_raise_nomem();
    for (int64_t i = 1; i < nargs; i++)
        vm_tuple_items(pos)[i - 1] = args[i];
    vm_value kw = VM_NONE;
    if (kwnames) {
        kw = vm_dict_new();
        const vm_tuple *kn = vm_obj(kwnames);
        for (int64_t i = 0; i < kn->length; i++)
            if (vm_dict_setitem(kw, kn->items[i], args[nargs + i]) < 0)
                return VM_NULL;
    }
    vm_value e = vm_tuple_new(3);
    if (!e)
        return vm_raise_nomem();
    vm_tuple_items(e)[0] = f;
    vm_tuple_items(e)[1] = pos;
    vm_tuple_items(e)[2] = kw;
    if (!vm_list_append((vm_value)exitfuncs, e))
        return VM_NULL;
    return f;
}

static vm_value ae_unregister(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value l = (vm_value)exitfuncs;
    vm_value keep = vm_list_new(0);
    if (!keep)
        return vm_raise_nomem();
    int64_t n = vm_list_len(l);
    for (int64_t i = 0; i < n; i++) {
        vm_value e = vm_list_get(l, i);
        int eq = vm_eq(vm_tuple_items(e)[0], args[0]);
        if (eq < 0)
            return VM_NULL;
        if (!eq)
            vm_list_append(keep, e);
    }
    stm_global_root_set(&vm_self->tl, &exitfuncs, (stm_ref)keep);
    return VM_NONE;
}

static void run_exitfuncs(void)
{
    for (;;) {
        vm_value l = (vm_value)exitfuncs;
        int64_t n = vm_list_len(l);
        if (n == 0)
            break;
        vm_value e = vm_list_get(l, n - 1);
        vm_value rest = vm_list_new(0);
        for (int64_t i = 0; i < n - 1; i++)
            vm_list_append(rest, vm_list_get(l, i));
        stm_global_root_set(&vm_self->tl, &exitfuncs, (stm_ref)rest);
        vm_value f = vm_tuple_items(e)[0];
        vm_value pos = vm_tuple_items(e)[1];
        vm_value kw = vm_tuple_items(e)[2];
        const vm_tuple *pt = vm_obj(pos);
        vm_value r = vm_call_kwargs(f, (vm_value *)pt->items, pt->length,
                                    kw == VM_NONE ? VM_NULL : kw);
        if (!r) {
            vm_value exc = vm_exc_fetch();
            if (exc && vm_isinstance(exc, VM_TYPE(SystemExit)))
                continue;
            vm_value msg = vm_format("Exception ignored in atexit callback: %R\n", f);
            if (msg) {
                const char *s = vm_cstr(msg);
                vm_write_stderr(s, strlen(s));
            } else
                vm_exc_clear();
            if (exc)
                vm_print_exception(exc);
            vm_exc_clear();
        }
    }
}

void vm_run_atexit(void)
{
    if (!exitfuncs)
        return;
    vm_value saved = vm_exc_fetch();
    run_exitfuncs();
    if (saved)
        vm_raise_value_keep_tb(saved);
}

static vm_value ae_run(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    run_exitfuncs();
    return VM_NONE;
}

static vm_value ae_clear(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    stm_global_root_set(&vm_self->tl, &exitfuncs, (stm_ref)vm_list_new(0));
    return VM_NONE;
}

static vm_value ae_ncallbacks(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return vm_small(vm_list_len((vm_value)exitfuncs));
}

static const vm_method_def atexit_functions[] = {
    {"register", ae_register, 0, -1, 0, NULL},
    {"unregister", ae_unregister, 1, 1, VM_METH_NOKW, NULL},
    {"_run_exitfuncs", ae_run, 0, 0, VM_METH_NOKW, NULL},
    {"_clear", ae_clear, 0, 0, VM_METH_NOKW, NULL},
    {"_ncallbacks", ae_ncallbacks, 0, 0, VM_METH_NOKW, NULL},
    {0},
};

static vm_value atexit_init(void)
{
    vm_value m = vm_module_new(vm_str_c("atexit"));
    if (!m)
        return vm_raise_nomem();
    if (vm_mod_add_functions(m, atexit_functions) < 0)
        return VM_NULL;
    return m;
}

void vm_mod_atexit_register(void)
{
    stm_add_global_root(&exitfuncs);
    stm_global_root_set(&vm_self->tl, &exitfuncs, (stm_ref)vm_list_new(0));
    vm_register_c_module("atexit", atexit_init);
}

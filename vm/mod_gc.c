/* vm/mod_gc.c — the gc module.
 *
 * collect() runs a minor collection and then the queued finalizers and weak-reference
 * callbacks (stm_run_finalizers).  It does not run stm_major_collect: that commits the
 * running transaction, which would invalidate the young objects the eval loop holds in
 * C locals of the frames below this call (only the base loop may commit, at its safe
 * points).  The runtime queues the weakref callbacks of objects that died young until
 * the transaction commits, so they run at the next collect() after a commit (collect()
 * hints the base loop to commit soon).  Objects already promoted to the old space (or
 * pinned by the conservative stack scan) are reclaimed, and their weak references
 * cleared, only by the runtime's own major collections. */
#include <stdatomic.h>

#include "vm/interp.h"
#include "vm/mod_internal.h"

static bool gc_enabled = true;      /* per process, as CPython's flag */
static _Atomic bool collect_requested;

/* For the base loop (vm/eval.c), where it has just committed: whether gc.collect() asked
 * for a full collection since the last call (the request is cleared).  The base loop can
 * then run stm_major_collect, and stm_run_finalizers once its next transaction started,
 * which is what makes `del x; gc.collect()` reclaim old objects and run their weakref
 * callbacks (see the comment at the top). */
bool vm_gc_collect_requested(void)
{
    return atomic_exchange(&collect_requested, false);
}
static int64_t thresholds[3] = {700, 10, 10};
static stm_ref garbage_list, callbacks_list;

static vm_value gc_collect(vm_value *args, int64_t nargs, vm_value kwnames)
{
    static const char *const names[] = {"generation"};
    vm_value a[1] = {0};
    if (!vm_bind_args("collect", args, nargs, kwnames, names, 1, 1, 0, a))
        return VM_NULL;
    if (a[0]) {
        int64_t g;
        if (!vm_index(a[0], &g))
            return VM_NULL;
        if (g < 0 || g > 2) {
            vm_raise(VM_TYPE(ValueError), "invalid generation");
            return VM_NULL;
        }
    }
    stm_minor_collect(&vm_self->tl);
    /* objects that died young are finalized (weakref callbacks) once the transaction
     * commits: ask the base loop to commit at its next safe point */
    atomic_store(&collect_requested, true);
    stm_hint_commit_soon(&vm_self->tl);
    stm_run_finalizers(&vm_self->tl);
    if (vm_error_pending())
        return VM_NULL;
    return vm_small(0);
}

static vm_value gc_enable(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    gc_enabled = true;
    return VM_NONE;
}

static vm_value gc_disable(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    gc_enabled = false;
    return VM_NONE;
}

static vm_value gc_isenabled(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return gc_enabled ? VM_TRUE : VM_FALSE;
}

static vm_value gc_get_count(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    vm_value t = vm_tuple_new(3);
    if (!t)
        return vm_raise_nomem();
    for (int i = 0; i < 3; i++)
        vm_tuple_items(t)[i] = vm_small(0);
    return t;
}

static vm_value gc_get_threshold(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    vm_value t = vm_tuple_new(3);
    if (!t)
        return vm_raise_nomem();
    for (int i = 0; i < 3; i++)
        vm_tuple_items(t)[i] = vm_small(thresholds[i]);
    return t;
}

static vm_value gc_set_threshold(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    for (int64_t i = 0; i < nargs; i++) {
        int64_t v;
        if (!vm_index(args[i], &v))
            return VM_NULL;
        thresholds[i] = v;
    }
    return VM_NONE;
}

static vm_value gc_get_objects(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return vm_list_new(0);
}

static vm_value gc_get_referrers(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return vm_list_new(0);
}

static vm_value gc_get_referents(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)kwnames;
    vm_value out = vm_list_new(0);
    if (!out)
        return vm_raise_nomem();
    for (int64_t i = 0; i < nargs; i++) {
        vm_value o = args[i];
        if (vm_is_type(o, VM_T_LIST) || vm_is_type(o, VM_T_TUPLE)) {
            if (vm_list_extend(out, o) < 0)
                return VM_NULL;
        } else if (vm_is_type(o, VM_T_DICT)) {
            vm_value it = vm_iter(vm_call_method(o, "items", NULL, 0));
            if (!it)
                return VM_NULL;
            vm_value kv;
            while ((kv = vm_next(it))) {
                vm_list_append(out, vm_tuple_items(kv)[0]);
                vm_list_append(out, vm_tuple_items(kv)[1]);
            }
            if (vm_error_pending())
                return VM_NULL;
        }
    }
    return out;
}

static vm_value gc_is_tracked(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    vm_value o = args[0];
    if (!vm_is_ref(o))
        return VM_FALSE;
    vm_value t = vm_type_of(o);
    if (t == VM_TYPE(INT) || t == VM_TYPE(FLOAT) || t == VM_TYPE(STR) || t == VM_TYPE(BYTES)
        || t == VM_TYPE(COMPLEX) || t == VM_TYPE(NONETYPE) || t == VM_TYPE(BOOL))
        return VM_FALSE;
    if (t == VM_TYPE(TUPLE)) {
        /* CPython untracks tuples of untracked items once collected; tuples of atoms */
        const vm_tuple *tp = vm_obj(o);
        for (int64_t i = 0; i < tp->length; i++) {
            vm_value x[1] = {tp->items[i]};
            if (gc_is_tracked(x, 1, VM_NULL) == VM_TRUE)
                return VM_TRUE;
        }
        return VM_FALSE;
    }
    if (t == VM_TYPE(DICT)) {
        vm_value it = vm_iter(vm_call_method(o, "items", NULL, 0));
        if (!it)
            return VM_NULL;
        vm_value kv;
        while ((kv = vm_next(it))) {
            vm_value x[2] = {vm_tuple_items(kv)[0], vm_tuple_items(kv)[1]};
            if (gc_is_tracked(x, 1, VM_NULL) == VM_TRUE
                || gc_is_tracked(x + 1, 1, VM_NULL) == VM_TRUE)
                return VM_TRUE;
        }
        return vm_error_pending() ? VM_NULL : VM_FALSE;
    }
    return VM_TRUE;
}

static vm_value gc_noop(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return VM_NONE;
}

static vm_value gc_zero(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return vm_small(0);
}

static vm_value gc_get_stats(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    vm_value l = vm_list_new(3);
    for (int i = 0; i < 3; i++) {
        vm_value d = vm_dict_new();
        vm_dict_setitem_c(d, "collections", vm_small(0));
        vm_dict_setitem_c(d, "collected", vm_small(0));
        vm_dict_setitem_c(d, "uncollectable", vm_small(0));
        vm_list_append(l, d);
    }
    return l;
}

static const vm_method_def gc_functions[] = {
    {"collect", gc_collect, 0, 1, 0, NULL},
    {"enable", gc_enable, 0, 0, VM_METH_NOKW, NULL},
    {"disable", gc_disable, 0, 0, VM_METH_NOKW, NULL},
    {"isenabled", gc_isenabled, 0, 0, VM_METH_NOKW, NULL},
    {"get_count", gc_get_count, 0, 0, VM_METH_NOKW, NULL},
    {"get_threshold", gc_get_threshold, 0, 0, VM_METH_NOKW, NULL},
    {"set_threshold", gc_set_threshold, 1, 3, VM_METH_NOKW, NULL},
    {"get_objects", gc_get_objects, 0, 1, 0, NULL},
    {"get_referrers", gc_get_referrers, 0, -1, VM_METH_NOKW, NULL},
    {"get_referents", gc_get_referents, 0, -1, VM_METH_NOKW, NULL},
    {"is_tracked", gc_is_tracked, 1, 1, VM_METH_NOKW, NULL},
    {"is_finalized", gc_zero, 1, 1, VM_METH_NOKW, NULL},
    {"freeze", gc_noop, 0, 0, VM_METH_NOKW, NULL},
    {"unfreeze", gc_noop, 0, 0, VM_METH_NOKW, NULL},
    {"get_freeze_count", gc_zero, 0, 0, VM_METH_NOKW, NULL},
    {"get_stats", gc_get_stats, 0, 0, VM_METH_NOKW, NULL},
    {"set_debug", gc_noop, 1, 1, VM_METH_NOKW, NULL},
    {"get_debug", gc_zero, 0, 0, VM_METH_NOKW, NULL},
    {0},
};

static vm_value gc_init(void)
{
    vm_value m = vm_module_new(vm_str_c("gc"));
    if (!m)
        return vm_raise_nomem();
    if (vm_mod_add_functions(m, gc_functions) < 0)
        return VM_NULL;
    vm_value d = vm_module_dict(m);
    vm_dict_setitem_c(d, "garbage", (vm_value)garbage_list);
    vm_dict_setitem_c(d, "callbacks", (vm_value)callbacks_list);
    static const char *const flags[] = {"DEBUG_STATS", "DEBUG_COLLECTABLE",
                                        "DEBUG_UNCOLLECTABLE", "DEBUG_SAVEALL", "DEBUG_LEAK"};
    static const int vals[] = {1, 2, 4, 32, 38};
    for (int i = 0; i < 5; i++)
        vm_dict_setitem_c(d, flags[i], vm_small(vals[i]));
    return m;
}

void vm_mod_gc_register(void)
{
    stm_add_global_root(&garbage_list);
    stm_add_global_root(&callbacks_list);
    stm_global_root_set(&vm_self->tl, &garbage_list, (stm_ref)vm_list_new(0));
    stm_global_root_set(&vm_self->tl, &callbacks_list, (stm_ref)vm_list_new(0));
    vm_register_c_module("gc", gc_init);
}

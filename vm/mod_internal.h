/* vm/mod_internal.h — shared by the C modules (vm/mod_*.c) and vm/cmodules.c. */
#ifndef VM_MOD_INTERNAL_H
#define VM_MOD_INTERNAL_H

#include <string.h>

#include "vm/interp.h"

/* Puts a builtin function per def (NULL name ends) into module m's dict; -1 on error. */
static inline int vm_mod_add_functions(vm_value m, const vm_method_def *defs)
{
    vm_value d = vm_module_dict(m);
    for (const vm_method_def *f = defs; f->name; f++) {
        vm_value fn = vm_cfunction_new(f, VM_NULL, m);
        if (!fn || vm_dict_setitem_c(d, f->name, fn) < 0)
            return -1;
    }
    return 0;
}

/* Runs Python source in module m's namespace (parts of a module written in Python);
 * -1 on error. */
static inline int vm_mod_exec(vm_value m, const char *src, const char *filename)
{
    vm_value code = vm_compile_source(src, strlen(src), filename, 0, 0, 0);
    if (!code)
        return -1;
    vm_value d = vm_module_dict(m);
    if (vm_dict_setitem_c(d, "__builtins__", vm_builtins_dict) < 0)
        return -1;
    return vm_eval_code(code, d, d) ? 0 : -1;
}

/* Each module's start-up part: registers the module (and makes its types/roots). */
void vm_mod_weakref_register(void);
void vm_mod_gc_register(void);
void vm_mod_atexit_register(void);
void vm_mod_errno_register(void);
void vm_mod_time_register(void);
void vm_mod_math_register(void);
void vm_mod_itertools_register(void);
void vm_mod_collections_register(void);
void vm_mod_string_register(void);
void vm_mod_cmath_register(void);
void vm_mod_thread_register(void);
void vm_mod_struct_register(void);
void vm_mod_posix_register(void);

/* vm/mod_gc.c: for the base loop after a commit (see there). */
bool vm_gc_collect_requested(void);

/* vm/mod_weakref.c: whether v is a weakref.ref (or subclass) and its referent or None. */
bool vm_weakref_check(vm_value v);
vm_value vm_weakref_get(vm_value wr);

#endif

/* vm/cmodules.c — the table of modules implemented in C (vm/mod_*.c), registered with the
 * import system at start-up (inside the start-up transaction); each is made when first
 * imported.
 *
 * Runtime type ids used by the modules (above VM_LAYOUT_END):
 *   VM_LAYOUT_END + 40: vm/mod_weakref.c's weak cell (one weak slot, one strong). */
#include "vm/interp.h"
#include "vm/mod_internal.h"

void vm_init_cmodules(void)
{
    vm_mod_weakref_register();
    vm_mod_gc_register();
    vm_mod_atexit_register();
    vm_mod_errno_register();
    vm_mod_time_register();
    vm_mod_math_register();
    vm_mod_itertools_register();
    vm_mod_collections_register();
    vm_mod_string_register();
    vm_mod_cmath_register();
    vm_mod_thread_register();
    vm_mod_struct_register();
    vm_mod_posix_register();
}

/* vm/cmodules.c — the table of modules implemented in C (vm/mod_*.c), registered with the
 * import system at start-up; each is made when first imported. */
#include "vm/interp.h"

__attribute__((weak)) void vm_run_atexit(void) {}

void vm_init_cmodules(void)
{
}

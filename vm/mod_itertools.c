/* vm/mod_itertools.c — the itertools module (placeholder until written). */
#include "vm/interp.h"
#include "vm/mod_internal.h"

void vm_mod_itertools_register(void)
{
}

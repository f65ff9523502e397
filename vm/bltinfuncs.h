/* vm/bltinfuncs.h — the builtin functions that need no interpreter internals
 * (vm/bltinfuncs.c) and the C file objects behind open() and sys.std* (vm/fileobj.c). */
#ifndef VM_BLTINFUNCS_H
#define VM_BLTINFUNCS_H

#include "vm/interp.h"

/* abs, all, any, ascii, bin, callable, chr, delattr, divmod, format, getattr, hasattr,
 * hash, hex, id, input, isinstance, issubclass, iter, len, max, min, next, oct, open, ord,
 * pow, print, repr, round, setattr, sorted, sum...: installed in builtins by
 * vm/builtins.c (which adds compile, exec, eval, globals, locals, vars, dir, __import__
 * and __build_class__).  NULL-name terminated. */
extern const vm_method_def vm_builtin_functions[];

/* Makes the file type and sys.stdin, sys.stdout, sys.stderr (in vm_sys_module's dict,
 * with __stdin__...), inside vm_interp_init's transaction. */
void vm_init_files(void);
/* Flushes every open file's buffer (at exit, before reading stdin, before writing
 * errors to stderr). */
void vm_files_flush_all(void);

#endif

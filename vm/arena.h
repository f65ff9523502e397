/* vm/arena.h — bump allocation for the front end (tokens, AST, symbol tables).
 *
 * A compilation allocates many small objects that all die together when it ends: an
 * arena hands them out from large chunks and frees everything at once.  Memory comes
 * from malloc (jemalloc), never from the GC heap: the front end runs outside
 * transactions and its results are turned into heap objects by the compiler. */
#ifndef VM_ARENA_H
#define VM_ARENA_H

#include <stddef.h>

typedef struct vm_arena_chunk vm_arena_chunk;
typedef struct vm_arena {
    vm_arena_chunk *chunks;     /* newest first */
    char *cur, *end;            /* free space in the newest chunk */
    size_t bytes;               /* total allocated, for statistics */
} vm_arena;

void vm_arena_init(vm_arena *a);
void vm_arena_free(vm_arena *a);
/* Zeroed, 16-byte aligned; aborts the process (vm_fatal) only if malloc fails. */
void *vm_arena_alloc(vm_arena *a, size_t size);
/* A NUL-terminated copy of s[0..n). */
char *vm_arena_strndup(vm_arena *a, const char *s, size_t n);

#endif

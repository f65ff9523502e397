/* vm/arena.c — bump allocation for the front end: see arena.h. */
#include "vm/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vm_arena_chunk {
    vm_arena_chunk *next;
    size_t size;
    _Alignas(16) char data[];
};

#define CHUNK_MIN (64 * 1024)

void vm_arena_init(vm_arena *a)
{
    memset(a, 0, sizeof *a);
}

void vm_arena_free(vm_arena *a)
{
    vm_arena_chunk *c = a->chunks;
    while (c) {
        vm_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    memset(a, 0, sizeof *a);
}

void *vm_arena_alloc(vm_arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    if ((size_t)(a->end - a->cur) < size) {
        size_t want = size > CHUNK_MIN / 4 ? size : CHUNK_MIN;
        vm_arena_chunk *c = malloc(sizeof *c + want);
        if (!c) {
            fprintf(stderr, "stmpy: out of memory in the compiler (%zu bytes)\n", want);
            abort();
        }
        c->size = want;
        if (size > CHUNK_MIN / 4 && a->chunks) {
            /* a big block on its own: keep bumping in the current chunk */
            c->next = a->chunks->next;
            a->chunks->next = c;
            a->bytes += want;
            memset(c->data, 0, size);
            return c->data;
        }
        c->next = a->chunks;
        a->chunks = c;
        a->cur = c->data;
        a->end = c->data + want;
        a->bytes += want;
    }
    void *p = a->cur;
    a->cur += size;
    memset(p, 0, size);
    return p;
}

char *vm_arena_strndup(vm_arena *a, const char *s, size_t n)
{
    char *p = vm_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

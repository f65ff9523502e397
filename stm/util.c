/* stm/util.c — helpers of stm/util.h: errors, memory, the arena, waiting, page locks. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "stm/util.h"

stm_padded_lock stm_page_locks[STM_PAGE_LOCKS];
#if defined(__SANITIZE_THREAD__)
stm_aword stm_fence_word;
#endif

void stm_fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("stmpy runtime: fatal: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

void *stm_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        stm_fatal("out of memory allocating %zu bytes of runtime data", n);
    return p;
}

void *stm_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        stm_fatal("out of memory reallocating %zu bytes of runtime data", n);
    return p;
}

/* ---------------------------------------------------------------------------------------
 * Arena: chunks of 64 KiB (bigger requests get a chunk of their own).
 */
#define ARENA_CHUNK (64 * 1024)

void *stm_arena_alloc(stm_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    stm_arena_chunk *c = a->head;
    if (!c || c->used + n > c->size) {
        size_t size = n > ARENA_CHUNK ? n : ARENA_CHUNK;
        c = stm_xmalloc(sizeof(stm_arena_chunk) + size);
        c->size = size;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    a->bytes += n;
    return p;
}

void stm_arena_reset(stm_arena *a)
{
    /* keep the most recent standard-size chunk, free the rest */
    stm_arena_chunk *keep = NULL, *c = a->head;
    while (c) {
        stm_arena_chunk *next = c->next;
        if (!keep && c->size == ARENA_CHUNK) {
            keep = c;
            keep->used = 0;
        } else {
            free(c);
        }
        c = next;
    }
    if (keep)
        keep->next = NULL;
    a->head = keep;
    a->bytes = 0;
}

void stm_arena_free(stm_arena *a)
{
    stm_arena_reset(a);
    free(a->head);
    a->head = NULL;
}

/* ---------------------------------------------------------------------------------------
 * Waiting
 */
void stm_spin(stm_spinner *s)
{
    unsigned n = s->n++;
    if (n < 64) {
        stm_cpu_relax();
    } else if (n < 128) {
        sched_yield();
    } else {
        struct timespec ts = {0, n < 1024 ? 10000 : 100000};  /* 10 us, then 100 us */
        nanosleep(&ts, NULL);
    }
}

void stm_lock(stm_aword *l)
{
    stm_spinner sp = {0};
    while (!stm_cas(l, 0, 1)) {
        while (stm_load(l))
            stm_spin(&sp);
    }
}

static long futex(volatile uint32_t *addr, int op, uint32_t val, const struct timespec *ts)
{
    return syscall(SYS_futex, addr, op, val, ts, NULL, 0);
}

void stm_ec_wait(stm_eventcount *ec, bool (*still_waiting)(void *), void *arg, uint64_t timeout_ns)
{
    uint32_t seen = __atomic_load_n(&ec->seq, __ATOMIC_SEQ_CST);
    __atomic_fetch_add(&ec->waiters, 1, __ATOMIC_SEQ_CST);
    if (still_waiting(arg)) {
        struct timespec ts = {(time_t)(timeout_ns / 1000000000u), (long)(timeout_ns % 1000000000u)};
        futex(&ec->seq, FUTEX_WAIT_PRIVATE, seen, timeout_ns ? &ts : NULL);
    }
    __atomic_fetch_sub(&ec->waiters, 1, __ATOMIC_SEQ_CST);
}

void stm_ec_notify(stm_eventcount *ec)
{
    stm_fence();
    if (__atomic_load_n(&ec->waiters, __ATOMIC_SEQ_CST)) {
        __atomic_fetch_add(&ec->seq, 1, __ATOMIC_SEQ_CST);
        futex(&ec->seq, FUTEX_WAKE_PRIVATE, INT_MAX, NULL);
    }
}

/* stm/util.h — small helpers shared by stm/ and gc/: growable vectors, a bump arena,
 * clocks, a seeded random generator, fatal errors, the striped page locks. */
#ifndef STM_UTIL_H
#define STM_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stm/atomics.h"

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define COLD __attribute__((cold, noinline))

__attribute__((noreturn, format(printf, 1, 2))) void stm_fatal(const char *fmt, ...);

#ifdef STMPY_DEBUG
#define STM_ASSERT(cond, ...) \
    do { if (UNLIKELY(!(cond))) stm_fatal("assertion failed at %s:%d: %s", __FILE__, __LINE__, #cond); } while (0)
#else
#define STM_ASSERT(cond, ...) ((void)0)
#endif

void *stm_xmalloc(size_t n);
void *stm_xrealloc(void *p, size_t n);

/* ---- a vector of any element type: STM_VEC(type) v; vec_push(&v, x); v.items[i] ---- */
#define STM_VEC(T) struct { T *items; size_t n, cap; }

#define vec_reserve(v, extra)                                                        \
    do {                                                                             \
        if ((v)->n + (extra) > (v)->cap) {                                           \
            size_t newcap_ = (v)->cap ? (v)->cap * 2 : 64;                           \
            while (newcap_ < (v)->n + (extra)) newcap_ *= 2;                         \
            (v)->items = stm_xrealloc((v)->items, newcap_ * sizeof(*(v)->items));    \
            (v)->cap = newcap_;                                                      \
        }                                                                            \
    } while (0)
#define vec_push(v, x)                                                               \
    do { vec_reserve(v, 1); (v)->items[(v)->n++] = (x); } while (0)
#define vec_clear(v) ((v)->n = 0)
#define vec_free(v) do { free((v)->items); (v)->items = NULL; (v)->n = (v)->cap = 0; } while (0)

typedef STM_VEC(uint64_t) stm_u64vec;

/* ---- a bump arena for per-transaction data (backups), reset at the transaction's end ---- */
typedef struct stm_arena_chunk {
    struct stm_arena_chunk *next;
    size_t size, used;
    char data[];
} stm_arena_chunk;

typedef struct stm_arena {
    stm_arena_chunk *head;      /* current chunk; older ones follow */
    size_t bytes;               /* handed out since the last reset */
} stm_arena;

void *stm_arena_alloc(stm_arena *a, size_t n);
void stm_arena_reset(stm_arena *a);   /* keeps one chunk for reuse */
void stm_arena_free(stm_arena *a);

/* ---- time ---- */
static inline uint64_t stm_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- xoshiro-style generator; seeded so stress runs replay ---- */
typedef struct stm_rng { uint64_t s; } stm_rng;
static inline uint64_t stm_rng_next(stm_rng *r)
{
    /* splitmix64: good enough for schedules and forced aborts, one word of state */
    uint64_t z = (r->s += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}
static inline double stm_rng_unit(stm_rng *r) { return (double)(stm_rng_next(r) >> 11) * 0x1.0p-53; }

/* ---- short waits: spin, then yield, then sleep ---- */
typedef struct stm_spinner { unsigned n; } stm_spinner;
void stm_spin(stm_spinner *s);

/* ---- striped page locks: short critical sections that change a page's state or write
 * the shared copy of it; one lock held at a time, so no ordering is needed ---- */
#define STM_PAGE_LOCKS 1024
typedef struct { _Alignas(64) stm_aword word; } stm_padded_lock;   /* no false sharing */
extern stm_padded_lock stm_page_locks[STM_PAGE_LOCKS];
static inline stm_aword *stm_page_lock_for(uint64_t page)
{
    return &stm_page_locks[(page * UINT64_C(0x9E3779B97F4A7C15)) >> 54].word;
}
void stm_lock(stm_aword *l);
static inline void stm_unlock(stm_aword *l) { stm_store_rel(l, 0); }

/* ---- a futex-based event count: "wait until something in the log changed" ----
 * The waiter registers, then re-checks its condition (`still_waiting`), then sleeps; the
 * notifier changes the state, then looks for waiters: one of the two sees the other
 * (both sides are sequentially consistent), so no wakeup is lost, and a notify with
 * nobody waiting writes no shared memory. */
typedef struct stm_eventcount { volatile uint32_t seq; volatile uint32_t waiters; } stm_eventcount;
void stm_ec_wait(stm_eventcount *ec, bool (*still_waiting)(void *), void *arg, uint64_t timeout_ns);
void stm_ec_notify(stm_eventcount *ec);

#endif /* STM_UTIL_H */

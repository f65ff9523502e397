/* stm/atomics.h — the atomic primitives and fences of stm/ and gc/, on libatomic_ops.
 *
 * Everything in the runtime that two threads touch at once goes through these few
 * functions, so the memory-ordering argument of each algorithm can be read off its call
 * sites: `_acq` loads pair with `_rel` stores; `_full` operations are sequentially
 * consistent and are used where a Dekker-style handshake needs a store to be ordered
 * before a later load (segment attach against commit publication, see docs/design/stm.md).
 *
 * libatomic_ops maps these onto the compiler's __atomic builtins on x86-64 and AArch64,
 * which is also what ThreadSanitizer understands.
 */
#ifndef STM_ATOMICS_H
#define STM_ATOMICS_H

#include <atomic_ops.h>
#include <stdint.h>

typedef volatile AO_t stm_aword;   /* a machine word shared between threads */

static inline uintptr_t stm_load(const stm_aword *p) { return AO_load(p); }
static inline uintptr_t stm_load_acq(const stm_aword *p) { return AO_load_acquire(p); }
static inline void stm_store(stm_aword *p, uintptr_t v) { AO_store(p, v); }
static inline void stm_store_rel(stm_aword *p, uintptr_t v) { AO_store_release(p, v); }

/* A sequentially consistent store: a release store followed by a full fence. */
static inline void stm_fence(void);
static inline void stm_store_full(stm_aword *p, uintptr_t v)
{
    AO_store_release(p, v);
    stm_fence();
}

static inline int stm_cas(stm_aword *p, uintptr_t expected, uintptr_t desired)
{
    return AO_compare_and_swap_full(p, expected, desired);
}

static inline uintptr_t stm_fetch_add(stm_aword *p, uintptr_t v)
{
    return AO_fetch_and_add_full(p, v);
}

/* Relaxed increment for statistics counters that several threads may bump. */
static inline void stm_count(stm_aword *p, uintptr_t v) { (void)AO_fetch_and_add(p, v); }

#if defined(__SANITIZE_THREAD__)
/* ThreadSanitizer does not model stand-alone fences; a sequentially consistent
 * read-modify-write is a full barrier on every target and is understood by it. */
extern stm_aword stm_fence_word;
static inline void stm_fence(void) { (void)AO_fetch_and_add_full(&stm_fence_word, 0); }
#else
static inline void stm_fence(void) { AO_nop_full(); }
#endif

static inline void stm_cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __asm__ __volatile__("pause" ::: "memory");
#elif defined(__aarch64__)
    __asm__ __volatile__("yield" ::: "memory");
#else
    __asm__ __volatile__("" ::: "memory");
#endif
}

#endif /* STM_ATOMICS_H */

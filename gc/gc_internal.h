/* gc/gc_internal.h — shared by the files of gc/ only. */
#ifndef GC_GC_INTERNAL_H
#define GC_GC_INTERNAL_H

#include <pthread.h>

#include "stm/internal.h"

struct gc_run { uint64_t start, n; };

struct gc_global {
    pthread_mutex_t lock;               /* page runs and partial lists */
    stm_aword next_page;                /* pages above are untouched */
    stm_aword high_water;               /* highest next_page ever: what views may cover */
    STM_VEC(struct gc_run) free_runs;
    stm_u64vec partial[GC_NCLASSES];
    stm_aword pages_in_use;
    stm_aword bytes_since_major;        /* old-space growth since the last major GC */
    uint64_t live_after_major;
    size_t major_min_bytes;
    size_t nursery_bytes;
    /* finalizers and weak references, under `lock` outside major collections */
    stm_u64vec finalizable;             /* old objects with a finalizer, not yet due */
    stm_u64vec weakrefs;                /* old weak reference objects */
    STM_VEC(struct gc_event { stm_ref obj; int kind; }) events;   /* due to run */
    stm_aword events_pending;           /* events.n, readable without the lock */
    stm_aword log_bytes;
};
extern struct gc_global gc_g;

enum { GC_EVENT_FINALIZE = 1, GC_EVENT_WEAKREF_CLEARED = 2 };

/* pages.c */
void gc_pages_init(void);
void gc_pages_shutdown(void);
uint64_t gc_pages_sweep(void);

/* types.c */
extern const stm_type *gc_types[STM_MAX_TYPES];
void gc_types_init(void);
static inline const stm_type *gc_type_of(const stm_hdr *h)
{
    return gc_types[h->tid];
}
void gc_trace_object(char *base, stm_ref obj, stm_visit_fn visit, void *ctx);

#endif /* GC_GC_INTERNAL_H */

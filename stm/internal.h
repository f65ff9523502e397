/* stm/internal.h — the runtime's shared internals: segments, threads, the runtime state.
 * For stm/, stm/conflict/, stm/commit/ and gc/ only; vm/ includes stm/stm.h. */
#ifndef STM_INTERNAL_H
#define STM_INTERNAL_H

#ifdef STMPY_VM_BUILD
#error "stm/internal.h is private to the runtime: include stm/stm.h"
#endif

#include <pthread.h>
#include <setjmp.h>

#include "stm/stm.h"
#include "stm/util.h"
#include "gc/gc.h"
#include "stm/commit/commit.h"
#include "stm/conflict/conflict.h"

/* An old object (or card) written by the running transaction, with its backup. */
typedef struct stm_modified {
    stm_ref obj;
    uint64_t unit;              /* read-marker index of the unit */
    uint32_t offset;            /* 0, or the card's first byte */
    uint32_t size;              /* bytes backed up */
    char *backup;
    uint64_t marker[2];
} stm_modified;

typedef struct stm_segment {
    /* read by other threads at every commit (publication, trimming): a line of their own */
    _Alignas(64) stm_aword running_rev;  /* rev of the snapshot while attached; UINT64_MAX when free */
    stm_aword snapshot;         /* struct stm_commit_entry *: the last entry imported */
    stm_aword owner;            /* struct stm_thread_internal *, or 0 when free */
    stm_aword entry_returns;    /* stm_commit_entry *: entries the trimmer gave back */
    /* the owner's */
    _Alignas(64) int num;       /* 1..N */
    uint64_t *open_regions;     /* bitmap of the regions opened (stm/access.c) */
    char *base;
    stm_seg_hot *hot;
    /* the running transaction */
    STM_VEC(stm_modified) modified;
    stm_arena backups;
    STM_VEC(struct stm_root_write { stm_ref *slot; stm_ref old; }) root_writes;
    stm_ref roots_at_begin[STM_THREAD_ROOTS];
    stm_commit_entry *pending_entry;      /* built by a commit that may still abort */
    stm_commit_entry *entry_cache;        /* free entries to build the next ones in */
    size_t entry_cache_n;
    struct stm_thread_internal *thread;   /* == owner, for the owner's own use */
    gc_seg gc;
} stm_segment;

typedef struct stm_thread_internal {
    stm_thread *tl;
    uint64_t id;
    stm_segment *seg;           /* attached segment or NULL */
    int preferred_seg;
    bool in_txn;
    bool inevitable;
    bool registered;
    int atomic_depth;
    char *stack_top;            /* highest address of the thread's stack */
    uint64_t txn_start_ns;
    uint64_t inev_start_ns;
    unsigned consecutive_aborts;
    uint32_t budget;            /* safe points per transaction; adapts */
    uint32_t budget_left;
    bool commit_soon;
    uint64_t last_commit_rev;
    stm_rng rng;
    stm_stats stats;
    struct stm_thread_internal *next, *prev;
} stm_thread_internal;

typedef struct stm_stress {
    bool minor_every_safe_point;
    bool break_every_safe_point;
    double abort_p;             /* forced abort probability at barriers and safe points */
    uint64_t major_every;       /* major collection every N commits; 0: off */
    bool tiny_nursery;
    uint64_t seed;
} stm_stress;

struct stm_runtime {
    bool initialized;
    int nsegments;
    char *heap;                 /* the reservation; segment i at heap + i * SEG */
    int heap_fd;                /* memfd backing the old space of segment 0 */
    bool have_populate_write;
    bool check_barriers;        /* the debug barrier checker (stm/debug.c) is on */
    stm_segment segs[STM_MAX_SEGMENTS + 1];
    /* threads, the segment pool and major-GC coordination, under `lock` */
    pthread_mutex_t lock;
    pthread_cond_t cond;
    stm_thread_internal *threads;
    uint64_t next_thread_id;
    int n_attached;
    int n_parked;
    stm_aword gc_requested;
    bool gc_running;
    uint64_t gc_generation;
    stm_stats retired_stats;    /* of threads that have unregistered (under `lock`) */
    /* counters of work done on behalf of other segments */
    stm_aword pages_forced_private;
    stm_aword pages_reshared;
    stm_stress stress;
};
extern struct stm_runtime stm_rt;

static inline stm_segment *stm_segment_get(int i) { return &stm_rt.segs[i]; }
static inline char *stm_shared_base(void) { return stm_rt.heap; }
static inline stm_thread_internal *stm_owner_of(stm_segment *seg)
{
    return (stm_thread_internal *)stm_load_acq(&seg->owner);
}
static inline stm_commit_entry *stm_snapshot_of(stm_segment *seg)
{
    return (stm_commit_entry *)stm_load_acq(&seg->snapshot);
}

/* Per-thread statistics: written only by their thread, read by any (relaxed). */
#define STAT_ADD(ti, field, n) \
    __atomic_store_n(&(ti)->stats.field, (ti)->stats.field + (n), __ATOMIC_RELAXED)

/* segment.c */
void stm_segments_init(int nsegments);
void stm_segments_shutdown(void);
bool stm_page_is_private_in(stm_segment *seg, uint64_t page);
/* The segment is about to write to the page: give it a private copy (page lock taken). */
void stm_page_privatize(stm_segment *seg, uint64_t page);
void stm_pages_privatize_range(stm_segment *seg, stm_ref ref, size_t size);
void stm_page_unprivatize(stm_segment *seg, uint64_t page);
/* Under the page's lock: a private copy of what the view shows now. */
void stm_page_make_private_locked(stm_segment *seg, uint64_t page);
/* Under the page's lock, by a committer about to overwrite the shared copy. */
void stm_page_force_private_locked(stm_segment *seg, uint64_t page);
/* Quiescent: every private copy is dropped; views map the shared file again. */
void stm_segments_reshare_all(void);
void stm_segment_reset_markers(stm_segment *seg);
stm_segment *stm_segment_acquire(stm_thread_internal *ti);
void stm_segment_release(stm_segment *seg);

/* txn.c */
__attribute__((noreturn)) void stm_abort_with(stm_thread_internal *ti, int kind, stm_ref obj,
                                              const uint64_t other_marker[2], uint64_t other_thread);
__attribute__((noreturn)) void stm_abort_conflict(stm_segment *seg, const stm_commit_entry *e,
                                                  const stm_write_rec *rec);

/* thread.c */
stm_thread_internal *stm_self_internal(void);
void stm_park_for_major_gc(stm_thread_internal *ti);
void stm_request_major_gc(void);
/* Calls fn for every registered thread (major GC, statistics), under stm_rt.lock. */
void stm_threads_foreach(void (*fn)(stm_thread_internal *ti, void *ctx), void *ctx);

/* access.c: regions of a segment's view open lazily */
void stm_access_init(void);
void stm_access_shutdown(void);
void stm_region_open(stm_segment *seg, uint64_t region);
static inline bool stm_region_is_open(const stm_segment *seg, uint64_t region)
{
    return (seg->open_regions[region / 64] >> (region % 64)) & 1;
}
/* Does the entry write anything in a region open in the segment? */
static inline bool stm_entry_touches_open_regions(const stm_segment *seg, const stm_commit_entry *e)
{
    if (e->nregions == STM_REGIONS_MANY)
        return true;
    for (uint32_t i = 0; i < e->nregions; i++)
        if (stm_region_is_open(seg, e->region[i]))
            return true;
    return false;
}
#define STM_REGION_WORDS ((GC_OLD_PAGES / GC_REGION_PAGES + 64) / 64)

/* debug.c: the barrier checker */
__attribute__((noreturn)) void stm_debug_report_unbarriered_write(int segment, stm_ref ref);
/* In the publication window of entry e (the shared file holds exactly revision e->rev):
 * every allocated object on a page private to seg must equal its committed copy. */
void stm_debug_check_private_pages(stm_segment *seg, const stm_commit_entry *e);

/* stress.c */
void stm_stress_init(stm_stress *st);
static inline bool stm_stress_forced_abort(stm_thread_internal *ti)
{
    return UNLIKELY(stm_rt.stress.abort_p > 0) && !ti->inevitable &&
           stm_rng_unit(&ti->rng) < stm_rt.stress.abort_p;
}

#endif /* STM_INTERNAL_H */

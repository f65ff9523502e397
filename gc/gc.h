/* gc/gc.h — the garbage collector's header for its neighbours in stm/.
 *
 * The GC owns the memory of the heap: each segment's nursery (bump allocation, minor
 * collection with a conservative scan of the owning thread's stack), the old space
 * (size-class pages and large objects, never moving), the major collection, finalizers
 * and weak references, and the page table that stm/ uses to know which segments hold
 * private copies of which pages.
 */
#ifndef GC_GC_H
#define GC_GC_H

#include "stm/stm.h"
#include "stm/util.h"

struct stm_segment;
struct stm_thread_internal;

/* ---------------------------------------------------------------------------------------
 * Size classes for small objects; anything above GC_SMALL_MAX is a large object made of
 * whole pages.
 */
#define GC_NCLASSES 29
#define GC_SMALL_MAX 2048
extern const uint16_t gc_class_size[GC_NCLASSES];
extern uint8_t gc_class_of_units[GC_SMALL_MAX / 16 + 1];   /* size/16 -> class, from gc_class_size */

/* ---------------------------------------------------------------------------------------
 * The page table: one entry per page of the old space.  It lives outside the heap, in
 * a lazily committed mapping, so only pages that are used cost memory.
 */
enum { GC_PAGE_FREE = 0, GC_PAGE_SMALL, GC_PAGE_LARGE, GC_PAGE_LARGE_TAIL };

/* Two cache lines: the first is read by every import and publication and changes
 * rarely (and holds the marks, used only while the world is stopped); the second is
 * written by the segment allocating here and by publications reaching the page. */
typedef struct gc_page {
    stm_aword private_mask;     /* bit j: segment j holds a private copy of the page */
    stm_aword access_mask;      /* bit j: the page is open in segment j (stm/access.c) */
    uint8_t kind;
    uint8_t size_class;
    uint8_t owner;              /* segment allocating here (small pages); 0: none */
    uint8_t on_partial;         /* in the global list of pages with free slots */
    uint32_t nslots;
    uint64_t large;             /* LARGE: the object's size; LARGE_TAIL: head page */
    uint64_t mark[4];           /* major collection marks (large: bit 0) */
    _Alignas(64) uint64_t alloc[4];   /* small: allocated slots */
    stm_aword published_rev;    /* newest commit whose writes here are in the shared file */
} gc_page;
_Static_assert(sizeof(gc_page) == 128, "gc_page is two cache lines");
_Static_assert(offsetof(gc_page, alloc) == 64, "the first line holds states and marks");

/* Regions: the unit in which a segment's view of the old space is opened (stm/access.c)
 * and in which segments take pages to allocate into, so that each thread's objects sit
 * together and other threads' views of them can stay closed. */
#define GC_REGION_PAGES 64
static inline uint64_t gc_region_of_page(uint64_t page) { return page / GC_REGION_PAGES; }

extern gc_page *gc_pages;
#define GC_OLD_PAGES ((STM_OLD_END - STM_OLD_START) / STM_PAGE_SIZE)

static inline uint64_t gc_page_of(stm_ref ref) { return (ref - STM_OLD_START) >> 12; }
static inline stm_ref gc_page_ref(uint64_t page) { return STM_OLD_START + (page << 12); }
static inline bool gc_is_old(stm_ref ref) { return ref - STM_OLD_START < STM_OLD_END - STM_OLD_START; }

/* ---------------------------------------------------------------------------------------
 * Per-segment state of the GC, embedded in struct stm_segment.
 */
struct gc_gap { stm_ref start, end; };        /* a free stretch of the nursery */
struct gc_shadow { stm_ref young, old; };     /* identity reserved for a young object */

typedef struct gc_seg {
    /* nursery */
    stm_ref nursery_end;            /* STM_NURSERY_START + size */
    STM_VEC(struct gc_gap) gaps;    /* free stretches */
    size_t gap_index;               /* the stretch being allocated from */
    stm_u64vec pinned;              /* young objects pinned by the last minor collection */
    /* old-space allocation */
    uint64_t cur_page[GC_NCLASSES]; /* page index + 1, 0: none */
    uint64_t region_next;           /* fresh pages of the segment's own region: [next, end) */
    uint64_t region_end;
    uint64_t bytes_allocated;       /* old bytes allocated since the last major GC */
    /* the running transaction's objects, as the GC needs them */
    stm_u64vec new_objects;         /* old objects created by the transaction */
    stm_u64vec remembered;          /* old objects to trace at the next minor GC */
    stm_u64vec allocated_old;       /* allocated old directly by the transaction: no barrier,
                                       traced by every minor GC of the transaction */
    stm_u64vec dropped_pages;       /* full pages left by the transaction: ownerless at its end */
    stm_u64vec young_weakrefs;
    stm_u64vec young_finalizable;
    stm_u64vec txn_weakrefs;        /* old weak references created by the transaction */
    stm_u64vec txn_finalizable;     /* old finalizable objects created by the transaction */
    stm_u64vec txn_finalize_now;    /* died young: to finalize once the transaction commits */
    stm_u64vec txn_events_popped;   /* finalizer queue entries taken by this transaction */
    STM_VEC(struct gc_shadow) shadows;   /* id() of young objects */
} gc_seg;

/* ---------------------------------------------------------------------------------------
 * Operations used by stm/.
 */
void gc_init(size_t nursery_bytes, size_t major_min_bytes);
void gc_shutdown(void);
void gc_segment_init(struct stm_segment *seg);
void gc_segment_free(struct stm_segment *seg);

/* Old-space allocation in the segment's own pages (made private to it).  Not zeroed. */
stm_ref gc_old_alloc(struct stm_segment *seg, size_t size);
/* Give back an object the running transaction created (abort). */
void gc_old_free(struct stm_segment *seg, stm_ref obj);
/* The transaction ended: the full pages it left have no owner any more. */
void gc_release_dropped_pages(struct stm_segment *seg);
size_t gc_old_size(stm_ref obj);     /* from the page table */
/* An object's size as allocated, seen through a segment's (or the shared) view. */
size_t gc_object_size_in(char *base, stm_ref obj);
const char *gc_type_name(uint32_t tid);

/* scan_from: NULL at commit (no stack scan), else gc_stack_mark() called by the runtime's
 * public entry point right after __builtin_unwind_init(). */
void gc_minor_collect(struct stm_segment *seg, const char *scan_from);
char *gc_stack_mark(void);
/* Transaction boundaries: what the GC keeps per transaction. */
void gc_txn_commit(struct stm_segment *seg);     /* after publication */
void gc_txn_abort(struct stm_segment *seg);      /* frees new objects, drops the nursery */
void gc_nursery_reset(struct stm_segment *seg);

/* The major collection; every attached thread is parked at a transaction boundary. */
void gc_major_collect_quiescent(void);
bool gc_major_wanted(void);
void gc_note_log_bytes(uint64_t bytes);

/* Finalizer queue (runs through stm_run_finalizers). */
bool gc_event_pop(struct stm_segment *seg, stm_ref *obj, int *kind);

/* Memory figures for stm_memory_info_read. */
void gc_memory_info(stm_memory_info *out);
uint64_t gc_old_pages_used(void);   /* pages below the allocation frontier */
uint64_t gc_old_pages_high_water(void);   /* the highest frontier ever: what may be dirty */

#endif /* GC_GC_H */

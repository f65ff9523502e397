/* gc/major.c — the major collection, finalizers, weak references, and the GC's part of
 * transaction boundaries.
 *
 * A major collection runs while every attached thread is parked at a transaction
 * boundary (stm/thread.c arranges that).  Every transaction has committed, so every
 * nursery is empty and every object is in the old space, and the shared heap file holds
 * the committed state: the collector marks by reading segment 0.  Roots are precise: the
 * thread root slots, the registered global roots and the queue of finalizers still to
 * run.  No C stack is scanned: at a transaction boundary the VM holds no references in
 * C locals (the same contract as commit; see stm/stm.h).
 *
 * Then every segment's private page copies are dropped (they all equal the committed
 * state now), so clean private pages return to sharing and resident memory stays close
 * to one copy of the heap; weak references whose referents died are cleared in the
 * shared file, which every view now reads; unreachable finalizable objects are kept
 * alive one more cycle and queued; the sweep frees the rest and punches empty pages out
 * of the file.  Marks live in the page table, never in object headers.
 */
#include "gc/gc_internal.h"

static STM_VEC(stm_ref *) global_roots;
static pthread_mutex_t global_roots_lock = PTHREAD_MUTEX_INITIALIZER;

#define LOG_BYTES_LIMIT (64u << 20)
#define MAJOR_MIN_DEFAULT (64u << 20)

void gc_init(size_t nursery_bytes, size_t major_min_bytes)
{
    memset(&gc_g, 0, sizeof gc_g);
    gc_g.nursery_bytes = nursery_bytes;
    gc_g.major_min_bytes = major_min_bytes ? major_min_bytes : MAJOR_MIN_DEFAULT;
    gc_pages_init();
    gc_types_init();
}

void gc_shutdown(void)
{
    vec_free(&gc_g.finalizable);
    vec_free(&gc_g.weakrefs);
    vec_free(&gc_g.events);
    pthread_mutex_lock(&global_roots_lock);
    vec_free(&global_roots);
    pthread_mutex_unlock(&global_roots_lock);
    gc_pages_shutdown();
}

bool gc_major_wanted(void)
{
    uint64_t grown = stm_load(&gc_g.bytes_since_major);
    uint64_t limit = gc_g.live_after_major > gc_g.major_min_bytes ? gc_g.live_after_major
                                                                  : gc_g.major_min_bytes;
    return grown > limit || stm_load(&gc_g.log_bytes) > LOG_BYTES_LIMIT;
}

void gc_note_log_bytes(uint64_t bytes)
{
    stm_store(&gc_g.log_bytes, bytes);
}

/* ---------------------------------------------------------------------------------------
 * Roots
 */
void stm_add_global_root(stm_ref *slot)
{
    pthread_mutex_lock(&global_roots_lock);
    vec_push(&global_roots, slot);
    pthread_mutex_unlock(&global_roots_lock);
}

void stm_global_root_set(stm_thread *tl, stm_ref *slot, stm_ref value)
{
    stm_thread_internal *ti = tl->in;
    if (!ti->in_txn)
        stm_fatal("stm_global_root_set outside a transaction");
    stm_segment *seg = ti->seg;
    vec_push(&seg->root_writes, ((struct stm_root_write){slot, *slot}));
    *slot = value;
}

/* ---------------------------------------------------------------------------------------
 * Marking (world stopped, reading the committed state in segment 0)
 */
typedef struct mark_ctx {
    char *base;
    stm_u64vec stack;
} mark_ctx;

static bool is_marked(stm_ref obj)
{
    gc_page *gp = &gc_pages[gc_page_of(obj)];
    if (gp->kind == GC_PAGE_SMALL) {
        uint32_t slot = (uint32_t)((obj - gc_page_ref(gc_page_of(obj))) / gc_class_size[gp->size_class]);
        return (gp->mark[slot / 64] >> (slot % 64)) & 1;
    }
    return gp->mark[0] & 1;
}

static void mark_visit(stm_ref *slot, void *ctx)
{
    mark_ctx *m = ctx;
    stm_ref obj = *slot;
    if ((obj & 15) || !gc_is_old(obj))
        return;
    uint64_t page = gc_page_of(obj);
    gc_page *gp = &gc_pages[page];
    uint64_t *word, bit;
    if (gp->kind == GC_PAGE_SMALL) {
        uint32_t size = gc_class_size[gp->size_class];
        uint64_t off = obj - gc_page_ref(page);
        uint32_t s = (uint32_t)(off / size);
        if (UNLIKELY(off % size || !((gp->alloc[s / 64] >> (s % 64)) & 1)))
            stm_fatal("major GC: reference %#llx to a free or unaligned slot", (unsigned long long)obj);
        word = &gp->mark[s / 64];
        bit = UINT64_C(1) << (s % 64);
    } else if (gp->kind == GC_PAGE_LARGE && obj == gc_page_ref(page)) {
        word = &gp->mark[0];
        bit = 1;
    } else {
        stm_fatal("major GC: reference %#llx into a page of kind %d", (unsigned long long)obj, gp->kind);
    }
    if (*word & bit)
        return;
    *word |= bit;
    vec_push(&m->stack, obj);
}

static void mark_drain(mark_ctx *m)
{
    while (m->stack.n) {
        stm_ref obj = m->stack.items[--m->stack.n];
        gc_trace_object(m->base, obj, mark_visit, m);
    }
}

static void mark_thread_roots(stm_thread_internal *ti, void *ctx)
{
    for (int i = 0; i < STM_THREAD_ROOTS; i++)
        mark_visit(&ti->tl->roots[i], ctx);
}

/* ---------------------------------------------------------------------------------------
 * The collection
 */
void gc_major_collect_quiescent(void)
{
    mark_ctx m = {.base = stm_shared_base()};

    pthread_mutex_lock(&global_roots_lock);
    for (size_t i = 0; i < global_roots.n; i++)
        mark_visit(global_roots.items[i], &m);
    pthread_mutex_unlock(&global_roots_lock);
    stm_threads_foreach(mark_thread_roots, &m);
    for (size_t i = 0; i < gc_g.events.n; i++)
        mark_visit(&gc_g.events.items[i].obj, &m);
    mark_drain(&m);

    /* every segment now equals the committed state: drop the copies */
    stm_segments_reshare_all();
    for (int i = 1; i <= stm_rt.nsegments; i++) {
        /* the sweep rebuilds the free lists from the page table, unused region tails
         * included: segments start again with no current page and no region */
        gc_seg *g = &stm_segment_get(i)->gc;
        memset(g->cur_page, 0, sizeof g->cur_page);
        g->region_next = g->region_end = 0;
    }

    /* weak references to objects that died are cleared (before finalizers resurrect) */
    size_t keep = 0;
    for (size_t i = 0; i < gc_g.weakrefs.n; i++) {
        stm_ref wr = gc_g.weakrefs.items[i];
        if (!is_marked(wr))
            continue;
        gc_g.weakrefs.items[keep++] = wr;
        const stm_type *t = gc_type_of((stm_hdr *)(m.base + wr));
        stm_ref *field = (stm_ref *)(m.base + wr + t->weakref_offset);
        if (gc_is_old(*field) && !(*field & 15) && !is_marked(*field)) {
            *field = STM_NULL;
            if (t->weakref_cleared)
                vec_push(&gc_g.events, ((struct gc_event){wr, GC_EVENT_WEAKREF_CLEARED}));
        }
    }
    gc_g.weakrefs.n = keep;

    /* finalizable objects that died live one more cycle, for their finalizer */
    keep = 0;
    for (size_t i = 0; i < gc_g.finalizable.n; i++) {
        stm_ref obj = gc_g.finalizable.items[i];
        if (is_marked(obj)) {
            gc_g.finalizable.items[keep++] = obj;
        } else {
            mark_visit(&obj, &m);
            mark_drain(&m);
            vec_push(&gc_g.events, ((struct gc_event){obj, GC_EVENT_FINALIZE}));
        }
    }
    gc_g.finalizable.n = keep;

    stm_store(&gc_g.events_pending, gc_g.events.n);
    gc_g.live_after_major = gc_pages_sweep();
    vec_free(&m.stack);
}

/* ---------------------------------------------------------------------------------------
 * Transaction boundaries
 */
void gc_txn_commit(stm_segment *seg)
{
    gc_seg *g = &seg->gc;
    if (g->txn_weakrefs.n || g->txn_finalizable.n || g->txn_finalize_now.n) {
        pthread_mutex_lock(&gc_g.lock);
        for (size_t i = 0; i < g->txn_weakrefs.n; i++)
            vec_push(&gc_g.weakrefs, g->txn_weakrefs.items[i]);
        for (size_t i = 0; i < g->txn_finalizable.n; i++)
            vec_push(&gc_g.finalizable, g->txn_finalizable.items[i]);
        for (size_t i = 0; i < g->txn_finalize_now.n; i++) {
            uint64_t e = g->txn_finalize_now.items[i];
            vec_push(&gc_g.events, ((struct gc_event){e & ~(uint64_t)15, (int)(e & 15)}));
        }
        stm_store(&gc_g.events_pending, gc_g.events.n);
        pthread_mutex_unlock(&gc_g.lock);
    }
    vec_clear(&g->txn_weakrefs);
    vec_clear(&g->txn_finalizable);
    vec_clear(&g->txn_finalize_now);
    vec_clear(&g->txn_events_popped);
    vec_clear(&g->new_objects);
    vec_clear(&g->allocated_old);
    gc_release_dropped_pages(seg);
    STM_ASSERT(g->pinned.n == 0 && g->young_weakrefs.n == 0 && g->shadows.n == 0);
}

void gc_txn_abort(stm_segment *seg)
{
    gc_seg *g = &seg->gc;
    for (size_t i = 0; i < g->new_objects.n; i++)
        gc_old_free(seg, g->new_objects.items[i]);
    for (size_t i = 0; i < g->shadows.n; i++)
        gc_old_free(seg, g->shadows.items[i].old);
    if (g->txn_events_popped.n) {
        /* the finalizers this attempt took will run in a later transaction */
        pthread_mutex_lock(&gc_g.lock);
        for (size_t i = 0; i < g->txn_events_popped.n; i++) {
            uint64_t e = g->txn_events_popped.items[i];
            vec_push(&gc_g.events, ((struct gc_event){e & ~(uint64_t)15, (int)(e & 15)}));
        }
        stm_store(&gc_g.events_pending, gc_g.events.n);
        pthread_mutex_unlock(&gc_g.lock);
    }
    vec_clear(&g->new_objects);
    vec_clear(&g->remembered);
    vec_clear(&g->allocated_old);
    gc_release_dropped_pages(seg);
    vec_clear(&g->young_weakrefs);
    vec_clear(&g->young_finalizable);
    vec_clear(&g->txn_weakrefs);
    vec_clear(&g->txn_finalizable);
    vec_clear(&g->txn_finalize_now);
    vec_clear(&g->txn_events_popped);
    vec_clear(&g->shadows);
    gc_nursery_reset(seg);
}

bool gc_event_pop(stm_segment *seg, stm_ref *obj, int *kind)
{
    if (stm_load(&gc_g.events_pending) == 0)   /* cheap check; the locked one decides */
        return false;
    pthread_mutex_lock(&gc_g.lock);
    bool got = gc_g.events.n > 0;
    if (got) {
        struct gc_event e = gc_g.events.items[--gc_g.events.n];
        stm_store(&gc_g.events_pending, gc_g.events.n);
        *obj = e.obj;
        *kind = e.kind;
        vec_push(&seg->gc.txn_events_popped, e.obj | (uint64_t)e.kind);
    }
    pthread_mutex_unlock(&gc_g.lock);
    return got;
}

int stm_run_finalizers(stm_thread *tl)
{
    stm_thread_internal *ti = tl->in;
    if (!ti->in_txn)
        stm_fatal("stm_run_finalizers outside a transaction");
    int n = 0;
    stm_ref obj;
    int kind;
    while (gc_event_pop(ti->seg, &obj, &kind)) {
        const stm_type *t = gc_type_of(stm_header(obj));
        if (kind == GC_EVENT_FINALIZE && t && t->finalize)
            t->finalize(obj);
        else if (kind == GC_EVENT_WEAKREF_CLEARED && t && t->weakref_cleared)
            t->weakref_cleared(obj);
        n++;
    }
    return n;
}

/* gc/nursery.c — nursery allocation and the minor collection.
 *
 * Each segment bump-allocates young objects in its private nursery.  A minor collection
 * runs on the owning thread alone: at every commit, and when the nursery fills.  It moves
 * every reachable young object to the old space of this segment (a NEW object: flags
 * WRITE_BARRIER|NEW, published when the transaction commits) and leaves a forwarding
 * reference in the nursery copy.
 *
 * Roots: the thread's root slots, the global roots written by the transaction, the old
 * objects the transaction modified (their backups are taken, so they stay writable
 * without barriers for the rest of the transaction and are traced by every minor
 * collection), the remembered list (NEW objects written since the last collection, and
 * old objects that still point to a pinned young object), and — except at commit — the
 * thread's own C stack and registers (from the runtime's entry point up: see
 * gc_stack_mark), scanned conservatively: a word that points into
 * an allocated young object, at its start or inside it, as a reference or as an address
 * in this segment, pins the object.  Pinned objects stay where they are; allocation
 * continues in the gaps between them.  At commit the interpreter holds no references on
 * the C stack, so the commit's collection does not scan it and never pins.
 *
 * Weak references are not traced through; after tracing, a weak field that points to a
 * young object that did not survive is cleared.  Young objects with finalizers that did
 * not survive are resurrected (moved like the others) and queued for finalization once
 * the transaction commits.
 */
#include "gc/gc_internal.h"

typedef struct minor_ctx {
    stm_segment *seg;
    char *base;
    stm_u64vec gray;            /* old copies whose fields still need tracing */
    stm_u64vec still_pointing;  /* old objects with a field on a pinned young object */
    bool saw_pin;               /* the object being traced has such a field */
} minor_ctx;

static inline stm_hdr *hdr_in(char *base, stm_ref ref) { return (stm_hdr *)(base + ref); }
static inline stm_ref forwarded_to(char *base, stm_ref ref) { return *(stm_ref *)(base + ref + 8); }

/* ---------------------------------------------------------------------------------------
 * Nursery layout: free stretches between pinned objects
 */
static void set_stretch(stm_segment *seg, size_t i)
{
    seg->gc.gap_index = i;
    seg->hot->nursery_current = seg->gc.gaps.items[i].start;
    seg->hot->nursery_limit = seg->gc.gaps.items[i].end;
}

/* Everything allocated so far lies below this. */
static stm_ref dirty_end(stm_segment *seg)
{
    stm_ref end = seg->hot->nursery_current;
    for (size_t i = 0; i < seg->gc.pinned.n; i++) {
        stm_ref p = seg->gc.pinned.items[i];
        stm_ref e = p + stm_size_units(hdr_in(seg->base, p)) * 16;
        if (e > end)
            end = e;
    }
    return end;
}

/* Zeroes [NURSERY_START, end) except the pinned objects (sorted) and rebuilds the list of
 * free stretches around them. */
static void rebuild_nursery(stm_segment *seg, stm_ref end)
{
    char *base = seg->base;
    stm_u64vec *pins = &seg->gc.pinned;
    vec_clear(&seg->gc.gaps);
    stm_ref r = STM_NURSERY_START;
    for (size_t i = 0; i < pins->n; i++) {
        stm_ref p = pins->items[i];
        if (p > r) {
            if (r < end)
                memset(base + r, 0, (p < end ? p : end) - r);
            if (p - r >= 16)
                vec_push(&seg->gc.gaps, ((struct gc_gap){r, p}));
        }
        r = p + stm_size_units(hdr_in(base, p)) * 16;
    }
    if (r < end)
        memset(base + r, 0, end - r);
    if (seg->gc.nursery_end > r)
        vec_push(&seg->gc.gaps, ((struct gc_gap){r, seg->gc.nursery_end}));
    if (seg->gc.gaps.n == 0)   /* pinned objects fill the nursery */
        vec_push(&seg->gc.gaps, ((struct gc_gap){seg->gc.nursery_end, seg->gc.nursery_end}));
    set_stretch(seg, 0);
}

void gc_segment_init(stm_segment *seg)
{
    seg->gc.nursery_end = STM_NURSERY_START + gc_g.nursery_bytes;
    vec_clear(&seg->gc.pinned);
    rebuild_nursery(seg, STM_NURSERY_START);
}

void gc_segment_free(stm_segment *seg)
{
    gc_seg *g = &seg->gc;
    vec_free(&g->gaps);
    vec_free(&g->pinned);
    vec_free(&g->new_objects);
    vec_free(&g->remembered);
    vec_free(&g->allocated_old);
    vec_free(&g->dropped_pages);
    vec_free(&g->young_weakrefs);
    vec_free(&g->young_finalizable);
    vec_free(&g->txn_weakrefs);
    vec_free(&g->txn_finalizable);
    vec_free(&g->txn_finalize_now);
    vec_free(&g->txn_events_popped);
    vec_free(&g->shadows);
}

/* Throws the nursery away (abort): nothing young survives, nothing is pinned. */
void gc_nursery_reset(stm_segment *seg)
{
    stm_ref end = dirty_end(seg);
    for (size_t i = 0; i < seg->gc.pinned.n; i++)
        hdr_in(seg->base, seg->gc.pinned.items[i])->flags &= ~STM_F_PINNED;
    vec_clear(&seg->gc.pinned);
    rebuild_nursery(seg, end);
}

/* ---------------------------------------------------------------------------------------
 * Allocation slow path
 */
static size_t direct_old_threshold(void)
{
    size_t t = gc_g.nursery_bytes / 8;
    return t < STM_YOUNG_MAX ? t : STM_YOUNG_MAX;
}

/* A large young object goes straight to the old space, as a NEW object that the VM may
 * write without barriers for the rest of the transaction (it holds it in a C local, as
 * it would hold a young object, which would be pinned): every minor collection of the
 * transaction traces it. */
static stm_ref allocate_old_new(stm_segment *seg, size_t size, uint32_t tid)
{
    stm_ref ref = gc_old_alloc(seg, size);
    if (ref == STM_NULL) {
        stm_request_major_gc();
        return STM_NULL;
    }
    memset(seg->base + ref, 0, size);
    *(uint64_t *)(seg->base + ref) = stm_hdr_word(size, tid) | STM_F_NEW;
    vec_push(&seg->gc.new_objects, ref);
    vec_push(&seg->gc.allocated_old, ref);
    return ref;
}

stm_ref stm_allocate_slowpath(size_t size, uint32_t tid)
{
    __builtin_unwind_init();
    stm_thread_internal *ti = stm_self_internal();
    stm_segment *seg = ti->seg;
    if (UNLIKELY(!seg || !ti->in_txn))
        stm_fatal("allocation outside a transaction");
    if (size == 0)
        size = 16;
    if (size >= direct_old_threshold())
        return allocate_old_new(seg, size, tid);
    for (int attempt = 0; attempt < 2; attempt++) {
        while (size > seg->hot->nursery_limit - seg->hot->nursery_current &&
               seg->gc.gap_index + 1 < seg->gc.gaps.n)
            set_stretch(seg, seg->gc.gap_index + 1);
        if (size <= seg->hot->nursery_limit - seg->hot->nursery_current)
            return stm_allocate(size, tid);
        if (attempt == 0)
            gc_minor_collect(seg, gc_stack_mark());
    }
    /* pinned objects leave no stretch big enough */
    return allocate_old_new(seg, size, tid);
}

stm_ref stm_allocate_array(size_t n_items, uint32_t tid)
{
    size_t size = STM_ARRAY_ITEMS_OFFSET + 8 * n_items;
    stm_ref ref = stm_allocate(size, tid);
    if (ref == STM_NULL)
        return ref;
    stm_hdr *h = stm_header(ref);
    *(uint64_t *)(stm_seg_base + ref + 8) = n_items;
    if (size >= STM_CARDS_MIN_BYTES)
        h->flags |= STM_F_HAS_CARDS;
    return ref;
}

stm_ref stm_allocate_finalizable(size_t size, uint32_t tid)
{
    stm_ref ref = stm_allocate(size, tid);
    if (ref == STM_NULL)
        return ref;
    stm_segment *seg = stm_self_internal()->seg;
    if (stm_is_young(ref))
        vec_push(&seg->gc.young_finalizable, ref);
    else
        vec_push(&seg->gc.txn_finalizable, ref);
    return ref;
}

stm_ref stm_allocate_weakref(size_t size, uint32_t tid, stm_ref referent)
{
    const stm_type *t = gc_types[tid];
    if (!t || !t->weakref_offset || t->weakref_offset + 8 > size)
        stm_fatal("stm_allocate_weakref: type %u has no weak field inside %zu bytes", tid, size);
    stm_ref ref = stm_allocate(size, tid);
    if (ref == STM_NULL)
        return ref;
    *(stm_ref *)(stm_seg_base + ref + t->weakref_offset) = referent;
    stm_segment *seg = stm_self_internal()->seg;
    if (stm_is_young(ref))
        vec_push(&seg->gc.young_weakrefs, ref);
    else
        vec_push(&seg->gc.txn_weakrefs, ref);
    return ref;
}

stm_ref stm_id(stm_ref obj)
{
    if (!stm_is_young(obj))
        return obj;
    stm_segment *seg = stm_self_internal()->seg;
    stm_hdr *h = stm_header(obj);
    if (h->flags & STM_F_HAS_SHADOW) {
        for (size_t i = 0; i < seg->gc.shadows.n; i++)
            if (seg->gc.shadows.items[i].young == obj)
                return seg->gc.shadows.items[i].old;
        stm_fatal("young object %#llx lost its reserved identity", (unsigned long long)obj);
    }
    stm_ref old = gc_old_alloc(seg, stm_size_units(h) * 16);
    if (old == STM_NULL)
        stm_fatal("heap exhausted reserving an identity");
    h->flags |= STM_F_HAS_SHADOW;
    vec_push(&seg->gc.shadows, ((struct gc_shadow){obj, old}));
    return old;
}

/* ---------------------------------------------------------------------------------------
 * The minor collection
 */
static stm_ref take_shadow(stm_segment *seg, stm_ref young)
{
    for (size_t i = 0; i < seg->gc.shadows.n; i++) {
        if (seg->gc.shadows.items[i].young == young) {
            stm_ref old = seg->gc.shadows.items[i].old;
            seg->gc.shadows.items[i] = seg->gc.shadows.items[--seg->gc.shadows.n];
            return old;
        }
    }
    stm_fatal("young object %#llx lost its reserved identity", (unsigned long long)young);
}

static stm_ref promote(minor_ctx *m, stm_ref obj)
{
    char *base = m->base;
    stm_hdr *h = hdr_in(base, obj);
    size_t size = stm_size_units(h) * 16;
    stm_ref to = (h->flags & STM_F_HAS_SHADOW) ? take_shadow(m->seg, obj)
                                               : gc_old_alloc(m->seg, size);
    if (UNLIKELY(to == STM_NULL))
        stm_fatal("heap exhausted: cannot promote an object of %zu bytes", size);
    memcpy(base + to, base + obj, size);
    hdr_in(base, to)->flags = (h->flags & ~STM_F_MASK) | (h->flags & STM_F_HAS_CARDS) |
                              STM_F_WRITE_BARRIER | STM_F_NEW;
    h->flags |= STM_F_FORWARDED;
    *(stm_ref *)(base + obj + 8) = to;
    vec_push(&m->gray, to);
    vec_push(&m->seg->gc.new_objects, to);
    STAT_ADD(m->seg->thread, bytes_promoted, size);
    return to;
}

static void minor_visit(stm_ref *slot, void *ctx)
{
    minor_ctx *m = ctx;
    stm_ref v = *slot;
    if ((v & 15) || !stm_is_young(v))
        return;
    uint32_t flags = hdr_in(m->base, v)->flags;
    if (flags & STM_F_FORWARDED)
        *slot = forwarded_to(m->base, v);
    else if (flags & STM_F_PINNED)
        m->saw_pin = true;
    else
        *slot = promote(m, v);
}

/* Traces an old object's fields; remembers it if one still points to a pinned object. */
static void trace_old(minor_ctx *m, stm_ref obj)
{
    m->saw_pin = false;
    gc_trace_object(m->base, obj, minor_visit, m);
    if (m->saw_pin)
        vec_push(&m->still_pointing, obj);
}

static void drain(minor_ctx *m)
{
    while (m->gray.n) {
        stm_ref obj = m->gray.items[--m->gray.n];
        if (stm_is_young(obj)) {            /* a pinned object: a root */
            gc_trace_object(m->base, obj, minor_visit, m);
        } else {
            trace_old(m, obj);
        }
    }
}

/* ---- conservative scan of the thread's own stack ---- */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The stack is scanned from the runtime's public entry point upward: the entry point
 * spills the callee-saved registers into its frame (__builtin_unwind_init) and passes
 * down the address of a frame below its own.  The runtime's deeper frames are not
 * scanned, so its own locals (the nursery bounds, say) never pin anything. */
__attribute__((noinline)) char *gc_stack_mark(void)
{
    return (char *)__builtin_frame_address(0);
}

/* Reads the whole stack including redzones and stale slots: not for the sanitizers. */
__attribute__((noinline, no_sanitize_address)) static void
collect_stack_candidates(stm_segment *seg, const char *from, const char *stack_top,
                         stm_ref hi, stm_u64vec *out)
{
    uintptr_t p = ((uintptr_t)from + 7) & ~(uintptr_t)7;
    uint64_t base = (uint64_t)(uintptr_t)seg->base, span = hi - STM_NURSERY_START;
    for (; p + 8 <= (uintptr_t)stack_top; p += 8) {
        uint64_t w = *(volatile uint64_t *)p;
        if (w - STM_NURSERY_START < span)
            vec_push(out, w);
        else if (w - base - STM_NURSERY_START < span)
            vec_push(out, w - base);
    }
}

/* Pins every allocated young object that a candidate word points into.  Objects are
 * contiguous from the start of each stretch; a zero word ends the allocated part. */
static void pin_candidates(minor_ctx *m, stm_u64vec *cands, stm_u64vec *prev_pins,
                           size_t stretches_used)
{
    char *base = m->base;
    stm_segment *seg = m->seg;
    if (cands->n == 0)
        return;
    qsort(cands->items, cands->n, sizeof(uint64_t), cmp_u64);
    /* regions to walk: the used part of each stretch, and each previously pinned object */
    STM_VEC(struct gc_gap) regions = {0};
    for (size_t i = 0; i < stretches_used; i++) {
        struct gc_gap g = seg->gc.gaps.items[i];
        if (i == seg->gc.gap_index)
            g.end = seg->hot->nursery_current;
        vec_push(&regions, g);
    }
    for (size_t i = 0; i < prev_pins->n; i++) {
        stm_ref p = prev_pins->items[i];
        vec_push(&regions, ((struct gc_gap){p, p + stm_size_units(hdr_in(base, p)) * 16}));
    }
    qsort(regions.items, regions.n, sizeof(struct gc_gap), cmp_u64);
    size_t ci = 0;
    for (size_t r = 0; r < regions.n && ci < cands->n; r++) {
        stm_ref obj = regions.items[r].start, end = regions.items[r].end;
        while (obj < end && ci < cands->n) {
            uint64_t word = *(uint64_t *)(base + obj);
            if (word == 0)
                break;
            stm_ref next = obj + stm_size_units(hdr_in(base, obj)) * 16;
            if (next <= obj)
                stm_fatal("nursery corrupt at %#llx", (unsigned long long)obj);
            while (ci < cands->n && cands->items[ci] < obj)
                ci++;
            if (ci < cands->n && cands->items[ci] < next) {
                stm_hdr *h = hdr_in(base, obj);
                if (!(h->flags & STM_F_PINNED)) {
                    h->flags |= STM_F_PINNED;
                    vec_push(&seg->gc.pinned, obj);
                }
                while (ci < cands->n && cands->items[ci] < next)
                    ci++;
            }
            obj = next;
        }
    }
    vec_free(&regions);
}

/* ---- weak references and finalizers after tracing ---- */

static void fix_weak_field(minor_ctx *m, stm_ref wr)
{
    const stm_type *t = gc_type_of(hdr_in(m->base, wr));
    if (!t || !t->weakref_offset)
        return;
    stm_ref *slot = (stm_ref *)(m->base + wr + t->weakref_offset);
    stm_ref v = *slot;
    if ((v & 15) || !stm_is_young(v))
        return;
    uint32_t flags = hdr_in(m->base, v)->flags;
    if (flags & STM_F_FORWARDED) {
        *slot = forwarded_to(m->base, v);
    } else if (flags & STM_F_PINNED) {
        if (!stm_is_young(wr))          /* the referent may move next time: look again */
            vec_push(&m->still_pointing, wr);
    } else {
        *slot = STM_NULL;
        if (t->weakref_cleared)
            vec_push(&m->seg->gc.txn_finalize_now, wr | GC_EVENT_WEAKREF_CLEARED);
    }
}

static void process_weakrefs(minor_ctx *m)
{
    gc_seg *g = &m->seg->gc;
    size_t keep = 0;
    for (size_t i = 0; i < g->young_weakrefs.n; i++) {
        stm_ref wr = g->young_weakrefs.items[i];
        uint32_t flags = hdr_in(m->base, wr)->flags;
        if (flags & STM_F_FORWARDED) {
            stm_ref to = forwarded_to(m->base, wr);
            fix_weak_field(m, to);
            vec_push(&g->txn_weakrefs, to);
        } else if (flags & STM_F_PINNED) {
            fix_weak_field(m, wr);
            g->young_weakrefs.items[keep++] = wr;
        }
    }
    g->young_weakrefs.n = keep;
    /* old weak references written by this transaction may point to young objects */
    for (size_t i = 0; i < m->seg->modified.n; i++)
        if (m->seg->modified.items[i].offset == 0)
            fix_weak_field(m, m->seg->modified.items[i].obj);
    for (size_t i = 0; i < g->remembered.n; i++)
        fix_weak_field(m, g->remembered.items[i]);
    for (size_t i = 0; i < g->allocated_old.n; i++)
        fix_weak_field(m, g->allocated_old.items[i]);
}

static void process_finalizable(minor_ctx *m)
{
    gc_seg *g = &m->seg->gc;
    size_t keep = 0;
    for (size_t i = 0; i < g->young_finalizable.n; i++) {
        stm_ref obj = g->young_finalizable.items[i];
        uint32_t flags = hdr_in(m->base, obj)->flags;
        if (flags & STM_F_FORWARDED) {
            vec_push(&g->txn_finalizable, forwarded_to(m->base, obj));
        } else if (flags & STM_F_PINNED) {
            g->young_finalizable.items[keep++] = obj;
        } else {
            /* died young: resurrect it and what it refers to, finalize after commit */
            stm_ref to = promote(m, obj);
            drain(m);
            vec_push(&g->txn_finalize_now, to | GC_EVENT_FINALIZE);
        }
    }
    g->young_finalizable.n = keep;
}

static void process_shadows(minor_ctx *m)
{
    gc_seg *g = &m->seg->gc;
    size_t keep = 0;
    for (size_t i = 0; i < g->shadows.n; i++) {
        struct gc_shadow s = g->shadows.items[i];
        if (hdr_in(m->base, s.young)->flags & STM_F_PINNED)
            g->shadows.items[keep++] = s;
        else
            gc_old_free(m->seg, s.old);      /* died before it moved in */
    }
    g->shadows.n = keep;
}

void gc_minor_collect(stm_segment *seg, const char *scan_from)
{
    stm_thread_internal *ti = seg->thread;
    minor_ctx m = {.seg = seg, .base = seg->base};
    gc_seg *g = &seg->gc;

    /* the previous pins are re-decided by this scan */
    stm_ref end = dirty_end(seg);
    stm_u64vec prev_pins = g->pinned;
    g->pinned = (stm_u64vec){0};
    for (size_t i = 0; i < prev_pins.n; i++)
        hdr_in(seg->base, prev_pins.items[i])->flags &= ~STM_F_PINNED;
    if (scan_from) {
        stm_u64vec cands = {0};
        collect_stack_candidates(seg, scan_from, ti->stack_top, end, &cands);
        pin_candidates(&m, &cands, &prev_pins, g->gap_index + 1);
        vec_free(&cands);
        if (g->pinned.n > 1)
            qsort(g->pinned.items, g->pinned.n, sizeof(uint64_t), cmp_u64);
    }

    for (size_t i = 0; i < g->pinned.n; i++)
        vec_push(&m.gray, g->pinned.items[i]);
    for (int i = 0; i < STM_THREAD_ROOTS; i++)
        minor_visit(&ti->tl->roots[i], &m);
    for (size_t i = 0; i < seg->root_writes.n; i++)
        minor_visit(seg->root_writes.items[i].slot, &m);
    for (size_t i = 0; i < seg->modified.n; i++) {
        stm_modified *mod = &seg->modified.items[i];
        stm_hdr *h = hdr_in(seg->base, mod->obj);
        if (h->flags & STM_F_HAS_CARDS) {
            const stm_type *t = gc_type_of(h);
            if (t && t->trace_range)
                t->trace_range(seg->base + mod->obj, mod->offset, mod->offset + mod->size,
                               minor_visit, &m);
        } else {
            gc_trace_object(seg->base, mod->obj, minor_visit, &m);
        }
    }
    drain(&m);
    for (size_t i = 0; i < g->remembered.n; i++)
        trace_old(&m, g->remembered.items[i]);
    for (size_t i = 0; i < g->allocated_old.n; i++)
        gc_trace_object(seg->base, g->allocated_old.items[i], minor_visit, &m);
    drain(&m);

    process_weakrefs(&m);
    process_finalizable(&m);
    process_shadows(&m);

    /* written NEW objects get their barrier back: the next write remembers them again */
    for (size_t i = 0; i < g->remembered.n; i++)
        hdr_in(seg->base, g->remembered.items[i])->flags |= STM_F_WRITE_BARRIER;
    vec_free(&g->remembered);
    g->remembered = m.still_pointing;
    for (size_t i = 0; i < g->remembered.n; i++)
        hdr_in(seg->base, g->remembered.items[i])->flags &= ~STM_F_WRITE_BARRIER;

    rebuild_nursery(seg, end);
    vec_free(&prev_pins);
    vec_free(&m.gray);
    STAT_ADD(ti, minor_collections, 1);
}

void stm_minor_collect(stm_thread *tl)
{
    __builtin_unwind_init();
    stm_thread_internal *ti = tl->in;
    if (!ti->in_txn)
        stm_fatal("stm_minor_collect outside a transaction");
    gc_minor_collect(ti->seg, gc_stack_mark());
}

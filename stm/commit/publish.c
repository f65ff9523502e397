/* stm/commit/publish.c — writing commits into the shared heap file.
 *
 * Entries are published in log order, so the shared file always holds a prefix of the
 * log plus new objects in free memory.  Before the first write of an entry to a page of
 * the file, every segment that still reads that page from the file and runs with an
 * older snapshot gets a private copy of it, taken under the page's lock: its transaction
 * keeps seeing its snapshot, and it imports the entry into that copy when its validation
 * reaches the entry.
 *
 * Publication never waits for another thread.  An entry's after-images are
 * self-contained, so whoever needs an entry published — its committer, the next
 * committer, a thread attaching — publishes it, in order.  Several may do it at once:
 * each page records the last revision written to it (published_rev, under the page's
 * lock), so a page never goes back to an older entry.  A committer preempted in the
 * middle of its publication holds nobody up.
 *
 * Objects created by the transaction are copied, before it appends its entry, from the
 * committer's own pages into the file and into every other segment's private copy of
 * their pages: that memory is free in every snapshot that can exist before the entry is
 * published, so nobody reads it; if the transaction then aborts, it is garbage in free
 * slots.
 */
#include "stm/internal.h"

stm_eventcount stm_log_event;

void stm_commit_notify(void)
{
    stm_ec_notify(&stm_log_event);
}

/* Holds at most one page lock at a time while walking address-sorted writes. */
typedef struct page_cursor {
    uint64_t page;
    stm_aword *lock;
} page_cursor;

static void cursor_release(page_cursor *c)
{
    if (c->lock)
        stm_unlock(c->lock);
    c->lock = NULL;
    c->page = UINT64_MAX;
}

/* Locks `page`; returns true if it was not the page already held. */
static bool cursor_move(page_cursor *c, uint64_t page)
{
    if (c->page == page)
        return false;
    cursor_release(c);
    c->page = page;
    c->lock = stm_page_lock_for(page);
    stm_lock(c->lock);
    return true;
}

static int cmp_ref(const void *a, const void *b)
{
    stm_ref x = *(const stm_ref *)a, y = *(const stm_ref *)b;
    return (x > y) - (x < y);
}

static size_t piece_in_page(stm_ref addr, stm_ref end)
{
    stm_ref page_end = (addr & ~(stm_ref)(STM_PAGE_SIZE - 1)) + STM_PAGE_SIZE;
    return (size_t)((end < page_end ? end : page_end) - addr);
}

void stm_commit_publish_new_objects(stm_segment *seg)
{
    gc_seg *g = &seg->gc;
    if (g->new_objects.n == 0)
        return;
    if (g->new_objects.n > 1)
        qsort(g->new_objects.items, g->new_objects.n, sizeof(uint64_t), cmp_ref);
    char *shared = stm_shared_base(), *mine = seg->base;
    uint64_t self_bit = UINT64_C(1) << seg->num, bytes = 0;
    page_cursor cur = {UINT64_MAX, NULL};
    for (size_t i = 0; i < g->new_objects.n; i++) {
        stm_ref obj = g->new_objects.items[i];
        stm_ref end = obj + gc_object_size_in(mine, obj);
        for (stm_ref a = obj; a < end;) {
            size_t n = piece_in_page(a, end);
            cursor_move(&cur, gc_page_of(a));
            memcpy(shared + a, mine + a, n);
            uint64_t mask = stm_load(&gc_pages[cur.page].private_mask) & ~self_bit;
            while (mask) {
                int j = __builtin_ctzll(mask);
                mask &= mask - 1;
                memcpy(stm_segment_get(j)->base + a, mine + a, n);
            }
            bytes += n;
            a += n;
        }
    }
    cursor_release(&cur);
    STAT_ADD(seg->thread, bytes_published, bytes);
}

/* Under the page's lock, before the first write of entry e to the page: the segments
 * that have the page open, read it from the file, and run with a snapshot older than e
 * get their own copy.  Segments where the page is closed will rebuild it at their own
 * snapshot if they ever open it (stm/access.c). */
static void protect_older_snapshots(uint64_t page, const stm_commit_entry *e)
{
    uint64_t private_mask = stm_load(&gc_pages[page].private_mask);
    uint64_t open_mask = stm_load(&gc_pages[page].access_mask);
    for (int j = 1; j <= stm_rt.nsegments; j++) {
        if (j == e->segment || ((private_mask >> j) & 1) || !((open_mask >> j) & 1))
            continue;
        stm_segment *other = stm_segment_get(j);
        if (stm_load(&other->running_rev) < e->rev)
            stm_page_force_private_locked(other, page);
    }
}

/* Writes e's after-images into the file; safe to run several times and concurrently.
 * Requires e's predecessor to be published.  Returns the bytes written.  A page whose
 * published_rev is past e was written by a later entry: e's bytes must not go back
 * there.  At e itself, the page is (being) written by e, possibly by someone else too:
 * writing the same bytes again is harmless, and records need not be sorted. */
static uint64_t write_entry(const stm_commit_entry *e)
{
    char *shared = stm_shared_base();
    uint64_t bytes = 0;
    bool skip = false;
    page_cursor cur = {UINT64_MAX, NULL};
    for (size_t i = 0; i < e->nrecs; i++) {
        const stm_write_rec *r = &e->recs[i];
        stm_ref start = r->obj + r->offset, end = start + r->size;
        for (stm_ref a = start; a < end;) {
            size_t n = piece_in_page(a, end);
            if (cursor_move(&cur, gc_page_of(a))) {
                stm_aword *published_rev = &gc_pages[cur.page].published_rev;
                uint64_t rev = stm_load(published_rev);
                skip = rev > e->rev;
                if (rev < e->rev) {
                    protect_older_snapshots(cur.page, e);
                    stm_store(published_rev, e->rev);
                }
            }
            if (!skip) {
                memcpy(shared + a, e->data + r->data_off + (a - start), n);
                bytes += n;
            }
            a += n;
        }
    }
    cursor_release(&cur);
    return bytes;
}

static void mark_published(stm_commit_entry *e)
{
    stm_store_rel(&e->published, 1);
    stm_commit_notify();
}

/* Normally the committer publishes its own entry within a microsecond or two: a thread
 * that needs it first waits that long, and publishes it itself only if the committer is
 * held up (preempted, say).  Publishing it eagerly made both threads write the same
 * after-images and fight over the same page locks at every commit. */
#define HELP_AFTER_NS 5000

static bool published_soon(stm_commit_entry *c)
{
    uint64_t t0 = 0;
    for (unsigned spins = 0;; spins++) {
        if (stm_load_acq(&c->published))
            return true;
        if ((spins & 63) == 63) {
            uint64_t now = stm_now_ns();
            if (!t0)
                t0 = now;
            else if (now - t0 > HELP_AFTER_NS)
                return false;
        }
        stm_cpu_relax();
    }
}

/* Publishes (or waits for, with the barrier checker, which needs each committer in its
 * own publication window) every entry after `from` up to and including `to`. */
void stm_commit_publish_through(stm_segment *seg, stm_commit_entry *from, stm_commit_entry *to)
{
    /* pairs with the full fence of a segment's attach: see stm_commit_catch_up_on_attach */
    stm_fence();
    for (stm_commit_entry *c = from; c != to;) {
        c = stm_entry_next(c);
        if (stm_load_acq(&c->published))
            continue;
        if (UNLIKELY(stm_rt.check_barriers)) {
            stm_spinner sp = {0};
            while (!stm_load_acq(&c->published))
                stm_spin(&sp);
            continue;
        }
        if (published_soon(c))
            continue;
        uint64_t bytes = write_entry(c);
        mark_published(c);
        if (seg && seg->thread)
            STAT_ADD(seg->thread, bytes_published, bytes);
    }
}

/* Only entries that write the same pages must reach the file in log order. */
static bool regions_disjoint(const stm_commit_entry *a, const stm_commit_entry *b)
{
    if (a->nregions == STM_REGIONS_MANY || b->nregions == STM_REGIONS_MANY)
        return false;
    for (uint32_t i = 0; i < a->nregions; i++)
        for (uint32_t j = 0; j < b->nregions; j++)
            if (a->region[i] == b->region[j])
                return false;
    return true;
}

/* May e's after-images go into the file before its predecessors are published?  Yes if
 * none of those still unpublished writes a region e writes: the file then holds, page by
 * page, every entry up to each page's published_rev, which is all that readers,
 * protection and rebuilding rely on (stm/access.c).  Only the `published` flags, which
 * move snapshots, stay strictly in log order. */
static bool may_write_early(stm_commit_entry *snap, stm_commit_entry *prev, stm_commit_entry *e)
{
    for (stm_commit_entry *c = snap; c != prev;) {
        c = stm_entry_next(c);
        if (!stm_load_acq(&c->published) && !regions_disjoint(c, e))
            return false;
    }
    return true;
}

void stm_commit_publish(stm_segment *seg, stm_commit_entry *snap, stm_commit_entry *prev,
                        stm_commit_entry *e)
{
    uint64_t bytes = 0;
    bool written = false;
    if (!stm_rt.check_barriers && may_write_early(snap, prev, e)) {
        stm_fence();                /* as in stm_commit_publish_through: before running_rev reads */
        bytes = write_entry(e);
        written = true;
    }
    stm_commit_publish_through(seg, snap, prev);
    if (UNLIKELY(stm_rt.check_barriers)) {
        /* the checker compares with the file before `published`: import first */
        for (stm_commit_entry *c = snap; c != prev;) {
            c = stm_entry_next(c);
            stm_commit_import(seg, c);
        }
        write_entry(e);
        stm_debug_check_private_pages(seg, e);
        mark_published(e);
        return;
    }
    if (!stm_load_acq(&e->published)) {
        if (!written)
            bytes = write_entry(e);
        mark_published(e);
        STAT_ADD(seg->thread, bytes_published, bytes);
    }
    /* outside the serial part: take in the entries we passed on the way */
    for (stm_commit_entry *c = snap; c != prev;) {
        c = stm_entry_next(c);
        stm_commit_import(seg, c);
    }
}

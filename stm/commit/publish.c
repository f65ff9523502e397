/* stm/commit/publish.c — writing a commit into the shared heap file.
 *
 * Entries are published in log order (each waits for its predecessor), so the shared
 * file always holds a prefix of the log plus new objects in free space.  Before the
 * first write of an entry to a page of the file, every segment that still reads that
 * page from the file and runs a transaction with an older snapshot gets a private copy
 * of it, taken under the page's lock: its transaction keeps seeing its snapshot, and it
 * imports the entry into that copy when its validation reaches the entry.
 *
 * Objects created by the transaction are copied from the committer's own pages into the
 * file and into every other segment's private copy of their pages: that memory was free
 * in every snapshot, so no running transaction can be reading it.
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

/* Under the page's lock: the segments that read this page from the file with a
 * snapshot older than `rev` get their own copy first. */
static void protect_older_snapshots(uint64_t page, int self, uint64_t rev)
{
    uint64_t mask = stm_load(&gc_pages[page].private_mask);
    for (int j = 1; j <= stm_rt.nsegments; j++) {
        if (j == self || ((mask >> j) & 1))
            continue;
        stm_segment *other = stm_segment_get(j);
        if (stm_load(&other->running_rev) < rev)
            stm_page_force_private_locked(other, page);
    }
    stm_store(&gc_pages[page].last_mod_rev, rev);
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

/* Our snapshot's successors up to prev, which our append passed, are published once
 * prev is: copy them into our private pages. */
static void import_passed(stm_segment *seg, stm_commit_entry *snap, stm_commit_entry *prev)
{
    for (stm_commit_entry *c = snap; c != prev;) {
        c = stm_entry_next(c);
        stm_commit_import(seg, c);
    }
}

void stm_commit_publish(stm_segment *seg, stm_commit_entry *snap, stm_commit_entry *prev,
                        stm_commit_entry *e)
{
    stm_spinner sp = {0};
    while (!stm_load_acq(&prev->published))
        stm_spin(&sp);
    /* pairs with the full fence of a segment's attach: see stm_commit_catch_up_on_attach */
    stm_fence();
    /* the checker compares with the file before `published`: import first then */
    if (UNLIKELY(stm_rt.check_barriers))
        import_passed(seg, snap, prev);

    /* the new objects first: the entry's after-images may refer to them */
    stm_commit_publish_new_objects(seg);

    char *shared = stm_shared_base();
    uint64_t bytes = 0;
    page_cursor cur = {UINT64_MAX, NULL};
    for (size_t i = 0; i < e->nrecs; i++) {
        const stm_write_rec *r = &e->recs[i];
        stm_ref start = r->obj + r->offset, end = start + r->size;
        for (stm_ref a = start; a < end;) {
            size_t n = piece_in_page(a, end);
            if (cursor_move(&cur, gc_page_of(a)))
                protect_older_snapshots(cur.page, seg->num, e->rev);
            memcpy(shared + a, e->data + r->data_off + (a - start), n);
            bytes += n;
            a += n;
        }
    }
    cursor_release(&cur);
    STAT_ADD(seg->thread, bytes_published, bytes);
    if (UNLIKELY(stm_rt.check_barriers))
        stm_debug_check_private_pages(seg, e);
    stm_store_rel(&e->published, 1);
    stm_commit_notify();
    /* outside the serial window: later entries need not wait for our imports */
    if (!stm_rt.check_barriers)
        import_passed(seg, snap, prev);
}

/* stm/commit/validate.c — moving a segment's snapshot forward over newer commits.
 *
 * For each published entry newer than the snapshot, in order: if the running transaction
 * set a read marker on one of the entry's written units, it read something that is now
 * out of date and aborts (write-read; or write-write, since a write barrier also marks
 * the unit read).  Otherwise the entry's after-images are copied into this segment's
 * private pages; pages it still shares read the file, which holds the entry already.
 * The snapshot then names the entry.  Because nothing the transaction read changed, it
 * is as if the transaction had started at the newer snapshot: no transaction ever sees
 * a mix of two snapshots.
 */
#include "stm/internal.h"

const stm_write_rec *stm_commit_find_conflict(stm_segment *seg, const stm_commit_entry *e)
{
    if (!stm_entry_touches_open_regions(seg, e))
        return NULL;                /* nothing in there could have been read */
    const stm_marker *markers = stm_read_markers(seg->base);
    stm_marker version = stm_read_version(seg->base);
    for (size_t i = 0; i < e->nrecs; i++)
        if (markers[e->recs[i].unit] == version)
            return &e->recs[i];
    return NULL;
}

void stm_commit_import(stm_segment *seg, const stm_commit_entry *e)
{
    if (!stm_entry_touches_open_regions(seg, e))
        return;                     /* no private copy can be in there */
    uint64_t bytes = 0;
    for (size_t i = 0; i < e->nrecs; i++) {
        const stm_write_rec *r = &e->recs[i];
        stm_ref start = r->obj + r->offset, end = start + r->size;
        for (stm_ref a = start; a < end;) {
            stm_ref page_end = (a & ~(stm_ref)(STM_PAGE_SIZE - 1)) + STM_PAGE_SIZE;
            size_t n = (size_t)((end < page_end ? end : page_end) - a);
            if (stm_page_is_private_in(seg, gc_page_of(a))) {
                memcpy(seg->base + a, e->data + r->data_off + (a - start), n);
                bytes += n;
            }
            a += n;
        }
    }
    if (seg->thread)
        STAT_ADD(seg->thread, bytes_imported, bytes);
}

static void set_snapshot(stm_segment *seg, stm_commit_entry *e)
{
    stm_store_rel(&seg->snapshot, (uintptr_t)e);
    if (stm_load(&seg->running_rev) != UINT64_MAX)
        stm_store(&seg->running_rev, e->rev);
}

bool stm_commit_validate(stm_segment *seg, bool check)
{
    stm_commit_entry *cur = stm_snapshot_of(seg);
    bool moved = false;
    for (;;) {
        stm_commit_entry *n = stm_entry_next(cur);
        if (!stm_entry_is_real(n) || !stm_load_acq(&n->published))
            break;
        if (check) {
            const stm_write_rec *conflict = stm_commit_find_conflict(seg, n);
            if (conflict)
                stm_abort_conflict(seg, n, conflict);
        }
        stm_commit_import(seg, n);
        set_snapshot(seg, n);
        cur = n;
        moved = true;
    }
    return moved;
}

/* Attaching a segment that no thread held.  While free, its running_rev was "none", so
 * committers did not keep old snapshots for it.  The Dekker-style handshake: publish
 * running_rev, full fence, then look at the log.  A commit that appended before our
 * fence may have checked running_rev before we set it: we publish every such entry (or
 * find it published) and take it into our snapshot.  A commit that appends after our fence
 * sees our running_rev when it publishes (it fences after its CAS) and keeps our
 * snapshot intact. */
void stm_commit_catch_up_on_attach(stm_segment *seg)
{
    stm_commit_entry *snap = stm_snapshot_of(seg);
    stm_store_full(&seg->running_rev, snap->rev);
    stm_commit_entry *last = snap;
    for (;;) {
        stm_commit_entry *n = stm_entry_next(last);
        if (!stm_entry_is_real(n))
            break;
        last = n;
    }
    stm_commit_publish_through(seg, snap, last);
    stm_commit_validate(seg, false);
}

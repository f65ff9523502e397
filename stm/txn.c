/* stm/txn.c — transactions: begin, commit, abort, inevitability, safe points.
 *
 * Begin takes the newest published snapshot and a fresh read-marker version; the restart
 * point is the caller's sigsetjmp in stm_start_transaction.  Commit runs a minor
 * collection (the transaction's young objects become NEW old objects), gives every
 * written object its barrier flag back, builds the log entry of after-images, appends it
 * (validating against every entry it passes), publishes it in log order, and finally
 * imports the entries it passed.  Abort copies the backups back, frees what the attempt
 * created, drops the nursery and jumps to the restart point.
 *
 * A transaction that writes no old object needs no log entry and no validation: it read
 * one consistent snapshot, so it is serialisable at that snapshot.  Its new objects are
 * still published, since a later transaction of the same thread may run in another
 * segment.
 */
#include "stm/internal.h"

#define BUDGET_INITIAL 256
#define BUDGET_MAX 65536

/* ---------------------------------------------------------------------------------------
 * Begin
 */
void stm_begin_(stm_thread *tl)
{
    stm_thread_internal *ti = tl->in;
    if (UNLIKELY(!ti || !ti->registered))
        stm_fatal("stm_start_transaction on a thread that is not registered");
    if (UNLIKELY(ti->in_txn))
        stm_fatal("stm_start_transaction inside a transaction");
    if (UNLIKELY(!ti->seg))
        stm_attach(tl);
    if (stm_load(&stm_rt.gc_requested))
        stm_park_for_major_gc(ti);
    bool go_inevitable = ti->consecutive_aborts && stm_conflict_backoff(ti);

    stm_segment *seg = ti->seg;
    stm_commit_validate(seg, false);
    stm_conflict_new_read_version(seg);
    memcpy(seg->roots_at_begin, tl->roots, sizeof seg->roots_at_begin);
    ti->atomic_depth = 0;
    ti->budget_left = ti->budget;
    ti->commit_soon = false;
    ti->txn_start_ns = stm_now_ns();
    ti->in_txn = true;
    if (go_inevitable)
        stm_become_inevitable(tl, "aborted too often");
}

void stm_transaction(stm_thread *tl, void (*fn)(void *), void *arg)
{
    stm_start_transaction(tl);
    fn(arg);
    stm_commit_transaction(tl);
}

bool stm_in_transaction(const stm_thread *tl) { return tl->in && tl->in->in_txn; }
bool stm_is_inevitable(const stm_thread *tl) { return tl->in && tl->in->inevitable; }
uint64_t stm_last_commit_rev(const stm_thread *tl) { return tl->in->last_commit_rev; }

/* ---------------------------------------------------------------------------------------
 * End of a transaction, either way
 */
static void finish_transaction(stm_thread_internal *ti)
{
    stm_segment *seg = ti->seg;
    stm_arena_reset(&seg->backups);
    vec_clear(&seg->modified);
    vec_clear(&seg->root_writes);
    ti->in_txn = false;
    ti->atomic_depth = 0;
}

void stm_abort_with(stm_thread_internal *ti, int kind, stm_ref obj,
                    const uint64_t other_marker[2], uint64_t other_thread)
{
    if (UNLIKELY(ti->inevitable))
        stm_fatal("an inevitable transaction was asked to abort (%s)", stm_abort_kind_name(kind));
    if (UNLIKELY(!ti->in_txn))
        stm_fatal("abort outside a transaction");
    stm_segment *seg = ti->seg;
    stm_thread *tl = ti->tl;
    uint64_t lost = stm_now_ns() - ti->txn_start_ns;
    stm_conflict_record(ti, kind, obj, other_marker, other_thread, lost);
    if (seg->pending_entry) {           /* built, never appended */
        stm_commit_entry_discard(seg, seg->pending_entry);
        seg->pending_entry = NULL;
    }

    for (size_t i = seg->modified.n; i-- > 0;) {
        stm_modified *m = &seg->modified.items[i];
        memcpy(seg->base + m->obj + m->offset, m->backup, m->size);
    }
    for (size_t i = seg->root_writes.n; i-- > 0;)
        *seg->root_writes.items[i].slot = seg->root_writes.items[i].old;
    memcpy(tl->roots, seg->roots_at_begin, sizeof tl->roots);
    gc_txn_abort(seg);
    finish_transaction(ti);

    uint32_t used = ti->budget - ti->budget_left;
    ti->budget = used > 10 ? used * 9 / 10 : 1;
    ti->consecutive_aborts++;
    STAT_ADD(ti, aborts[kind], 1);
    STAT_ADD(ti, ns_lost, lost);
    siglongjmp(tl->restart, 1);
}

void stm_abort_transaction(stm_thread *tl)
{
    stm_abort_with(tl->in, STM_ABORT_EXPLICIT, STM_NULL, NULL, 0);
}

void stm_abort_conflict(stm_segment *seg, const stm_commit_entry *e, const stm_write_rec *rec)
{
    stm_thread_internal *ti = seg->thread;
    int kind = STM_ABORT_WRITE_READ;
    if (e->inevitable) {
        kind = STM_ABORT_INEVITABLE;
    } else {
        for (size_t i = 0; i < seg->modified.n; i++)
            if (seg->modified.items[i].unit == rec->unit)
                kind = STM_ABORT_WRITE_WRITE;
    }
    uint64_t marker[2] = {rec->marker[0], rec->marker[1]};
    stm_abort_with(ti, kind, rec->obj, marker, e->thread);
}

/* ---------------------------------------------------------------------------------------
 * Commit
 */
void stm_commit_transaction(stm_thread *tl)
{
    stm_thread_internal *ti = tl->in;
    if (UNLIKELY(!ti->in_txn))
        stm_fatal("stm_commit_transaction outside a transaction");
    stm_segment *seg = ti->seg;
    char *base = seg->base;
    if (stm_stress_forced_abort(ti))
        stm_abort_with(ti, STM_ABORT_FORCED, STM_NULL, NULL, 0);

    gc_minor_collect(seg, NULL);
    for (size_t i = 0; i < seg->gc.new_objects.n; i++) {
        stm_hdr *h = (stm_hdr *)(base + seg->gc.new_objects.items[i]);
        h->flags = (h->flags | STM_F_WRITE_BARRIER) & ~STM_F_NEW;
    }
    /* whole objects written get their flag back (card-marked arrays never lose it, and
     * their header may sit on a page this segment does not own a copy of) */
    for (size_t i = 0; i < seg->modified.n; i++) {
        stm_hdr *h = (stm_hdr *)(base + seg->modified.items[i].obj);
        if (!(h->flags & STM_F_WRITE_BARRIER))
            h->flags |= STM_F_WRITE_BARRIER;
    }

    /* the barrier checker compares in the publication window, so it wants an entry */
    stm_commit_entry *e = seg->modified.n || stm_rt.check_barriers ? stm_commit_entry_build(seg) : NULL;
    stm_commit_publish_new_objects(seg);
    stm_commit_entry *snap = stm_snapshot_of(seg), *prev = snap;
    if (ti->inevitable) {
        if (e) {
            e->rev = snap->rev + 1;
            e->inevitable = true;
        }
        stm_store_rel(&snap->next, (uintptr_t)e);   /* replaces our STM_INEV_MARK */
        ti->inevitable = false;
        STAT_ADD(ti, ns_inevitable, stm_now_ns() - ti->inev_start_ns);
        if (!e)
            stm_commit_notify();
    } else if (e) {
        /* an abort in here frees e through the pending pointer */
        seg->pending_entry = e;
        prev = stm_commit_append(seg, e);
        seg->pending_entry = NULL;
    }

    if (e) {
        stm_commit_publish(seg, snap, prev, e);
        stm_store_rel(&seg->snapshot, (uintptr_t)e);
        stm_store(&seg->running_rev, e->rev);
        /* an empty entry (the barrier checker's) is a read-only transaction: it read
         * its snapshot and is placed there */
        ti->last_commit_rev = e->nrecs ? e->rev : snap->rev;
        STAT_ADD(ti, log_entries, e->nrecs ? 1 : 0);
    } else {
        ti->last_commit_rev = snap->rev;
    }

    gc_txn_commit(seg);
    finish_transaction(ti);
    ti->consecutive_aborts = 0;
    if (ti->budget < BUDGET_MAX)
        ti->budget += ti->budget / 8 + 1;
    STAT_ADD(ti, commits, 1);

    stm_commit_log_trim(ti->last_commit_rev, false);
    if (gc_major_wanted() ||
        (stm_rt.stress.major_every && ti->stats.commits % stm_rt.stress.major_every == 0))
        stm_request_major_gc();
    if (stm_load(&stm_rt.gc_requested))
        stm_park_for_major_gc(ti);
}

/* ---------------------------------------------------------------------------------------
 * Validation, inevitability
 */
void stm_validate(stm_thread *tl)
{
    stm_thread_internal *ti = tl->in;
    if (ti->in_txn && !ti->inevitable)
        stm_commit_validate(ti->seg, true);
}

void stm_become_inevitable(stm_thread *tl, const char *reason)
{
    (void)reason;
    stm_thread_internal *ti = tl->in;
    if (ti->inevitable)
        return;
    if (UNLIKELY(!ti->in_txn))
        stm_fatal("stm_become_inevitable outside a transaction");
    stm_segment *seg = ti->seg;
    uint64_t t0 = 0;
    for (;;) {
        stm_commit_validate(seg, true);
        stm_commit_entry *snap = stm_snapshot_of(seg);
        uintptr_t next = stm_load_acq(&snap->next);
        if (next == 0) {
            if (stm_cas(&snap->next, 0, STM_INEV_MARK))
                break;
            continue;
        }
        if (next != STM_INEV_MARK) {
            /* a commit not published yet: publish it, then validate over it */
            stm_commit_publish_through(seg, snap, (stm_commit_entry *)next);
            continue;
        }
        /* another transaction is inevitable */
        if (!t0)
            t0 = stm_now_ns();
        stm_ec_wait(&stm_log_event, stm_commit_still_inevitable, snap, 1000000);
    }
    ti->inevitable = true;
    ti->inev_start_ns = stm_now_ns();
    if (t0)
        STAT_ADD(ti, ns_waiting, ti->inev_start_ns - t0);
    STAT_ADD(ti, became_inevitable, 1);
}

/* ---------------------------------------------------------------------------------------
 * Atomic blocks, safe points
 */
void stm_atomic_enter(stm_thread *tl)
{
    if (UNLIKELY(!tl->in->in_txn))
        stm_fatal("stm_atomic_enter outside a transaction");
    tl->in->atomic_depth++;
}

void stm_atomic_leave(stm_thread *tl)
{
    if (UNLIKELY(tl->in->atomic_depth <= 0))
        stm_fatal("stm_atomic_leave without stm_atomic_enter");
    tl->in->atomic_depth--;
}

int stm_atomic_depth(const stm_thread *tl) { return tl->in->atomic_depth; }

void stm_hint_commit_soon(stm_thread *tl) { tl->in->commit_soon = true; }

/* The stress switch's collection scans the stack from here: keep it out of line so
 * that the common path of stm_safe_point does not spill every register. */
static COLD void stress_minor(stm_thread_internal *ti)
{
    __builtin_unwind_init();
    gc_minor_collect(ti->seg, gc_stack_mark());
}

bool stm_safe_point(stm_thread *tl)
{
    stm_thread_internal *ti = tl->in;
    if (UNLIKELY(!ti->in_txn))
        return false;
    if (UNLIKELY(stm_rt.stress.minor_every_safe_point))
        stress_minor(ti);
    if (stm_stress_forced_abort(ti))
        stm_abort_with(ti, STM_ABORT_FORCED, STM_NULL, NULL, 0);
    if (ti->atomic_depth > 0)
        return false;
    if (UNLIKELY(stm_rt.stress.break_every_safe_point) || ti->commit_soon ||
        ti->inevitable || stm_load(&stm_rt.gc_requested))
        return true;
    if (--ti->budget_left == 0)
        return true;
    /* a newer commit exists: find out now rather than at commit whether we lost */
    stm_commit_entry *next = stm_entry_next(stm_snapshot_of(ti->seg));
    if (stm_entry_is_real(next) && stm_load_acq(&next->published))
        stm_commit_validate(ti->seg, true);
    return false;
}

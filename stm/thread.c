/* stm/thread.c — thread registration, attach/detach, and stopping the world for a major
 * collection.
 *
 * A registered thread is attached (it holds a segment and may run transactions) or
 * detached (it holds none: blocked in a system call, or waiting for a free segment).
 * More threads than segments is legal; the extra ones wait in stm_attach.
 *
 * A major collection needs every attached thread at a transaction boundary.  Requesting
 * one sets gc_requested; each attached thread parks at its next boundary (the end of a
 * commit, the start of a transaction, an attach); the thread that finds every attached
 * thread parked runs the collection, then wakes the others.  Detached threads do not
 * take part: they hold no references the collector needs (stm/stm.h) and cannot attach
 * while a collection runs.  A thread that is inside a transaction is never stopped: the
 * collection waits for it to commit, and safe points ask it to commit soon.
 */
#define _GNU_SOURCE
#include <pthread.h>

#include "stm/internal.h"

static __thread stm_thread_internal *self_ti;

stm_thread_internal *stm_self_internal(void) { return self_ti; }
stm_thread *stm_self(void) { return self_ti ? self_ti->tl : NULL; }

static char *stack_top_of_this_thread(void)
{
    pthread_attr_t attr;
    void *addr;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        stm_fatal("pthread_getattr_np failed");
    if (pthread_attr_getstack(&attr, &addr, &size) != 0)
        stm_fatal("pthread_attr_getstack failed");
    pthread_attr_destroy(&attr);
    return (char *)addr + size;
}

void stm_register_thread(stm_thread *tl)
{
    if (!stm_rt.initialized)
        stm_fatal("stm_register_thread before stm_init");
    if (self_ti)
        stm_fatal("thread registered twice");
    stm_thread_internal *ti = stm_xmalloc(sizeof *ti);
    memset(ti, 0, sizeof *ti);
    memset(tl->roots, 0, sizeof tl->roots);
    tl->in = ti;
    ti->tl = tl;
    ti->stack_top = stack_top_of_this_thread();
    ti->budget = 256;
    pthread_mutex_lock(&stm_rt.lock);
    ti->id = ++stm_rt.next_thread_id;
    ti->next = stm_rt.threads;
    if (stm_rt.threads)
        stm_rt.threads->prev = ti;
    stm_rt.threads = ti;
    pthread_mutex_unlock(&stm_rt.lock);
    ti->rng.s = stm_rt.stress.seed * UINT64_C(0x2545F4914F6CDD1D) + ti->id;
    ti->registered = true;
    self_ti = ti;
    stm_attach(tl);
}

void stm_unregister_thread(stm_thread *tl)
{
    stm_thread_internal *ti = tl->in;
    if (ti->in_txn && ti->atomic_depth > 0)
        stm_fatal("thread unregistered inside an atomic block");
    stm_detach(tl);
    pthread_mutex_lock(&stm_rt.lock);
    if (ti->prev)
        ti->prev->next = ti->next;
    else
        stm_rt.threads = ti->next;
    if (ti->next)
        ti->next->prev = ti->prev;
    stm_stats_add(&stm_rt.retired_stats, &ti->stats);
    pthread_mutex_unlock(&stm_rt.lock);
    free(ti);
    tl->in = NULL;
    self_ti = NULL;
}

void stm_threads_foreach(void (*fn)(stm_thread_internal *ti, void *ctx), void *ctx)
{
    /* called by the collector with the world stopped, or under stm_rt.lock */
    for (stm_thread_internal *ti = stm_rt.threads; ti; ti = ti->next)
        fn(ti, ctx);
}

/* ---------------------------------------------------------------------------------------
 * Attach / detach
 */
bool stm_is_attached(const stm_thread *tl) { return tl->in && tl->in->seg; }

int stm_segment_of(const stm_thread *tl)
{
    return tl->in && tl->in->seg ? tl->in->seg->num : 0;
}

void stm_attach(stm_thread *tl)
{
    stm_thread_internal *ti = tl->in;
    if (ti->seg)
        return;
    uint64_t t0 = stm_now_ns();
    pthread_mutex_lock(&stm_rt.lock);
    while (stm_rt.gc_running)
        pthread_cond_wait(&stm_rt.cond, &stm_rt.lock);
    pthread_mutex_unlock(&stm_rt.lock);
    stm_segment *seg = stm_segment_acquire(ti);
    pthread_mutex_lock(&stm_rt.lock);
    while (stm_rt.gc_running)      /* it may have started while we waited for a segment */
        pthread_cond_wait(&stm_rt.cond, &stm_rt.lock);
    stm_rt.n_attached++;
    pthread_mutex_unlock(&stm_rt.lock);
    uint64_t waited = stm_now_ns() - t0;
    if (waited > 1000)
        STAT_ADD(ti, ns_waiting, waited);

    ti->seg = seg;
    seg->thread = ti;
    seg->hot->thread = tl;
    stm_seg_base = seg->base;
    stm_commit_catch_up_on_attach(seg);
    if (stm_load(&stm_rt.gc_requested))
        stm_park_for_major_gc(ti);
}

void stm_detach(stm_thread *tl)
{
    stm_thread_internal *ti = tl->in;
    stm_segment *seg = ti->seg;
    if (!seg)
        return;
    if (ti->in_txn) {
        if (ti->atomic_depth > 0) {
            /* an atomic block cannot be cut: keep the segment, never abort */
            stm_become_inevitable(tl, "blocking call in an atomic block");
            return;
        }
        stm_commit_transaction(tl);
    }
    stm_store_rel(&seg->running_rev, UINT64_MAX);
    pthread_mutex_lock(&stm_rt.lock);
    stm_rt.n_attached--;
    if (stm_load(&stm_rt.gc_requested))
        pthread_cond_broadcast(&stm_rt.cond);   /* a parked thread may now collect */
    pthread_mutex_unlock(&stm_rt.lock);
    ti->seg = NULL;
    stm_seg_base = NULL;
    seg->hot->thread = NULL;
    stm_segment_release(seg);
}

/* ---------------------------------------------------------------------------------------
 * Major collections
 */
void stm_request_major_gc(void)
{
    stm_store(&stm_rt.gc_requested, 1);
}

/* Read markers need no reset here: a marker only matters when it equals the version of
 * the running attempt, and versions are unique between two wraps of the byte. */
static void collect_with_world_stopped(void)
{
    gc_major_collect_quiescent();
    stm_commit_log_reset_to_tail();
}

void stm_park_for_major_gc(stm_thread_internal *ti)
{
    if (ti->in_txn)
        stm_fatal("parking for a major collection inside a transaction");
    uint64_t t0 = stm_now_ns();
    pthread_mutex_lock(&stm_rt.lock);
    stm_rt.n_parked++;
    while (stm_load(&stm_rt.gc_requested)) {
        if (!stm_rt.gc_running && stm_rt.n_parked == stm_rt.n_attached) {
            stm_rt.gc_running = true;
            pthread_mutex_unlock(&stm_rt.lock);
            collect_with_world_stopped();
            STAT_ADD(ti, major_collections, 1);
            pthread_mutex_lock(&stm_rt.lock);
            stm_rt.gc_running = false;
            stm_rt.gc_generation++;
            stm_store(&stm_rt.gc_requested, 0);
            pthread_cond_broadcast(&stm_rt.cond);
            break;
        }
        pthread_cond_wait(&stm_rt.cond, &stm_rt.lock);
    }
    stm_rt.n_parked--;
    pthread_mutex_unlock(&stm_rt.lock);
    STAT_ADD(ti, ns_waiting, stm_now_ns() - t0);
}

void stm_major_collect(stm_thread *tl)
{
    stm_thread_internal *ti = tl->in;
    if (ti->in_txn) {
        if (ti->atomic_depth > 0)
            stm_fatal("stm_major_collect inside an atomic block");
        stm_commit_transaction(tl);
    }
    if (!ti->seg)
        stm_attach(tl);
    stm_request_major_gc();
    stm_park_for_major_gc(ti);
}

/* stm/conflict/log.c — the record of every abort, and statistics.
 *
 * Aborts are rare next to commits, so a mutex-protected ring of the most recent
 * STM_CONFLICT_LOG_SIZE records is enough; readers copy out by sequence number, so a
 * reader that falls behind loses the oldest records, never the order. */
#include <pthread.h>

#include "stm/internal.h"

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static stm_conflict *ring;
static uint64_t next_seq;

static const char *const kind_names[STM_ABORT_KINDS] = {
    [STM_ABORT_WRITE_WRITE] = "write-write",
    [STM_ABORT_WRITE_READ] = "write-read",
    [STM_ABORT_INEVITABLE] = "inevitable",
    [STM_ABORT_FORCED] = "forced",
    [STM_ABORT_EXPLICIT] = "explicit",
};

const char *stm_abort_kind_name(int kind)
{
    return kind >= 0 && kind < STM_ABORT_KINDS ? kind_names[kind] : "?";
}

void stm_conflict_log_init(void)
{
    pthread_mutex_lock(&log_lock);
    if (!ring)
        ring = stm_xmalloc(STM_CONFLICT_LOG_SIZE * sizeof *ring);
    next_seq = 0;
    pthread_mutex_unlock(&log_lock);
}

void stm_conflict_record(stm_thread_internal *ti, int kind, stm_ref obj,
                         const uint64_t other_marker[2], uint64_t other_thread, uint64_t ns_lost)
{
    stm_conflict c = {
        .timestamp_ns = stm_now_ns(),
        .ns_lost = ns_lost,
        .object = obj,
        .self_marker = {ti->tl->marker[0], ti->tl->marker[1]},
        .other_marker = {other_marker ? other_marker[0] : 0, other_marker ? other_marker[1] : 0},
        .self_thread = ti->id,
        .other_thread = other_thread,
        .kind = (uint8_t)kind,
    };
    pthread_mutex_lock(&log_lock);
    c.seq = next_seq++;
    ring[c.seq % STM_CONFLICT_LOG_SIZE] = c;
    pthread_mutex_unlock(&log_lock);
}

size_t stm_conflict_log_read(stm_conflict *out, size_t max, uint64_t *cursor)
{
    pthread_mutex_lock(&log_lock);
    uint64_t first = *cursor;
    if (next_seq > STM_CONFLICT_LOG_SIZE && first < next_seq - STM_CONFLICT_LOG_SIZE)
        first = next_seq - STM_CONFLICT_LOG_SIZE;
    size_t n = 0;
    while (first + n < next_seq && n < max) {
        out[n] = ring[(first + n) % STM_CONFLICT_LOG_SIZE];
        n++;
    }
    *cursor = first + n;
    pthread_mutex_unlock(&log_lock);
    return n;
}

void stm_stats_add(stm_stats *into, const stm_stats *from)
{
    uint64_t *dst = (uint64_t *)into;
    const uint64_t *src = (const uint64_t *)from;
    for (size_t i = 0; i < sizeof(stm_stats) / sizeof(uint64_t); i++)
        dst[i] += __atomic_load_n(&src[i], __ATOMIC_RELAXED);
}

static void add_thread(stm_thread_internal *ti, void *ctx)
{
    stm_stats_add(ctx, &ti->stats);
}

void stm_stats_read(stm_stats *out)
{
    memset(out, 0, sizeof *out);
    pthread_mutex_lock(&stm_rt.lock);
    stm_stats_add(out, &stm_rt.retired_stats);
    stm_threads_foreach(add_thread, out);
    pthread_mutex_unlock(&stm_rt.lock);
    out->pages_forced_private += stm_load(&stm_rt.pages_forced_private);
    out->pages_reshared += stm_load(&stm_rt.pages_reshared);
}

void stm_thread_stats_read(const stm_thread *tl, stm_stats *out)
{
    memset(out, 0, sizeof *out);
    stm_stats_add(out, &tl->in->stats);
}

void stm_stats_reset(void)
{
    pthread_mutex_lock(&stm_rt.lock);
    memset(&stm_rt.retired_stats, 0, sizeof stm_rt.retired_stats);
    for (stm_thread_internal *ti = stm_rt.threads; ti; ti = ti->next) {
        uint64_t *p = (uint64_t *)&ti->stats;
        for (size_t i = 0; i < sizeof(stm_stats) / sizeof(uint64_t); i++)
            __atomic_store_n(&p[i], 0, __ATOMIC_RELAXED);
    }
    stm_store(&stm_rt.pages_forced_private, 0);
    stm_store(&stm_rt.pages_reshared, 0);
    pthread_mutex_unlock(&stm_rt.lock);
}

/* stm/runtime.c — starting and stopping the runtime, and what it reports about memory. */
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>

#include "stm/internal.h"

#ifdef STMPY_DEBUG
#define NURSERY_DEFAULT (256u << 10)    /* debug: small, so collections happen often */
#else
#define NURSERY_DEFAULT (4u << 20)
#endif
#define NURSERY_TINY (16u << 10)

static size_t parse_size(const char *name, const char *s)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 0);
    if (end == s)
        stm_fatal("%s: not a size: %s", name, s);
    switch (*end) {
    case 'k': case 'K': v <<= 10; end++; break;
    case 'm': case 'M': v <<= 20; end++; break;
    case 'g': case 'G': v <<= 30; end++; break;
    default: break;
    }
    if (*end)
        stm_fatal("%s: not a size: %s", name, s);
    return (size_t)v;
}

void stm_init(const stm_config *cfg)
{
    if (stm_rt.initialized)
        stm_fatal("stm_init called twice");
    stm_config c = cfg ? *cfg : (stm_config){0};
    const char *env;
    if (!c.nsegments && (env = getenv("STMPY_SEGMENTS")))
        c.nsegments = atoi(env);
    if (!c.nsegments)
        c.nsegments = (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (c.nsegments < 1)
        c.nsegments = 1;
    if (c.nsegments > STM_MAX_SEGMENTS)
        c.nsegments = STM_MAX_SEGMENTS;

    memset(&stm_rt, 0, sizeof stm_rt);
    stm_stress_init(&stm_rt.stress);
    if (!c.nursery_bytes && (env = getenv("STMPY_NURSERY")))
        c.nursery_bytes = parse_size("STMPY_NURSERY", env);
    if (stm_rt.stress.tiny_nursery)
        c.nursery_bytes = NURSERY_TINY;
    if (!c.nursery_bytes)
        c.nursery_bytes = NURSERY_DEFAULT;
    c.nursery_bytes = (c.nursery_bytes + STM_PAGE_SIZE - 1) & ~(size_t)(STM_PAGE_SIZE - 1);
    if (c.nursery_bytes < 4 * STM_PAGE_SIZE)
        c.nursery_bytes = 4 * STM_PAGE_SIZE;
    if (c.nursery_bytes > STM_NURSERY_MAX)
        c.nursery_bytes = STM_NURSERY_MAX;

#ifdef STMPY_BARRIER_CHECKER
    stm_rt.check_barriers = true;
#endif
    if ((env = getenv("STMPY_CHECK_BARRIERS")))
        stm_rt.check_barriers = atoi(env) != 0;

    pthread_mutex_init(&stm_rt.lock, NULL);
    pthread_cond_init(&stm_rt.cond, NULL);
    stm_segments_init(c.nsegments);
    stm_access_init();
    gc_init(c.nursery_bytes, c.major_min_bytes);
    stm_commit_log_init();
    stm_conflict_log_init();
    for (int i = 1; i <= c.nsegments; i++) {
        stm_segment *seg = stm_segment_get(i);
        stm_store(&seg->snapshot, (uintptr_t)stm_commit_log_first());
        gc_segment_init(seg);
    }
    stm_rt.initialized = true;
}

void stm_shutdown(void)
{
    if (!stm_rt.initialized)
        return;
    if (stm_rt.threads)
        stm_fatal("stm_shutdown with threads still registered");
    for (int i = 1; i <= stm_rt.nsegments; i++) {
        stm_segment *seg = stm_segment_get(i);
        vec_free(&seg->modified);
        vec_free(&seg->root_writes);
        stm_arena_free(&seg->backups);
        gc_segment_free(seg);
    }
    stm_commit_log_shutdown();
    gc_shutdown();
    stm_access_shutdown();
    stm_segments_shutdown();
    pthread_cond_destroy(&stm_rt.cond);
    pthread_mutex_destroy(&stm_rt.lock);
    stm_rt.initialized = false;
}

int stm_nsegments(void) { return stm_rt.nsegments; }

void stm_memory_info_read(stm_memory_info *out)
{
    memset(out, 0, sizeof *out);
    gc_memory_info(out);
    out->log_bytes = stm_commit_log_bytes();
}

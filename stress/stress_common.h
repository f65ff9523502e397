/* stress/stress_common.h — what the stress programs share: the command line, seeded
 * per-thread generators, per-thread event logs (ring buffers), failure reports that say
 * how to replay the run, a watchdog, and the final "OK" line.
 *
 * Every program accepts
 *   --threads T      worker threads (default 2)
 *   --seed S         drives every random choice (default 1); also STMPY_SEED for the
 *                    runtime unless the environment sets it already
 *   --ops K          operations (transactions) per thread; --iterations is a synonym
 *   --segments N     stm_init's nsegments (default: T; fewer than T is legal, threads
 *                    then take turns on segments: they detach every --detach-every ops)
 *   --detach-every N detach/attach between transactions every N ops (0: never, default:
 *                    64 when segments < threads, else 0)
 *   --timeout S      watchdog: FAILED if the run has not finished after S seconds
 *   --quiet          no per-thread summary
 * plus its own options (stress_opt tables).  The runtime's own switches come from the
 * environment: STMPY_STRESS, STMPY_SEGMENTS, STMPY_NURSERY, STMPY_SEED.
 */
#ifndef STRESS_STRESS_COMMON_H
#define STRESS_STRESS_COMMON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "stm/stm.h"

/* Sanitizer builds run slower: programs divide their default op counts by this. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define STRESS_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define STRESS_SANITIZED 1
#endif
#endif
#ifndef STRESS_SANITIZED
#define STRESS_SANITIZED 0
#endif

#define STRESS_MAX_THREADS 64

/* A program-specific integer option: --name VALUE. */
typedef struct stress_opt {
    const char *name;           /* without the leading "--" */
    long *value;                /* holds the default on entry */
    const char *help;
} stress_opt;

typedef struct stress_config {
    const char *prog;
    int threads;
    uint64_t seed;
    long ops;
    int segments;
    long detach_every;
    long timeout_s;
    bool quiet;
} stress_config;

extern stress_config stress_cfg;

/* Parses the command line (exits on errors or --help), prints the seed and the command
 * line, sets STMPY_SEED unless it is set, starts the watchdog and the clock. */
void stress_init(int argc, char **argv, const char *prog, long default_ops,
                 stress_opt *extra, int n_extra);
/* stm_init with nsegments = --segments, the given major_min_bytes (0: default) and
 * nursery_bytes (0: default; ignored when STMPY_NURSERY is set). */
void stress_stm_init(size_t major_min_bytes, size_t nursery_bytes);
/* Seconds since stress_init. */
double stress_elapsed(void);

/* ---------------------------------------------------------------------------------------
 * Random numbers: xoshiro256** seeded through splitmix64 from (seed, stream).
 */
typedef struct stress_rng {
    uint64_t s[4];
} stress_rng;

void stress_rng_init(stress_rng *r, uint64_t seed, uint64_t stream);
uint64_t stress_rng_next(stress_rng *r);
/* Uniform in [0, n); n > 0. */
uint64_t stress_rng_below(stress_rng *r, uint64_t n);
/* True with probability p. */
bool stress_rng_chance(stress_rng *r, double p);

/* ---------------------------------------------------------------------------------------
 * Per-thread event logs: a ring of the last STRESS_LOG_SIZE events of each thread.  The
 * owner writes, a failure report reads (relaxed atomics: a report may run while other
 * threads still work).
 */
#define STRESS_LOG_SIZE 64
#define STRESS_LOG_SHOW 50

typedef struct stress_event {
    uint64_t seq;               /* global order in which events were logged */
    uint64_t rev;               /* stm_last_commit_rev after the commit, or 0 */
    uint64_t op;                /* index into the op-name table given to stress_log_names */
    int64_t a, b, c, result;
} stress_event;

typedef struct stress_log {
    uint64_t n;                 /* events logged so far */
    stress_event ring[STRESS_LOG_SIZE];
} stress_log;

/* The names of the ops, for reports; names[op].  The table must outlive the run. */
void stress_log_names(const char *const *names, int n);
/* The log of worker thread `index` (0..threads-1); index -1 is the main thread's. */
stress_log *stress_thread_log(int index);
void stress_log_event(stress_log *log, uint64_t op, int64_t a, int64_t b, int64_t c,
                      int64_t result, uint64_t rev);

/* ---------------------------------------------------------------------------------------
 * Failures and success
 */
/* Prints FAILED, the message, the seed, the replay command and the event logs; exit(1). */
__attribute__((noreturn, format(printf, 1, 2))) void stress_fail(const char *fmt, ...);
/* The replay command line (with the STMPY_* environment), for messages. */
const char *stress_replay_command(void);
/* Prints "OK <prog> threads=T seed=S <extra> commits=.. aborts(...) ... elapsed=..s". */
__attribute__((format(printf, 1, 2))) void stress_ok(const char *fmt, ...);
/* Stops the watchdog (called by stress_ok). */
void stress_done(void);

/* Per-thread summary line (unless --quiet). */
void stress_print_thread_stats(int index, const stm_thread *tl);

/* ---------------------------------------------------------------------------------------
 * Threads
 */
/* Starts cfg.threads workers running fn((void *)(intptr_t)index) and joins them.  A
 * registered calling thread is detached meanwhile (an attached thread that runs no
 * transactions would keep every major collection waiting). */
void stress_run_workers(void *(*fn)(void *));

/* Between two transactions of a worker: detach/attach every --detach-every ops. */
void stress_maybe_detach(stm_thread *tl, long op_index);

/* The explicit abort of the programs that use it: never in an inevitable transaction
 * (that would be a fatal error), returns normally then. */
void stress_explicit_abort(stm_thread *tl);

#endif

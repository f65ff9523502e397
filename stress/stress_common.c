/* stress/stress_common.c — see stress_common.h. */
#define _GNU_SOURCE
#include "stress/stress_common.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

stress_config stress_cfg;

static stress_opt *g_extra;
static int g_n_extra;
static bool g_seed_from_env;     /* STMPY_SEED was set before we started */
static double g_t0;
static char g_replay[4096];
static bool g_detach_given;

static stress_log g_logs[STRESS_MAX_THREADS + 1];
static uint64_t g_log_seq;
static const char *const *g_op_names;
static int g_n_op_names;

static pthread_mutex_t g_fail_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t g_wd_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_wd_cond;
static bool g_wd_done;
static pthread_t g_wd_thread;
static bool g_wd_started;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

double stress_elapsed(void) { return now_s() - g_t0; }

/* ---------------------------------------------------------------------------------------
 * Command line
 */
static void usage(FILE *f, const char *argv0)
{
    fprintf(f, "usage: %s [--threads T] [--seed S] [--ops K | --iterations K] [--segments N]\n"
               "          [--detach-every N] [--timeout SECONDS] [--quiet]", argv0);
    for (int i = 0; i < g_n_extra; i++)
        fprintf(f, " [--%s N]", g_extra[i].name);
    fprintf(f, "\n  --threads T       worker threads (default 2)\n"
               "  --seed S          seed of every random choice (default 1)\n"
               "  --ops K           transactions per thread (default %ld)\n"
               "  --segments N      segments for stm_init (default: T)\n"
               "  --detach-every N  detach/attach every N ops (default: 64 if segments < threads)\n"
               "  --timeout S       watchdog in seconds (default %ld)\n",
            stress_cfg.ops, stress_cfg.timeout_s);
    for (int i = 0; i < g_n_extra; i++)
        fprintf(f, "  --%-16s %s (default %ld)\n", g_extra[i].name, g_extra[i].help, *g_extra[i].value);
    fprintf(f, "environment: STMPY_STRESS (abort=P,minor,break,major=N,tiny-nursery), "
               "STMPY_SEED, STMPY_SEGMENTS, STMPY_NURSERY\n");
}

static long parse_long(const char *argv0, const char *name, const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 0);
    if (errno || end == s || *end) {
        fprintf(stderr, "%s: --%s wants an integer, got '%s'\n", argv0, name, s);
        exit(2);
    }
    return v;
}

static void append(char *buf, size_t cap, const char *fmt, ...)
{
    size_t len = strlen(buf);
    if (len + 1 >= cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + len, cap - len, fmt, ap);
    va_end(ap);
}

static void append_env(char *buf, size_t cap, const char *name)
{
    const char *v = getenv(name);
    if (v)
        append(buf, cap, "%s='%s' ", name, v);
}

static void build_replay(const char *argv0)
{
    g_replay[0] = 0;
    append_env(g_replay, sizeof g_replay, "STMPY_STRESS");
    if (g_seed_from_env)
        append_env(g_replay, sizeof g_replay, "STMPY_SEED");
    append_env(g_replay, sizeof g_replay, "STMPY_SEGMENTS");
    append_env(g_replay, sizeof g_replay, "STMPY_NURSERY");
    append(g_replay, sizeof g_replay, "%s --threads %d --seed %llu --ops %ld", argv0,
           stress_cfg.threads, (unsigned long long)stress_cfg.seed, stress_cfg.ops);
    if (stress_cfg.segments)
        append(g_replay, sizeof g_replay, " --segments %d", stress_cfg.segments);
    if (g_detach_given)
        append(g_replay, sizeof g_replay, " --detach-every %ld", stress_cfg.detach_every);
    for (int i = 0; i < g_n_extra; i++)
        append(g_replay, sizeof g_replay, " --%s %ld", g_extra[i].name, *g_extra[i].value);
}

const char *stress_replay_command(void) { return g_replay; }

static void *watchdog_main(void *arg)
{
    (void)arg;
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += stress_cfg.timeout_s;
    pthread_mutex_lock(&g_wd_lock);
    while (!g_wd_done) {
        int rc = pthread_cond_timedwait(&g_wd_cond, &g_wd_lock, &deadline);
        if (rc == ETIMEDOUT && !g_wd_done) {
            pthread_mutex_unlock(&g_wd_lock);
            stress_fail("watchdog: the run did not finish within %ld s (livelock or deadlock?)",
                        stress_cfg.timeout_s);
        }
    }
    pthread_mutex_unlock(&g_wd_lock);
    return NULL;
}

void stress_init(int argc, char **argv, const char *prog, long default_ops,
                 stress_opt *extra, int n_extra)
{
    g_t0 = now_s();
    g_extra = extra;
    g_n_extra = n_extra;
    stress_cfg = (stress_config){
        .prog = prog, .threads = 2, .seed = 1, .ops = default_ops,
        .segments = 0, .detach_every = 0, .timeout_s = STRESS_SANITIZED ? 600 : 240,
    };
    bool segments_given = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strncmp(a, "--", 2))
            a += 2;
        else {
            fprintf(stderr, "%s: unexpected argument '%s'\n", argv[0], argv[i]);
            usage(stderr, argv[0]);
            exit(2);
        }
        if (!strcmp(a, "help") || !strcmp(a, "h")) {
            usage(stdout, argv[0]);
            exit(0);
        }
        if (!strcmp(a, "quiet")) {
            stress_cfg.quiet = true;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "%s: --%s wants a value\n", argv[0], a);
            exit(2);
        }
        const char *v = argv[++i];
        if (!strcmp(a, "threads")) {
            stress_cfg.threads = (int)parse_long(argv[0], a, v);
        } else if (!strcmp(a, "seed")) {
            char *end;
            errno = 0;
            stress_cfg.seed = strtoull(v, &end, 0);
            if (errno || end == v || *end) {
                fprintf(stderr, "%s: --seed wants an integer, got '%s'\n", argv[0], v);
                exit(2);
            }
        } else if (!strcmp(a, "ops") || !strcmp(a, "iterations")) {
            stress_cfg.ops = parse_long(argv[0], a, v);
        } else if (!strcmp(a, "segments")) {
            stress_cfg.segments = (int)parse_long(argv[0], a, v);
            segments_given = true;
        } else if (!strcmp(a, "detach-every")) {
            stress_cfg.detach_every = parse_long(argv[0], a, v);
            g_detach_given = true;
        } else if (!strcmp(a, "timeout")) {
            stress_cfg.timeout_s = parse_long(argv[0], a, v);
        } else {
            int k;
            for (k = 0; k < n_extra; k++)
                if (!strcmp(a, extra[k].name)) {
                    *extra[k].value = parse_long(argv[0], a, v);
                    break;
                }
            if (k == n_extra) {
                fprintf(stderr, "%s: unknown option '%s'\n", argv[0], argv[i - 1]);
                usage(stderr, argv[0]);
                exit(2);
            }
        }
    }
    if (stress_cfg.threads < 1 || stress_cfg.threads > STRESS_MAX_THREADS) {
        fprintf(stderr, "%s: --threads must be in 1..%d\n", argv[0], STRESS_MAX_THREADS);
        exit(2);
    }
    if (stress_cfg.ops < 1 || stress_cfg.segments < 0 || stress_cfg.segments > STM_MAX_SEGMENTS ||
        stress_cfg.detach_every < 0 || stress_cfg.timeout_s < 1) {
        fprintf(stderr, "%s: --ops, --segments, --detach-every or --timeout out of range\n", argv[0]);
        exit(2);
    }
    /* default: one segment per thread, unless the environment chooses */
    if (!segments_given && !getenv("STMPY_SEGMENTS"))
        stress_cfg.segments = stress_cfg.threads;

    g_seed_from_env = getenv("STMPY_SEED") != NULL;
    if (!g_seed_from_env) {
        char buf[32];
        snprintf(buf, sizeof buf, "%llu", (unsigned long long)stress_cfg.seed);
        setenv("STMPY_SEED", buf, 1);
    }
    build_replay(argv[0]);

    printf("%s: seed=%llu threads=%d ops=%ld STMPY_STRESS=%s STMPY_SEED=%s%s\n", prog,
           (unsigned long long)stress_cfg.seed, stress_cfg.threads, stress_cfg.ops,
           getenv("STMPY_STRESS") ? getenv("STMPY_STRESS") : "(none)", getenv("STMPY_SEED"),
           STRESS_SANITIZED ? " (sanitizer build)" : "");
    printf("%s: command: %s\n", prog, g_replay);
    fflush(stdout);

    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&g_wd_cond, &ca);
    pthread_condattr_destroy(&ca);
    if (pthread_create(&g_wd_thread, NULL, watchdog_main, NULL) != 0) {
        fprintf(stderr, "%s: cannot start the watchdog\n", prog);
        exit(2);
    }
    g_wd_started = true;
}

void stress_stm_init(size_t major_min_bytes, size_t nursery_bytes)
{
    stm_config c = {.nsegments = stress_cfg.segments, .major_min_bytes = major_min_bytes,
                    .nursery_bytes = getenv("STMPY_NURSERY") ? 0 : nursery_bytes};
    stm_init(&c);
    if (!g_detach_given && stm_nsegments() < stress_cfg.threads)
        stress_cfg.detach_every = 64;
}

/* ---------------------------------------------------------------------------------------
 * Random numbers
 */
static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

void stress_rng_init(stress_rng *r, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed * UINT64_C(0x9E3779B97F4A7C15) ^ (stream + 1) * UINT64_C(0xD1B54A32D192ED03);
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t stress_rng_next(stress_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint64_t stress_rng_below(stress_rng *r, uint64_t n)
{
    return (uint64_t)(((unsigned __int128)stress_rng_next(r) * n) >> 64);
}

bool stress_rng_chance(stress_rng *r, double p)
{
    return (double)(stress_rng_next(r) >> 11) * 0x1.0p-53 < p;
}

/* ---------------------------------------------------------------------------------------
 * Event logs
 */
void stress_log_names(const char *const *names, int n)
{
    g_op_names = names;
    g_n_op_names = n;
}

stress_log *stress_thread_log(int index)
{
    if (index < 0 || index >= STRESS_MAX_THREADS)
        index = STRESS_MAX_THREADS;
    return &g_logs[index];
}

#define ST(field, v) __atomic_store_n(&(field), (v), __ATOMIC_RELAXED)
#define LD(field) __atomic_load_n(&(field), __ATOMIC_RELAXED)

void stress_log_event(stress_log *log, uint64_t op, int64_t a, int64_t b, int64_t c,
                      int64_t result, uint64_t rev)
{
    uint64_t n = LD(log->n);
    stress_event *e = &log->ring[n % STRESS_LOG_SIZE];
    ST(e->seq, __atomic_fetch_add(&g_log_seq, 1, __ATOMIC_RELAXED));
    ST(e->rev, rev);
    ST(e->op, op);
    ST(e->a, a);
    ST(e->b, b);
    ST(e->c, c);
    ST(e->result, result);
    __atomic_store_n(&log->n, n + 1, __ATOMIC_RELEASE);
}

static void dump_logs(FILE *f)
{
    for (int t = 0; t <= STRESS_MAX_THREADS; t++) {
        stress_log *log = &g_logs[t];
        uint64_t n = __atomic_load_n(&log->n, __ATOMIC_ACQUIRE);
        if (!n)
            continue;
        uint64_t show = n < STRESS_LOG_SHOW ? n : STRESS_LOG_SHOW;
        if (t == STRESS_MAX_THREADS)
            fprintf(f, "-- main thread: last %llu of %llu events\n", (unsigned long long)show,
                    (unsigned long long)n);
        else
            fprintf(f, "-- thread %d: last %llu of %llu events\n", t, (unsigned long long)show,
                    (unsigned long long)n);
        for (uint64_t i = n - show; i < n; i++) {
            stress_event *e = &log->ring[i % STRESS_LOG_SIZE];
            uint64_t op = LD(e->op);
            const char *name = op < (uint64_t)g_n_op_names ? g_op_names[op] : "?";
            fprintf(f, "   #%-8llu seq=%-10llu rev=%-10llu %-12s a=%lld b=%lld c=%lld -> %lld\n",
                    (unsigned long long)i, (unsigned long long)LD(e->seq),
                    (unsigned long long)LD(e->rev), name, (long long)LD(e->a), (long long)LD(e->b),
                    (long long)LD(e->c), (long long)LD(e->result));
        }
    }
}

/* ---------------------------------------------------------------------------------------
 * Failure, success
 */
void stress_fail(const char *fmt, ...)
{
    pthread_mutex_lock(&g_fail_lock);      /* one report; other failing threads wait here */
    fflush(stdout);
    FILE *f = stdout;
    fprintf(f, "FAILED %s threads=%d seed=%llu: ", stress_cfg.prog, stress_cfg.threads,
            (unsigned long long)stress_cfg.seed);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fprintf(f, "\n  after %.2f s\n  replay: %s\n  event logs (per thread, oldest first):\n",
            stress_elapsed(), g_replay);
    dump_logs(f);
    fprintf(f, "FAILED %s seed=%llu; replay: %s\n", stress_cfg.prog,
            (unsigned long long)stress_cfg.seed, g_replay);
    fflush(f);
    fflush(stderr);
    _exit(1);
}

void stress_done(void)
{
    if (!g_wd_started)
        return;
    pthread_mutex_lock(&g_wd_lock);
    g_wd_done = true;
    pthread_cond_broadcast(&g_wd_cond);
    pthread_mutex_unlock(&g_wd_lock);
    pthread_join(g_wd_thread, NULL);
    g_wd_started = false;
}

void stress_ok(const char *fmt, ...)
{
    stress_done();
    stm_stats st;
    stm_stats_read(&st);
    char extra[1024] = "";
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(extra, sizeof extra, fmt, ap);
    va_end(ap);
    uint64_t aborts = 0;
    for (int k = 0; k < STM_ABORT_KINDS; k++)
        aborts += st.aborts[k];
    printf("OK %s threads=%d seed=%llu segments=%d %s commits=%llu aborts=%llu (", stress_cfg.prog,
           stress_cfg.threads, (unsigned long long)stress_cfg.seed, stm_nsegments(), extra,
           (unsigned long long)st.commits, (unsigned long long)aborts);
    for (int k = 0; k < STM_ABORT_KINDS; k++)
        printf("%s%s=%llu", k ? " " : "", stm_abort_kind_name(k), (unsigned long long)st.aborts[k]);
    printf(") inevitable=%llu minor=%llu major=%llu elapsed=%.2fs\n",
           (unsigned long long)st.became_inevitable, (unsigned long long)st.minor_collections,
           (unsigned long long)st.major_collections, stress_elapsed());
    fflush(stdout);
}

void stress_print_thread_stats(int index, const stm_thread *tl)
{
    if (stress_cfg.quiet)
        return;
    stm_stats st;
    stm_thread_stats_read(tl, &st);
    printf("  thread %d: commits=%llu aborts ww=%llu wr=%llu inev=%llu forced=%llu explicit=%llu "
           "became_inevitable=%llu minor=%llu major=%llu\n", index,
           (unsigned long long)st.commits, (unsigned long long)st.aborts[STM_ABORT_WRITE_WRITE],
           (unsigned long long)st.aborts[STM_ABORT_WRITE_READ],
           (unsigned long long)st.aborts[STM_ABORT_INEVITABLE],
           (unsigned long long)st.aborts[STM_ABORT_FORCED],
           (unsigned long long)st.aborts[STM_ABORT_EXPLICIT],
           (unsigned long long)st.became_inevitable, (unsigned long long)st.minor_collections,
           (unsigned long long)st.major_collections);
}

/* ---------------------------------------------------------------------------------------
 * Threads
 */
void stress_run_workers(void *(*fn)(void *))
{
    stm_thread *self = stm_self();
    bool was_attached = self && stm_is_attached(self);
    if (was_attached)
        stm_detach(self);
    pthread_t th[STRESS_MAX_THREADS];
    for (int i = 0; i < stress_cfg.threads; i++)
        if (pthread_create(&th[i], NULL, fn, (void *)(intptr_t)i) != 0)
            stress_fail("pthread_create failed for thread %d", i);
    for (int i = 0; i < stress_cfg.threads; i++)
        pthread_join(th[i], NULL);
    if (was_attached)
        stm_attach(self);
}

void stress_maybe_detach(stm_thread *tl, long op_index)
{
    long every = stress_cfg.detach_every;
    if (every > 0 && op_index % every == every - 1) {
        stm_detach(tl);
        sched_yield();
        stm_attach(tl);
    }
}

void stress_explicit_abort(stm_thread *tl)
{
    if (!stm_is_inevitable(tl))
        stm_abort_transaction(tl);
}

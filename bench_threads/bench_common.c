/* bench_threads/bench_common.c — helpers of bench_common.h. */
#define _GNU_SOURCE
#include "bench_common.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------------------------------
 * Types
 */
static void rec_trace(void *obj, stm_visit_fn visit, void *ctx)
{
    visit(&((bench_rec *)obj)->cell, ctx);
}

static void cell_trace(void *obj, stm_visit_fn visit, void *ctx)
{
    visit(&((bench_cell *)obj)->next, ctx);
}

static void entry_trace(void *obj, stm_visit_fn visit, void *ctx)
{
    bench_entry *e = obj;
    visit(&e->value, ctx);
    visit(&e->next, ctx);
}

static const stm_type rec_type = {.name = "bench rec", .trace = rec_trace};
static const stm_type cell_type = {.name = "bench cell", .trace = cell_trace};
static const stm_type entry_type = {.name = "bench entry", .trace = entry_trace};
static const stm_type box_type = {.name = "bench box"};

void bench_register_types(void)
{
    _Static_assert(sizeof(bench_rec) == 64, "a record is 64 bytes");
    _Static_assert(sizeof(bench_cell) == 32, "a cell is 32 bytes");
    stm_register_type(T_REC, &rec_type);
    stm_register_type(T_CELL, &cell_type);
    stm_register_type(T_ENTRY, &entry_type);
    stm_register_type(T_BOX, &box_type);
}

/* ---------------------------------------------------------------------------------------
 * Time and statistics
 */
uint64_t bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_median(const double *v, int n)
{
    if (n <= 0)
        return 0;
    double *s = malloc((size_t)n * sizeof *s);
    memcpy(s, v, (size_t)n * sizeof *s);
    qsort(s, (size_t)n, sizeof *s, cmp_double);
    double m = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    free(s);
    return m;
}

double bench_min(const double *v, int n)
{
    double m = n > 0 ? v[0] : 0;
    for (int i = 1; i < n; i++)
        if (v[i] < m)
            m = v[i];
    return m;
}

double bench_max(const double *v, int n)
{
    double m = n > 0 ? v[0] : 0;
    for (int i = 1; i < n; i++)
        if (v[i] > m)
            m = v[i];
    return m;
}

uint64_t bench_minflt_thread(void)
{
    struct rusage ru;
    getrusage(RUSAGE_THREAD, &ru);
    return (uint64_t)ru.ru_minflt;
}

uint64_t bench_minflt_process(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (uint64_t)ru.ru_minflt;
}

void bench_process_usage(double *cpu_s, uint64_t *ctxsw)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    *cpu_s = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
             (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    *ctxsw = (uint64_t)(ru.ru_nvcsw + ru.ru_nivcsw);
}

double bench_machine_busy_s(void)
{
    FILE *f = fopen("/proc/stat", "r");
    if (!f)
        return 0;
    unsigned long long v[10] = {0};
    int n = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1],
                   &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9]);
    fclose(f);
    if (n < 8)
        return 0;
    /* user nice system idle iowait irq softirq steal: all but idle and iowait */
    unsigned long long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
    return (double)busy / (double)sysconf(_SC_CLK_TCK);
}

uint64_t bench_tlb_shootdowns(void)
{
    FILE *f = fopen("/proc/interrupts", "r");
    if (!f)
        return 0;
    char line[8192];
    uint64_t total = 0;
    while (fgets(line, sizeof line, f)) {
        char *p = line;
        while (*p == ' ')
            p++;
        if (strncmp(p, "TLB:", 4) != 0)
            continue;
        p += 4;
        for (;;) {
            char *end;
            unsigned long long v = strtoull(p, &end, 10);
            if (end == p)
                break;
            total += v;
            p = end;
        }
    }
    fclose(f);
    return total;
}

int bench_online_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* ---------------------------------------------------------------------------------------
 * Options
 */
void bench_parse_opts(int argc, char **argv, bench_opts *o, const char *usage)
{
    static const struct option longopts[] = {
        {"quick", no_argument, NULL, 'q'},
        {"threads-max", required_argument, NULL, 't'},
        {"reps", required_argument, NULL, 'r'},
        {"seconds", required_argument, NULL, 's'},
        {"warmup", required_argument, NULL, 'w'},
        {"json", required_argument, NULL, 'j'},
        {"only", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int reps = -1;
    double window = -1, warmup = -1;
    int c;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case 'q': o->quick = true; break;
        case 't': o->threads_max = atoi(optarg); break;
        case 'r': reps = atoi(optarg); break;
        case 's': window = atof(optarg); break;
        case 'w': warmup = atof(optarg); break;
        case 'j': o->json_path = optarg; break;
        case 'o': o->only = optarg; break;
        case 'h':
            printf("usage: %s [--quick] [--threads-max N] [--reps N] [--seconds S] "
                   "[--warmup S] [--json FILE] [--only CONFIGS]\n%s", argv[0], usage);
            exit(0);
        default:
            fprintf(stderr, "%s: bad option (try --help)\n", argv[0]);
            exit(2);
        }
    }
    if (optind < argc) {
        fprintf(stderr, "%s: unexpected argument %s\n", argv[0], argv[optind]);
        exit(2);
    }
    if (o->quick) {
        o->reps = o->reps > 3 ? 3 : o->reps;
        o->window_s /= 3;
        o->warmup_s /= 2;
    }
    if (reps > 0)
        o->reps = reps;
    if (window > 0)
        o->window_s = window;
    if (warmup >= 0)
        o->warmup_s = warmup;
    if (o->threads_max <= 0)
        o->threads_max = bench_online_cpus();
    if (o->threads_max > STM_MAX_SEGMENTS)
        o->threads_max = STM_MAX_SEGMENTS;
}

bool bench_only_wants(const bench_opts *o, const char *name)
{
    if (!o->only)
        return true;
    size_t n = strlen(name);
    for (const char *p = o->only; *p;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && memcmp(p, name, n) == 0)
            return true;
        p += len + (e != NULL);
    }
    return false;
}

/* ---------------------------------------------------------------------------------------
 * Counters
 */
void bench_stats_sub(stm_stats *out, const stm_stats *end, const stm_stats *start)
{
    const uint64_t *e = (const uint64_t *)end, *s = (const uint64_t *)start;
    uint64_t *d = (uint64_t *)out;
    for (size_t i = 0; i < sizeof(stm_stats) / sizeof(uint64_t); i++)
        d[i] = e[i] - s[i];
}

void bench_stats_add(stm_stats *into, const stm_stats *x)
{
    const uint64_t *s = (const uint64_t *)x;
    uint64_t *d = (uint64_t *)into;
    for (size_t i = 0; i < sizeof(stm_stats) / sizeof(uint64_t); i++)
        d[i] += s[i];
}

uint64_t bench_stats_aborts(const stm_stats *s)
{
    uint64_t n = 0;
    for (int k = 0; k < STM_ABORT_KINDS; k++)
        n += s->aborts[k];
    return n;
}

void bench_print_stats(FILE *f, const char *indent, const stm_stats *s, double per)
{
    double p = per > 0 ? per : 1;
    fprintf(f, "%scommits %llu  aborts %llu (", indent, (unsigned long long)s->commits,
            (unsigned long long)bench_stats_aborts(s));
    for (int k = 0; k < STM_ABORT_KINDS; k++)
        fprintf(f, "%s%s %llu", k ? ", " : "", stm_abort_kind_name(k),
                (unsigned long long)s->aborts[k]);
    fprintf(f, ")  minor GCs %llu  major GCs %llu  inevitable %llu\n",
            (unsigned long long)s->minor_collections, (unsigned long long)s->major_collections,
            (unsigned long long)s->became_inevitable);
    fprintf(f,
            "%spages privatized %llu, forced private %llu, reshared %llu;  per commit: "
            "published %.0f B, imported %.0f B, promoted %.0f B;  waiting %.1f ms, lost %.1f ms\n",
            indent, (unsigned long long)s->pages_privatized,
            (unsigned long long)s->pages_forced_private, (unsigned long long)s->pages_reshared,
            s->bytes_published / p, s->bytes_imported / p, s->bytes_promoted / p,
            s->ns_waiting / 1e6, s->ns_lost / 1e6);
}

/* ---------------------------------------------------------------------------------------
 * Child processes
 */
static int child_ready_fd = -1, child_go_fd = -1;

static bool read_full(int fd, void *buf, size_t n)
{
    char *p = buf;
    while (n) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        p += r;
        n -= (size_t)r;
    }
    return true;
}

static bool write_full(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n) {
        ssize_t r = write(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        p += r;
        n -= (size_t)r;
    }
    return true;
}

uint64_t bench_child_ready(void)
{
    if (child_ready_fd < 0)
        return bench_now_ns();
    char c = 'r';
    uint64_t go = 0;
    if (!write_full(child_ready_fd, &c, 1) || !read_full(child_go_fd, &go, sizeof go)) {
        fprintf(stderr, "bench child: lost the parent\n");
        _exit(3);
    }
    return go;
}

static bool wait_child(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return false;
    if (WIFSIGNALED(status)) {
        fprintf(stderr, "bench: child %d died of signal %d (%s)\n", (int)pid, WTERMSIG(status),
                strsignal(WTERMSIG(status)));
        return false;
    }
    if (WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench: child %d exited with status %d\n", (int)pid, WEXITSTATUS(status));
        return false;
    }
    return true;
}

bool bench_run_children(int n, bench_child_fn fn, void *args, size_t arg_stride, void *outs,
                        size_t size)
{
    pid_t pids[STM_MAX_SEGMENTS];
    int res_fd[STM_MAX_SEGMENTS], go_fd[STM_MAX_SEGMENTS], ready_fd[STM_MAX_SEGMENTS];
    bool ok = true, sync = n > 1;
    fflush(stdout);
    fflush(stderr);
    for (int i = 0; i < n; i++) {
        int res[2], ready[2] = {-1, -1}, go[2] = {-1, -1};
        if (pipe(res) != 0 || (sync && (pipe(ready) != 0 || pipe(go) != 0))) {
            perror("pipe");
            exit(1);
        }
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            exit(1);
        }
        if (pid == 0) {
            /* a runtime that hangs (a lost wake-up, a deadlock) fails the run instead of
             * the whole benchmark: SIGALRM kills the child, the parent says so */
            alarm(BENCH_CHILD_TIMEOUT_S);
            close(res[0]);
            if (sync) {
                close(ready[0]);
                close(go[1]);
                child_ready_fd = ready[1];
                child_go_fd = go[0];
            }
            char *out = calloc(1, size);
            fn((char *)args + (size_t)i * arg_stride, out, size);
            _exit(write_full(res[1], out, size) ? 0 : 4);
        }
        close(res[1]);
        res_fd[i] = res[0];
        pids[i] = pid;
        if (sync) {
            close(ready[1]);
            close(go[0]);
            ready_fd[i] = ready[0];
            go_fd[i] = go[1];
        }
    }
    if (sync) {
        for (int i = 0; i < n; i++) {
            char c;
            if (!read_full(ready_fd[i], &c, 1))
                ok = false;
        }
        uint64_t go = bench_now_ns() + 2000000;      /* everyone is waiting in read() */
        for (int i = 0; i < n; i++) {
            write_full(go_fd[i], &go, sizeof go);
            close(go_fd[i]);
            close(ready_fd[i]);
        }
    }
    for (int i = 0; i < n; i++) {
        if (!read_full(res_fd[i], (char *)outs + (size_t)i * size, size))
            ok = false;
        close(res_fd[i]);
    }
    for (int i = 0; i < n; i++)
        if (!wait_child(pids[i]))
            ok = false;
    return ok;
}

bool bench_run_in_child(bench_child_fn fn, void *arg, void *out, size_t size)
{
    return bench_run_children(1, fn, arg, 0, out, size);
}

/* ---------------------------------------------------------------------------------------
 * JSON
 */
static void jput(bench_json *j, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        size_t room = j->cap - j->len;
        int n = vsnprintf(j->buf ? j->buf + j->len : NULL, j->buf ? room : 0, fmt, ap);
        va_end(ap);
        if (j->buf && (size_t)n < room) {
            j->len += (size_t)n;
            return;
        }
        j->cap = (j->cap + (size_t)n + 1) * 2;
        j->buf = realloc(j->buf, j->cap);
    }
}

static void jkey(bench_json *j, const char *key)
{
    if (j->depth > 0 && j->need_comma[j->depth])
        jput(j, ",");
    if (j->depth > 0)
        j->need_comma[j->depth] = true;
    if (key && j->depth > 0)
        jput(j, "\n%*s\"%s\": ", 2 * j->depth, "", key);
    else if (j->depth > 0)
        jput(j, "\n%*s", 2 * j->depth, "");
}

void bench_json_obj_begin(bench_json *j, const char *key)
{
    jkey(j, key);
    jput(j, "{");
    j->need_comma[++j->depth] = false;
}

void bench_json_obj_end(bench_json *j)
{
    j->depth--;
    jput(j, "\n%*s}", 2 * j->depth, "");
}

void bench_json_arr_begin(bench_json *j, const char *key)
{
    jkey(j, key);
    jput(j, "[");
    j->need_comma[++j->depth] = false;
}

void bench_json_arr_end(bench_json *j)
{
    j->depth--;
    jput(j, "]");
}

void bench_json_num(bench_json *j, const char *key, double v)
{
    jkey(j, key);
    if (v != v || v > 1e300 || v < -1e300)
        jput(j, "null");
    else
        jput(j, "%.6g", v);
}

void bench_json_int(bench_json *j, const char *key, int64_t v)
{
    jkey(j, key);
    jput(j, "%lld", (long long)v);
}

void bench_json_str(bench_json *j, const char *key, const char *s)
{
    jkey(j, key);
    jput(j, "\"");
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            jput(j, "\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            jput(j, "\\u%04x", *s);
        else
            jput(j, "%c", *s);
    }
    jput(j, "\"");
}

void bench_json_bool(bench_json *j, const char *key, bool v)
{
    jkey(j, key);
    jput(j, v ? "true" : "false");
}

void bench_json_stats(bench_json *j, const char *key, const stm_stats *s)
{
    bench_json_obj_begin(j, key);
    bench_json_int(j, "commits", (int64_t)s->commits);
    bench_json_int(j, "aborts", (int64_t)bench_stats_aborts(s));
    for (int k = 0; k < STM_ABORT_KINDS; k++) {
        char name[64];
        snprintf(name, sizeof name, "aborts_%s", stm_abort_kind_name(k));
        for (char *p = name; *p; p++)
            if (*p == '-')
                *p = '_';
        bench_json_int(j, name, (int64_t)s->aborts[k]);
    }
    bench_json_int(j, "ns_lost", (int64_t)s->ns_lost);
    bench_json_int(j, "ns_waiting", (int64_t)s->ns_waiting);
    bench_json_int(j, "ns_inevitable", (int64_t)s->ns_inevitable);
    bench_json_int(j, "became_inevitable", (int64_t)s->became_inevitable);
    bench_json_int(j, "minor_collections", (int64_t)s->minor_collections);
    bench_json_int(j, "major_collections", (int64_t)s->major_collections);
    bench_json_int(j, "log_entries", (int64_t)s->log_entries);
    bench_json_int(j, "pages_privatized", (int64_t)s->pages_privatized);
    bench_json_int(j, "pages_forced_private", (int64_t)s->pages_forced_private);
    bench_json_int(j, "pages_reshared", (int64_t)s->pages_reshared);
    bench_json_int(j, "bytes_published", (int64_t)s->bytes_published);
    bench_json_int(j, "bytes_imported", (int64_t)s->bytes_imported);
    bench_json_int(j, "bytes_promoted", (int64_t)s->bytes_promoted);
    bench_json_obj_end(j);
}

bool bench_json_write(bench_json *j, const char *path)
{
    bool ok = true;
    if (path) {
        FILE *f = fopen(path, "w");
        if (!f) {
            fprintf(stderr, "cannot write %s: %s\n", path, strerror(errno));
            ok = false;
        } else {
            fwrite(j->buf, 1, j->len, f);
            fputc('\n', f);
            ok = fclose(f) == 0;
        }
    }
    free(j->buf);
    j->buf = NULL;
    j->len = j->cap = 0;
    return ok;
}

/* ---------------------------------------------------------------------------------------
 * Scaling runs
 */
#define CHECK_CLOCK_EVERY 16    /* transactions between two looks at the clock */

typedef struct scale_worker {
    struct scale_shared *sh;
    int index;
    pthread_t thread;
    uint64_t window_commits;
    double window_s;
    uint64_t extra[4];
    uint64_t live_bytes;
    bool ok;
} __attribute__((aligned(128))) scale_worker;

typedef struct scale_shared {
    const bench_workload *wl;
    int nthreads;
    void *shared_state;
    pthread_barrier_t shared_built, ready, go, detached, done;
    uint64_t warm_end_ns, end_ns;
    bench_run *res;
    scale_worker w[STM_MAX_SEGMENTS];
} scale_shared;

static void read_memory(bench_mem *m)
{
    stm_memory_info mi;
    stm_memory_info_read(&mi);
    m->rss = mi.rss_bytes;
    m->private_pages = mi.private_pages;
    m->shared_file = mi.shared_file_bytes;
    m->old_in_use = mi.old_bytes_in_use;
    m->log_bytes = mi.log_bytes;
}

static void *scale_worker_main(void *arg)
{
    scale_worker *w = arg;
    scale_shared *sh = w->sh;
    const bench_workload *wl = sh->wl;
    bench_run *res = sh->res;
    if (getenv("BENCH_PIN")) {               /* diagnostic: thread i on CPU i */
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(w->index % bench_online_cpus(), &set);
        pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    }
    stm_thread tl;
    stm_register_thread(&tl);
    if (w->index == 0 && wl->setup_shared)
        sh->shared_state = wl->setup_shared(&tl);
    pthread_barrier_wait(&sh->shared_built);
    void *state = wl->setup_thread(&tl, w->index, sh->shared_state);

    pthread_barrier_wait(&sh->ready);
    pthread_barrier_wait(&sh->go);

    uint64_t warm_end = sh->warm_end_ns, end = sh->end_ns;
    uint64_t n = 0, n0 = 0, t0 = 0, flt0 = 0, extra0[4] = {0}, csw0 = 0;
    double cpu0 = 0, busy0 = 0;
    stm_stats st0;
    bool in_window = false;
    for (;;) {
        wl->transaction(&tl, state);
        n++;
        if (n % CHECK_CLOCK_EVERY)
            continue;
        uint64_t now = bench_now_ns();
        if (!in_window && now >= warm_end) {
            in_window = true;
            n0 = n;
            t0 = now;
            if (wl->thread_counters)
                wl->thread_counters(state, extra0);
            if (w->index == 0) {
                stm_stats_read(&st0);
                flt0 = bench_minflt_process();
                bench_process_usage(&cpu0, &csw0);
                busy0 = bench_machine_busy_s();
            }
        } else if (in_window && now >= end) {
            w->window_commits = n - n0;
            w->window_s = (double)(now - t0) / 1e9;
            if (wl->thread_counters) {
                uint64_t extra1[4] = {0};
                wl->thread_counters(state, extra1);
                for (int k = 0; k < 4; k++)
                    w->extra[k] = extra1[k] - extra0[k];
            }
            if (w->index == 0) {
                stm_stats st1;
                stm_stats_read(&st1);
                res->minflt = bench_minflt_process() - flt0;
                double cpu1;
                uint64_t csw1;
                bench_process_usage(&cpu1, &csw1);
                res->cpu_s = cpu1 - cpu0;
                res->machine_busy_s = bench_machine_busy_s() - busy0;
                res->ctxsw = csw1 - csw0;
                bench_stats_sub(&res->stats, &st1, &st0);
                read_memory(&res->mem_end);
            }
            break;
        }
    }
    w->ok = wl->finish_thread(&tl, state, n, &w->live_bytes);

    /* memory once a major collection has handed clean private pages back to sharing */
    if (w->index != 0)
        stm_detach(&tl);
    pthread_barrier_wait(&sh->detached);
    if (w->index == 0) {
        stm_major_collect(&tl);
        read_memory(&res->mem_after_gc);
    }
    pthread_barrier_wait(&sh->done);
    stm_unregister_thread(&tl);
    return NULL;
}

typedef struct scale_args {
    const bench_workload *wl;
    int nthreads;
    double warmup_s, window_s;
} scale_args;

/* In a fresh child process: start the runtime, run the threads, fill *out. */
static void scale_child(void *argp, void *out, size_t size)
{
    const scale_args *a = argp;
    bench_run *res = out;
    (void)size;
    int ncpu = bench_online_cpus();
    stm_config cfg = {.nsegments = a->nthreads > ncpu ? a->nthreads : ncpu};
    stm_init(&cfg);
    bench_register_types();

    scale_shared *sh = calloc(1, sizeof *sh);
    sh->wl = a->wl;
    sh->nthreads = a->nthreads;
    sh->res = res;
    res->n = a->nthreads;
    unsigned n = (unsigned)a->nthreads;
    pthread_barrier_init(&sh->shared_built, NULL, n);
    pthread_barrier_init(&sh->ready, NULL, n + 1);
    pthread_barrier_init(&sh->go, NULL, n + 1);
    pthread_barrier_init(&sh->detached, NULL, n);
    pthread_barrier_init(&sh->done, NULL, n);
    for (int i = 0; i < a->nthreads; i++) {
        sh->w[i].sh = sh;
        sh->w[i].index = i;
        pthread_create(&sh->w[i].thread, NULL, scale_worker_main, &sh->w[i]);
    }
    pthread_barrier_wait(&sh->ready);
    uint64_t go = bench_child_ready();      /* with sibling processes: a common start */
    sh->warm_end_ns = go + (uint64_t)(a->warmup_s * 1e9);
    sh->end_ns = sh->warm_end_ns + (uint64_t)(a->window_s * 1e9);
    pthread_barrier_wait(&sh->go);

    res->ok = true;
    for (int i = 0; i < a->nthreads; i++) {
        pthread_join(sh->w[i].thread, NULL);
        scale_worker *w = &sh->w[i];
        res->commits += w->window_commits;
        res->commits_per_s += w->window_s > 0 ? (double)w->window_commits / w->window_s : 0;
        res->live_bytes += w->live_bytes;
        for (int k = 0; k < 4; k++)
            res->extra[k] += w->extra[k];
        res->ok &= w->ok;
    }
    res->window_s = sh->w[0].window_s;
    stm_shutdown();
    free(sh);
}

static void add_mem(bench_mem *into, const bench_mem *m)
{
    into->rss += m->rss;
    into->private_pages += m->private_pages;
    into->shared_file += m->shared_file;
    into->old_in_use += m->old_in_use;
    into->log_bytes += m->log_bytes;
}

bool bench_scaling_run(const bench_workload *wl, int n, bool processes, double warmup_s,
                       double window_s, bench_run *out)
{
    scale_args a = {.wl = wl, .nthreads = processes ? 1 : n, .warmup_s = warmup_s,
                    .window_s = window_s};
    memset(out, 0, sizeof *out);
    bool ok;
    if (!processes) {
        ok = bench_run_in_child(scale_child, &a, out, sizeof *out);
    } else {
        scale_args args[STM_MAX_SEGMENTS];
        bench_run *kids = calloc((size_t)n, sizeof *kids);
        for (int i = 0; i < n; i++)
            args[i] = a;
        ok = bench_run_children(n, scale_child, args, sizeof args[0], kids, sizeof kids[0]);
        out->ok = true;
        for (int i = 0; i < n; i++) {
            const bench_run *k = &kids[i];
            out->ok &= k->ok;
            out->commits_per_s += k->commits_per_s;
            out->commits += k->commits;
            out->minflt += k->minflt;
            out->cpu_s += k->cpu_s;
            out->ctxsw += k->ctxsw;
            out->machine_busy_s += k->machine_busy_s / n;   /* the same machine, seen n times */
            bench_stats_add(&out->stats, &k->stats);
            for (int e = 0; e < 4; e++)
                out->extra[e] += k->extra[e];
            add_mem(&out->mem_end, &k->mem_end);
            add_mem(&out->mem_after_gc, &k->mem_after_gc);
            out->live_bytes += k->live_bytes;
            out->window_s += k->window_s / n;
        }
        free(kids);
    }
    out->n = n;
    out->processes = processes;
    return ok && out->ok;
}

int bench_scaling_all(const bench_workload *wl, const bench_opts *o, bool with_processes,
                      const char *label, bench_config **configs, bool *all_ok)
{
    bench_config *cs = calloc(BENCH_MAX_CONFIGS, sizeof *cs);
    int nconf = 0, reps = o->reps < BENCH_MAX_REPS ? o->reps : BENCH_MAX_REPS;
    /* every count up to 8; beyond, powers of two and the maximum */
    for (int k = 0; k < (with_processes ? 2 : 1); k++) {
        for (int n = 1 + k; n <= o->threads_max; n++) {
            if (n > 8 && (n & (n - 1)) && n != o->threads_max)
                continue;
            char name[16];
            snprintf(name, sizeof name, "%c%d", k ? 'p' : 't', n);
            if (bench_only_wants(o, name)) {
                cs[nconf].n = n;
                cs[nconf].processes = k == 1;
                nconf++;
            }
        }
    }
    *all_ok = true;
    for (int rep = 0; rep < reps; rep++) {
        for (int c = 0; c < nconf; c++) {
            bench_config *cf = &cs[c];
            bench_run *r = &cf->r[cf->nreps];
            /* a window in which other programs took a good part of the machine says
             * little: run it again (twice at most) and keep the quietest attempt */
            bench_run attempt;
            bool ok = true;
            for (int a = 0; a < 3; a++) {
                if (!bench_scaling_run(wl, cf->n, cf->processes, o->warmup_s, o->window_s,
                                       &attempt)) {
                    fprintf(stderr, "%s: %s failed in repetition %d\n", label,
                            bench_config_name(cf), rep + 1);
                    ok = false;
                    break;
                }
                if (a == 0 || bench_run_other_cpus(&attempt) < bench_run_other_cpus(r))
                    *r = attempt;
                if (bench_run_other_cpus(r) < BENCH_DISTURBED_CPUS)
                    break;
                cf->retried++;
            }
            if (!ok) {
                *all_ok = false;
                continue;
            }
            cf->nreps++;
        }
        fprintf(stderr, "  [%s] repetition %d/%d done\n", label, rep + 1, reps);
    }
    *configs = cs;
    return nconf;
}

double bench_config_median(const bench_config *c, double (*get)(const bench_run *))
{
    double v[BENCH_MAX_REPS];
    for (int i = 0; i < c->nreps; i++)
        v[i] = get(&c->r[i]);
    return bench_median(v, c->nreps);
}

const bench_run *bench_config_median_run(const bench_config *c)
{
    double want = bench_config_median(c, bench_run_tput), bestd = 1e300;
    int best = 0;
    for (int i = 0; i < c->nreps; i++) {
        double d = c->r[i].commits_per_s - want;
        d = d < 0 ? -d : d;
        if (d < bestd) {
            bestd = d;
            best = i;
        }
    }
    return &c->r[best];
}

const char *bench_config_name(const bench_config *c)
{
    static char buf[32];
    snprintf(buf, sizeof buf, "%d %s", c->n,
             c->processes ? (c->n == 1 ? "process" : "processes")
                          : (c->n == 1 ? "thread" : "threads"));
    return buf;
}

const bench_config *bench_config_find(const bench_config *cs, int nconf, int n, bool processes)
{
    for (int i = 0; i < nconf; i++)
        if (cs[i].n == n && cs[i].processes == processes && cs[i].nreps > 0)
            return &cs[i];
    return NULL;
}

double bench_run_tput(const bench_run *r) { return r->commits_per_s; }

double bench_run_faults_per_commit(const bench_run *r)
{
    return r->commits ? (double)r->minflt / (double)r->commits : 0;
}

double bench_run_aborts_per_commit(const bench_run *r)
{
    return r->stats.commits ? (double)bench_stats_aborts(&r->stats) / (double)r->stats.commits : 0;
}

double bench_run_cpus_busy(const bench_run *r)
{
    return r->window_s > 0 ? r->cpu_s / r->window_s : 0;
}

double bench_run_cpu_us_per_commit(const bench_run *r)
{
    return r->commits ? r->cpu_s * 1e6 / (double)r->commits : 0;
}

double bench_run_other_cpus(const bench_run *r)
{
    double other = r->machine_busy_s - r->cpu_s;
    return r->window_s > 0 && other > 0 ? other / r->window_s : 0;
}

static double get_imported(const bench_run *r)
{
    return r->stats.commits ? (double)r->stats.bytes_imported / (double)r->stats.commits : 0;
}
static double get_published(const bench_run *r)
{
    return r->stats.commits ? (double)r->stats.bytes_published / (double)r->stats.commits : 0;
}
static double get_forced(const bench_run *r) { return (double)r->stats.pages_forced_private; }
static double get_privatized(const bench_run *r) { return (double)r->stats.pages_privatized; }
static double get_majors(const bench_run *r) { return (double)r->stats.major_collections; }
static double get_rss(const bench_run *r) { return (double)r->mem_end.rss; }
static double get_priv_pages(const bench_run *r) { return (double)r->mem_end.private_pages; }
static double get_shared_file(const bench_run *r) { return (double)r->mem_end.shared_file; }
static double get_old_in_use(const bench_run *r) { return (double)r->mem_end.old_in_use; }
static double get_log_bytes(const bench_run *r) { return (double)r->mem_end.log_bytes; }
static double get_rss_gc(const bench_run *r) { return (double)r->mem_after_gc.rss; }
static double get_priv_gc(const bench_run *r) { return (double)r->mem_after_gc.private_pages; }
static double get_shared_gc(const bench_run *r) { return (double)r->mem_after_gc.shared_file; }
static double get_old_gc(const bench_run *r) { return (double)r->mem_after_gc.old_in_use; }
static double get_live(const bench_run *r) { return (double)r->live_bytes; }

void bench_print_memory_table(const bench_config *cs, int nconf)
{
    printf("\n  memory (KiB; medians; processes: summed).  live = what the program keeps alive;\n"
           "  old = old-space pages in use; file = resident shared heap file; private = private\n"
           "  page copies in all segments (x 4 KiB)\n");
    printf("  %-12s %8s | end of window: %8s %8s %8s %8s | after a major GC: %8s %8s %8s %8s\n",
           "config", "live", "RSS", "old", "file", "private", "RSS", "old", "file", "private");
    for (int c = 0; c < nconf; c++) {
        const bench_config *cf = &cs[c];
        if (!cf->nreps)
            continue;
        printf("  %-12s %8.0f | %14s %8.0f %8.0f %8.0f %8.0f | %17s %8.0f %8.0f %8.0f %8.0f\n",
               bench_config_name(cf), bench_config_median(cf, get_live) / 1024, "",
               bench_config_median(cf, get_rss) / 1024,
               bench_config_median(cf, get_old_in_use) / 1024,
               bench_config_median(cf, get_shared_file) / 1024,
               bench_config_median(cf, get_priv_pages) * 4, "",
               bench_config_median(cf, get_rss_gc) / 1024,
               bench_config_median(cf, get_old_gc) / 1024,
               bench_config_median(cf, get_shared_gc) / 1024,
               bench_config_median(cf, get_priv_gc) * 4);
    }
}

void bench_print_counters(const bench_config *cs, int nconf)
{
    printf("\n  runtime counters over the window (the repetition with the median throughput):\n");
    for (int c = 0; c < nconf; c++) {
        const bench_config *cf = &cs[c];
        if (!cf->nreps)
            continue;
        const bench_run *r = bench_config_median_run(cf);
        printf("  %s: %.2f s window, %.2f CPUs busy (other programs: %.2f), %llu context "
               "switches, %llu page faults (%.3f per commit)\n", bench_config_name(cf),
               r->window_s, bench_run_cpus_busy(r), bench_run_other_cpus(r),
               (unsigned long long)r->ctxsw, (unsigned long long)r->minflt,
               bench_run_faults_per_commit(r));
        bench_print_stats(stdout, "    ", &r->stats, (double)r->stats.commits);
    }
}

bool bench_warn_if_disturbed(const bench_config *cs, int nconf)
{
    double worst = 0;
    for (int c = 0; c < nconf; c++) {
        for (int i = 0; i < cs[c].nreps; i++) {
            double o = bench_run_other_cpus(&cs[c].r[i]);
            worst = o > worst ? o : worst;
        }
    }
    int retried = 0;
    for (int c = 0; c < nconf; c++)
        retried += cs[c].retried;
    if (retried)
        printf("\n  (%d runs were repeated because other programs kept the machine busy)\n",
               retried);
    if (worst < BENCH_DISTURBED_CPUS)
        return false;
    printf("\n  WARNING: other programs kept up to %.2f CPUs busy during some windows: the\n"
           "  machine was not quiet, and these figures are not reliable.\n", worst);
    return true;
}

void bench_json_config(bench_json *j, const bench_config *c, double t1)
{
    bench_json_obj_begin(j, NULL);
    bench_json_str(j, "kind", c->processes ? "processes" : "threads");
    bench_json_int(j, "n", c->n);
    double tput = bench_config_median(c, bench_run_tput);
    bench_json_num(j, "commits_per_s_median", tput);
    bench_json_num(j, "speedup_vs_1_thread", t1 > 0 ? tput / t1 : 0);
    bench_json_arr_begin(j, "commits_per_s_reps");
    for (int i = 0; i < c->nreps; i++)
        bench_json_num(j, NULL, c->r[i].commits_per_s);
    bench_json_arr_end(j);
    bench_json_num(j, "page_faults_per_commit", bench_config_median(c, bench_run_faults_per_commit));
    bench_json_num(j, "cpus_busy", bench_config_median(c, bench_run_cpus_busy));
    bench_json_num(j, "cpu_us_per_commit", bench_config_median(c, bench_run_cpu_us_per_commit));
    bench_json_num(j, "other_programs_cpus", bench_config_median(c, bench_run_other_cpus));
    bench_json_num(j, "aborts_per_commit", bench_config_median(c, bench_run_aborts_per_commit));
    bench_json_num(j, "bytes_published_per_commit", bench_config_median(c, get_published));
    bench_json_num(j, "bytes_imported_per_commit", bench_config_median(c, get_imported));
    bench_json_num(j, "pages_privatized_in_window", bench_config_median(c, get_privatized));
    bench_json_num(j, "pages_forced_private_in_window", bench_config_median(c, get_forced));
    bench_json_num(j, "major_collections_in_window", bench_config_median(c, get_majors));
    bench_json_obj_begin(j, "memory_end_of_window");
    bench_json_num(j, "live_bytes", bench_config_median(c, get_live));
    bench_json_num(j, "rss_bytes", bench_config_median(c, get_rss));
    bench_json_num(j, "old_bytes_in_use", bench_config_median(c, get_old_in_use));
    bench_json_num(j, "shared_file_bytes", bench_config_median(c, get_shared_file));
    bench_json_num(j, "private_pages", bench_config_median(c, get_priv_pages));
    bench_json_num(j, "log_bytes", bench_config_median(c, get_log_bytes));
    bench_json_obj_end(j);
    bench_json_obj_begin(j, "memory_after_major_gc");
    bench_json_num(j, "rss_bytes", bench_config_median(c, get_rss_gc));
    bench_json_num(j, "old_bytes_in_use", bench_config_median(c, get_old_gc));
    bench_json_num(j, "shared_file_bytes", bench_config_median(c, get_shared_gc));
    bench_json_num(j, "private_pages", bench_config_median(c, get_priv_gc));
    bench_json_obj_end(j);
    bench_json_stats(j, "stats_median_rep", &bench_config_median_run(c)->stats);
    bench_json_obj_end(j);
}

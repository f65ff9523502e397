/* bench_threads/bench_common.h — what the thread-scaling benchmarks share: the object
 * types they run on, clocks and medians, command-line options, runtime counters taken as
 * differences over a measurement window, running one measurement in a fresh child
 * process, and a small JSON writer.
 *
 * Every measurement that compares configurations runs each one in its own child process
 * (fork, then stm_init in the child): each starts from the same fresh runtime, a crash is
 * reported instead of taking the benchmark down, and the "process ceiling" (N processes,
 * each with its own runtime) is measured by the same code as the threads. */
#ifndef BENCH_THREADS_BENCH_COMMON_H
#define BENCH_THREADS_BENCH_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "stm/stm.h"

/* ---------------------------------------------------------------------------------------
 * Object types (tids 100..199)
 */
enum { T_REC = 100, T_CELL = 101, T_ENTRY = 102, T_BOX = 103 };

/* A 64-byte record: six integer fields and one reference (to a cell). */
typedef struct bench_rec {
    stm_hdr hdr;
    int64_t f[6];
    stm_ref cell;
} bench_rec;

/* A small 32-byte object: an integer and a reference. */
typedef struct bench_cell {
    stm_hdr hdr;
    int64_t value;
    stm_ref next;
    int64_t pad;
} bench_cell;

/* A hash-table entry: key, boxed value, next in the bucket's chain. */
typedef struct bench_entry {
    stm_hdr hdr;
    int64_t key;
    stm_ref value;
    stm_ref next;
} bench_entry;

/* A boxed integer (16 bytes), immutable once built, like a Python int. */
typedef struct bench_box {
    stm_hdr hdr;
    int64_t value;
} bench_box;

/* Registers the four types above; call after stm_init. */
void bench_register_types(void);

/* ---------------------------------------------------------------------------------------
 * Time, randomness, statistics
 */
uint64_t bench_now_ns(void);
double bench_median(const double *v, int n);
double bench_min(const double *v, int n);
double bench_max(const double *v, int n);

static inline uint64_t bench_rng_next(uint64_t *s)
{
    uint64_t x = *s;                    /* xorshift64* */
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * UINT64_C(0x2545F4914F6CDD1D);
}

/* Minor page faults of the calling thread / of the whole process so far. */
uint64_t bench_minflt_thread(void);
uint64_t bench_minflt_process(void);
/* CPU seconds (user + system) and context switches of the whole process so far. */
void bench_process_usage(double *cpu_s, uint64_t *ctxsw);
int bench_online_cpus(void);
/* CPU seconds the whole machine has been busy (all processes; /proc/stat), so that a run
 * can tell how much of the machine other programs took during its window. */
double bench_machine_busy_s(void);
/* TLB-shootdown interrupts taken so far by all CPUs (/proc/interrupts "TLB"; 0 if the
 * kernel does not say). */
uint64_t bench_tlb_shootdowns(void);

/* ---------------------------------------------------------------------------------------
 * Options shared by the programs
 */
typedef struct bench_opts {
    bool quick;
    int threads_max;        /* 0: number of online CPUs */
    int reps;               /* repetitions; medians are reported */
    double warmup_s;        /* per measurement, before the window opens */
    double window_s;        /* measurement window */
    const char *json_path;  /* NULL: no JSON */
    const char *only;       /* run only the configurations this names (program-defined) */
} bench_opts;

/* Parses --quick --threads-max N --reps N --seconds S --warmup S --json FILE --only SPEC;
 * defaults
 * given by the program (the --quick defaults are the program's, divided).  Returns the
 * index of the first argument it did not understand, or argc. */
void bench_parse_opts(int argc, char **argv, bench_opts *o, const char *usage);
/* Whether --only (a comma-separated list of names such as t2,p2) names `name`; true
 * without --only. */
bool bench_only_wants(const bench_opts *o, const char *name);

/* ---------------------------------------------------------------------------------------
 * Runtime counters over a window: per-thread stats are summed by the caller.
 */
void bench_stats_sub(stm_stats *out, const stm_stats *end, const stm_stats *start);
void bench_stats_add(stm_stats *into, const stm_stats *x);
uint64_t bench_stats_aborts(const stm_stats *s);

/* ---------------------------------------------------------------------------------------
 * Child processes: fn runs in a fresh child and fills `out` (at most size bytes), which
 * the parent gets back.  Returns false (and says why on stderr) if the child failed.
 * bench_children_* run n children at once that first report "ready", then wait for the
 * parent's go (which carries a common start time), so they run side by side.
 */
typedef void (*bench_child_fn)(void *arg, void *out, size_t size);
#define BENCH_CHILD_TIMEOUT_S 120   /* a child still running after this is killed */
bool bench_run_in_child(bench_child_fn fn, void *arg, void *out, size_t size);

/* Each child calls bench_child_ready() when set up; it returns the go time (ns,
 * CLOCK_MONOTONIC) the parent chose once all n were ready.  In a child started by
 * bench_run_in_child, it returns immediately with "now". */
uint64_t bench_child_ready(void);
bool bench_run_children(int n, bench_child_fn fn, void *args, size_t arg_stride, void *outs,
                        size_t size);

/* ---------------------------------------------------------------------------------------
 * JSON: a writer that places the commas itself.  Keys are ignored inside arrays.
 */
typedef struct bench_json {
    char *buf;
    size_t len, cap;
    int depth;
    bool need_comma[32];
} bench_json;

void bench_json_obj_begin(bench_json *j, const char *key);
void bench_json_obj_end(bench_json *j);
void bench_json_arr_begin(bench_json *j, const char *key);
void bench_json_arr_end(bench_json *j);
void bench_json_num(bench_json *j, const char *key, double v);
void bench_json_int(bench_json *j, const char *key, int64_t v);
void bench_json_str(bench_json *j, const char *key, const char *s);
void bench_json_bool(bench_json *j, const char *key, bool v);
/* A stm_stats as an object: every counter, aborts also summed. */
void bench_json_stats(bench_json *j, const char *key, const stm_stats *s);
/* Writes the document to path (if not NULL) and frees the buffer. */
bool bench_json_write(bench_json *j, const char *path);

/* ---------------------------------------------------------------------------------------
 * Scaling runs: a workload run by N threads of one process (one runtime), or by N
 * processes of one thread each (N runtimes: the ceiling), in a fresh child process per
 * run.  Each thread registers, sets up, waits until all are ready, then runs
 * transactions: a warm-up, then a window that opens and closes at absolute times common
 * to every thread and every process; it counts the transactions it committed in it.
 */
typedef struct bench_workload {
    /* Once per process, by thread 0, before the other threads set up; may be NULL.
     * Returns the state the threads share. */
    void *(*setup_shared)(stm_thread *tl);
    /* Per thread; returns its state. */
    void *(*setup_thread)(stm_thread *tl, int index, void *shared);
    /* One transaction, committed before returning. */
    void (*transaction)(stm_thread *tl, void *state);
    /* After the window, still attached: checks the results (false: wrong) and adds the
     * bytes the thread keeps alive to *live_bytes. */
    bool (*finish_thread)(stm_thread *tl, void *state, uint64_t txns, uint64_t *live_bytes);
    /* Optional: adds per-thread workload counters (say, lookups) to extra[0..3]. */
    void (*thread_counters)(void *state, uint64_t extra[4]);
} bench_workload;

typedef struct bench_mem {
    uint64_t rss, private_pages, shared_file, old_in_use, log_bytes;
} bench_mem;

typedef struct bench_run {
    int n;                      /* threads, or processes */
    bool processes;
    bool ok;
    double commits_per_s;       /* sum over the threads (processes) of each one's rate */
    double window_s;
    uint64_t commits;           /* committed in the window, all threads */
    uint64_t minflt;            /* process page faults in thread 0's window */
    double cpu_s;               /* process CPU time in thread 0's window */
    uint64_t ctxsw;             /* context switches (voluntary + not) in the window */
    double machine_busy_s;      /* CPU time of the whole machine in the window */
    stm_stats stats;            /* all threads of the process, over thread 0's window */
    uint64_t extra[4];          /* workload counters, in the window */
    bench_mem mem_end;          /* at the end of the window */
    bench_mem mem_after_gc;     /* after a major collection, everything still alive */
    uint64_t live_bytes;        /* what the program keeps alive */
} bench_run;

/* One run in fresh child process(es); false if a child failed or a check did not hold. */
bool bench_scaling_run(const bench_workload *wl, int n, bool processes, double warmup_s,
                       double window_s, bench_run *out);

#define BENCH_MAX_REPS 64
#define BENCH_MAX_CONFIGS (2 * STM_MAX_SEGMENTS)

/* A configuration (n threads, or n processes) and its repetitions. */
typedef struct bench_config {
    int n;
    bool processes;
    int nreps;
    int retried;                /* runs done again because the machine was busy */
    bench_run r[BENCH_MAX_REPS];
} bench_config;

/* Other programs using this many CPUs during a window make it "disturbed". */
#define BENCH_DISTURBED_CPUS 0.15

/* Builds the configurations t1..tN (and p2..pN if with_processes; above 8, only powers
 * of two and N), filtered by --only,
 * runs o->reps interleaved repetitions of all of them.  Returns the number of configs
 * (in *configs, allocated); *all_ok is false if a run failed. */
int bench_scaling_all(const bench_workload *wl, const bench_opts *o, bool with_processes,
                      const char *label, bench_config **configs, bool *all_ok);
double bench_config_median(const bench_config *c, double (*get)(const bench_run *));
/* The repetition whose throughput is the median one. */
const bench_run *bench_config_median_run(const bench_config *c);
const char *bench_config_name(const bench_config *c);   /* "2 threads" (static buffer) */
/* The configuration with these parameters, or NULL. */
const bench_config *bench_config_find(const bench_config *cs, int nconf, int n, bool processes);

double bench_run_tput(const bench_run *r);
double bench_run_faults_per_commit(const bench_run *r);
double bench_run_aborts_per_commit(const bench_run *r);
double bench_run_cpus_busy(const bench_run *r);     /* CPU time / window */
double bench_run_cpu_us_per_commit(const bench_run *r);
/* CPUs taken by other programs during the window (machine busy - ours) / window. */
double bench_run_other_cpus(const bench_run *r);

/* Tables and JSON shared by the scaling benchmarks. */
void bench_print_memory_table(const bench_config *cs, int nconf);
void bench_print_counters(const bench_config *cs, int nconf);
/* Says so (and returns true) if other programs took a noticeable share of the machine
 * during the windows; the figures are then not to be trusted. */
bool bench_warn_if_disturbed(const bench_config *cs, int nconf);
void bench_json_config(bench_json *j, const bench_config *c, double t1);

/* Prints the counters of a stm_stats on one or two lines, indented. */
void bench_print_stats(FILE *f, const char *indent, const stm_stats *s, double per);

#endif /* BENCH_THREADS_BENCH_COMMON_H */

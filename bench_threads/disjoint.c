/* bench_threads/disjoint.c — transactions per second on disjoint data, 1..N threads,
 * against the "process ceiling" of N separate processes.
 *
 * Each thread owns DJ_OBJECTS 64-byte records (allocated and committed by the thread
 * itself at start-up, reachable from a value array in its roots[0]).  A transaction picks
 * DJ_READS records at random among its own, reads three fields of each through
 * stm_read, writes one field of DJ_WRITES of them through stm_write, bumps a per-thread
 * counter record, and allocates DJ_ALLOCS small cells of which one survives (stored in a
 * written record, replacing the previous one, which becomes garbage): about 110 field
 * accesses, one commit-time minor collection that promotes one object, and a steady
 * trickle of old-space garbage for the major collector.  No two threads touch the same
 * object, so there is nothing to conflict on: ideally N threads do N times the work.
 *
 * The ceiling: N processes, each its own runtime running the 1-thread program, started
 * together.  They share nothing but the machine (cores, caches, memory bandwidth, the
 * kernel), so their aggregate throughput is what N threads could reach if the runtime
 * added no cross-thread cost.  "fraction of the ceiling" = threads_N / processes_N
 * measured in the same run (= speedup_threads / speedup_processes).
 *
 * Every configuration runs in a fresh child process; repetitions are interleaved
 * (rep 1: 1, 2, ... threads, 2, ... processes; rep 2: ...) and medians reported, so a
 * slow phase of the machine hits every configuration alike.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_common.h"

#define DJ_OBJECTS 4096         /* per thread: 256 KiB of records (a power of two) */
/* Per transaction, times the work factor K (DISJOINT_WORK, default 1): */
#define DJ_READS_1 32           /* records read, 3 fields each */
#define DJ_WRITES_1 8           /* of which written (one field each) */
#define DJ_ALLOCS_1 4           /* cells allocated; one survives */
#define DJ_ALLOCS_MAX (64 * DJ_ALLOCS_1)

/* K scales the work between two commits: K = 1 is a tiny transaction (about a
 * microsecond: commit overhead dominates); an interpreter's transactions run many
 * bytecodes, K = 16 or more. */
static int dj_work = 1;
#define DJ_READS (DJ_READS_1 * dj_work)
#define DJ_WRITES (DJ_WRITES_1 * dj_work)
#define DJ_ALLOCS (DJ_ALLOCS_1 * dj_work)

_Static_assert((DJ_OBJECTS & (DJ_OBJECTS - 1)) == 0, "DJ_OBJECTS is a power of two");

typedef struct dj_thread {
    stm_ref *refs;              /* the thread's records: old, so valid across commits */
    uint64_t rng;
} dj_thread;

/* Allocates the thread's records in one transaction; returns their (old) references. */
static void *dj_setup_thread(stm_thread *tl, int index, void *shared)
{
    (void)shared;
    dj_thread *t = calloc(1, sizeof *t);
    t->rng = UINT64_C(0x9E3779B97F4A7C15) * (uint64_t)(index + 1) | 1;
    stm_start_transaction(tl);
    stm_ref arr = stm_allocate_array(DJ_OBJECTS, STM_TID_VALUE_ARRAY);
    for (size_t i = 0; i < DJ_OBJECTS; i++) {
        stm_ref r = stm_allocate(sizeof(bench_rec), T_REC);
        bench_rec *o = stm_addr(r);
        for (int k = 0; k < 5; k++)
            o->f[k] = (int64_t)(i * 7 + (uint64_t)k);
        o->f[5] = 0;                            /* record 0's f[5]: the transaction count */
        /* the array is young: no barrier */
        *(stm_ref *)((char *)stm_addr(arr) + stm_array_item_offset(i)) = r;
    }
    tl->roots[0] = arr;
    stm_commit_transaction(tl);

    /* old references stay valid: keep them in a C array, as an interpreter keeps the
     * old objects a frame refers to */
    t->refs = malloc(DJ_OBJECTS * sizeof *t->refs);
    stm_start_transaction(tl);
    arr = tl->roots[0];
    for (size_t i = 0; i < DJ_OBJECTS; i++) {
        stm_read_card(arr, stm_array_item_offset(i));
        t->refs[i] = *(stm_ref *)((char *)stm_addr(arr) + stm_array_item_offset(i));
    }
    stm_commit_transaction(tl);
    return t;
}

/* The transaction.  It commits before returning (stm_start_transaction's contract); the
 * random state is taken from t->rng and stored back only after the commit, so an abort
 * replays the same choices. */
static void dj_transaction(stm_thread *tl, void *state)
{
    dj_thread *t = state;
    const stm_ref *refs = t->refs;
    stm_start_transaction(tl);
    char *base = stm_seg_base;
    uint64_t s = t->rng;
    int64_t sum = 0;
    stm_ref last_written = STM_NULL;
    for (int i = 0; i < DJ_READS; i++) {
        stm_ref r = refs[bench_rng_next(&s) & (DJ_OBJECTS - 1)];
        bench_rec *o = stm_addr_in(base, r);
        stm_read(r);
        sum += o->f[0] + o->f[1] + o->f[2];
        if (i < DJ_WRITES) {
            stm_write(r);
            o->f[3] = sum;
            last_written = r;
        }
    }
    stm_ref cells[DJ_ALLOCS_MAX];
    for (int a = 0; a < DJ_ALLOCS; a++) {
        cells[a] = stm_allocate(sizeof(bench_cell), T_CELL);
        bench_cell *c = stm_addr_in(base, cells[a]);
        c->value = sum + a;
        if (a > 1)                      /* young objects: no barrier */
            ((bench_cell *)stm_addr_in(base, cells[a - 1]))->next = cells[a];
    }
    ((bench_rec *)stm_addr_in(base, last_written))->cell = cells[0];  /* barrier taken */
    stm_ref counter = refs[0];
    stm_write(counter);
    ((bench_rec *)stm_addr_in(base, counter))->f[5]++;
    stm_commit_transaction(tl);
    t->rng = s;
}

/* The counter equals the number of transactions; counts the live cells. */
static bool dj_finish_thread(stm_thread *tl, void *state, uint64_t txns, uint64_t *live)
{
    dj_thread *t = state;
    stm_start_transaction(tl);
    uint64_t cells = 0;
    for (size_t i = 0; i < DJ_OBJECTS; i++) {
        stm_read(t->refs[i]);
        cells += ((bench_rec *)stm_addr(t->refs[i]))->cell != STM_NULL;
    }
    int64_t counted = ((bench_rec *)stm_addr(t->refs[0]))->f[5];
    stm_commit_transaction(tl);
    *live += DJ_OBJECTS * sizeof(bench_rec) + stm_array_item_offset(DJ_OBJECTS) +
             cells * sizeof(bench_cell);
    free(t->refs);
    free(t);
    if ((uint64_t)counted != txns) {
        fprintf(stderr, "disjoint: counter %lld, expected %llu\n", (long long)counted,
                (unsigned long long)txns);
        return false;
    }
    return true;
}

static const bench_workload disjoint_workload = {
    .setup_thread = dj_setup_thread,
    .transaction = dj_transaction,
    .finish_thread = dj_finish_thread,
};

static double imported_per_commit(const bench_run *r)
{
    return r->stats.commits ? (double)r->stats.bytes_imported / (double)r->stats.commits : 0;
}
static double forced_private(const bench_run *r) { return (double)r->stats.pages_forced_private; }
static double majors(const bench_run *r) { return (double)r->stats.major_collections; }

int main(int argc, char **argv)
{
    bench_opts o = {.reps = 5, .warmup_s = 0.3, .window_s = 1.0};
    bench_parse_opts(argc, argv, &o,
                     "Transactions per second on disjoint data, 1..N threads, against N "
                     "processes.\n  --only t1,t2,p2: only these configurations\n"
                     "  environment DISJOINT_WORK=K: K times the work per transaction (1..64)\n");
    const char *work = getenv("DISJOINT_WORK");
    if (work) {
        dj_work = atoi(work);
        if (dj_work < 1 || dj_work > 64) {
            fprintf(stderr, "disjoint: DISJOINT_WORK must be 1..64\n");
            return 2;
        }
    }
    printf("== disjoint: %d records of %zu B per thread; per transaction %d records read "
           "(3 fields), %d written, %d cells allocated (1 survives)\n",
           DJ_OBJECTS, sizeof(bench_rec), DJ_READS, DJ_WRITES, DJ_ALLOCS);
    printf("   %d CPUs online; %d repetitions of %.2f s (after %.2f s warm-up), medians\n",
           bench_online_cpus(), o.reps, o.window_s, o.warmup_s);
    fflush(stdout);

    bench_config *cs;
    bool all_ok;
    int nconf = bench_scaling_all(&disjoint_workload, &o, true, "disjoint", &cs, &all_ok);

    const bench_config *c1 = bench_config_find(cs, nconf, 1, false);
    double t1 = c1 ? bench_config_median(c1, bench_run_tput) : 0;
    printf("\n  %-12s %11s %20s %8s %8s %5s %7s %7s %8s %7s %8s %5s\n", "config", "commits/s",
           "(min..max)", "speedup", "fraction", "CPUs", "CPU us/", "faults/", "imported",
           "forced", "aborts/", "major");
    printf("  %-12s %11s %20s %8s %8s %5s %7s %7s %8s %7s %8s %5s\n", "", "(median)", "",
           "vs 1 thr", "of procs", "busy", "commit", "commit", "B/commit", "private", "commit",
           "GCs");
    for (int c = 0; c < nconf; c++) {
        const bench_config *cf = &cs[c];
        if (!cf->nreps)
            continue;
        double v[BENCH_MAX_REPS];
        for (int i = 0; i < cf->nreps; i++)
            v[i] = cf->r[i].commits_per_s;
        double tput = bench_median(v, cf->nreps);
        char range[48], frac[16] = "", speed[16] = "";
        snprintf(range, sizeof range, "%.0f..%.0f", bench_min(v, cf->nreps), bench_max(v, cf->nreps));
        const bench_config *p = cf->processes ? NULL : bench_config_find(cs, nconf, cf->n, true);
        if (p)
            snprintf(frac, sizeof frac, "%.3f", tput / bench_config_median(p, bench_run_tput));
        if (t1 > 0)
            snprintf(speed, sizeof speed, "%.3fx", tput / t1);
        printf("  %-12s %11.0f %20s %8s %8s %5.2f %7.2f %7.3f %8.0f %7.0f %8.5f %5.0f\n",
               bench_config_name(cf), tput, range, speed, frac,
               bench_config_median(cf, bench_run_cpus_busy),
               bench_config_median(cf, bench_run_cpu_us_per_commit),
               bench_config_median(cf, bench_run_faults_per_commit),
               bench_config_median(cf, imported_per_commit),
               bench_config_median(cf, forced_private),
               bench_config_median(cf, bench_run_aborts_per_commit),
               bench_config_median(cf, majors));
    }
    bench_print_memory_table(cs, nconf);
    bench_print_counters(cs, nconf);
    bool disturbed = bench_warn_if_disturbed(cs, nconf);

    /* the targets, stated for 2 threads on a 2-core machine */
    const bench_config *c2 = bench_config_find(cs, nconf, 2, false);
    const bench_config *p2 = bench_config_find(cs, nconf, 2, true);
    double s2 = c2 && t1 > 0 ? bench_config_median(c2, bench_run_tput) / t1 : 0;
    double frac2 = c2 && p2 ? bench_config_median(c2, bench_run_tput) /
                                  bench_config_median(p2, bench_run_tput)
                            : 0;
    if (c2 && t1 > 0)
        printf("\n  target: disjoint K=%-2d 2 threads >= 1.8x one thread:    %.3fx  %s\n", dj_work,
               s2, s2 >= 1.8 ? "MET" : "NOT MET");
    if (c2 && p2)
        printf("  target: disjoint K=%-2d 2 threads >= 0.95 of 2 processes: %.3f   %s\n", dj_work,
               frac2, frac2 >= 0.95 ? "MET" : "NOT MET");

    bench_json j = {0};
    bench_json_obj_begin(&j, NULL);
    bench_json_obj_begin(&j, "workload");
    bench_json_int(&j, "records_per_thread", DJ_OBJECTS);
    bench_json_int(&j, "record_bytes", sizeof(bench_rec));
    bench_json_int(&j, "records_read_per_txn", DJ_READS);
    bench_json_int(&j, "records_written_per_txn", DJ_WRITES);
    bench_json_int(&j, "allocations_per_txn", DJ_ALLOCS);
    bench_json_int(&j, "work_factor", dj_work);
    bench_json_int(&j, "reps", o.reps);
    bench_json_num(&j, "window_s", o.window_s);
    bench_json_num(&j, "warmup_s", o.warmup_s);
    bench_json_obj_end(&j);
    bench_json_num(&j, "commits_per_s_1_thread", t1);
    bench_json_arr_begin(&j, "configs");
    for (int c = 0; c < nconf; c++)
        if (cs[c].nreps)
            bench_json_config(&j, &cs[c], t1);
    bench_json_arr_end(&j);
    bench_json_arr_begin(&j, "fraction_of_process_ceiling");
    for (int c = 0; c < nconf; c++) {
        const bench_config *p = cs[c].processes ? NULL : bench_config_find(cs, nconf, cs[c].n, true);
        if (!p || !cs[c].nreps || t1 <= 0)
            continue;
        double tt = bench_config_median(&cs[c], bench_run_tput);
        double tp = bench_config_median(p, bench_run_tput);
        bench_json_obj_begin(&j, NULL);
        bench_json_int(&j, "n", cs[c].n);
        bench_json_num(&j, "speedup_threads", tt / t1);
        bench_json_num(&j, "speedup_processes", tp / t1);
        bench_json_num(&j, "fraction", tt / tp);
        bench_json_obj_end(&j);
    }
    bench_json_arr_end(&j);
    if (c2 && p2 && t1 > 0) {
        bench_json_obj_begin(&j, "targets");
        bench_json_num(&j, "speedup_2_threads", s2);
        bench_json_num(&j, "speedup_2_threads_target", 1.8);
        bench_json_bool(&j, "speedup_2_threads_met", s2 >= 1.8);
        bench_json_num(&j, "fraction_of_ceiling_2", frac2);
        bench_json_num(&j, "fraction_of_ceiling_2_target", 0.95);
        bench_json_bool(&j, "fraction_of_ceiling_2_met", frac2 >= 0.95);
        bench_json_obj_end(&j);
    }
    bench_json_bool(&j, "all_runs_ok", all_ok);
    bench_json_bool(&j, "machine_disturbed", disturbed);
    bench_json_obj_end(&j);
    free(cs);
    if (!bench_json_write(&j, o.json_path))
        return 1;
    return all_ok ? 0 : 1;
}

/* bench_threads/readmostly.c — a read-mostly shared hash table, 1..N threads.
 *
 * Thread 0 builds one chained hash table shared by every thread: RM_BUCKETS buckets in a
 * card-marked value array (read through stm_read_card, as a dict's entry table would
 * be), RM_KEYS entries {key, boxed value, next}, the value an immutable box like a Python
 * int.  Each transaction is, at random, either a lookup transaction (RM_LOOKUPS lookups of
 * random keys: a card read barrier on the bucket, a read barrier per entry visited on the
 * chain, the box read without barrier since it is immutable, and RM_ALLOCS short-lived
 * allocations) or, one time in RM_UPDATE_EVERY, an update transaction (find one key, write
 * barrier on its entry, store a newly allocated box holding value + 1).  Lookups and
 * updates run in separate transactions.
 *
 * What to look at: throughput scaling (readers never write old objects, so nothing but
 * the runtime's own shared state stands between them), the abort rate and its kinds (an
 * update aborts the readers that visited the updated entry), and what each update costs
 * the other segments: forced private copies of the page, bytes imported at validation,
 * and private pages that accumulate until a major collection.
 *
 * Also run by N processes (each with its own table), for the machine's own ceiling.
 *
 * Lookup transactions are read-only: they commit at their snapshot without validation
 * and cannot abort; only an update can, when another update committed, since it began,
 * to an entry on the chain it walked.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_common.h"

#define RM_BUCKETS 4096         /* a power of two */
#define RM_KEYS 16384           /* chains of 4 on average */
#define RM_LOOKUPS 16           /* per lookup transaction */
#define RM_ALLOCS 2             /* short-lived allocations per lookup transaction */
#define RM_UPDATE_EVERY 100     /* 1% of the transactions are updates (default) */

/* Diagnostic: READMOSTLY_UPDATE_EVERY=N in the environment makes 1 transaction in N an
 * update, to see conflicts happen and be counted. */
static uint64_t update_every = RM_UPDATE_EVERY;

_Static_assert((RM_BUCKETS & (RM_BUCKETS - 1)) == 0, "RM_BUCKETS is a power of two");

static stm_ref table;           /* a global root: the bucket array (old once built) */

static inline uint64_t bucket_of(int64_t key)
{
    return ((uint64_t)key * UINT64_C(0x9E3779B97F4A7C15)) >> 52 & (RM_BUCKETS - 1);
}

static inline size_t bucket_offset(uint64_t b) { return stm_array_item_offset(b); }

/* Builds the table in one transaction, as thread 0, before the others start. */
static void *rm_setup_shared(stm_thread *tl)
{
    stm_add_global_root(&table);
    stm_start_transaction(tl);
    stm_ref arr = stm_allocate_array(RM_BUCKETS, STM_TID_VALUE_ARRAY);
    for (int64_t key = 0; key < RM_KEYS; key++) {
        stm_ref box = stm_allocate(sizeof(bench_box), T_BOX);
        ((bench_box *)stm_addr(box))->value = key;
        stm_ref e = stm_allocate(sizeof(bench_entry), T_ENTRY);
        bench_entry *ep = stm_addr(e);
        stm_ref *slot = (stm_ref *)((char *)stm_addr(arr) + bucket_offset(bucket_of(key)));
        ep->key = key;
        ep->value = box;
        ep->next = *slot;               /* everything is young: no barriers */
        *slot = e;
    }
    stm_global_root_set(tl, &table, arr);
    stm_commit_transaction(tl);         /* the minor collection updated `table` */
    return &table;
}

typedef struct rm_thread {
    uint64_t rng;
    uint64_t lookups, found, updates;
    int index;
} rm_thread;

static void *rm_setup_thread(stm_thread *tl, int index, void *shared)
{
    (void)tl;
    (void)shared;
    rm_thread *t = calloc(1, sizeof *t);
    t->rng = UINT64_C(0xD1B54A32D192ED03) * (uint64_t)(index + 1) | 1;
    t->index = index;
    return t;
}

/* The entry of `key`, with read barriers on the bucket card and each entry visited. */
static inline stm_ref find_entry(char *base, stm_ref arr, int64_t key)
{
    uint64_t b = bucket_of(key);
    stm_read_card(arr, bucket_offset(b));
    stm_ref e = *(stm_ref *)(base + arr + bucket_offset(b));
    while (e != STM_NULL) {
        stm_read(e);
        bench_entry *ep = stm_addr_in(base, e);
        if (ep->key == key)
            return e;
        e = ep->next;
    }
    return STM_NULL;
}

static void rm_transaction(stm_thread *tl, void *state)
{
    rm_thread *t = state;
    uint64_t s = t->rng;
    bool update = bench_rng_next(&s) % update_every == 0;
    stm_start_transaction(tl);
    char *base = stm_seg_base;
    stm_ref arr = table;                /* a C global, old and never rewritten: no barrier */
    uint64_t s2 = s, found = 0;
    if (update) {
        int64_t key = (int64_t)(bench_rng_next(&s2) % RM_KEYS);
        stm_ref e = find_entry(base, arr, key);
        if (e != STM_NULL) {
            bench_entry *ep = stm_addr_in(base, e);
            int64_t v = ((bench_box *)stm_addr_in(base, ep->value))->value;   /* immutable */
            stm_ref box = stm_allocate(sizeof(bench_box), T_BOX);
            ((bench_box *)stm_addr_in(base, box))->value = v + 1;
            stm_write(e);
            ep->value = box;
            found = 1;
        }
    } else {
        int64_t sum = 0;
        for (int i = 0; i < RM_LOOKUPS; i++) {
            int64_t key = (int64_t)(bench_rng_next(&s2) % RM_KEYS);
            stm_ref e = find_entry(base, arr, key);
            if (e != STM_NULL) {
                stm_ref box = ((bench_entry *)stm_addr_in(base, e))->value;
                sum += ((bench_box *)stm_addr_in(base, box))->value;
                found++;
            }
        }
        /* short-lived results, as an interpreter allocates temporaries */
        for (int a = 0; a < RM_ALLOCS; a++) {
            stm_ref c = stm_allocate(sizeof(bench_cell), T_CELL);
            ((bench_cell *)stm_addr_in(base, c))->value = sum + a;
        }
    }
    stm_commit_transaction(tl);
    t->rng = s2;
    if (update) {
        t->updates++;
    } else {
        t->lookups += RM_LOOKUPS;
    }
    t->found += found;
}

static bool rm_finish_thread(stm_thread *tl, void *state, uint64_t txns, uint64_t *live)
{
    (void)tl;
    (void)txns;
    rm_thread *t = state;
    bool ok = t->found == t->lookups + t->updates;
    if (!ok)
        fprintf(stderr, "readmostly: thread %d found %llu of %llu keys\n", t->index,
                (unsigned long long)t->found, (unsigned long long)(t->lookups + t->updates));
    if (t->index == 0)
        *live += stm_array_item_offset(RM_BUCKETS) +
                 RM_KEYS * (sizeof(bench_entry) + sizeof(bench_box));
    free(t);
    return ok;
}

static void rm_counters(void *state, uint64_t extra[4])
{
    rm_thread *t = state;
    extra[0] += t->lookups;
    extra[1] += t->updates;
}

static const bench_workload readmostly_workload = {
    .setup_shared = rm_setup_shared,
    .setup_thread = rm_setup_thread,
    .transaction = rm_transaction,
    .finish_thread = rm_finish_thread,
    .thread_counters = rm_counters,
};

static double lookups_per_s(const bench_run *r)
{
    return r->window_s > 0 ? (double)r->extra[0] / r->window_s : 0;
}
static double abort_rate(const bench_run *r)
{
    uint64_t a = bench_stats_aborts(&r->stats);
    return a + r->stats.commits ? (double)a / (double)(a + r->stats.commits) : 0;
}
static double aborts_per_1k(const bench_run *r, int kind)
{
    return r->stats.commits ? 1000.0 * (double)r->stats.aborts[kind] / (double)r->stats.commits : 0;
}
static double ww_per_1k(const bench_run *r) { return aborts_per_1k(r, STM_ABORT_WRITE_WRITE); }
static double wr_per_1k(const bench_run *r) { return aborts_per_1k(r, STM_ABORT_WRITE_READ); }
static double inev_per_1k(const bench_run *r) { return aborts_per_1k(r, STM_ABORT_INEVITABLE); }
static double lost_fraction(const bench_run *r)
{
    double cpu = r->window_s * r->n;
    return cpu > 0 ? r->stats.ns_lost / 1e9 / cpu : 0;
}
static double imported_per_commit(const bench_run *r)
{
    return r->stats.commits ? (double)r->stats.bytes_imported / (double)r->stats.commits : 0;
}
static double forced_private(const bench_run *r) { return (double)r->stats.pages_forced_private; }

int main(int argc, char **argv)
{
    bench_opts o = {.reps = 5, .warmup_s = 0.3, .window_s = 1.0};
    const char *ue = getenv("READMOSTLY_UPDATE_EVERY");
    if (ue && atoi(ue) > 0)
        update_every = (uint64_t)atoi(ue);
    bench_parse_opts(argc, argv, &o,
                     "A read-mostly shared hash table (99% lookup transactions, 1% updates), "
                     "1..N threads.\n  --only t1,t2,p2: only these configurations\n");
    printf("== readmostly: shared hash table of %d keys in %d buckets; %d lookups per lookup "
           "transaction, 1 transaction in %d an update\n",
           RM_KEYS, RM_BUCKETS, RM_LOOKUPS, (int)update_every);
    printf("   %d CPUs online; %d repetitions of %.2f s (after %.2f s warm-up), medians\n",
           bench_online_cpus(), o.reps, o.window_s, o.warmup_s);
    fflush(stdout);

    bench_config *cs;
    bool all_ok;
    int nconf = bench_scaling_all(&readmostly_workload, &o, true, "readmostly", &cs, &all_ok);

    const bench_config *c1 = bench_config_find(cs, nconf, 1, false);
    double t1 = c1 ? bench_config_median(c1, bench_run_tput) : 0;
    double l1 = c1 ? bench_config_median(c1, lookups_per_s) : 0;
    printf("\n  %-12s %11s %11s %8s %5s %7s %9s %23s %8s %9s %7s %7s\n", "config", "txns/s",
           "lookups/s", "speedup", "CPUs", "CPU us/", "abort", "aborts per 1000 commits",
           "time", "imported", "forced", "faults/");
    printf("  %-12s %11s %11s %8s %5s %7s %9s %7s %7s %7s  %8s %9s %7s %7s\n", "", "(median)",
           "(median)", "vs 1 thr", "busy", "commit", "rate", "w-w", "w-r", "inev", "lost",
           "B/commit", "private", "commit");
    for (int c = 0; c < nconf; c++) {
        const bench_config *cf = &cs[c];
        if (!cf->nreps)
            continue;
        double tput = bench_config_median(cf, bench_run_tput);
        double lk = bench_config_median(cf, lookups_per_s);
        char speed[16] = "";
        if (t1 > 0)
            snprintf(speed, sizeof speed, "%.3fx", tput / t1);
        printf("  %-12s %11.0f %11.0f %8s %5.2f %7.3f %9.2e %7.3f %7.3f %7.3f %7.3f%% %9.0f %7.0f %7.3f\n",
               bench_config_name(cf), tput, lk, speed,
               bench_config_median(cf, bench_run_cpus_busy),
               bench_config_median(cf, bench_run_cpu_us_per_commit),
               bench_config_median(cf, abort_rate), bench_config_median(cf, ww_per_1k),
               bench_config_median(cf, wr_per_1k), bench_config_median(cf, inev_per_1k),
               100 * bench_config_median(cf, lost_fraction),
               bench_config_median(cf, imported_per_commit),
               bench_config_median(cf, forced_private),
               bench_config_median(cf, bench_run_faults_per_commit));
    }
    bench_print_memory_table(cs, nconf);
    bench_print_counters(cs, nconf);
    bool disturbed = bench_warn_if_disturbed(cs, nconf);

    bench_json j = {0};
    bench_json_obj_begin(&j, NULL);
    bench_json_obj_begin(&j, "workload");
    bench_json_int(&j, "keys", RM_KEYS);
    bench_json_int(&j, "buckets", RM_BUCKETS);
    bench_json_int(&j, "lookups_per_lookup_txn", RM_LOOKUPS);
    bench_json_int(&j, "update_every_n_txns", (int64_t)update_every);
    bench_json_int(&j, "reps", o.reps);
    bench_json_num(&j, "window_s", o.window_s);
    bench_json_num(&j, "warmup_s", o.warmup_s);
    bench_json_obj_end(&j);
    bench_json_num(&j, "txns_per_s_1_thread", t1);
    bench_json_num(&j, "lookups_per_s_1_thread", l1);
    bench_json_arr_begin(&j, "configs");
    for (int c = 0; c < nconf; c++) {
        const bench_config *cf = &cs[c];
        if (!cf->nreps)
            continue;
        bench_json_obj_begin(&j, NULL);
        bench_json_str(&j, "kind", cf->processes ? "processes" : "threads");
        bench_json_int(&j, "n", cf->n);
        bench_json_num(&j, "lookups_per_s_median", bench_config_median(cf, lookups_per_s));
        bench_json_num(&j, "abort_rate", bench_config_median(cf, abort_rate));
        bench_json_num(&j, "write_write_aborts_per_1000_commits", bench_config_median(cf, ww_per_1k));
        bench_json_num(&j, "write_read_aborts_per_1000_commits", bench_config_median(cf, wr_per_1k));
        bench_json_num(&j, "inevitable_aborts_per_1000_commits", bench_config_median(cf, inev_per_1k));
        bench_json_num(&j, "time_lost_fraction", bench_config_median(cf, lost_fraction));
        bench_json_obj_end(&j);
    }
    bench_json_arr_end(&j);
    bench_json_arr_begin(&j, "details");
    for (int c = 0; c < nconf; c++)
        if (cs[c].nreps)
            bench_json_config(&j, &cs[c], t1);
    bench_json_arr_end(&j);
    bench_json_bool(&j, "all_runs_ok", all_ok);
    bench_json_bool(&j, "machine_disturbed", disturbed);
    bench_json_obj_end(&j);
    free(cs);
    if (!bench_json_write(&j, o.json_path))
        return 1;
    return all_ok ? 0 : 1;
}

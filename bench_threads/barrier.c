/* bench_threads/barrier.c — what the barriers, the first write and the commit cost, on one
 * thread.
 *
 * 1. The barrier fast paths against plain C.  BR_OBJECTS 64-byte records (512 KiB: more
 *    than L1, less than L2) are visited in a fixed random order; per record, as an
 *    interpreter's attribute load and store would: one read barrier and two field loads,
 *    one write barrier and one field store.  The same loop runs on plain malloc'd structs
 *    of the same layout, reached through an array of pointers in the same order.  The STM
 *    loop keeps the segment base in a local (stm_seg_base, stm_addr_in); every write
 *    barrier is on an object already written in this transaction (the fast path: one
 *    flag test).  Plain and barriered passes alternate; medians of ns per record.
 *    A third loop, for information, inlines the barriers by hand with the segment base
 *    and the read version hoisted out of the loop, as a JIT could: how much of the cost
 *    is reloading them (stm_read and stm_write read the thread-local base every time).
 * 2. The first write of a transaction to an old object (the slow path: backup, record,
 *    page privatization), per object, with the object's page already private to the
 *    segment and with the page shared (just after a major collection), and the page
 *    faults that the second case takes; then the shared case again while a second
 *    thread of the process spins on another CPU, which makes each page-table change a
 *    TLB shootdown (counted from /proc/interrupts).
 * 3. The commit, as a function of the number of old objects the transaction wrote (and
 *    begin + commit of an empty transaction).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_common.h"

#define BR_OBJECTS 8192         /* 512 KiB of records */
#define BR_TARGET_NS 20000000   /* per timed pass group: about 20 ms */

static stm_ref *refs;           /* in allocation order */
static stm_ref *order_refs;     /* the visiting order */
static bench_rec **order_ptrs;  /* the same order, plain structs */
static bench_rec *plain;

/* ---------------------------------------------------------------------------------------
 * The loops.  noinline, so that each is compiled once, on its own, like a VM's handler.
 */
__attribute__((noinline)) static int64_t loop_plain(bench_rec *const *order, size_t n, int passes)
{
    int64_t acc = 0;
    for (int p = 0; p < passes; p++) {
        for (size_t i = 0; i < n; i++) {
            bench_rec *o = order[i];
            int64_t a = o->f[0], b = o->f[1];
            o->f[2] = a + b + (int64_t)i;
            acc += a;
        }
    }
    return acc;
}

__attribute__((noinline)) static int64_t loop_stm(const stm_ref *order, size_t n, int passes)
{
    char *base = stm_seg_base;
    int64_t acc = 0;
    for (int p = 0; p < passes; p++) {
        for (size_t i = 0; i < n; i++) {
            stm_ref r = order[i];
            bench_rec *o = stm_addr_in(base, r);
            stm_read(r);
            int64_t a = o->f[0], b = o->f[1];
            stm_write(r);
            o->f[2] = a + b + (int64_t)i;
            acc += a;
        }
    }
    return acc;
}

/* For information: the barriers of stm.h written out with the base and the read version
 * in locals, as generated code could keep them in registers. */
__attribute__((noinline)) static int64_t loop_stm_hoisted(const stm_ref *order, size_t n, int passes)
{
    char *base = stm_seg_base;
    const stm_marker rv = stm_read_version(base);
    int64_t acc = 0;
    for (int p = 0; p < passes; p++) {
        for (size_t i = 0; i < n; i++) {
            stm_ref r = order[i];
            bench_rec *o = stm_addr_in(base, r);
            stm_read_in(base, rv, r);
            int64_t a = o->f[0], b = o->f[1];
            stm_write_in(base, r);
            o->f[2] = a + b + (int64_t)i;
            acc += a;
        }
    }
    return acc;
}

/* For information: an interpreter that knows it will store into the object can take the
 * write barrier first and skip the read barrier (a write barrier marks the object read). */
__attribute__((noinline)) static int64_t loop_stm_write_only(const stm_ref *order, size_t n, int passes)
{
    char *base = stm_seg_base;
    int64_t acc = 0;
    for (int p = 0; p < passes; p++) {
        for (size_t i = 0; i < n; i++) {
            stm_ref r = order[i];
            bench_rec *o = stm_addr_in(base, r);
            stm_write(r);
            int64_t a = o->f[0], b = o->f[1];
            o->f[2] = a + b + (int64_t)i;
            acc += a;
        }
    }
    return acc;
}

/* Loads only: an attribute read. */
__attribute__((noinline)) static int64_t loop_plain_read(bench_rec *const *order, size_t n, int passes)
{
    int64_t acc = 0;
    for (int p = 0; p < passes; p++) {
        for (size_t i = 0; i < n; i++) {
            bench_rec *o = order[i];
            acc += o->f[0] ^ o->f[1];
        }
    }
    return acc;
}

__attribute__((noinline)) static int64_t loop_stm_read(const stm_ref *order, size_t n, int passes)
{
    char *base = stm_seg_base;
    int64_t acc = 0;
    for (int p = 0; p < passes; p++) {
        for (size_t i = 0; i < n; i++) {
            stm_ref r = order[i];
            bench_rec *o = stm_addr_in(base, r);
            stm_read(r);
            acc += o->f[0] ^ o->f[1];
        }
    }
    return acc;
}

static volatile int64_t sink;

/* ---------------------------------------------------------------------------------------
 * Setup
 */
static void build(stm_thread *tl)
{
    stm_start_transaction(tl);
    stm_ref arr = stm_allocate_array(BR_OBJECTS, STM_TID_VALUE_ARRAY);
    for (size_t i = 0; i < BR_OBJECTS; i++) {
        stm_ref r = stm_allocate(sizeof(bench_rec), T_REC);
        bench_rec *o = stm_addr(r);
        for (int k = 0; k < 6; k++)
            o->f[k] = (int64_t)(i + (size_t)k);
        *(stm_ref *)((char *)stm_addr(arr) + stm_array_item_offset(i)) = r;
    }
    tl->roots[0] = arr;
    stm_commit_transaction(tl);

    refs = malloc(BR_OBJECTS * sizeof *refs);
    stm_start_transaction(tl);
    arr = tl->roots[0];
    for (size_t i = 0; i < BR_OBJECTS; i++) {
        stm_read_card(arr, stm_array_item_offset(i));
        refs[i] = *(stm_ref *)((char *)stm_addr(arr) + stm_array_item_offset(i));
    }
    stm_commit_transaction(tl);

    plain = aligned_alloc(64, BR_OBJECTS * sizeof(bench_rec));
    memset(plain, 0, BR_OBJECTS * sizeof(bench_rec));
    for (size_t i = 0; i < BR_OBJECTS; i++)
        for (int k = 0; k < 6; k++)
            plain[i].f[k] = (int64_t)(i + (size_t)k);

    size_t *perm = malloc(BR_OBJECTS * sizeof *perm);
    for (size_t i = 0; i < BR_OBJECTS; i++)
        perm[i] = i;
    uint64_t s = 12345;
    for (size_t i = BR_OBJECTS - 1; i > 0; i--) {
        size_t j = bench_rng_next(&s) % (i + 1);
        size_t t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    order_refs = malloc(BR_OBJECTS * sizeof *order_refs);
    order_ptrs = malloc(BR_OBJECTS * sizeof *order_ptrs);
    for (size_t i = 0; i < BR_OBJECTS; i++) {
        order_refs[i] = refs[perm[i]];
        order_ptrs[i] = &plain[perm[i]];
    }
    free(perm);
}

/* ---------------------------------------------------------------------------------------
 * 1. Fast paths
 */
enum { L_PLAIN, L_STM, L_HOISTED, L_WRITE_ONLY, L_PLAIN_READ, L_STM_READ, L_COUNT };

typedef struct fast_result {
    double plain_ns, stm_ns, hoisted_ns;      /* medians, per record visited */
    double write_only_ns, plain_read_ns, stm_read_ns;
    double ratio, ratio_hoisted;              /* of the medians */
    double ratio_write_only, ratio_read;
    double ratio_pairs_median;                /* median of the per-round ratios */
    int rounds, passes;
} fast_result;

static double time_pass(int which, int passes)
{
    uint64_t t0 = bench_now_ns();
    int64_t r = 0;
    switch (which) {
    case L_PLAIN: r = loop_plain(order_ptrs, BR_OBJECTS, passes); break;
    case L_STM: r = loop_stm(order_refs, BR_OBJECTS, passes); break;
    case L_HOISTED: r = loop_stm_hoisted(order_refs, BR_OBJECTS, passes); break;
    case L_WRITE_ONLY: r = loop_stm_write_only(order_refs, BR_OBJECTS, passes); break;
    case L_PLAIN_READ: r = loop_plain_read(order_ptrs, BR_OBJECTS, passes); break;
    case L_STM_READ: r = loop_stm_read(order_refs, BR_OBJECTS, passes); break;
    }
    uint64_t t1 = bench_now_ns();
    sink += r;
    return (double)(t1 - t0) / ((double)passes * BR_OBJECTS);
}

static void measure_fast_paths(stm_thread *tl, int rounds, fast_result *out)
{
    stm_start_transaction(tl);
    /* take every first-write slow path now: the timed loops see only fast paths */
    for (size_t i = 0; i < BR_OBJECTS; i++)
        stm_write(refs[i]);
    int passes = 1;
    while (time_pass(L_STM, passes) * passes * BR_OBJECTS < BR_TARGET_NS / 4)
        passes *= 2;
    passes *= 4;
    double *t[L_COUNT];
    for (int l = 0; l < L_COUNT; l++)
        t[l] = malloc((size_t)rounds * sizeof(double));
    double *ra = malloc((size_t)rounds * sizeof(double));
    for (int r = 0; r < rounds; r++) {
        /* every loop once per round, in an order that rotates, so that none always runs
         * right after the same neighbour */
        for (int k = 0; k < L_COUNT; k++) {
            int l = (k + r) % L_COUNT;
            t[l][r] = time_pass(l, passes);
        }
        ra[r] = t[L_STM][r] / t[L_PLAIN][r];
    }
    stm_commit_transaction(tl);
    out->plain_ns = bench_median(t[L_PLAIN], rounds);
    out->stm_ns = bench_median(t[L_STM], rounds);
    out->hoisted_ns = bench_median(t[L_HOISTED], rounds);
    out->write_only_ns = bench_median(t[L_WRITE_ONLY], rounds);
    out->plain_read_ns = bench_median(t[L_PLAIN_READ], rounds);
    out->stm_read_ns = bench_median(t[L_STM_READ], rounds);
    out->ratio = out->stm_ns / out->plain_ns;
    out->ratio_hoisted = out->hoisted_ns / out->plain_ns;
    out->ratio_write_only = out->write_only_ns / out->plain_ns;
    out->ratio_read = out->stm_read_ns / out->plain_read_ns;
    out->ratio_pairs_median = bench_median(ra, rounds);
    out->rounds = rounds;
    out->passes = passes;
    for (int l = 0; l < L_COUNT; l++)
        free(t[l]);
    free(ra);
}

/* ---------------------------------------------------------------------------------------
 * 2. First writes
 */
typedef struct first_write_result {
    double private_ns;          /* per object, page already private */
    double shared_ns;           /* per object, page shared (after a major collection) */
    double per_page_extra_ns;   /* (shared - private) * objects / pages */
    double faults_per_page;     /* page faults taken by the first writes, per page */
    double pages;
    double commit_after_ns;     /* commit of the transaction that wrote them all */
    /* page shared, while another thread of the process runs on another CPU (0: not
     * measured, one CPU): the privatization's page-table change must then be flushed
     * from that CPU's TLB too */
    double shared_mt_ns;
    double per_page_extra_mt_ns;
    double tlb_ipis_per_page_mt;
} first_write_result;

static volatile int spinner_stop;

static void *spinner_main(void *arg)
{
    (void)arg;
    while (!spinner_stop)
        __asm__ __volatile__("" ::: "memory");
    return NULL;
}

static double first_writes(stm_thread *tl, double *faults, double *commit_ns)
{
    stm_start_transaction(tl);
    uint64_t f0 = bench_minflt_thread();
    uint64_t t0 = bench_now_ns();
    for (size_t i = 0; i < BR_OBJECTS; i++) {
        stm_write(order_refs[i]);
        ((bench_rec *)stm_addr(order_refs[i]))->f[4]++;
    }
    uint64_t t1 = bench_now_ns();
    *faults = (double)(bench_minflt_thread() - f0);
    stm_commit_transaction(tl);
    *commit_ns = (double)(bench_now_ns() - t1);
    return (double)(t1 - t0) / BR_OBJECTS;
}

static void measure_first_writes(stm_thread *tl, int rounds, first_write_result *out)
{
    double *pv = malloc((size_t)rounds * sizeof(double));
    double *sh = malloc((size_t)rounds * sizeof(double));
    double *fl = malloc((size_t)rounds * sizeof(double));
    double *cm = malloc((size_t)rounds * sizeof(double));
    uint64_t pages = 0, last = UINT64_MAX;
    for (size_t i = 0; i < BR_OBJECTS; i++) {            /* refs are in address order */
        uint64_t p = refs[i] / STM_PAGE_SIZE;
        pages += p != last;
        last = p;
    }
    for (int r = 0; r < rounds; r++) {
        double faults;
        stm_major_collect(tl);          /* every page back to sharing */
        sh[r] = first_writes(tl, &faults, &cm[r]);
        fl[r] = faults;
        pv[r] = first_writes(tl, &faults, &cm[r]);   /* the pages are private now */
    }
    out->shared_mt_ns = out->per_page_extra_mt_ns = out->tlb_ipis_per_page_mt = 0;
    if (bench_online_cpus() >= 2) {
        double *mt = malloc((size_t)rounds * sizeof(double));
        double ipis = 0, faults, commit_ns;
        pthread_t spinner;
        spinner_stop = 0;
        pthread_create(&spinner, NULL, spinner_main, NULL);
        for (int r = 0; r < rounds; r++) {
            stm_major_collect(tl);
            uint64_t i0 = bench_tlb_shootdowns();
            mt[r] = first_writes(tl, &faults, &commit_ns);
            ipis += (double)(bench_tlb_shootdowns() - i0);
        }
        spinner_stop = 1;
        pthread_join(spinner, NULL);
        out->shared_mt_ns = bench_median(mt, rounds);
        out->tlb_ipis_per_page_mt = ipis / rounds / (double)pages;
        free(mt);
    }
    out->private_ns = bench_median(pv, rounds);
    out->shared_ns = bench_median(sh, rounds);
    out->pages = (double)pages;
    out->per_page_extra_ns = (out->shared_ns - out->private_ns) * BR_OBJECTS / (double)pages;
    out->faults_per_page = bench_median(fl, rounds) / (double)pages;
    out->commit_after_ns = bench_median(cm, rounds);
    if (out->shared_mt_ns > 0)
        out->per_page_extra_mt_ns = (out->shared_mt_ns - out->private_ns) * BR_OBJECTS / (double)pages;
    free(pv);
    free(sh);
    free(fl);
    free(cm);
}

/* ---------------------------------------------------------------------------------------
 * 3. Commit cost against the number of objects written
 */
#define N_WRITE_COUNTS 9
static const int write_counts[N_WRITE_COUNTS] = {0, 1, 2, 4, 8, 16, 64, 256, 1024};

typedef struct commit_result {
    int written;
    double commit_ns;           /* median of stm_commit_transaction alone */
    double txn_ns;              /* median of a whole transaction: begin, writes, commit */
    double commit_ns_per_object;
} commit_result;

static double clock_overhead_ns(void)
{
    double v[101];
    for (int i = 0; i < 101; i++) {
        uint64_t a = bench_now_ns();
        uint64_t b = bench_now_ns();
        v[i] = (double)(b - a);
    }
    return bench_median(v, 101);
}

static void measure_commits(stm_thread *tl, int scale, commit_result *out)
{
    double clk = clock_overhead_ns();
    size_t cursor = 0;
    for (int w = 0; w < N_WRITE_COUNTS; w++) {
        int nw = write_counts[w];
        int ntx = nw <= 16 ? 4000 : nw <= 256 ? 1000 : 200;
        ntx = ntx * scale / 4 + 20;
        double *c = malloc((size_t)ntx * sizeof(double));
        double *t = malloc((size_t)ntx * sizeof(double));
        for (int k = 0; k < ntx; k++) {
            uint64_t t0 = bench_now_ns();
            stm_start_transaction(tl);
            for (int i = 0; i < nw; i++) {
                stm_ref r = order_refs[(cursor + (size_t)i) % BR_OBJECTS];
                stm_write(r);
                ((bench_rec *)stm_addr(r))->f[5]++;
            }
            uint64_t t1 = bench_now_ns();
            stm_commit_transaction(tl);
            uint64_t t2 = bench_now_ns();
            cursor = (cursor + (size_t)nw) % BR_OBJECTS;
            c[k] = (double)(t2 - t1) - clk;
            t[k] = (double)(t2 - t0) - clk;
        }
        out[w].written = nw;
        out[w].commit_ns = bench_median(c, ntx);
        out[w].txn_ns = bench_median(t, ntx);
        out[w].commit_ns_per_object = nw ? (out[w].commit_ns - out[0].commit_ns) / nw : 0;
        free(c);
        free(t);
    }
}

/* ---------------------------------------------------------------------------------------
 * Main
 */
int main(int argc, char **argv)
{
    bench_opts o = {.reps = 15, .warmup_s = 0, .window_s = 1};
    bench_parse_opts(argc, argv, &o,
                     "Barrier fast paths against plain C, first-write slow path, commit cost; "
                     "one thread.\n  --reps N: rounds of the fast-path comparison\n");
    int rounds = o.reps < 3 ? 3 : o.reps;
    int scale = o.quick ? 1 : 4;

    stm_init(NULL);
    bench_register_types();
    stm_thread tl;
    stm_register_thread(&tl);
    build(&tl);

    printf("== barrier: %d records of %zu B (%zu KiB), random order, one thread\n", BR_OBJECTS,
           sizeof(bench_rec), BR_OBJECTS * sizeof(bench_rec) / 1024);
    fflush(stdout);

    fast_result fr;
    measure_fast_paths(&tl, rounds, &fr);
    printf("\n  fast paths, per record visited (read barrier + 2 loads, write barrier + 1 store);"
           " %d rounds of %d passes, medians\n", fr.rounds, fr.passes);
    printf("    %-52s %8.2f ns\n", "plain C structs", fr.plain_ns);
    printf("    %-52s %8.2f ns   ratio %.3f  (median of per-round ratios %.3f)\n",
           "stm_read/stm_write (stm.h), base in a local", fr.stm_ns, fr.ratio,
           fr.ratio_pairs_median);
    printf("    %-52s %8.2f ns   ratio %.3f  (information)\n",
           "hand-inlined, base and read version hoisted", fr.hoisted_ns, fr.ratio_hoisted);
    printf("    %-52s %8.2f ns   ratio %.3f  (information)\n",
           "stm_write only (it marks the object read)", fr.write_only_ns, fr.ratio_write_only);
    printf("    %-52s %8.2f ns\n", "loads only, plain C", fr.plain_read_ns);
    printf("    %-52s %8.2f ns   ratio %.3f  (information)\n", "loads only, stm_read",
           fr.stm_read_ns, fr.ratio_read);
    printf("    target: barriered / plain <= 1.3: %.3f  %s\n", fr.ratio,
           fr.ratio <= 1.3 ? "MET" : "NOT MET");
    fflush(stdout);

    first_write_result fw;
    measure_first_writes(&tl, o.quick ? 3 : 7, &fw);
    printf("\n  first write of a transaction to an old object (slow path), %d objects on %.0f pages\n",
           BR_OBJECTS, fw.pages);
    printf("    %-52s %8.1f ns per object\n", "page already private to the segment",
           fw.private_ns);
    printf("    %-52s %8.1f ns per object\n", "page shared (first write after a major GC)",
           fw.shared_ns);
    printf("    %-52s %8.0f ns per page, %.2f page faults per page\n",
           "  so privatizing a page costs", fw.per_page_extra_ns, fw.faults_per_page);
    if (fw.shared_mt_ns > 0) {
        printf("    %-52s %8.1f ns per object\n", "page shared, another thread running elsewhere",
               fw.shared_mt_ns);
        printf("    %-52s %8.0f ns per page, %.2f TLB-shootdown IPIs per page\n",
               "  so privatizing a page then costs", fw.per_page_extra_mt_ns,
               fw.tlb_ipis_per_page_mt);
    }
    printf("    %-52s %8.0f us\n", "commit of such a transaction (8192 objects written)",
           fw.commit_after_ns / 1000);
    fflush(stdout);

    commit_result cr[N_WRITE_COUNTS];
    measure_commits(&tl, scale, cr);
    printf("\n  commit cost against old objects written (pages already private; medians)\n");
    printf("    %8s %14s %16s %18s\n", "written", "commit ns", "whole txn ns", "ns per object");
    for (int w = 0; w < N_WRITE_COUNTS; w++)
        printf("    %8d %14.0f %16.0f %18.1f\n", cr[w].written, cr[w].commit_ns, cr[w].txn_ns,
               cr[w].commit_ns_per_object);

    stm_stats st;
    stm_stats_read(&st);
    stm_memory_info mi;
    stm_memory_info_read(&mi);
    printf("\n  runtime counters, whole program:\n");
    bench_print_stats(stdout, "    ", &st, (double)st.commits);
    printf("    memory: RSS %llu KiB, old space in use %llu KiB, shared file %llu KiB, "
           "private pages %llu\n", (unsigned long long)mi.rss_bytes >> 10,
           (unsigned long long)mi.old_bytes_in_use >> 10,
           (unsigned long long)mi.shared_file_bytes >> 10,
           (unsigned long long)mi.private_pages);

    bench_json j = {0};
    bench_json_obj_begin(&j, NULL);
    bench_json_obj_begin(&j, "fast_paths");
    bench_json_int(&j, "objects", BR_OBJECTS);
    bench_json_int(&j, "object_bytes", sizeof(bench_rec));
    bench_json_int(&j, "rounds", fr.rounds);
    bench_json_int(&j, "passes_per_round", fr.passes);
    bench_json_num(&j, "plain_ns_per_object", fr.plain_ns);
    bench_json_num(&j, "stm_ns_per_object", fr.stm_ns);
    bench_json_num(&j, "hoisted_ns_per_object", fr.hoisted_ns);
    bench_json_num(&j, "ratio", fr.ratio);
    bench_json_num(&j, "ratio_median_of_rounds", fr.ratio_pairs_median);
    bench_json_num(&j, "ratio_hoisted", fr.ratio_hoisted);
    bench_json_num(&j, "write_barrier_only_ns_per_object", fr.write_only_ns);
    bench_json_num(&j, "ratio_write_barrier_only", fr.ratio_write_only);
    bench_json_num(&j, "loads_only_plain_ns_per_object", fr.plain_read_ns);
    bench_json_num(&j, "loads_only_stm_read_ns_per_object", fr.stm_read_ns);
    bench_json_num(&j, "ratio_loads_only", fr.ratio_read);
    bench_json_num(&j, "target", 1.3);
    bench_json_bool(&j, "target_met", fr.ratio <= 1.3);
    bench_json_obj_end(&j);
    bench_json_obj_begin(&j, "first_write");
    bench_json_num(&j, "page_private_ns_per_object", fw.private_ns);
    bench_json_num(&j, "page_shared_ns_per_object", fw.shared_ns);
    bench_json_num(&j, "privatize_ns_per_page", fw.per_page_extra_ns);
    bench_json_num(&j, "page_faults_per_page", fw.faults_per_page);
    bench_json_num(&j, "pages", fw.pages);
    bench_json_num(&j, "page_shared_other_thread_running_ns_per_object", fw.shared_mt_ns);
    bench_json_num(&j, "privatize_other_thread_running_ns_per_page", fw.per_page_extra_mt_ns);
    bench_json_num(&j, "tlb_shootdowns_per_page_other_thread_running", fw.tlb_ipis_per_page_mt);
    bench_json_num(&j, "commit_ns_all_objects_written", fw.commit_after_ns);
    bench_json_obj_end(&j);
    bench_json_arr_begin(&j, "commit_cost");
    for (int w = 0; w < N_WRITE_COUNTS; w++) {
        bench_json_obj_begin(&j, NULL);
        bench_json_int(&j, "objects_written", cr[w].written);
        bench_json_num(&j, "commit_ns", cr[w].commit_ns);
        bench_json_num(&j, "txn_ns", cr[w].txn_ns);
        bench_json_num(&j, "commit_ns_per_object", cr[w].commit_ns_per_object);
        bench_json_obj_end(&j);
    }
    bench_json_arr_end(&j);
    bench_json_stats(&j, "stats", &st);
    bench_json_obj_end(&j);

    stm_unregister_thread(&tl);
    stm_shutdown();
    free(refs);
    free(order_refs);
    free(order_ptrs);
    free(plain);
    return bench_json_write(&j, o.json_path) ? 0 : 1;
}

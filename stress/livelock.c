/* stress/livelock.c — every transaction conflicts with every other.
 *
 * A few counter objects and one slot of a card-marked array; every transaction reads and
 * increments all of them (in an order of its own: a random rotation), with some busy
 * work and a safe point in between, so that any two concurrent transactions conflict.
 * The runtime must still get every thread through its K transactions: it backs off and
 * makes a transaction inevitable after repeated aborts.
 *
 * Checked: inside every transaction all counters hold the same value (one snapshot);
 * at the end every counter equals T x K exactly; the program terminates (a watchdog
 * fails the run after --timeout seconds).
 */
#include <stdlib.h>

#include "stress/stress_common.h"

enum { T_COUNTER = 40 };

typedef struct counter {
    stm_hdr hdr;
    int64_t value;
    int64_t last_thread;
    int64_t last_op;
} counter;

static size_t counter_size(const void *o) { (void)o; return (sizeof(counter) + 15) & ~(size_t)15; }
static const stm_type counter_type = {.name = "counter", .size = counter_size};

enum { OP_INCREMENT, OP_FINAL, OP_N };
static const char *const op_names[OP_N] = {"increment", "final"};

#define MAX_OBJECTS 16
#define CELLS 200               /* 1616 bytes: card-marked */
#define HOT_CELL 100

static long opt_objects = 3;
static long opt_work = 200;

static stm_ref g_cells;         /* global root: value array; items 0..objects-1: counters */

static inline counter *C(stm_ref r) { return (counter *)stm_addr(r); }

static inline stm_ref cell_get(size_t i)
{
    size_t off = stm_array_item_offset(i);
    stm_read_card(g_cells, off);
    return *(stm_ref *)((char *)stm_addr(g_cells) + off);
}

static inline void cell_set(size_t i, stm_ref v)
{
    size_t off = stm_array_item_offset(i);
    stm_write_card(g_cells, off);
    *(stm_ref *)((char *)stm_addr(g_cells) + off) = v;
}

/* Inside a transaction: all counters equal, the hot cell too; returns the value. */
static int64_t check_equal(const char *when)
{
    int64_t v0 = 0;
    for (long k = 0; k < opt_objects; k++) {
        stm_ref c = cell_get((size_t)k);
        stm_read(c);
        if (k == 0)
            v0 = C(c)->value;
        else if (C(c)->value != v0)
            stress_fail("%s: counter %ld is %lld, counter 0 is %lld (in one snapshot)", when, k,
                        (long long)C(c)->value, (long long)v0);
    }
    stm_ref hot = cell_get(HOT_CELL);
    if (!(hot & 1) || (int64_t)(hot >> 1) != v0)
        stress_fail("%s: the hot cell holds %#llx, the counters %lld", when,
                    (unsigned long long)hot, (long long)v0);
    return v0;
}

static int64_t increment_all(stm_thread *tl, stress_rng *rng, int index, long op)
{
    volatile int64_t seen;
    long rot = (long)stress_rng_below(rng, (uint64_t)opt_objects);
    stm_start_transaction(tl);
    seen = -1;
    for (long j = 0; j < opt_objects; j++) {
        long k = (j + rot) % opt_objects;
        stm_ref c = cell_get((size_t)k);
        stm_read(c);
        int64_t v = C(c)->value;
        if (j == 0)
            seen = v;
        /* busy work between the read and the write widens the conflict window */
        volatile uint64_t x = (uint64_t)v;
        for (long w = 0; w < opt_work; w++)
            x = x * 6364136223846793005u + 1442695040888963407u;
        if (j == opt_objects / 2)
            stm_safe_point(tl);
        stm_write(c);
        C(c)->value = v + 1;
        C(c)->last_thread = index;
        C(c)->last_op = op;
    }
    stm_ref hot = cell_get(HOT_CELL);
    cell_set(HOT_CELL, (stm_ref)(((uint64_t)(hot >> 1) + 1) << 1 | 1));
    check_equal("inside an increment");
    stm_commit_transaction(tl);
    return seen;
}

static void *worker(void *arg)
{
    int index = (int)(intptr_t)arg;
    stm_thread tl;
    stm_register_thread(&tl);
    stress_rng rng;
    stress_rng_init(&rng, stress_cfg.seed, (uint64_t)index);
    stress_log *log = stress_thread_log(index);
    for (long i = 0; i < stress_cfg.ops; i++) {
        int64_t seen = increment_all(&tl, &rng, index, i);
        stress_log_event(log, OP_INCREMENT, i, 0, 0, seen, stm_last_commit_rev(&tl));
        stress_maybe_detach(&tl, i);
    }
    stress_print_thread_stats(index, &tl);
    stm_unregister_thread(&tl);
    return NULL;
}

int main(int argc, char **argv)
{
    stress_opt extra[] = {
        {"objects", &opt_objects, "counter objects every transaction increments (1..16)"},
        {"work", &opt_work, "busy-work iterations between each read and write"},
    };
    stress_init(argc, argv, "livelock", STRESS_SANITIZED ? 20000 : 100000, extra,
                (int)(sizeof extra / sizeof extra[0]));
    if (opt_objects < 1 || opt_objects > MAX_OBJECTS || opt_work < 0)
        stress_fail("bad options");
    stress_log_names(op_names, OP_N);
    stress_stm_init(0, 0);
    stm_register_type(T_COUNTER, &counter_type);
    stm_add_global_root(&g_cells);

    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    stm_global_root_set(&tl, &g_cells, stm_allocate_array(CELLS, STM_TID_VALUE_ARRAY));
    for (long k = 0; k < opt_objects; k++)
        cell_set((size_t)k, stm_allocate(sizeof(counter), T_COUNTER));
    for (size_t i = (size_t)opt_objects; i < CELLS; i++)
        cell_set(i, (stm_ref)1);    /* the tagged integer 0 */
    stm_commit_transaction(&tl);

    stress_run_workers(worker);

    int64_t want = (int64_t)stress_cfg.threads * stress_cfg.ops;
    stm_start_transaction(&tl);
    int64_t got = check_equal("final check");
    stm_commit_transaction(&tl);
    stress_log_event(stress_thread_log(-1), OP_FINAL, 0, 0, 0, got, stm_last_commit_rev(&tl));
    if (got != want)
        stress_fail("final check: the counters are %lld, threads x ops = %lld", (long long)got,
                    (long long)want);
    stm_unregister_thread(&tl);
    stress_ok("objects=%ld increments=%lld", opt_objects, (long long)got);
    stm_shutdown();
    return 0;
}

/* The conflict log and statistics: every abort is recorded with its kind, the time lost
 * and where each side was. */
#include "helpers.h"

#include <time.h>

static void setup(void) { rt_init(2); }
TestSuite(conflict_log, .init = setup, .fini = rt_fini);

static stm_ref X;

static void write_x_at_step1(stm_thread *tl, void *arg)
{
    step_wait(1);
    tl->marker[0] = 0xc0de;
    tl->marker[1] = 42;
    stm_start_transaction(tl);
    stm_write(X);
    N(X)->value = 2;
    stm_commit_transaction(tl);
    step_to(2);
}

Test(conflict_log, an_abort_is_recorded_with_both_sides)
{
    X = committed_node(0, 1);
    worker w;
    worker_start(&w, write_x_at_step1, NULL);
    volatile int attempts = 0;
    T.marker[0] = 0xbeef;
    T.marker[1] = 7;
    stm_start_transaction(&T);
    attempts++;
    int64_t v = get(X);
    if (attempts == 1) {
        step_to(1);
        step_wait(2);
        struct timespec ts = {0, 2000000};
        nanosleep(&ts, NULL);
    }
    set(X, v + 1);
    stm_commit_transaction(&T);
    worker_join(&w);

    stm_conflict log[8];
    uint64_t cursor = 0;
    size_t n = stm_conflict_log_read(log, 8, &cursor);
    cr_assert_eq(n, 1);
    cr_assert_eq(cursor, 1);
    cr_assert_eq(log[0].kind, STM_ABORT_WRITE_WRITE, "we wrote X too: %s",
                 stm_abort_kind_name(log[0].kind));
    cr_assert_eq(log[0].object, X);
    cr_assert_eq(log[0].self_marker[0], 0xbeef);
    cr_assert_eq(log[0].self_marker[1], 7);
    cr_assert_eq(log[0].other_marker[0], 0xc0de, "where the winner wrote X");
    cr_assert_eq(log[0].other_marker[1], 42);
    cr_assert_neq(log[0].self_thread, log[0].other_thread);
    cr_assert_geq(log[0].ns_lost, 2000000);
    cr_assert_eq(stm_conflict_log_read(log, 8, &cursor), 0, "nothing new");

    stm_stats st;
    stm_stats_read(&st);
    cr_assert_eq(st.aborts[STM_ABORT_WRITE_WRITE], 1);
    cr_assert_geq(st.ns_lost, 2000000);
    cr_assert_geq(st.commits, 3);
    stm_stats_reset();
    stm_stats_read(&st);
    cr_assert_eq(st.commits, 0);
}

Test(conflict_log, the_reader_side_is_a_write_read_conflict)
{
    X = committed_node(0, 1);
    stm_ref y = committed_node(1, 0);
    worker w;
    worker_start(&w, write_x_at_step1, NULL);
    volatile int attempts = 0;
    stm_start_transaction(&T);
    attempts++;
    int64_t v = get(X);
    if (attempts == 1) {
        step_to(1);
        step_wait(2);
    }
    set(y, v);
    stm_commit_transaction(&T);
    worker_join(&w);
    stm_conflict c;
    uint64_t cursor = 0;
    cr_assert_eq(stm_conflict_log_read(&c, 1, &cursor), 1);
    cr_assert_eq(c.kind, STM_ABORT_WRITE_READ);
    cr_assert_str_eq(stm_abort_kind_name(c.kind), "write-read");
}

Test(conflict_log, the_log_keeps_order_and_reports_every_kind)
{
    for (volatile int i = 0; i < 5; i++) {
        volatile int attempts = 0;
        stm_start_transaction(&T);
        attempts++;
        if (attempts == 1)
            stm_abort_transaction(&T);
        stm_commit_transaction(&T);
    }
    stm_conflict log[16];
    uint64_t cursor = 0;
    cr_assert_eq(stm_conflict_log_read(log, 3, &cursor), 3);
    cr_assert_eq(stm_conflict_log_read(log + 3, 16, &cursor), 2);
    for (int i = 0; i < 5; i++) {
        cr_assert_eq(log[i].seq, (uint64_t)i);
        cr_assert_eq(log[i].kind, STM_ABORT_EXPLICIT);
    }
}

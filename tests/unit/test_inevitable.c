/* Inevitable transactions: never abort, at most one at a time, others commit after it;
 * a transaction that keeps aborting runs inevitable. */
#include "helpers.h"

#include <time.h>

static void setup(void) { rt_init(2); }
TestSuite(inevitable, .init = setup, .fini = rt_fini);

static stm_ref X;
static volatile uint64_t worker_rev, worker_attempts;

static void sleep_ms(int ms)
{
    struct timespec ts = {0, ms * 1000000L};
    nanosleep(&ts, NULL);
}

static void add_ten_after_step1(stm_thread *tl, void *arg)
{
    step_wait(1);
    stm_start_transaction(tl);
    worker_attempts++;
    stm_read(X);
    int64_t v = N(X)->value;
    step_to(2);
    stm_write(X);
    N(X)->value = v + 10;
    stm_commit_transaction(tl);      /* must wait for the inevitable one, then lose to it */
    worker_rev = stm_last_commit_rev(tl);
}

Test(inevitable, it_never_aborts_and_others_commit_after_it)
{
    X = committed_node(0, 1);
    worker_attempts = 0;
    worker w;
    worker_start(&w, add_ten_after_step1, NULL);
    stm_start_transaction(&T);
    stm_become_inevitable(&T, "test");
    cr_assert(stm_is_inevitable(&T));
    int64_t v = get(X);
    step_to(1);
    step_wait(2);                    /* the worker read X too */
    sleep_ms(50);                    /* and tries to commit meanwhile */
    cr_assert_eq(worker_rev, 0, "nobody commits while an inevitable transaction runs");
    set(X, v + 1);
    stm_commit_transaction(&T);
    cr_assert(!stm_is_inevitable(&T));
    uint64_t my_rev = stm_last_commit_rev(&T);
    worker_join(&w);
    cr_assert_gt(worker_rev, my_rev);
    cr_assert_eq(worker_attempts, 2, "the worker read X before our commit: it retried");
    stm_start_transaction(&T);
    cr_assert_eq(get(X), 12);
    stm_commit_transaction(&T);
    stm_stats st;
    stm_stats_read(&st);
    cr_assert_eq(st.aborts[STM_ABORT_INEVITABLE], 1);
    cr_assert_eq(st.became_inevitable, 1);
}

static volatile int second_became_inevitable;

static void become_inevitable_after_step1(stm_thread *tl, void *arg)
{
    step_wait(1);
    stm_start_transaction(tl);
    stm_become_inevitable(tl, "test");
    second_became_inevitable = 1;
    stm_commit_transaction(tl);
}

Test(inevitable, at_most_one_at_a_time)
{
    second_became_inevitable = 0;
    worker w;
    worker_start(&w, become_inevitable_after_step1, NULL);
    stm_start_transaction(&T);
    stm_become_inevitable(&T, "test");
    step_to(1);
    sleep_ms(50);
    cr_assert_eq(second_became_inevitable, 0);
    stm_commit_transaction(&T);
    worker_join(&w);
    cr_assert_eq(second_became_inevitable, 1);
}

Test(inevitable, a_transaction_that_keeps_aborting_becomes_inevitable)
{
    X = committed_node(0, 0);
    volatile int attempts = 0;
    stm_start_transaction(&T);
    attempts++;
    set(X, attempts);
    if (!stm_is_inevitable(&T))
        stm_abort_transaction(&T);
    stm_commit_transaction(&T);
    cr_assert_eq(attempts, 11, "10 aborts, then inevitable");
    stm_stats st;
    stm_thread_stats_read(&T, &st);
    cr_assert_eq(st.became_inevitable, 1);
    cr_assert_eq(st.aborts[STM_ABORT_EXPLICIT], 10);
}

Test(inevitable, safe_points_end_it_soon)
{
    stm_start_transaction(&T);
    stm_become_inevitable(&T, "test");
    cr_assert(stm_safe_point(&T), "an inevitable transaction holds up every committer");
    stm_commit_transaction(&T);
}

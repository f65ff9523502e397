/* Commit and validation: publication, the commit order, lazy conflict detection with
 * first committer wins, and newer data brought into private pages. */
#include "helpers.h"

#include <unistd.h>

static void setup(void) { rt_init(2); }
TestSuite(commit, .init = setup, .fini = rt_fini);

static stm_ref X, Y;

static void write_x_at_step1(stm_thread *tl, void *arg)
{
    int64_t v = (int64_t)(intptr_t)arg;
    step_wait(1);
    stm_start_transaction(tl);
    stm_write(X);
    N(X)->value = v;
    stm_commit_transaction(tl);
    step_to(2);
}

Test(commit, revisions_follow_the_commit_order)
{
    X = committed_node(0, 0);
    uint64_t r1 = stm_last_commit_rev(&T);
    stm_start_transaction(&T);
    set(X, 1);
    stm_commit_transaction(&T);
    uint64_t r2 = stm_last_commit_rev(&T);
    stm_start_transaction(&T);
    set(X, 2);
    stm_commit_transaction(&T);
    uint64_t r3 = stm_last_commit_rev(&T);
    cr_assert_lt(r1, r2);
    cr_assert_eq(r3, r2 + 1);
}

Test(commit, a_writer_after_our_read_makes_us_abort_once)
{
    X = committed_node(0, 1);
    Y = committed_node(1, 0);
    worker w;
    worker_start(&w, write_x_at_step1, (void *)(intptr_t)10);
    volatile int attempts = 0;
    stm_start_transaction(&T);
    attempts++;
    int64_t seen = get(X);
    if (attempts == 1) {
        step_to(1);
        step_wait(2);
    }
    set(Y, seen);
    stm_commit_transaction(&T);
    worker_join(&w);

    cr_assert_eq(attempts, 2);
    stm_start_transaction(&T);
    cr_assert_eq(get(Y), 10, "the retry read the committed value");
    stm_commit_transaction(&T);
    stm_stats st;
    stm_thread_stats_read(&T, &st);
    cr_assert_eq(st.aborts[STM_ABORT_WRITE_READ], 1);
}

Test(commit, two_writers_first_committer_wins)
{
    X = committed_node(0, 1);
    worker w;
    worker_start(&w, write_x_at_step1, (void *)(intptr_t)100);
    volatile int attempts = 0;
    stm_start_transaction(&T);
    attempts++;
    set(X, 5);
    if (attempts == 1) {
        step_to(1);
        step_wait(2);
    }
    stm_commit_transaction(&T);
    worker_join(&w);
    cr_assert_eq(attempts, 2);
    stm_stats st;
    stm_thread_stats_read(&T, &st);
    cr_assert_eq(st.aborts[STM_ABORT_WRITE_WRITE], 1);
    stm_start_transaction(&T);
    cr_assert_eq(get(X), 5);
    stm_commit_transaction(&T);
}

Test(commit, a_read_only_transaction_never_aborts)
{
    X = committed_node(0, 1);
    worker w;
    worker_start(&w, write_x_at_step1, (void *)(intptr_t)7);
    volatile int attempts = 0;
    stm_start_transaction(&T);
    attempts++;
    cr_assert_eq(get(X), 1);
    step_to(1);
    step_wait(2);
    cr_assert_eq(get(X), 1, "a consistent snapshot");
    stm_ref scratch = mk(3);        /* new objects do not make it a writer */
    (void)scratch;
    stm_commit_transaction(&T);
    worker_join(&w);
    cr_assert_eq(attempts, 1);
}

static void write_y_at_step1(stm_thread *tl, void *arg)
{
    step_wait(1);
    stm_start_transaction(tl);
    stm_write(Y);
    N(Y)->value = 22;
    stm_commit_transaction(tl);
    step_to(2);
}

Test(commit, different_objects_on_one_page_do_not_conflict_and_are_merged)
{
    stm_start_transaction(&T);
    T.roots[0] = mk(1);
    T.roots[1] = mk(2);
    stm_commit_transaction(&T);
    X = T.roots[0];
    Y = T.roots[1];
    int me = stm_segment_of(&T);
    cr_assert_eq(X >> 12, Y >> 12, "same page");
    worker w;
    worker_start(&w, write_y_at_step1, NULL);
    volatile int attempts = 0;
    stm_start_transaction(&T);
    attempts++;
    set(X, 11);
    cr_assert(stm_page_is_private(me, X));
    step_to(1);
    step_wait(2);
    /* peek without a read barrier: reading Y would (rightly) conflict with its writer */
    cr_assert_eq(N(Y)->value, 2, "our snapshot");
    stm_commit_transaction(&T);
    worker_join(&w);
    cr_assert_eq(attempts, 1);
    stm_start_transaction(&T);
    cr_assert_eq(get(X), 11);
    cr_assert_eq(get(Y), 22, "the other commit was imported into our private page");
    stm_commit_transaction(&T);
    cr_assert_eq(((node *)(stm_segment_base(0) + X))->value, 11);
    cr_assert_eq(((node *)(stm_segment_base(0) + Y))->value, 22);
}

Test(commit, a_safe_point_finds_a_conflict_before_the_commit)
{
    X = committed_node(0, 1);
    worker w;
    worker_start(&w, write_x_at_step1, (void *)(intptr_t)9);
    volatile int attempts = 0;
    volatile bool reached_end = false;
    stm_start_transaction(&T);
    attempts++;
    int64_t v = get(X);
    if (attempts == 1) {
        step_to(1);
        step_wait(2);
        stm_safe_point(&T);         /* validates: X changed under us */
        reached_end = true;
    }
    cr_assert_eq(v, 9);
    stm_commit_transaction(&T);
    worker_join(&w);
    cr_assert_eq(attempts, 2);
    cr_assert(!reached_end);
}

static void sum_chain_of_x(stm_thread *tl, void *arg)
{
    stm_start_transaction(tl);
    int64_t s = 0;
    for (stm_ref n = next_of(X); n; n = next_of(n))
        s += get(n);
    *(int64_t *)arg = s;
    stm_commit_transaction(tl);
}

Test(commit, new_objects_are_visible_to_other_threads_after_commit)
{
    X = committed_node(0, 0);
    stm_start_transaction(&T);
    stm_ref chain = STM_NULL;
    for (int i = 0; i < 100; i++)
        chain = mk2(i, chain);
    link_to(X, chain);
    stm_commit_transaction(&T);
    stm_detach(&T);
    /* a fresh thread, on whichever segment: follows the chain */
    int64_t *sum = calloc(1, sizeof *sum);
    worker w;
    worker_start(&w, sum_chain_of_x, sum);
    worker_join(&w);
    stm_attach(&T);
    cr_assert_eq(*sum, 99 * 100 / 2);
    free(sum);
}

/* Detach/attach around blocking calls, and more threads than segments. */
#include "helpers.h"

TestSuite(detach, .fini = rt_fini);

static stm_ref X;

static void read_x(stm_thread *tl, void *arg)
{
    stm_start_transaction(tl);
    stm_read(X);
    *(int64_t *)arg = N(X)->value;
    stm_commit_transaction(tl);
}

Test(detach, detach_commits_and_frees_the_segment)
{
    rt_init(1);
    X = committed_node(0, 1);
    stm_start_transaction(&T);
    set(X, 5);
    stm_detach(&T);                  /* commits; the only segment is free now */
    cr_assert(!stm_in_transaction(&T));
    cr_assert(!stm_is_attached(&T));
    cr_assert_eq(((node *)(stm_segment_base(0) + X))->value, 5);
    int64_t seen = 0;
    worker w;
    worker_start(&w, read_x, &seen);
    worker_join(&w);
    cr_assert_eq(seen, 5);
    stm_attach(&T);
    cr_assert(stm_is_attached(&T));
}

static void write_x_7(stm_thread *tl, void *arg)
{
    stm_start_transaction(tl);
    stm_write(X);
    N(X)->value = 7;
    stm_commit_transaction(tl);
}

Test(detach, attaching_catches_up_with_commits_made_meanwhile)
{
    rt_init(2);
    X = committed_node(0, 1);
    stm_start_transaction(&T);
    set(X, 2);                       /* our segment has X's page private */
    stm_commit_transaction(&T);
    stm_detach(&T);
    worker w;
    worker_start(&w, write_x_7, NULL);
    worker_join(&w);
    stm_attach(&T);
    stm_start_transaction(&T);
    cr_assert_eq(get(X), 7);
    stm_commit_transaction(&T);
}

#define WORKERS 4
#define ROUNDS 300

static void increment_with_detach(stm_thread *tl, void *arg)
{
    for (volatile int i = 0; i < ROUNDS; i++) {
        stm_start_transaction(tl);
        stm_read(X);
        int64_t v = N(X)->value;
        stm_write(X);
        N(X)->value = v + 1;
        stm_commit_transaction(tl);
        if (i % 10 == 0) {           /* a "blocking call" */
            stm_detach(tl);
            stm_attach(tl);
        }
    }
}

Test(detach, more_threads_than_segments_take_turns)
{
    rt_init(1);
    X = committed_node(0, 0);
    stm_detach(&T);
    worker w[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        worker_start(&w[i], increment_with_detach, NULL);
    for (int i = 0; i < WORKERS; i++)
        worker_join(&w[i]);
    stm_attach(&T);
    stm_start_transaction(&T);
    cr_assert_eq(get(X), WORKERS * ROUNDS);
    stm_commit_transaction(&T);
}

Test(detach, in_an_atomic_block_the_transaction_goes_inevitable_instead)
{
    rt_init(2);
    X = committed_node(0, 1);
    stm_start_transaction(&T);
    stm_atomic_enter(&T);
    set(X, 3);
    stm_detach(&T);
    cr_assert(stm_in_transaction(&T), "an atomic block cannot be cut");
    cr_assert(stm_is_inevitable(&T));
    cr_assert(stm_is_attached(&T));
    stm_attach(&T);
    set(X, get(X) + 1);
    cr_assert(!stm_safe_point(&T), "no break inside the atomic block");
    stm_atomic_leave(&T);
    stm_commit_transaction(&T);
    stm_start_transaction(&T);
    cr_assert_eq(get(X), 4);
    stm_commit_transaction(&T);
}

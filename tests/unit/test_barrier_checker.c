/* The barrier checker (stm/debug.c) catches writes that skipped the write barrier, on
 * shared pages at once and on private pages at commit; correct programs pass it. */
#include "helpers.h"

#include <signal.h>
#include <stdlib.h>

static void setup(void)
{
    setenv("STMPY_CHECK_BARRIERS", "1", 1);
    rt_init(2);
}
TestSuite(barrier_checker, .init = setup, .fini = rt_fini);

Test(barrier_checker, a_write_to_a_shared_page_without_barrier_faults, .signal = SIGABRT)
{
    stm_ref x = committed_node(0, 1);
    stm_major_collect(&T);          /* shared everywhere */
    stm_start_transaction(&T);
    N(x)->value = 5;                /* no stm_write */
    stm_commit_transaction(&T);
}

Test(barrier_checker, a_write_to_a_private_page_without_barrier_is_caught_at_commit,
     .signal = SIGABRT)
{
    stm_start_transaction(&T);
    T.roots[0] = mk(1);
    T.roots[1] = mk(2);
    stm_commit_transaction(&T);
    stm_start_transaction(&T);
    set(T.roots[0], 10);            /* makes the page private, legitimately */
    N(T.roots[1])->value = 20;      /* same page, no barrier */
    stm_commit_transaction(&T);
}

static void increments(stm_thread *tl, void *arg)
{
    stm_ref x = *(stm_ref *)arg;
    for (volatile int i = 0; i < 200; i++) {
        stm_start_transaction(tl);
        stm_read(x);
        int64_t v = N(x)->value;
        stm_write(x);
        N(x)->value = v + 1;
        stm_ref fresh = stm_allocate(sizeof(node), T_NODE);
        N(fresh)->value = i;
        stm_commit_transaction(tl);
    }
}

Test(barrier_checker, correct_programs_pass)
{
    stm_ref x = committed_node(0, 0);
    worker w;
    worker_start(&w, increments, &x);
    increments(&T, &x);
    worker_join(&w);
    stm_start_transaction(&T);
    cr_assert_eq(get(x), 400);
    stm_commit_transaction(&T);
}

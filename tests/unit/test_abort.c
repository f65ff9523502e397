/* Abort and restore: backups, roots, young and new objects, forced aborts. */
#include "helpers.h"

#include <stdlib.h>

TestSuite(abort, .fini = rt_fini);

Test(abort, an_explicit_abort_restores_objects_and_roots, .init = NULL)
{
    rt_init(2);
    stm_ref x = committed_node(0, 1);
    volatile int attempts = 0;
    stm_start_transaction(&T);
    attempts++;
    if (attempts == 1) {
        set(x, 99);
        link_to(x, mk(5));
        T.roots[1] = mk(6);
        T.roots[0] = STM_NULL;
        stm_abort_transaction(&T);
    }
    cr_assert_eq(T.roots[0], x, "roots restored");
    cr_assert_eq(T.roots[1], STM_NULL);
    cr_assert_eq(get(x), 1, "object restored");
    cr_assert_eq(next_of(x), STM_NULL);
    stm_commit_transaction(&T);
    cr_assert_eq(attempts, 2);
    stm_stats st;
    stm_thread_stats_read(&T, &st);
    cr_assert_eq(st.aborts[STM_ABORT_EXPLICIT], 1);
}

Test(abort, young_and_new_objects_of_the_attempt_are_gone)
{
    rt_init(2);
    volatile int attempts = 0;
    volatile stm_ref first_young = 0, first_old = 0;
    stm_start_transaction(&T);
    attempts++;
    stm_ref y = mk(1);
    T.roots[0] = mk(2);
    stm_minor_collect(&T);
    if (attempts == 1) {
        first_young = y;
        first_old = T.roots[0];
        stm_abort_transaction(&T);
    }
    cr_assert_eq(y, first_young, "the nursery was reset");
    cr_assert_eq(T.roots[0], first_old, "the promoted object's slot was freed and reused");
    stm_commit_transaction(&T);
}

Test(abort, a_global_root_written_by_the_attempt_is_restored)
{
    rt_init(2);
    static stm_ref global;
    stm_add_global_root(&global);
    volatile int attempts = 0;
    stm_start_transaction(&T);
    attempts++;
    if (attempts == 1) {
        stm_global_root_set(&T, &global, mk(3));
        stm_abort_transaction(&T);
    }
    cr_assert_eq(global, STM_NULL);
    stm_global_root_set(&T, &global, mk(4));
    stm_commit_transaction(&T);
    cr_assert(!stm_is_young(global), "the commit's minor collection updated the root");
    stm_major_collect(&T);
    stm_start_transaction(&T);
    cr_assert_eq(get(global), 4, "a global root keeps its object alive");
    stm_commit_transaction(&T);
}

Test(abort, card_backups_restore_only_the_written_cards)
{
    rt_init(2);
    stm_start_transaction(&T);
    T.roots[0] = stm_allocate_array(2000, STM_TID_VALUE_ARRAY);
    stm_ref *items = (stm_ref *)stm_addr(T.roots[0] + STM_ARRAY_ITEMS_OFFSET);
    for (int i = 0; i < 2000; i++)
        items[i] = (stm_ref)(2 * i + 1);
    stm_commit_transaction(&T);
    stm_ref arr = T.roots[0];
    volatile int attempts = 0;
    stm_start_transaction(&T);
    attempts++;
    items = (stm_ref *)stm_addr(arr + STM_ARRAY_ITEMS_OFFSET);
    if (attempts == 1) {
        stm_write_card(arr, stm_array_item_offset(10));
        items[10] = 1;
        stm_write_card(arr, stm_array_item_offset(1500));
        items[1500] = 1;
        stm_abort_transaction(&T);
    }
    for (int i = 0; i < 2000; i++) {
        stm_read_card(arr, stm_array_item_offset(i));
        cr_assert_eq(items[i], (stm_ref)(2 * i + 1), "item %d", i);
    }
    stm_commit_transaction(&T);
}

Test(abort, forced_aborts_are_never_visible)
{
    setenv("STMPY_STRESS", "abort=0.2", 1);
    setenv("STMPY_SEED", "12345", 1);
    rt_init(2);
    unsetenv("STMPY_STRESS");
    stm_ref x = committed_node(0, 0);
    for (volatile int i = 0; i < 2000; i++) {   /* volatile: it survives aborts */
        stm_start_transaction(&T);
        set(x, get(x) + 1);
        T.roots[1] = mk2(i, T.roots[1]);       /* garbage with young links */
        if (i % 100 == 0)
            T.roots[1] = STM_NULL;
        stm_safe_point(&T);
        stm_commit_transaction(&T);
    }
    stm_start_transaction(&T);
    cr_assert_eq(get(x), 2000);
    stm_commit_transaction(&T);
    stm_stats st;
    stm_thread_stats_read(&T, &st);
    cr_assert_gt(st.aborts[STM_ABORT_FORCED], 100, "aborts happened (%llu)",
                 (unsigned long long)st.aborts[STM_ABORT_FORCED]);
    cr_assert_eq(st.commits, 2002);
}

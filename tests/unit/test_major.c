/* The major collection: what is reachable stays, the rest is freed; it is correct while
 * segments hold private page copies; finalizers and weak references; it runs by itself
 * when the old space grows. */
#include "helpers.h"

TestSuite(major, .fini = rt_fini);

__attribute__((noinline)) static void garbage_and_keepers(int n)
{
    for (int i = 0; i < n; i++) {
        stm_ref g = mk(-i);                   /* garbage once committed */
        (void)g;
        if (i % 10 == 0)
            T.roots[0] = mk2(i, T.roots[0]);
    }
}

Test(major, reachable_objects_stay_and_garbage_is_freed)
{
    rt_init(2);
    stm_start_transaction(&T);
    garbage_and_keepers(20000);
    stm_commit_transaction(&T);
    stm_start_transaction(&T);               /* make the garbage old garbage */
    for (int i = 0; i < 20000; i++)
        T.roots[1] = mk2(i, T.roots[1]);
    stm_commit_transaction(&T);
    stm_start_transaction(&T);
    T.roots[1] = STM_NULL;
    stm_commit_transaction(&T);

    stm_memory_info before, after;
    stm_memory_info_read(&before);
    stm_major_collect(&T);
    stm_memory_info_read(&after);
    cr_assert_lt(after.old_pages_in_use * 3, before.old_pages_in_use,
                 "%llu pages before, %llu after", (unsigned long long)before.old_pages_in_use,
                 (unsigned long long)after.old_pages_in_use);
    stm_start_transaction(&T);
    int i = 19990;
    for (stm_ref r = T.roots[0]; r; r = next_of(r), i -= 10)
        cr_assert_eq(get(r), i);
    cr_assert_eq(i, -10);
    stm_commit_transaction(&T);
}

static stm_ref LIST;

static void modify_every_other(stm_thread *tl, void *arg)
{
    int parity = (int)(intptr_t)arg;
    stm_start_transaction(tl);
    int k = 0;
    for (stm_ref r = LIST; r; r = N(r)->next, k++) {
        stm_read(r);
        if (k % 2 == parity) {
            stm_write(r);
            N(r)->value += 1000;
            N(r)->other = stm_allocate(sizeof(node), T_NODE);   /* new objects too */
            ((node *)stm_addr(N(r)->other))->value = k;
        }
    }
    stm_commit_transaction(tl);
}

Test(major, correct_while_segments_hold_private_copies)
{
    rt_init(3);
    stm_start_transaction(&T);
    for (int i = 0; i < 3000; i++)
        T.roots[0] = mk2(i, T.roots[0]);
    stm_commit_transaction(&T);
    LIST = T.roots[0];
    worker a, b;
    worker_start(&a, modify_every_other, (void *)0);
    worker_join(&a);
    worker_start(&b, modify_every_other, (void *)1);
    worker_join(&b);
    stm_memory_info mi;
    stm_memory_info_read(&mi);
    cr_assert_gt(mi.private_pages, 0);
    stm_major_collect(&T);
    stm_memory_info_read(&mi);
    cr_assert_eq(mi.private_pages, 0);
    stm_start_transaction(&T);
    int k = 0;
    for (stm_ref r = T.roots[0]; r; r = next_of(r), k++) {
        cr_assert_eq(get(r), 2999 - k + 1000);
        stm_read(r);
        cr_assert_eq(get(N(r)->other), k);
    }
    cr_assert_eq(k, 3000);
    stm_commit_transaction(&T);
}

__attribute__((noinline)) static void finalizable_and_weak(void)
{
    stm_ref f1 = stm_allocate_finalizable(sizeof(fin), T_FIN);
    ((fin *)stm_addr(f1))->id = 1;
    stm_ref f2 = stm_allocate_finalizable(sizeof(fin), T_FIN);
    ((fin *)stm_addr(f2))->id = 2;
    stm_ref w1 = stm_allocate_weakref(sizeof(weak), T_WEAK, f1);
    ((weak *)stm_addr(w1))->tag = 1;
    stm_ref w2 = stm_allocate_weakref(sizeof(weak), T_WEAK, f2);
    ((weak *)stm_addr(w2))->tag = 2;
    T.roots[0] = f1;
    T.roots[1] = f2;
    T.roots[2] = w1;
    T.roots[3] = w2;
}

Test(major, finalizers_and_weak_references_of_old_objects)
{
    rt_init(2);
    stm_start_transaction(&T);
    finalizable_and_weak();
    stm_commit_transaction(&T);
    stm_start_transaction(&T);
    T.roots[1] = STM_NULL;                   /* f2 dies */
    stm_commit_transaction(&T);
    stm_major_collect(&T);
    stm_start_transaction(&T);
    stm_read(T.roots[2]);
    stm_read(T.roots[3]);
    cr_assert_eq(((weak *)stm_addr(T.roots[2]))->target, T.roots[0]);
    cr_assert_eq(((weak *)stm_addr(T.roots[3]))->target, STM_NULL);
    cr_assert_eq(stm_run_finalizers(&T), 2, "f2's finalizer and w2's callback");
    stm_commit_transaction(&T);
    cr_assert_eq(fin_count, 1);
    cr_assert_eq(fin_log[0], 2);
    cr_assert_eq(cleared_count, 1);
    cr_assert_eq(cleared_log[0], 2);
    stm_major_collect(&T);                   /* finalized: now it is freed, not again */
    stm_start_transaction(&T);
    cr_assert_eq(stm_run_finalizers(&T), 0);
    stm_commit_transaction(&T);
    cr_assert_eq(fin_count, 1);
}

Test(major, runs_by_itself_when_the_old_space_grows)
{
    stm_config cfg = {.nsegments = 2, .major_min_bytes = 1 << 20};
    rt_init_with(&cfg);
    for (volatile int k = 0; k < 50; k++) {
        stm_start_transaction(&T);
        T.roots[0] = STM_NULL;               /* last commit's chain becomes garbage */
        for (int i = 0; i < 2000; i++)
            T.roots[0] = mk2(i, T.roots[0]); /* 64 KB promoted per commit */
        stm_commit_transaction(&T);
    }
    stm_stats st;
    stm_stats_read(&st);
    cr_assert_gt(st.major_collections, 0);
    stm_memory_info mi;
    stm_memory_info_read(&mi);
    cr_assert_lt(mi.old_pages_in_use, 1000, "garbage was collected (%llu pages)",
                 (unsigned long long)mi.old_pages_in_use);
}

/* The nursery: bump allocation, minor collections, conservative pinning, identity,
 * large objects, and young weak references and finalizers. */
#include "helpers.h"

#include <stdlib.h>

static void setup(void) { rt_init(2); }
TestSuite(nursery, .init = setup, .fini = rt_fini);

Test(nursery, allocation_bumps_a_pointer_and_zeroes)
{
    stm_start_transaction(&T);
    stm_ref a = stm_allocate(sizeof(node), T_NODE);
    stm_ref b = stm_allocate(sizeof(node), T_NODE);
    stm_ref c = stm_allocate(17, T_BLOB);
    cr_assert(stm_is_young(a));
    cr_assert_eq(b, a + 32);
    cr_assert_eq(stm_object_size(c), 32, "sizes round up to 16 bytes");
    cr_assert_eq(N(b)->value, 0);
    cr_assert_eq(N(b)->next, STM_NULL);
    cr_assert_eq(stm_header(b)->tid, T_NODE);
    stm_commit_transaction(&T);
}

__attribute__((noinline)) static void build_list_in_root1(int n)
{
    for (int i = 0; i < n; i++)
        T.roots[1] = mk2(i, T.roots[1]);
}

static void check_list_in_root1(int n)
{
    int i = n - 1;
    for (stm_ref r = T.roots[1]; r; r = next_of(r), i--)
        cr_assert_eq(get(r), i);
    cr_assert_eq(i, -1);
}

Test(nursery, a_full_nursery_collects_and_everything_reachable_survives)
{
    rt_fini();
    rt_init_with(&(stm_config){.nsegments = 2, .nursery_bytes = 256 << 10});
    stm_start_transaction(&T);
    build_list_in_root1(100000);            /* 3.2 MB: several nurseries' worth */
    check_list_in_root1(100000);
    stm_commit_transaction(&T);
    stm_stats st;
    stm_thread_stats_read(&T, &st);
    cr_assert_gt(st.minor_collections, 2);
    stm_start_transaction(&T);
    check_list_in_root1(100000);
    stm_commit_transaction(&T);
}

__attribute__((noinline)) static stm_ref pair(void)
{
    stm_ref head = mk(77);
    N(head)->next = mk(78);                 /* reachable only through the head */
    return head;
}

Test(nursery, objects_held_only_by_c_locals_are_pinned_not_lost)
{
    stm_start_transaction(&T);
    volatile stm_ref local = pair();
    stm_ref where = local;
    scrub_stack();
    stm_minor_collect(&T);
    cr_assert_eq(local, where, "a pinned object does not move");
    cr_assert(stm_is_young(local));
    cr_assert(stm_header(local)->flags & STM_F_PINNED);
    cr_assert_eq(get(local), 77);
    cr_assert(!stm_is_young(N(local)->next), "what it points to was promoted");
    cr_assert_eq(get(N(local)->next), 78);
    /* allocation continues around the pinned object */
    for (int i = 0; i < 20000; i++)
        (void)mk(i);
    cr_assert_eq(get(local), 77);
    T.roots[0] = local;
    stm_commit_transaction(&T);             /* commits never pin: it moves now */
    cr_assert(!stm_is_young(T.roots[0]));
    stm_start_transaction(&T);
    cr_assert_eq(get(T.roots[0]), 77);
    cr_assert_eq(get(next_of(T.roots[0])), 78);
    stm_commit_transaction(&T);
}

Test(nursery, interior_pointers_and_addresses_pin_too)
{
    stm_start_transaction(&T);
    stm_ref r = mk(5);
    volatile char *inside = (char *)stm_addr(r) + 20;  /* an address, inside the object */
    stm_ref keep = r;
    r = 0;
    stm_minor_collect(&T);
    cr_assert(stm_header(keep)->flags & STM_F_PINNED);
    cr_assert_eq(((node *)(inside - 20))->value, 5);
    stm_commit_transaction(&T);
}

Test(nursery, id_is_stable_across_the_move)
{
    stm_start_transaction(&T);
    stm_ref r = mk(9);
    stm_ref id = stm_id(r);
    cr_assert_eq(stm_id(r), id);
    cr_assert(!stm_is_young(id));
    T.roots[0] = r;
    stm_commit_transaction(&T);
    cr_assert_eq(T.roots[0], id, "the object moved into its reserved place");
    stm_start_transaction(&T);
    cr_assert_eq(get(T.roots[0]), 9);
    cr_assert_eq(stm_id(T.roots[0]), id);
    stm_commit_transaction(&T);
}

Test(nursery, large_objects_start_old_and_need_no_barrier)
{
    stm_start_transaction(&T);
    size_t size = sizeof(blob) + 200000;
    stm_ref b = stm_allocate(size, T_BLOB);
    cr_assert(!stm_is_young(b));
    cr_assert(stm_header(b)->flags & STM_F_NEW);
    blob *p = stm_addr(b);
    p->len = 200000;
    for (int i = 0; i < 200000; i++)
        cr_assert_eq(p->bytes[i], 0);
    memset(p->bytes, 7, 200000);
    T.roots[0] = b;
    stm_commit_transaction(&T);
    blob *committed = (blob *)(stm_segment_base(0) + b);
    cr_assert_eq(committed->bytes[199999], 7, "published at commit");
    cr_assert_eq(stm_object_size(b), (size + 15) & ~(size_t)15);
}

static stm_ref make_weak(int64_t tag, stm_ref target)
{
    stm_ref w = stm_allocate_weakref(sizeof(weak), T_WEAK, target);
    ((weak *)stm_addr(w))->tag = tag;
    return w;
}

__attribute__((noinline)) static void weak_pair_in_roots(void)
{
    stm_ref alive = mk(1), dead = mk(2);
    T.roots[0] = alive;
    T.roots[1] = make_weak(10, alive);
    T.roots[2] = make_weak(20, dead);
}

Test(nursery, young_weak_references)
{
    stm_start_transaction(&T);
    weak_pair_in_roots();
    stm_commit_transaction(&T);
    weak *w1 = stm_addr(T.roots[1]), *w2 = stm_addr(T.roots[2]);
    cr_assert_eq(w1->target, T.roots[0], "followed to the new place");
    cr_assert_eq(w2->target, STM_NULL, "cleared: its referent died young");
    stm_start_transaction(&T);
    cr_assert_eq(stm_run_finalizers(&T), 1);
    stm_commit_transaction(&T);
    cr_assert_eq(cleared_count, 1);
    cr_assert_eq(cleared_log[0], 20);
}

__attribute__((noinline)) static void two_finalizables(void)
{
    stm_ref a = stm_allocate_finalizable(sizeof(fin), T_FIN);
    ((fin *)stm_addr(a))->id = 1;
    stm_ref b = stm_allocate_finalizable(sizeof(fin), T_FIN);
    ((fin *)stm_addr(b))->id = 2;
    ((fin *)stm_addr(b))->keep = mk(99);
    T.roots[0] = a;
}

Test(nursery, finalizers_of_objects_that_die_young_run_after_commit)
{
    stm_start_transaction(&T);
    two_finalizables();
    stm_commit_transaction(&T);
    cr_assert_eq(fin_count, 0, "finalizers run only when the VM asks");
    stm_start_transaction(&T);
    cr_assert_eq(stm_run_finalizers(&T), 1);
    stm_commit_transaction(&T);
    cr_assert_eq(fin_count, 1);
    cr_assert_eq(fin_log[0], 2);
}

Test(nursery, a_finalizer_taken_by_an_aborted_attempt_runs_later)
{
    stm_start_transaction(&T);
    two_finalizables();
    stm_commit_transaction(&T);
    volatile int attempts = 0;
    stm_start_transaction(&T);
    attempts++;
    int n = stm_run_finalizers(&T);
    cr_assert_eq(n, 1);
    if (attempts == 1)
        stm_abort_transaction(&T);
    stm_commit_transaction(&T);
    cr_assert_eq(fin_count, 2, "ran in the aborted attempt (a C side effect) and again");
    stm_start_transaction(&T);
    cr_assert_eq(stm_run_finalizers(&T), 0, "and only once for the committed run");
    stm_commit_transaction(&T);
}

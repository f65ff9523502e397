/* Barriers: which objects carry the write-barrier flag, what the slow path does, and
 * what the generational side of the barrier (remembering written NEW objects) keeps. */
#include "helpers.h"

#include <signal.h>

static void setup(void) { rt_init(2); }
TestSuite(barriers, .init = setup, .fini = rt_fini);

Test(barriers, young_objects_carry_no_barrier_flag)
{
    stm_start_transaction(&T);
    stm_ref r = mk(1);
    cr_assert(stm_is_young(r));
    cr_assert_eq(stm_header(r)->flags & STM_F_WRITE_BARRIER, 0);
    cr_assert_eq(stm_object_size(r), sizeof(node));
    stm_commit_transaction(&T);
}

Test(barriers, committed_objects_carry_it_and_the_first_write_clears_it)
{
    stm_ref x = committed_node(0, 1);
    stm_start_transaction(&T);
    cr_assert(stm_header(x)->flags & STM_F_WRITE_BARRIER);
    set(x, 2);
    cr_assert_eq(stm_header(x)->flags & STM_F_WRITE_BARRIER, 0, "later writes take the fast path");
    set(x, 3);
    stm_commit_transaction(&T);
    cr_assert(stm_header(x)->flags & STM_F_WRITE_BARRIER, "the commit re-arms it");
    cr_assert(((stm_hdr *)(stm_segment_base(0) + x))->flags & STM_F_WRITE_BARRIER,
              "and the committed copy has it");
    stm_start_transaction(&T);
    cr_assert_eq(get(x), 3);
    stm_commit_transaction(&T);
}

Test(barriers, a_read_marks_the_object_for_this_transaction_only)
{
    stm_ref x = committed_node(0, 1);
    char *base = stm_segment_base(stm_segment_of(&T));
    stm_start_transaction(&T);
    stm_marker v1 = stm_read_version(base);
    stm_read(x);
    cr_assert_eq(stm_read_markers(base)[x >> 4], v1);
    stm_commit_transaction(&T);
    stm_start_transaction(&T);
    cr_assert_neq(stm_read_version(base), v1, "each transaction has its own version");
    cr_assert_neq(stm_read_markers(base)[x >> 4], stm_read_version(base));
    stm_commit_transaction(&T);
}

/* A chain of young nodes hanging off `head`: only the first can be held by a C local (and
 * so pinned by the conservative scan); the rest are reachable only through the heap. */
__attribute__((noinline)) static void link_young_chain(stm_ref to, int n)
{
    stm_ref c = STM_NULL;
    for (int i = n; i > 0; i--)
        c = mk2(i, c);
    link_to(to, c);
}

__attribute__((noinline)) static void new_node_in_root0(void)
{
    T.roots[0] = mk(0);
}

static void collect_with_clean_stack(void)
{
    scrub_stack();
    stm_minor_collect(&T);
}

static void check_chain_promoted(stm_ref first, int n)
{
    int i = 1;
    for (stm_ref c = first; c; c = next_of(c), i++) {
        cr_assert_eq(get(c), i);
        if (i > 1)
            cr_assert(!stm_is_young(c), "node %d was not followed", i);
    }
    cr_assert_eq(i, n + 1);
}

Test(barriers, written_new_objects_are_remembered_for_the_minor_collection)
{
    stm_start_transaction(&T);
    new_node_in_root0();
    collect_with_clean_stack();                 /* roots[0] is now a NEW old object */
    stm_ref a = T.roots[0];
    cr_assert(!stm_is_young(a));
    cr_assert(stm_header(a)->flags & STM_F_NEW);
    cr_assert(stm_header(a)->flags & STM_F_WRITE_BARRIER);
    link_young_chain(a, 50);
    cr_assert_eq(stm_header(a)->flags & STM_F_WRITE_BARRIER, 0);
    collect_with_clean_stack();
    check_chain_promoted(next_of(a), 50);
    link_young_chain(a, 20);                    /* written again after the collection */
    collect_with_clean_stack();
    check_chain_promoted(next_of(a), 20);
    stm_commit_transaction(&T);
    cr_assert_eq(stm_header(T.roots[0])->flags & (STM_F_NEW | STM_F_WRITE_BARRIER),
                 STM_F_WRITE_BARRIER, "committed: an ordinary old object");
}

Test(barriers, written_old_objects_keep_their_young_referents_alive)
{
    stm_ref x = committed_node(0, 0);
    stm_start_transaction(&T);
    link_young_chain(x, 30);
    collect_with_clean_stack();
    check_chain_promoted(next_of(x), 30);
    link_young_chain(x, 40);                    /* no barrier now: traced anyway */
    collect_with_clean_stack();
    check_chain_promoted(next_of(x), 40);
    stm_commit_transaction(&T);
    stm_start_transaction(&T);
    check_chain_promoted(next_of(x), 40);
    cr_assert(!stm_is_young(next_of(x)));
    stm_commit_transaction(&T);
}

Test(barriers, whole_object_barrier_on_a_card_array_is_refused, .signal = SIGABRT)
{
    stm_start_transaction(&T);
    T.roots[0] = stm_allocate_array(1000, STM_TID_VALUE_ARRAY);
    stm_commit_transaction(&T);
    stm_start_transaction(&T);
    stm_write(T.roots[0]);
}

/* Card marking: threads writing different cards of one big array neither conflict nor
 * copy the whole array; writers of the same card conflict; young references stored in a
 * card are found by the minor collection. */
#include "helpers.h"

static void setup(void) { rt_init(2); }
TestSuite(cards, .init = setup, .fini = rt_fini);

#define LEN 4096
static stm_ref ARR;

static stm_ref *items_of(stm_ref arr) { return (stm_ref *)stm_addr(arr + STM_ARRAY_ITEMS_OFFSET); }

static void put(stm_ref arr, size_t i, stm_ref v)
{
    stm_write_card(arr, stm_array_item_offset(i));
    items_of(arr)[i] = v;
}

static stm_ref at(stm_ref arr, size_t i)
{
    stm_read_card(arr, stm_array_item_offset(i));
    return items_of(arr)[i];
}

static stm_ref tagged(int64_t v) { return (stm_ref)(2 * v + 1); }

static void committed_array(void)
{
    stm_start_transaction(&T);
    T.roots[0] = stm_allocate_array(LEN, STM_TID_VALUE_ARRAY);
    for (size_t i = 0; i < LEN; i++)
        items_of(T.roots[0])[i] = tagged((int64_t)i);
    stm_commit_transaction(&T);
    ARR = T.roots[0];
}

Test(cards, big_arrays_are_card_marked_small_ones_are_not)
{
    stm_start_transaction(&T);
    stm_ref big = stm_allocate_array(LEN, STM_TID_VALUE_ARRAY);
    stm_ref small = stm_allocate_array(8, STM_TID_VALUE_ARRAY);
    cr_assert(stm_header(big)->flags & STM_F_HAS_CARDS);
    cr_assert_eq(stm_header(small)->flags & STM_F_HAS_CARDS, 0);
    cr_assert_eq(*(uint64_t *)stm_addr(big + 8), LEN);
    stm_commit_transaction(&T);
}

static void write_item_3000_at_step1(stm_thread *tl, void *arg)
{
    step_wait(1);
    stm_start_transaction(tl);
    put(ARR, 3000, tagged(-1));
    (void)at(ARR, 2900);
    stm_commit_transaction(tl);
    step_to(2);
}

Test(cards, writers_of_different_cards_do_not_conflict)
{
    committed_array();
    worker w;
    worker_start(&w, write_item_3000_at_step1, NULL);
    volatile int attempts = 0;
    stm_start_transaction(&T);
    attempts++;
    put(ARR, 5, tagged(-5));
    (void)at(ARR, 100);
    step_to(1);
    step_wait(2);
    stm_commit_transaction(&T);
    worker_join(&w);
    cr_assert_eq(attempts, 1);
    stm_start_transaction(&T);
    cr_assert_eq(at(ARR, 5), tagged(-5));
    cr_assert_eq(at(ARR, 3000), tagged(-1), "merged into our private copy");
    cr_assert_eq(at(ARR, 6), tagged(6));
    stm_commit_transaction(&T);
    stm_stats st;
    stm_stats_read(&st);
    /* only one card's bytes were published per commit, not the 32 KiB array */
    cr_assert_lt(st.bytes_published - (uint64_t)LEN * 8, 2 * STM_CARD_SIZE + 64);
}

Test(cards, a_reader_of_a_card_conflicts_with_its_writer)
{
    committed_array();
    worker w;
    worker_start(&w, write_item_3000_at_step1, NULL);
    volatile int attempts = 0;
    stm_start_transaction(&T);
    attempts++;
    stm_ref v = at(ARR, 3001);      /* same card as 3000 (32 items per card) */
    put(ARR, 0, v);
    if (attempts == 1) {
        step_to(1);
        step_wait(2);
    }
    stm_commit_transaction(&T);
    worker_join(&w);
    cr_assert_eq(attempts, 2);
}

__attribute__((noinline)) static void store_young_chain(stm_ref arr, size_t i)
{
    put(arr, i, mk2(1, mk(2)));
}

Test(cards, young_references_stored_in_a_card_survive_minor_collections)
{
    committed_array();
    stm_start_transaction(&T);
    store_young_chain(ARR, 2000);
    scrub_stack();
    stm_minor_collect(&T);
    stm_ref n = at(ARR, 2000);
    cr_assert(!stm_is_young(n));
    cr_assert_eq(get(n), 1);
    cr_assert_eq(get(next_of(n)), 2);
    store_young_chain(ARR, 2001);   /* same card, already written: no barrier slow path */
    scrub_stack();
    stm_minor_collect(&T);
    cr_assert(!stm_is_young(at(ARR, 2001)));
    stm_commit_transaction(&T);
    stm_start_transaction(&T);
    cr_assert_eq(get(next_of(at(ARR, 2001))), 2);
    stm_commit_transaction(&T);
}

/* Page states: shared and private views, privatisation, forced copies for old snapshots,
 * and private pages returning to sharing. */
#include "helpers.h"

#include <unistd.h>

static void setup(void) { rt_init(2); }
TestSuite(pages, .init = setup, .fini = rt_fini);

static int64_t committed_value(stm_ref r)
{
    return ((node *)(stm_segment_base(0) + r))->value;
}

Test(pages, committed_objects_are_shared_by_other_segments)
{
    stm_ref x = committed_node(0, 42);
    int me = stm_segment_of(&T);
    cr_assert(!stm_is_young(x));
    cr_assert_eq(committed_value(x), 42, "the shared file holds the committed object");
    /* the committer allocated into its own private page; every other segment shares it */
    cr_assert(stm_page_is_private(me, x));
    for (int s = 1; s <= stm_nsegments(); s++)
        if (s != me)
            cr_assert(!stm_page_is_private(s, x), "segment %d", s);
}

Test(pages, a_write_privatizes_the_page_in_the_writer_only)
{
    stm_ref x = committed_node(0, 1);
    stm_major_collect(&T);          /* every page back to shared */
    int me = stm_segment_of(&T);
    cr_assert(!stm_page_is_private(me, x));

    stm_start_transaction(&T);
    x = T.roots[0];
    set(x, 2);
    cr_assert(stm_page_is_private(me, x));
    cr_assert_eq(committed_value(x), 1, "uncommitted writes stay in the segment");
    for (int s = 1; s <= stm_nsegments(); s++)
        if (s != me)
            cr_assert(!stm_page_is_private(s, x));
    stm_commit_transaction(&T);
    cr_assert_eq(committed_value(x), 2);

    stm_stats st;
    stm_thread_stats_read(&T, &st);
    cr_assert_geq(st.pages_privatized, 1);
}

static stm_ref shared_x;

static void writer_after_step1(stm_thread *tl, void *arg)
{
    step_wait(1);
    stm_start_transaction(tl);
    stm_write(shared_x);
    N(shared_x)->value = 2;
    stm_commit_transaction(tl);
    step_to(2);
}

Test(pages, a_running_reader_keeps_its_snapshot)
{
    shared_x = committed_node(0, 1);
    stm_major_collect(&T);
    int me = stm_segment_of(&T);
    worker w;
    worker_start(&w, writer_after_step1, NULL);

    stm_start_transaction(&T);
    cr_assert_eq(get(shared_x), 1);
    cr_assert(!stm_page_is_private(me, shared_x), "read from the shared file");
    step_to(1);
    step_wait(2);                   /* the writer committed x = 2 meanwhile */
    cr_assert(stm_page_is_private(me, shared_x), "the commit kept our snapshot in a copy");
    cr_assert_eq(get(shared_x), 1, "still our snapshot");
    cr_assert_eq(committed_value(shared_x), 2);
    stm_commit_transaction(&T);     /* read-only: serialisable at its snapshot */

    stm_start_transaction(&T);
    cr_assert_eq(get(shared_x), 2, "the next transaction sees the commit");
    stm_commit_transaction(&T);
    worker_join(&w);

    stm_stats st;
    stm_stats_read(&st);
    cr_assert_geq(st.pages_forced_private, 1);
    cr_assert_eq(st.aborts[STM_ABORT_WRITE_READ], 0);
}

/* Several segments write objects on the same pages; at a major collection every clean
 * private copy returns to sharing. */
#define MANY 2000

static void write_all(stm_thread *tl, void *arg)
{
    stm_ref arr = *(stm_ref *)arg;
    for (volatile int k = 0; k < 4; k++) {
        stm_start_transaction(tl);
        for (uint64_t i = 0; i < MANY; i++) {
            stm_read_card(arr, stm_array_item_offset(i));
            stm_ref n = ((stm_ref *)stm_addr(arr + STM_ARRAY_ITEMS_OFFSET))[i];
            stm_write(n);
            N(n)->other = (stm_ref)(2 * i + 1);     /* a tagged integer */
        }
        stm_commit_transaction(tl);
    }
}

Test(pages, clean_private_pages_return_to_sharing_at_a_major_collection)
{
    stm_start_transaction(&T);
    T.roots[0] = stm_allocate_array(MANY, STM_TID_VALUE_ARRAY);
    for (uint64_t i = 0; i < MANY; i++) {
        stm_ref n = mk((int64_t)i);
        stm_ref *items = (stm_ref *)stm_addr(T.roots[0] + STM_ARRAY_ITEMS_OFFSET);
        items[i] = n;
    }
    stm_commit_transaction(&T);
    stm_ref arr = T.roots[0];
    stm_detach(&T);
    worker w;
    worker_start(&w, write_all, &arr);
    worker_join(&w);
    stm_attach(&T);
    write_all(&T, &arr);

    stm_memory_info before, after;
    stm_memory_info_read(&before);
    cr_assert_gt(before.private_pages, 10, "writers made private copies (%llu)",
                 (unsigned long long)before.private_pages);
    stm_major_collect(&T);
    stm_memory_info_read(&after);
    cr_assert_eq(after.private_pages, 0);

    /* and the data survived the round trip */
    stm_start_transaction(&T);
    arr = T.roots[0];
    for (uint64_t i = 0; i < MANY; i += 97) {
        stm_read_card(arr, stm_array_item_offset(i));
        stm_ref n = ((stm_ref *)stm_addr(arr + STM_ARRAY_ITEMS_OFFSET))[i];
        cr_assert_eq(get(n), (int64_t)i);
        stm_read(n);
        cr_assert_eq(N(n)->other, 2 * i + 1);
    }
    stm_commit_transaction(&T);
}

Test(pages, freed_memory_goes_back_to_the_system)
{
    /* about 16 MiB of objects, committed, then dropped */
    stm_start_transaction(&T);
    for (int i = 0; i < 4096; i++) {
        stm_ref b = stm_allocate(sizeof(blob) + 4000, T_BLOB);
        ((blob *)stm_addr(b))->len = 4000;
        memset(((blob *)stm_addr(b))->bytes, 0xab, 4000);
        T.roots[1] = mk2(i, T.roots[1]);
        N(T.roots[1])->other = b;
    }
    stm_commit_transaction(&T);
    stm_memory_info full, empty;
    stm_memory_info_read(&full);
    cr_assert_gt(full.shared_file_bytes, UINT64_C(16) << 20);

    stm_start_transaction(&T);
    T.roots[1] = STM_NULL;
    stm_commit_transaction(&T);
    stm_major_collect(&T);
    stm_memory_info_read(&empty);
    cr_assert_lt(empty.shared_file_bytes, UINT64_C(1) << 20, "%llu bytes still in the file",
                 (unsigned long long)empty.shared_file_bytes);
    cr_assert_lt(empty.old_pages_in_use, 16);
}

/* ---- lazy access (stm/access.c) ---- */

static stm_ref their_object;

static void create_then_update_twice(stm_thread *tl, void *arg)
{
    stm_start_transaction(tl);
    tl->roots[0] = mk(1);                /* in this thread's own region */
    stm_commit_transaction(tl);
    their_object = tl->roots[0];
    step_to(1);
    step_wait(2);                        /* the main thread has its snapshot now */
    for (volatile int v = 2; v <= 3; v++) {
        stm_start_transaction(tl);
        stm_write(their_object);
        N(their_object)->value = v;
        stm_commit_transaction(tl);
    }
    step_to(3);
}

Test(pages, opening_a_region_at_an_older_snapshot_rebuilds_its_pages)
{
    worker w;
    worker_start(&w, create_then_update_twice, NULL);
    step_wait(1);
    int me = stm_segment_of(&T);
    stm_start_transaction(&T);
    cr_assert(!stm_page_is_open(me, their_object), "we never touched their region");
    step_to(2);
    step_wait(3);                        /* two commits wrote it after our snapshot */
    cr_assert_eq(((node *)(stm_segment_base(0) + their_object))->value, 3);
    cr_assert_eq(get(their_object), 1, "opened at our snapshot, not at the file's");
    cr_assert(stm_page_is_open(me, their_object));
    cr_assert(stm_page_is_private(me, their_object), "rebuilt into a private copy");
    stm_commit_transaction(&T);
    stm_start_transaction(&T);
    cr_assert_eq(get(their_object), 3, "the next snapshot sees both commits");
    stm_commit_transaction(&T);
    worker_join(&w);
    stm_stats st;
    stm_thread_stats_read(&T, &st);
    cr_assert_eq(st.pages_rebuilt, 1);
    cr_assert_geq(st.regions_opened, 1);
}

static volatile int keep_committing;

static void commit_own_data_until_told(stm_thread *tl, void *arg)
{
    stm_start_transaction(tl);
    tl->roots[0] = mk(0);
    stm_commit_transaction(tl);
    step_to(1);
    while (keep_committing) {
        stm_start_transaction(tl);
        stm_write(tl->roots[0]);
        N(tl->roots[0])->value++;
        stm_commit_transaction(tl);
    }
    *(stm_ref *)arg = tl->roots[0];
}

Test(pages, commits_to_a_region_another_thread_never_touched_cost_it_nothing)
{
    stm_ref theirs = 0;
    keep_committing = 1;
    worker w;
    worker_start(&w, commit_own_data_until_told, &theirs);
    step_wait(1);
    stm_ref mine = committed_node(0, 0);
    stm_stats before;
    stm_thread_stats_read(&T, &before);
    for (volatile int i = 0; i < 2000; i++) {
        stm_start_transaction(&T);
        set(T.roots[0], get(T.roots[0]) + 1);
        stm_commit_transaction(&T);
    }
    keep_committing = 0;
    worker_join(&w);
    stm_stats after, all;
    stm_thread_stats_read(&T, &after);
    stm_stats_read(&all);
    int me = stm_segment_of(&T);
    cr_assert(!stm_page_is_open(me, theirs), "their region stayed closed to us");
    cr_assert(!stm_page_is_private(me, theirs));
    cr_assert_eq(after.bytes_imported - before.bytes_imported, 0);
    cr_assert_eq(all.pages_forced_private, 0);
    cr_assert_eq(after.aborts[STM_ABORT_WRITE_READ] + after.aborts[STM_ABORT_WRITE_WRITE], 0);
    stm_start_transaction(&T);
    cr_assert_eq(get(mine), 2000);
    cr_assert_gt(get(theirs), 0, "their commits are visible once we look");
    stm_commit_transaction(&T);
}

Test(pages, a_major_collection_closes_every_page_of_an_opened_region)
{
    /* a region opens whole, also its pages past the heap's high-water mark; the
     * collection must close those too, or a later commit would make a private copy
     * there that imports skip (the region no longer counts as open) */
    stm_ref x = committed_node(0, 7);
    stm_start_transaction(&T);           /* a large object: pages taken past a region's start */
    T.roots[1] = stm_allocate_array(1000, STM_TID_VALUE_ARRAY);
    stm_commit_transaction(&T);
    x = T.roots[1];
    int me = stm_segment_of(&T);
    const stm_ref region_bytes = 64 * STM_PAGE_SIZE;
    stm_ref last_page = STM_OLD_START + ((x - STM_OLD_START) / region_bytes + 1) * region_bytes -
                        STM_PAGE_SIZE;
    cr_assert(stm_page_is_open(me, x));
    cr_assert(stm_page_is_open(me, last_page), "the region opened whole");
    stm_major_collect(&T);
    cr_assert(!stm_page_is_open(me, x));
    cr_assert(!stm_page_is_open(me, last_page), "closed past the high-water mark too");
    cr_assert(!stm_page_is_private(me, last_page));
    stm_start_transaction(&T);
    cr_assert_eq(get(T.roots[0]), 7);
    stm_commit_transaction(&T);
}

/* vm/dict and the hashing and equality of vm/object: CPython 3.11's hash values
 * (PYTHONHASHSEED=0 and 42, from /usr/bin/python3.11), insertion order, deletion and
 * growth, persistence across commits and collections, and the STM property the layout is
 * for: two threads replacing values of different keys of one big dict do not conflict. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/object.h"

static void setup(void)
{
    setenv("PYTHONHASHSEED", "0", 1);
    rt_init(2);
    vm_objects_init(&T);
}
TestSuite(dict, .init = setup, .fini = rt_fini);

static vm_value S(const char *s) { return vm_str_from_utf8(s, strlen(s)); }

static vm_value big(int sign, int shift)
{
    /* sign * 2**shift */
    uint32_t limbs[8] = {0};
    limbs[shift / 32] = UINT32_C(1) << (shift % 32);
    vm_bigint b = {limbs, (size_t)(shift / 32 + 1), sign < 0};
    return vm_int_from_bigint(&b);
}

static int64_t H(vm_value v)
{
    int64_t h;
    cr_assert(vm_hash(v, &h));
    return h;
}

Test(dict, hashes_are_cpythons)
{
    stm_start_transaction(&T);
    cr_expect_eq(H(vm_small(1)), 1);
    cr_expect_eq(H(vm_small(-1)), -2);
    cr_expect_eq(H(vm_int_from_int64((INT64_C(1) << 61) - 1)), 0);
    cr_expect_eq(H(vm_int_from_int64(INT64_C(1) << 61)), 1);
    cr_expect_eq(H(vm_int_from_int64(-(INT64_C(1) << 62))), -2);
    cr_expect_eq(H(big(1, 100)), INT64_C(549755813888));
    cr_expect_eq(H(big(-1, 100)), INT64_C(-549755813888));
    cr_expect_eq(H(vm_float_new(1.5)), INT64_C(1152921504606846977));
    cr_expect_eq(H(vm_float_new(0.1)), INT64_C(230584300921369408));
    cr_expect_eq(H(vm_float_new(-0.0)), 0);
    cr_expect_eq(H(vm_float_new(0x1p70)), 512);
    cr_expect_eq(H(vm_float_new(1.0 / 0.0)), 314159);
    cr_expect_eq(H(vm_tuple_new(0)), INT64_C(5740354900026072187));
    vm_value t = vm_tuple_new(2);
    vm_tuple_items(t)[0] = vm_small(1);
    vm_tuple_items(t)[1] = vm_small(2);
    cr_expect_eq(H(t), INT64_C(-3550055125485641917));
    vm_value inner = vm_tuple_new(2);
    vm_tuple_items(inner)[0] = S("a");
    vm_tuple_items(inner)[1] = vm_float_new(2.5);
    vm_value outer = vm_tuple_new(2);
    vm_tuple_items(outer)[0] = vm_small(1);
    vm_tuple_items(outer)[1] = inner;
    cr_expect_eq(H(outer), INT64_C(-4249274116895248459));
    cr_expect_eq(H(S("abc")), INT64_C(-4594863902769663758));
    cr_expect_eq(H(vm_bytes_new("abc", 3)), INT64_C(-4594863902769663758));
    cr_expect_eq(H(S("\xe2\x82\xac")), INT64_C(-5529981157763016009));
    cr_expect_eq(H(VM_TRUE), 1);
    cr_expect_eq(H(VM_FALSE), 0);
    vm_value dict = vm_dict_new();
    int64_t h;
    cr_expect(!vm_hash(dict, &h), "a dict is unhashable");
    stm_commit_transaction(&T);
}

Test(dict, equality_across_numeric_types)
{
    stm_start_transaction(&T);
    cr_expect(vm_equal(VM_TRUE, vm_small(1)));
    cr_expect(vm_equal(vm_float_new(1.0), VM_TRUE));
    cr_expect(vm_equal(big(1, 100), vm_float_new(0x1p100)));
    cr_expect(!vm_equal(vm_small(1), vm_float_new(1.5)));
    vm_value nan = vm_float_new(0.0 / 0.0);
    cr_expect(!vm_equal(nan, nan));
    cr_expect(vm_same_key(nan, nan), "containers compare identity first");
    cr_expect(!vm_equal(S("1"), vm_small(1)));
    cr_expect(!vm_equal(S("abc"), vm_bytes_new("abc", 3)));
    stm_commit_transaction(&T);
}

Test(dict, keys_of_equal_value_are_one_key)
{
    stm_start_transaction(&T);
    vm_value d = vm_dict_new();
    cr_assert_eq(vm_dict_set(d, vm_small(1), S("int")), VM_DICT_OK);
    cr_assert_eq(vm_dict_set(d, VM_TRUE, S("bool")), VM_DICT_OK);
    cr_assert_eq(vm_dict_set(d, vm_float_new(1.0), S("float")), VM_DICT_OK);
    cr_assert_eq(vm_dict_len(d), 1, "{1: ..., True: ..., 1.0: ...} has one key");
    vm_value v;
    cr_assert_eq(vm_dict_get(d, vm_small(1), &v), VM_DICT_OK);
    cr_assert(vm_equal(v, S("float")));
    int64_t pos = 0;
    vm_value k;
    cr_assert(vm_dict_next(d, &pos, &k, &v));
    cr_assert_eq(k, vm_small(1), "the first key stays");
    cr_assert_eq(vm_dict_set(d, d, VM_NONE), VM_DICT_UNHASHABLE);
    stm_commit_transaction(&T);
}

__attribute__((noinline)) static void fill(int slot, int n)
{
    vm_value d = vm_dict_new();
    T.roots[slot] = d;
    char buf[32];
    for (int i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "k%d", i);
        vm_value key = i % 2 ? vm_small(i) : S(buf);
        cr_assert_eq(vm_dict_set(T.roots[slot], key, vm_small(i * 10)), VM_DICT_OK);
    }
}

Test(dict, grows_deletes_and_keeps_insertion_order_across_commits)
{
    stm_start_transaction(&T);
    fill(3, 10000);
    cr_assert_eq(vm_dict_len(T.roots[3]), 10000);
    /* delete every third key */
    char buf[32];
    for (int i = 0; i < 10000; i += 3) {
        snprintf(buf, sizeof buf, "k%d", i);
        vm_value key = i % 2 ? vm_small(i) : S(buf);
        cr_assert_eq(vm_dict_del(T.roots[3], key), VM_DICT_OK);
    }
    cr_assert_eq(vm_dict_del(T.roots[3], vm_small(3)), VM_DICT_MISSING);
    stm_commit_transaction(&T);
    stm_major_collect(&T);
    stm_start_transaction(&T);
    vm_value d = T.roots[3];
    cr_assert_eq(vm_dict_len(d), 10000 - 3334);
    int64_t pos = 0, expect = 1;
    vm_value k, v;
    int64_t count = 0;
    while (vm_dict_next(d, &pos, &k, &v)) {
        if (expect % 3 == 0)
            expect++;
        cr_assert_eq(vm_small_value(v), expect * 10, "order after deletions");
        expect++;
        count++;
    }
    cr_assert_eq(count, 10000 - 3334);
    cr_assert_eq(vm_dict_get(d, S("k9998"), &v), VM_DICT_OK);
    cr_assert_eq(vm_small_value(v), 99980);
    cr_assert_eq(vm_dict_get(d, S("k9999"), &v), VM_DICT_MISSING);
    /* re-adding a deleted key appends it */
    cr_assert_eq(vm_dict_set(d, vm_small(3), vm_small(-1)), VM_DICT_OK);
    T.roots[3] = STM_NULL;
    stm_commit_transaction(&T);
}

/* Two threads, each replacing the values of its own 100 keys in one committed dict of
 * 10,000 keys, 200 transactions each: different cards, no conflict. */
static void updater(stm_thread *tl, void *arg)
{
    int first = (int)(intptr_t)arg;
    for (volatile int round = 0; round < 200; round++) {
        stm_start_transaction(tl);
        vm_value d = T.roots[4];
        for (int i = first; i < first + 100; i++)
            cr_assert_eq(vm_dict_set(d, vm_small(i), vm_small(round)), VM_DICT_OK);
        stm_commit_transaction(tl);
    }
}

__attribute__((noinline)) static void fill_ints(int slot, int n)
{
    T.roots[slot] = vm_dict_new();
    for (int i = 0; i < n; i++)
        cr_assert_eq(vm_dict_set(T.roots[slot], vm_small(i), vm_small(0)), VM_DICT_OK);
}

Test(dict, updates_of_different_keys_do_not_conflict)
{
    stm_start_transaction(&T);
    fill_ints(4, 10000);
    stm_commit_transaction(&T);
    uint64_t aborts = run_side_by_side(updater, (void *)(intptr_t)0, (void *)(intptr_t)5000);
    cr_expect_eq(aborts, 0, "%llu aborts", (unsigned long long)aborts);
    stm_stats st;
    stm_stats_read(&st);
    cr_expect_geq(st.commits, 400);
    stm_start_transaction(&T);
    vm_value v;
    cr_assert_eq(vm_dict_get(T.roots[4], vm_small(50), &v), VM_DICT_OK);
    cr_assert_eq(vm_small_value(v), 199);
    cr_assert_eq(vm_dict_get(T.roots[4], vm_small(5050), &v), VM_DICT_OK);
    cr_assert_eq(vm_small_value(v), 199);
    cr_assert_eq(vm_dict_get(T.roots[4], vm_small(2500), &v), VM_DICT_OK);
    cr_assert_eq(vm_small_value(v), 0);
    T.roots[4] = STM_NULL;
    stm_commit_transaction(&T);
}

/* vm/object: values, the immutable builtin objects on the STM heap, compiler constants
 * turned into objects, and their survival across minor and major collections.  Expected
 * reprs are CPython 3.11's. */
#include "helpers.h"

#include <string.h>

#include "vm/code.h"
#include "vm/compile.h"
#include "vm/list.h"
#include "vm/object.h"

static void setup(void)
{
    rt_init(2);
    vm_objects_init(&T);
}
TestSuite(object, .init = setup, .fini = rt_fini);

static void expect_repr(vm_value v, const char *expected)
{
    vm_buf b = {0};
    vm_repr_simple(v, &b);
    cr_expect_str_eq(b.data, expected);
    vm_buf_free(&b);
}

Test(object, small_ints_are_tagged_words)
{
    cr_assert(vm_is_small(vm_small(0)));
    cr_assert_eq(vm_small_value(vm_small(-1)), -1);
    cr_assert_eq(vm_small_value(vm_small(VM_SMALL_MAX)), VM_SMALL_MAX);
    cr_assert_eq(vm_small_value(vm_small(VM_SMALL_MIN)), VM_SMALL_MIN);
    cr_assert(vm_fits_small(VM_SMALL_MAX));
    cr_assert(!vm_fits_small(VM_SMALL_MAX + 1));
    cr_assert(!vm_is_ref(VM_NULL));
    cr_assert(!vm_is_ref(vm_small(7)));
}

Test(object, ints_are_small_when_they_fit_and_objects_when_not)
{
    stm_start_transaction(&T);
    vm_value a = vm_int_from_int64(VM_SMALL_MAX);
    vm_value b = vm_int_from_int64(VM_SMALL_MAX + 1);
    vm_value c = vm_int_from_int64(INT64_MIN);
    cr_assert(vm_is_small(a));
    cr_assert(vm_has_layout(b, VM_L_INT));
    cr_assert(vm_is_int(b) && vm_is_int(c));
    expect_repr(a, "4611686018427387903");
    expect_repr(b, "4611686018427387904");
    expect_repr(c, "-9223372036854775808");
    /* a bigint that fits becomes a small int again */
    uint32_t limbs[3] = {5, 0, 0};
    vm_bigint big = {limbs, 3, true};
    vm_bigint_normalize(&big);
    vm_value d = vm_int_from_bigint(&big);
    cr_assert(vm_is_small(d));
    cr_assert_eq(vm_small_value(d), -5);
    stm_commit_transaction(&T);
}

Test(object, strings_take_the_smallest_kind)
{
    stm_start_transaction(&T);
    static const struct { const char *utf8; int kind; int64_t len; const char *repr; } cases[] = {
        {"abc", 1, 3, "'abc'"},
        {"caf\xc3\xa9", 1, 4, "'caf\xc3\xa9'"},
        {"\xe2\x82\xac 5", 2, 3, "'\xe2\x82\xac 5'"},
        {"\xf0\x9f\x98\x80!", 4, 2, "'\xf0\x9f\x98\x80!'"},
        {"\xed\xa0\x80", 2, 1, "'\\ud800'"},          /* a lone surrogate, generalised UTF-8 */
        {"it's", 1, 4, "\"it's\""},
        {"", 1, 0, "''"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        vm_value s = vm_str_from_utf8(cases[i].utf8, strlen(cases[i].utf8));
        cr_assert(vm_has_layout(s, VM_L_STR));
        const vm_str *o = vm_obj(s);
        cr_expect_eq(o->kind, cases[i].kind, "%s", cases[i].repr);
        cr_expect_eq(o->length, cases[i].len, "%s", cases[i].repr);
        expect_repr(s, cases[i].repr);
    }
    stm_commit_transaction(&T);
}

__attribute__((noinline)) static void build_tuple_in_root(int slot)
{
    vm_value t = vm_tuple_new(5);
    vm_value items[5] = {vm_small(1), vm_float_new(2.5), vm_str_from_utf8("x\xe2\x82\xac", 4),
                         vm_bytes_new("\0a", 2), VM_NONE};
    memcpy(vm_tuple_items(t), items, sizeof items);
    T.roots[slot] = t;
}

Test(object, objects_survive_collections_and_commits)
{
    stm_start_transaction(&T);
    build_tuple_in_root(2);
    stm_minor_collect(&T);
    expect_repr(T.roots[2], "(1, 2.5, 'x\xe2\x82\xac', b'\\x00a', None)");
    stm_commit_transaction(&T);
    cr_assert(!stm_is_young(T.roots[2]), "promoted at commit");
    stm_major_collect(&T);
    stm_start_transaction(&T);
    expect_repr(T.roots[2], "(1, 2.5, 'x\xe2\x82\xac', b'\\x00a', None)");
    /* the singletons are global roots: still there, still themselves */
    expect_repr(VM_TRUE, "True");
    expect_repr(VM_NOTIMPLEMENTED, "NotImplemented");
    cr_assert_eq(vm_tuple_items(T.roots[2])[4], VM_NONE);
    T.roots[2] = STM_NULL;
    stm_commit_transaction(&T);
}

Test(object, compiler_constants_become_objects)
{
    const char *src = "x = (1, -2.0, 'a\xe2\x82\xac', b'\\xff', None, True, ..., 10**30, ((),))\n";
    vm_syntax_error err = {0};
    vm_code *co = vm_compile_file(src, strlen(src), "<test>", VM_PARSE_EXEC, NULL, &err);
    cr_assert_not_null(co);
    const vm_ast_const *tuple = NULL;
    for (int i = 0; i < co->nconsts; i++)
        if (!co->consts[i].code && co->consts[i].value.kind == VM_CONST_TUPLE)
            tuple = &co->consts[i].value;
    cr_assert_not_null(tuple, "the folder made one tuple constant");
    stm_start_transaction(&T);
    vm_value v = vm_value_from_const(tuple);
    cr_assert_neq(v, VM_NULL);
    /* CPython: repr((1, -2.0, 'a€', b'\xff', None, True, ..., 10**30, ((),))) */
    expect_repr(v, "(1, -2.0, 'a\xe2\x82\xac', b'\\xff', None, True, Ellipsis, "
                   "1000000000000000000000000000000, ((),))");
    stm_commit_transaction(&T);
    vm_code_free(co);
}

Test(object, lists_grow_insert_pop_and_print_themselves_as_dots)
{
    stm_start_transaction(&T);
    vm_value l = vm_list_new(0);
    for (int i = 0; i < 100; i++)
        cr_assert(vm_list_append(l, vm_small(i)));
    cr_assert_eq(vm_list_len(l), 100);
    cr_assert(vm_list_insert(l, -1000, vm_small(-1)));      /* clamped to the front */
    cr_assert(vm_list_insert(l, 1000, vm_small(100)));      /* clamped to the end */
    cr_assert_eq(vm_small_value(vm_list_get(l, 0)), -1);
    cr_assert_eq(vm_small_value(vm_list_get(l, 101)), 100);
    cr_assert_eq(vm_small_value(vm_list_pop(l, 0)), -1);
    cr_assert_eq(vm_list_len(l), 101);
    for (int i = 0; i < 101; i++)
        cr_assert_eq(vm_small_value(vm_list_get(l, i)), i);
    vm_value m = vm_list_new(2);
    cr_assert(vm_list_append(m, vm_str_from_utf8("a", 1)));
    cr_assert(vm_list_append(m, m));
    /* CPython: m = ['a']; m.append(m); repr(m) */
    expect_repr(m, "['a', [...]]");
    stm_commit_transaction(&T);
}

/* Two threads replacing items of different halves of one committed list of 10,000 items:
 * different cards, no conflict. */
static void list_setter(stm_thread *tl, void *arg)
{
    int first = (int)(intptr_t)arg;
    for (volatile int round = 0; round < 200; round++) {
        stm_start_transaction(tl);
        for (int i = first; i < first + 100; i++)
            vm_list_set(T.roots[5], i, vm_small(round));
        stm_commit_transaction(tl);
    }
}

__attribute__((noinline)) static void fill_list(int slot, int n)
{
    T.roots[slot] = vm_list_new(0);
    for (int i = 0; i < n; i++)
        cr_assert(vm_list_append(T.roots[slot], vm_small(0)));
}

Test(object, item_writes_to_different_parts_of_a_list_do_not_conflict)
{
    stm_start_transaction(&T);
    fill_list(5, 10000);
    stm_commit_transaction(&T);
    uint64_t aborts = run_side_by_side(list_setter, (void *)(intptr_t)0, (void *)(intptr_t)5000);
    cr_expect_eq(aborts, 0, "%llu aborts", (unsigned long long)aborts);
    stm_start_transaction(&T);
    cr_assert_eq(vm_small_value(vm_list_get(T.roots[5], 99)), 199);
    cr_assert_eq(vm_small_value(vm_list_get(T.roots[5], 5099)), 199);
    cr_assert_eq(vm_small_value(vm_list_get(T.roots[5], 100)), 0);
    T.roots[5] = STM_NULL;
    stm_commit_transaction(&T);
}

/* vm/type: the builtin types, type() of every kind of value, isinstance through the MRO,
 * as CPython 3.11 answers (type(True) is bool, bool.__mro__ == (bool, int, object)...). */
#include "helpers.h"

#include <string.h>

#include "vm/dict.h"
#include "vm/list.h"
#include "vm/type.h"

static void setup(void)
{
    rt_init(2);
    vm_objects_init(&T);
    vm_types_init(&T);
}
TestSuite(type, .init = setup, .fini = rt_fini);

static void expect_type_name(vm_value v, const char *name)
{
    vm_buf b = {0};
    vm_type_name(vm_type_of(v), &b);
    cr_expect_str_eq(b.data, name);
    vm_buf_free(&b);
}

#define TY(name) vm_builtin_types[VM_T_##name]

Test(type, every_value_has_its_type)
{
    stm_start_transaction(&T);
    expect_type_name(vm_small(1), "int");
    expect_type_name(vm_int_from_int64(INT64_MAX), "int");
    expect_type_name(VM_TRUE, "bool");
    expect_type_name(VM_NONE, "NoneType");
    expect_type_name(VM_ELLIPSIS, "ellipsis");
    expect_type_name(VM_NOTIMPLEMENTED, "NotImplementedType");
    expect_type_name(vm_float_new(1.5), "float");
    expect_type_name(vm_str_from_utf8("x", 1), "str");
    expect_type_name(vm_bytes_new("x", 1), "bytes");
    expect_type_name(vm_tuple_new(0), "tuple");
    expect_type_name(vm_list_new(0), "list");
    expect_type_name(vm_dict_new(), "dict");
    expect_type_name(TY(INT), "type");
    cr_expect_eq(vm_type_of(TY(TYPE)), TY(TYPE), "type(type) is type");
    stm_commit_transaction(&T);
}

Test(type, isinstance_follows_the_mro)
{
    stm_start_transaction(&T);
    cr_expect(vm_isinstance(VM_TRUE, TY(INT)), "isinstance(True, int)");
    cr_expect(vm_isinstance(VM_TRUE, TY(OBJECT)));
    cr_expect(!vm_isinstance(vm_small(1), TY(BOOL)));
    cr_expect(vm_isinstance(TY(INT), TY(OBJECT)), "isinstance(int, object)");
    cr_expect(vm_isinstance(TY(OBJECT), TY(TYPE)), "isinstance(object, type)");
    cr_expect(vm_is_subtype(TY(TYPE), TY(OBJECT)));
    cr_expect(!vm_is_subtype(TY(OBJECT), TY(TYPE)));
    vm_value mro = ((vm_type *)vm_obj(TY(BOOL)))->mro;
    cr_assert_eq(vm_tuple_length(mro), 3);
    cr_expect_eq(vm_tuple_items(mro)[0], TY(BOOL));
    cr_expect_eq(vm_tuple_items(mro)[1], TY(INT));
    cr_expect_eq(vm_tuple_items(mro)[2], TY(OBJECT));
    stm_commit_transaction(&T);
}

Test(type, types_survive_a_major_collection)
{
    stm_major_collect(&T);
    stm_start_transaction(&T);
    expect_type_name(vm_str_from_utf8("y", 1), "str");
    expect_type_name(VM_FALSE, "bool");
    vm_type *t = vm_obj(TY(DICT));
    cr_expect_neq(t->id, 0);
    cr_expect_eq(t->instance_layout, VM_L_DICT);
    cr_expect_eq(vm_dict_len(t->dict), 0);
    stm_commit_transaction(&T);
}

static void expect_mro(vm_value mro, const char *const *names, int n)
{
    cr_assert_eq(vm_tuple_length(mro), n);
    for (int i = 0; i < n; i++) {
        vm_buf b = {0};
        vm_type_name(vm_tuple_items(mro)[i], &b);
        cr_expect_str_eq(b.data, names[i]);
        vm_buf_free(&b);
    }
}

Test(type, the_exception_hierarchy_is_cpythons)
{
    stm_start_transaction(&T);
    /* ExceptionGroup.__mro__: the one builtin with two bases, merged by C3 */
    static const char *const eg[] = {"ExceptionGroup", "BaseExceptionGroup", "Exception",
                                     "BaseException", "object"};
    expect_mro(((vm_type *)vm_obj(TY(ExceptionGroup)))->mro, eg, 5);
    cr_expect(vm_is_subtype(TY(ZeroDivisionError), TY(ArithmeticError)));
    cr_expect(vm_is_subtype(TY(ModuleNotFoundError), TY(Exception)));
    cr_expect(vm_is_subtype(TY(ConnectionResetError), TY(OSError)));
    cr_expect(!vm_is_subtype(TY(KeyboardInterrupt), TY(Exception)));
    cr_expect(!vm_is_subtype(TY(StopIteration), TY(ValueError)));
    vm_buf b = {0};
    vm_type_name(TY(UnicodeTranslateError), &b);
    cr_expect_str_eq(b.data, "UnicodeTranslateError");
    vm_buf_free(&b);
    stm_commit_transaction(&T);
}

Test(type, c3_merges_bases_and_refuses_what_cannot_be_ordered)
{
    stm_start_transaction(&T);
    /* class X(OSError, ValueError): X, OSError, ValueError, Exception, BaseException, object */
    vm_value bases = vm_tuple_new(2);
    vm_tuple_items(bases)[0] = TY(OSError);
    vm_tuple_items(bases)[1] = TY(ValueError);
    vm_buf msg = {0};
    vm_value mro = vm_type_mro(TY(TYPE), bases, &msg);
    cr_assert_neq(mro, VM_NULL);
    static const char *const x[] = {"type", "OSError", "ValueError", "Exception",
                                    "BaseException", "object"};
    expect_mro(mro, x, 6);
    /* class X(object, int) */
    vm_tuple_items(bases)[0] = TY(OBJECT);
    vm_tuple_items(bases)[1] = TY(INT);
    cr_assert_eq(vm_type_mro(TY(TYPE), bases, &msg), VM_NULL);
    cr_expect_str_eq(msg.data, "Cannot create a consistent method resolution\n"
                               "order (MRO) for bases object, int");
    vm_buf_free(&msg);
    stm_commit_transaction(&T);
}

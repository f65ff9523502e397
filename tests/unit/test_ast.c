/* tests/unit/test_ast.c — the AST table, ast.dump, repr() of constants and the literal
 * decoders (vm/ast.c, vm/literal.c), against CPython 3.11.
 *
 * Every expected string below was produced by /usr/bin/python3.11: ast.dump(ast.parse(src))
 * for the trees (which are built here node by node with vm_ast_new, the same trees the
 * parser must build), repr() for constants, and the SyntaxError message of the literal in
 * source for the decoders' errors.  The tables were written by a throwaway script that
 * walked python3.11's own AST; edit them only by regenerating from python3.11. */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/ast.h"

static vm_arena A;
static void setup(void) { vm_arena_init(&A); }
static void teardown(void) { vm_arena_free(&A); }
TestSuite(ast, .init = setup, .fini = teardown);

static vm_ast_seq *seq_nodes(size_t n, ...)
{
    vm_ast_seq *s = vm_ast_seq_new(&A, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        s->items[i].node = va_arg(ap, vm_ast *);
    va_end(ap);
    return s;
}

static vm_ast_seq *seq_ids(size_t n, ...)
{
    vm_ast_seq *s = vm_ast_seq_new(&A, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        s->items[i].id = va_arg(ap, const char *);
    va_end(ap);
    return s;
}

static vm_ast_seq *seq_ops(size_t n, ...)
{
    vm_ast_seq *s = vm_ast_seq_new(&A, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        s->items[i].op = va_arg(ap, int);
    va_end(ap);
    return s;
}

static vm_ast_const str(const char *s, size_t len)
{
    return (vm_ast_const){.kind = VM_CONST_STR, .u.str = {s, len}};
}

static vm_ast_const bytes_(const char *s, size_t len)
{
    return (vm_ast_const){.kind = VM_CONST_BYTES, .u.str = {s, len}};
}

static vm_ast_const big(const uint32_t *limbs, size_t n, bool negative)
{
    return (vm_ast_const){.kind = VM_CONST_BIGINT, .u.big = {limbs, n, negative}};
}

static void expect_dump(const vm_ast *tree, const char *expected, const char *src)
{
    vm_buf b;
    vm_buf_init(&b);
    vm_ast_dump(tree, &b);
    cr_expect_str_eq(b.data, expected, "ast.dump of %s", src);
    vm_buf_free(&b);
}

static void expect_repr(vm_ast_const c, const char *expected)
{
    vm_buf b;
    vm_buf_init(&b);
    vm_ast_const_repr(&c, &b);
    cr_expect_eq(b.len, strlen(expected));
    cr_expect_str_eq(b.data, expected);
    vm_buf_free(&b);
}

/* Every kind's name, category, position flag and field names, as the ast module has them. */
static const struct { const char *name, *category; bool has_position; const char *fields; } expected_kinds[VM_AST_NKINDS] = {
    [VM_AST_Module] = {"Module", "mod", false, "body type_ignores"},
    [VM_AST_Interactive] = {"Interactive", "mod", false, "body"},
    [VM_AST_Expression] = {"Expression", "mod", false, "body"},
    [VM_AST_FunctionType] = {"FunctionType", "mod", false, "argtypes returns"},
    [VM_AST_FunctionDef] = {"FunctionDef", "stmt", true, "name args body decorator_list returns type_comment"},
    [VM_AST_AsyncFunctionDef] = {"AsyncFunctionDef", "stmt", true, "name args body decorator_list returns type_comment"},
    [VM_AST_ClassDef] = {"ClassDef", "stmt", true, "name bases keywords body decorator_list"},
    [VM_AST_Return] = {"Return", "stmt", true, "value"},
    [VM_AST_Delete] = {"Delete", "stmt", true, "targets"},
    [VM_AST_Assign] = {"Assign", "stmt", true, "targets value type_comment"},
    [VM_AST_AugAssign] = {"AugAssign", "stmt", true, "target op value"},
    [VM_AST_AnnAssign] = {"AnnAssign", "stmt", true, "target annotation value simple"},
    [VM_AST_For] = {"For", "stmt", true, "target iter body orelse type_comment"},
    [VM_AST_AsyncFor] = {"AsyncFor", "stmt", true, "target iter body orelse type_comment"},
    [VM_AST_While] = {"While", "stmt", true, "test body orelse"},
    [VM_AST_If] = {"If", "stmt", true, "test body orelse"},
    [VM_AST_With] = {"With", "stmt", true, "items body type_comment"},
    [VM_AST_AsyncWith] = {"AsyncWith", "stmt", true, "items body type_comment"},
    [VM_AST_Match] = {"Match", "stmt", true, "subject cases"},
    [VM_AST_Raise] = {"Raise", "stmt", true, "exc cause"},
    [VM_AST_Try] = {"Try", "stmt", true, "body handlers orelse finalbody"},
    [VM_AST_TryStar] = {"TryStar", "stmt", true, "body handlers orelse finalbody"},
    [VM_AST_Assert] = {"Assert", "stmt", true, "test msg"},
    [VM_AST_Import] = {"Import", "stmt", true, "names"},
    [VM_AST_ImportFrom] = {"ImportFrom", "stmt", true, "module names level"},
    [VM_AST_Global] = {"Global", "stmt", true, "names"},
    [VM_AST_Nonlocal] = {"Nonlocal", "stmt", true, "names"},
    [VM_AST_Expr] = {"Expr", "stmt", true, "value"},
    [VM_AST_Pass] = {"Pass", "stmt", true, ""},
    [VM_AST_Break] = {"Break", "stmt", true, ""},
    [VM_AST_Continue] = {"Continue", "stmt", true, ""},
    [VM_AST_BoolOp] = {"BoolOp", "expr", true, "op values"},
    [VM_AST_NamedExpr] = {"NamedExpr", "expr", true, "target value"},
    [VM_AST_BinOp] = {"BinOp", "expr", true, "left op right"},
    [VM_AST_UnaryOp] = {"UnaryOp", "expr", true, "op operand"},
    [VM_AST_Lambda] = {"Lambda", "expr", true, "args body"},
    [VM_AST_IfExp] = {"IfExp", "expr", true, "test body orelse"},
    [VM_AST_Dict] = {"Dict", "expr", true, "keys values"},
    [VM_AST_Set] = {"Set", "expr", true, "elts"},
    [VM_AST_ListComp] = {"ListComp", "expr", true, "elt generators"},
    [VM_AST_SetComp] = {"SetComp", "expr", true, "elt generators"},
    [VM_AST_DictComp] = {"DictComp", "expr", true, "key value generators"},
    [VM_AST_GeneratorExp] = {"GeneratorExp", "expr", true, "elt generators"},
    [VM_AST_Await] = {"Await", "expr", true, "value"},
    [VM_AST_Yield] = {"Yield", "expr", true, "value"},
    [VM_AST_YieldFrom] = {"YieldFrom", "expr", true, "value"},
    [VM_AST_Compare] = {"Compare", "expr", true, "left ops comparators"},
    [VM_AST_Call] = {"Call", "expr", true, "func args keywords"},
    [VM_AST_FormattedValue] = {"FormattedValue", "expr", true, "value conversion format_spec"},
    [VM_AST_JoinedStr] = {"JoinedStr", "expr", true, "values"},
    [VM_AST_Constant] = {"Constant", "expr", true, "value kind"},
    [VM_AST_Attribute] = {"Attribute", "expr", true, "value attr ctx"},
    [VM_AST_Subscript] = {"Subscript", "expr", true, "value slice ctx"},
    [VM_AST_Starred] = {"Starred", "expr", true, "value ctx"},
    [VM_AST_Name] = {"Name", "expr", true, "id ctx"},
    [VM_AST_List] = {"List", "expr", true, "elts ctx"},
    [VM_AST_Tuple] = {"Tuple", "expr", true, "elts ctx"},
    [VM_AST_Slice] = {"Slice", "expr", true, "lower upper step"},
    [VM_AST_comprehension] = {"comprehension", "comprehension", false, "target iter ifs is_async"},
    [VM_AST_ExceptHandler] = {"ExceptHandler", "excepthandler", true, "type name body"},
    [VM_AST_arguments] = {"arguments", "arguments", false, "posonlyargs args vararg kwonlyargs kw_defaults kwarg defaults"},
    [VM_AST_arg] = {"arg", "arg", true, "arg annotation type_comment"},
    [VM_AST_keyword] = {"keyword", "keyword", true, "arg value"},
    [VM_AST_alias] = {"alias", "alias", true, "name asname"},
    [VM_AST_withitem] = {"withitem", "withitem", false, "context_expr optional_vars"},
    [VM_AST_match_case] = {"match_case", "match_case", false, "pattern guard body"},
    [VM_AST_MatchValue] = {"MatchValue", "pattern", true, "value"},
    [VM_AST_MatchSingleton] = {"MatchSingleton", "pattern", true, "value"},
    [VM_AST_MatchSequence] = {"MatchSequence", "pattern", true, "patterns"},
    [VM_AST_MatchMapping] = {"MatchMapping", "pattern", true, "keys patterns rest"},
    [VM_AST_MatchClass] = {"MatchClass", "pattern", true, "cls patterns kwd_attrs kwd_patterns"},
    [VM_AST_MatchStar] = {"MatchStar", "pattern", true, "name"},
    [VM_AST_MatchAs] = {"MatchAs", "pattern", true, "pattern name"},
    [VM_AST_MatchOr] = {"MatchOr", "pattern", true, "patterns"},
    [VM_AST_TypeIgnore] = {"TypeIgnore", "type_ignore", false, "lineno tag"},
};

Test(ast, kind_table_matches_the_ast_module)
{
    for (int k = 0; k < VM_AST_NKINDS; k++) {
        const vm_ast_kind_info *info = &vm_ast_kinds[k];
        cr_expect_str_eq(info->name, expected_kinds[k].name);
        cr_expect_str_eq(vm_ast_category_name(info->category), expected_kinds[k].category, "%s", info->name);
        cr_expect_eq(info->has_position, expected_kinds[k].has_position, "%s", info->name);
        char names[256] = "";
        for (int i = 0; i < info->nfields; i++) {
            if (i)
                strcat(names, " ");
            strcat(names, info->fields[i].name);
        }
        cr_expect_str_eq(names, expected_kinds[k].fields, "%s", info->name);
    }
}

Test(ast, field_offsets_point_into_the_kind_struct)
{
    const vm_ast_kind_info *fd = &vm_ast_kinds[VM_AST_FunctionDef];
    cr_assert_eq(fd->nfields, 6);
    cr_expect_eq(fd->fields[0].kind, VM_AST_F_ID);
    cr_expect_eq(fd->fields[0].offset, offsetof(vm_ast, v.FunctionDef.name));
    cr_expect_eq(fd->fields[4].kind, VM_AST_F_OPT);
    cr_expect_eq(fd->fields[4].offset, offsetof(vm_ast, v.FunctionDef.returns));
    cr_expect_eq(fd->fields[5].kind, VM_AST_F_OPTSTR);
    const vm_ast_kind_info *cmp = &vm_ast_kinds[VM_AST_Compare];
    cr_expect_eq(cmp->fields[1].kind, VM_AST_F_OPSEQ);
    cr_expect_eq(cmp->fields[2].offset, offsetof(vm_ast, v.Compare.comparators));
    cr_expect_eq(vm_ast_kinds[VM_AST_Pass].nfields, 0);
    cr_expect_eq(vm_ast_kinds[VM_AST_Global].fields[0].kind, VM_AST_F_IDSEQ);
    cr_expect_eq(vm_ast_kinds[VM_AST_Constant].fields[0].kind, VM_AST_F_CONST);
    cr_expect_eq(vm_ast_kinds[VM_AST_TypeIgnore].fields[0].offset, offsetof(vm_ast, v.TypeIgnore.lineno));
}

Test(ast, op_names_follow_the_field_enum)
{
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_Add), "Add");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_Add), "Add");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_Sub), "Sub");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_Sub), "Sub");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_Mult), "Mult");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_Mult), "Mult");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_MatMult), "MatMult");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_MatMult), "MatMult");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_Div), "Div");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_Div), "Div");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_Mod), "Mod");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_Mod), "Mod");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_Pow), "Pow");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_Pow), "Pow");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_LShift), "LShift");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_LShift), "LShift");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_RShift), "RShift");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_RShift), "RShift");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_BitOr), "BitOr");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_BitOr), "BitOr");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_BitXor), "BitXor");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_BitXor), "BitXor");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_BitAnd), "BitAnd");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_BitAnd), "BitAnd");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", VM_AST_OP_FloorDiv), "FloorDiv");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_AugAssign, "op", VM_AST_OP_FloorDiv), "FloorDiv");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BoolOp, "op", VM_AST_OP_And), "And");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BoolOp, "op", VM_AST_OP_Or), "Or");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_UnaryOp, "op", VM_AST_OP_Invert), "Invert");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_UnaryOp, "op", VM_AST_OP_Not), "Not");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_UnaryOp, "op", VM_AST_OP_UAdd), "UAdd");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_UnaryOp, "op", VM_AST_OP_USub), "USub");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Attribute, "ctx", VM_AST_OP_Load), "Load");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Attribute, "ctx", VM_AST_OP_Store), "Store");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Attribute, "ctx", VM_AST_OP_Del), "Del");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Subscript, "ctx", VM_AST_OP_Load), "Load");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Subscript, "ctx", VM_AST_OP_Store), "Store");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Subscript, "ctx", VM_AST_OP_Del), "Del");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Starred, "ctx", VM_AST_OP_Load), "Load");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Starred, "ctx", VM_AST_OP_Store), "Store");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Starred, "ctx", VM_AST_OP_Del), "Del");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Name, "ctx", VM_AST_OP_Load), "Load");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Name, "ctx", VM_AST_OP_Store), "Store");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Name, "ctx", VM_AST_OP_Del), "Del");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_List, "ctx", VM_AST_OP_Load), "Load");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_List, "ctx", VM_AST_OP_Store), "Store");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_List, "ctx", VM_AST_OP_Del), "Del");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Tuple, "ctx", VM_AST_OP_Load), "Load");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Tuple, "ctx", VM_AST_OP_Store), "Store");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Tuple, "ctx", VM_AST_OP_Del), "Del");
    cr_expect_str_eq(vm_ast_cmpop_name(VM_AST_OP_Eq), "Eq");
    cr_expect_str_eq(vm_ast_cmpop_name(VM_AST_OP_NotEq), "NotEq");
    cr_expect_str_eq(vm_ast_cmpop_name(VM_AST_OP_Lt), "Lt");
    cr_expect_str_eq(vm_ast_cmpop_name(VM_AST_OP_LtE), "LtE");
    cr_expect_str_eq(vm_ast_cmpop_name(VM_AST_OP_Gt), "Gt");
    cr_expect_str_eq(vm_ast_cmpop_name(VM_AST_OP_GtE), "GtE");
    cr_expect_str_eq(vm_ast_cmpop_name(VM_AST_OP_Is), "Is");
    cr_expect_str_eq(vm_ast_cmpop_name(VM_AST_OP_IsNot), "IsNot");
    cr_expect_str_eq(vm_ast_cmpop_name(VM_AST_OP_In), "In");
    cr_expect_str_eq(vm_ast_cmpop_name(VM_AST_OP_NotIn), "NotIn");
    /* the same number names different classes in different enums */
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BinOp, "op", 1), "Sub");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_BoolOp, "op", 1), "Or");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_UnaryOp, "op", 1), "Not");
    cr_expect_str_eq(vm_ast_op_name(VM_AST_Name, "ctx", 1), "Store");
}

/* ---- ast.dump of trees built node by node ---- */

Test(ast, dump_00)
{
    /* "def f(a, /, b: int = 1, *args, c, d=2, **kw) -> int:\n    'doc'\n    return a" */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_FunctionDef, 1, 0, 3, 12);
    n2->v.FunctionDef.name = "f";
    vm_ast *n3 = vm_ast_new(&A, VM_AST_arguments, 0, 0, 0, 0);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_arg, 1, 6, 1, 7);
    n4->v.arg.arg = "a";
    n3->v.arguments.posonlyargs = seq_nodes(1, n4);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_arg, 1, 12, 1, 18);
    n5->v.arg.arg = "b";
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 1, 15, 1, 18);
    n6->v.Name.id = "int";
    n6->v.Name.ctx = VM_AST_OP_Load;
    n5->v.arg.annotation = n6;
    n3->v.arguments.args = seq_nodes(1, n5);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_arg, 1, 25, 1, 29);
    n7->v.arg.arg = "args";
    n3->v.arguments.vararg = n7;
    vm_ast *n8 = vm_ast_new(&A, VM_AST_arg, 1, 31, 1, 32);
    n8->v.arg.arg = "c";
    vm_ast *n9 = vm_ast_new(&A, VM_AST_arg, 1, 34, 1, 35);
    n9->v.arg.arg = "d";
    n3->v.arguments.kwonlyargs = seq_nodes(2, n8, n9);
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Constant, 1, 36, 1, 37);
    n10->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(2)};
    n3->v.arguments.kw_defaults = seq_nodes(2, NULL, n10);
    vm_ast *n11 = vm_ast_new(&A, VM_AST_arg, 1, 41, 1, 43);
    n11->v.arg.arg = "kw";
    n3->v.arguments.kwarg = n11;
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Constant, 1, 21, 1, 22);
    n12->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n3->v.arguments.defaults = seq_nodes(1, n12);
    n2->v.FunctionDef.args = n3;
    vm_ast *n13 = vm_ast_new(&A, VM_AST_Expr, 2, 4, 2, 9);
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Constant, 2, 4, 2, 9);
    n14->v.Constant.value = str("doc", 3);
    n13->v.Expr.value = n14;
    vm_ast *n15 = vm_ast_new(&A, VM_AST_Return, 3, 4, 3, 12);
    vm_ast *n16 = vm_ast_new(&A, VM_AST_Name, 3, 11, 3, 12);
    n16->v.Name.id = "a";
    n16->v.Name.ctx = VM_AST_OP_Load;
    n15->v.Return.value = n16;
    n2->v.FunctionDef.body = seq_nodes(2, n13, n15);
    vm_ast *n17 = vm_ast_new(&A, VM_AST_Name, 1, 48, 1, 51);
    n17->v.Name.id = "int";
    n17->v.Name.ctx = VM_AST_OP_Load;
    n2->v.FunctionDef.returns = n17;
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b', annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='kw'), defaults=[Constant(value=1)]), body=[Expr(value=Constant(value='doc')), Return(value=Name(id='a', ctx=Load()))], decorator_list=[], returns=Name(id='int', ctx=Load()))], type_ignores=[])",
                "def f(a, /, b: int = 1, *args, c, d=2, **kw) -> int:\012    'doc'\012    return a");
}

Test(ast, dump_01)
{
    /* '@dec\n@dec2(1)\nasync def g():\n    await x\n    async for i in y: pass\n    async with a as b, c: pass\n    return' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_AsyncFunctionDef, 3, 0, 7, 10);
    n2->v.AsyncFunctionDef.name = "g";
    vm_ast *n3 = vm_ast_new(&A, VM_AST_arguments, 0, 0, 0, 0);
    n2->v.AsyncFunctionDef.args = n3;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Expr, 4, 4, 4, 11);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Await, 4, 4, 4, 11);
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 4, 10, 4, 11);
    n6->v.Name.id = "x";
    n6->v.Name.ctx = VM_AST_OP_Load;
    n5->v.Await.value = n6;
    n4->v.Expr.value = n5;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_AsyncFor, 5, 4, 5, 26);
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Name, 5, 14, 5, 15);
    n8->v.Name.id = "i";
    n8->v.Name.ctx = VM_AST_OP_Store;
    n7->v.AsyncFor.target = n8;
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Name, 5, 19, 5, 20);
    n9->v.Name.id = "y";
    n9->v.Name.ctx = VM_AST_OP_Load;
    n7->v.AsyncFor.iter = n9;
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Pass, 5, 22, 5, 26);
    n7->v.AsyncFor.body = seq_nodes(1, n10);
    vm_ast *n11 = vm_ast_new(&A, VM_AST_AsyncWith, 6, 4, 6, 30);
    vm_ast *n12 = vm_ast_new(&A, VM_AST_withitem, 0, 0, 0, 0);
    vm_ast *n13 = vm_ast_new(&A, VM_AST_Name, 6, 15, 6, 16);
    n13->v.Name.id = "a";
    n13->v.Name.ctx = VM_AST_OP_Load;
    n12->v.withitem.context_expr = n13;
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Name, 6, 20, 6, 21);
    n14->v.Name.id = "b";
    n14->v.Name.ctx = VM_AST_OP_Store;
    n12->v.withitem.optional_vars = n14;
    vm_ast *n15 = vm_ast_new(&A, VM_AST_withitem, 0, 0, 0, 0);
    vm_ast *n16 = vm_ast_new(&A, VM_AST_Name, 6, 23, 6, 24);
    n16->v.Name.id = "c";
    n16->v.Name.ctx = VM_AST_OP_Load;
    n15->v.withitem.context_expr = n16;
    n11->v.AsyncWith.items = seq_nodes(2, n12, n15);
    vm_ast *n17 = vm_ast_new(&A, VM_AST_Pass, 6, 26, 6, 30);
    n11->v.AsyncWith.body = seq_nodes(1, n17);
    vm_ast *n18 = vm_ast_new(&A, VM_AST_Return, 7, 4, 7, 10);
    n2->v.AsyncFunctionDef.body = seq_nodes(4, n4, n7, n11, n18);
    vm_ast *n19 = vm_ast_new(&A, VM_AST_Name, 1, 1, 1, 4);
    n19->v.Name.id = "dec";
    n19->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n20 = vm_ast_new(&A, VM_AST_Call, 2, 1, 2, 8);
    vm_ast *n21 = vm_ast_new(&A, VM_AST_Name, 2, 1, 2, 5);
    n21->v.Name.id = "dec2";
    n21->v.Name.ctx = VM_AST_OP_Load;
    n20->v.Call.func = n21;
    vm_ast *n22 = vm_ast_new(&A, VM_AST_Constant, 2, 6, 2, 7);
    n22->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n20->v.Call.args = seq_nodes(1, n22);
    n2->v.AsyncFunctionDef.decorator_list = seq_nodes(2, n19, n20);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[AsyncFunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Await(value=Name(id='x', ctx=Load()))), AsyncFor(target=Name(id='i', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()]), Return()], decorator_list=[Name(id='dec', ctx=Load()), Call(func=Name(id='dec2', ctx=Load()), args=[Constant(value=1)], keywords=[])])], type_ignores=[])",
                "@dec\012@dec2(1)\012async def g():\012    await x\012    async for i in y: pass\012    async with a as b, c: pass\012    return");
}

Test(ast, dump_02)
{
    /* 'class C(B, metaclass=M):\n    x: int = 1\n    y: str\n    (z): int' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_ClassDef, 1, 0, 4, 12);
    n2->v.ClassDef.name = "C";
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 8, 1, 9);
    n3->v.Name.id = "B";
    n3->v.Name.ctx = VM_AST_OP_Load;
    n2->v.ClassDef.bases = seq_nodes(1, n3);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_keyword, 1, 11, 1, 22);
    n4->v.keyword.arg = "metaclass";
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Name, 1, 21, 1, 22);
    n5->v.Name.id = "M";
    n5->v.Name.ctx = VM_AST_OP_Load;
    n4->v.keyword.value = n5;
    n2->v.ClassDef.keywords = seq_nodes(1, n4);
    vm_ast *n6 = vm_ast_new(&A, VM_AST_AnnAssign, 2, 4, 2, 14);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Name, 2, 4, 2, 5);
    n7->v.Name.id = "x";
    n7->v.Name.ctx = VM_AST_OP_Store;
    n6->v.AnnAssign.target = n7;
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Name, 2, 7, 2, 10);
    n8->v.Name.id = "int";
    n8->v.Name.ctx = VM_AST_OP_Load;
    n6->v.AnnAssign.annotation = n8;
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Constant, 2, 13, 2, 14);
    n9->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n6->v.AnnAssign.value = n9;
    n6->v.AnnAssign.simple = 1;
    vm_ast *n10 = vm_ast_new(&A, VM_AST_AnnAssign, 3, 4, 3, 10);
    vm_ast *n11 = vm_ast_new(&A, VM_AST_Name, 3, 4, 3, 5);
    n11->v.Name.id = "y";
    n11->v.Name.ctx = VM_AST_OP_Store;
    n10->v.AnnAssign.target = n11;
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Name, 3, 7, 3, 10);
    n12->v.Name.id = "str";
    n12->v.Name.ctx = VM_AST_OP_Load;
    n10->v.AnnAssign.annotation = n12;
    n10->v.AnnAssign.simple = 1;
    vm_ast *n13 = vm_ast_new(&A, VM_AST_AnnAssign, 4, 4, 4, 12);
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Name, 4, 5, 4, 6);
    n14->v.Name.id = "z";
    n14->v.Name.ctx = VM_AST_OP_Store;
    n13->v.AnnAssign.target = n14;
    vm_ast *n15 = vm_ast_new(&A, VM_AST_Name, 4, 9, 4, 12);
    n15->v.Name.id = "int";
    n15->v.Name.ctx = VM_AST_OP_Load;
    n13->v.AnnAssign.annotation = n15;
    n13->v.AnnAssign.simple = 0;
    n2->v.ClassDef.body = seq_nodes(3, n6, n10, n13);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1), AnnAssign(target=Name(id='y', ctx=Store()), annotation=Name(id='str', ctx=Load()), simple=1), AnnAssign(target=Name(id='z', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], decorator_list=[])], type_ignores=[])",
                "class C(B, metaclass=M):\012    x: int = 1\012    y: str\012    (z): int");
}

Test(ast, dump_03)
{
    /* 'class D: pass' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_ClassDef, 1, 0, 1, 13);
    n2->v.ClassDef.name = "D";
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Pass, 1, 9, 1, 13);
    n2->v.ClassDef.body = seq_nodes(1, n3);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[ClassDef(name='D', bases=[], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[])",
                "class D: pass");
}

Test(ast, dump_04)
{
    /* 'del a, b[0], c.d' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Delete, 1, 0, 1, 16);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 4, 1, 5);
    n3->v.Name.id = "a";
    n3->v.Name.ctx = VM_AST_OP_Del;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Subscript, 1, 7, 1, 11);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Name, 1, 7, 1, 8);
    n5->v.Name.id = "b";
    n5->v.Name.ctx = VM_AST_OP_Load;
    n4->v.Subscript.value = n5;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Constant, 1, 9, 1, 10);
    n6->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(0)};
    n4->v.Subscript.slice = n6;
    n4->v.Subscript.ctx = VM_AST_OP_Del;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Attribute, 1, 13, 1, 16);
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Name, 1, 13, 1, 14);
    n8->v.Name.id = "c";
    n8->v.Name.ctx = VM_AST_OP_Load;
    n7->v.Attribute.value = n8;
    n7->v.Attribute.attr = "d";
    n7->v.Attribute.ctx = VM_AST_OP_Del;
    n2->v.Delete.targets = seq_nodes(3, n3, n4, n7);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Name(id='b', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Del())])], type_ignores=[])",
                "del a, b[0], c.d");
}

Test(ast, dump_05)
{
    /* 'a = b = 1\na += 2\na //= 3\na @= 4\na **= 5' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Assign, 1, 0, 1, 9);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 0, 1, 1);
    n3->v.Name.id = "a";
    n3->v.Name.ctx = VM_AST_OP_Store;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Name, 1, 4, 1, 5);
    n4->v.Name.id = "b";
    n4->v.Name.ctx = VM_AST_OP_Store;
    n2->v.Assign.targets = seq_nodes(2, n3, n4);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Constant, 1, 8, 1, 9);
    n5->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n2->v.Assign.value = n5;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_AugAssign, 2, 0, 2, 6);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Name, 2, 0, 2, 1);
    n7->v.Name.id = "a";
    n7->v.Name.ctx = VM_AST_OP_Store;
    n6->v.AugAssign.target = n7;
    n6->v.AugAssign.op = VM_AST_OP_Add;
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Constant, 2, 5, 2, 6);
    n8->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(2)};
    n6->v.AugAssign.value = n8;
    vm_ast *n9 = vm_ast_new(&A, VM_AST_AugAssign, 3, 0, 3, 7);
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Name, 3, 0, 3, 1);
    n10->v.Name.id = "a";
    n10->v.Name.ctx = VM_AST_OP_Store;
    n9->v.AugAssign.target = n10;
    n9->v.AugAssign.op = VM_AST_OP_FloorDiv;
    vm_ast *n11 = vm_ast_new(&A, VM_AST_Constant, 3, 6, 3, 7);
    n11->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(3)};
    n9->v.AugAssign.value = n11;
    vm_ast *n12 = vm_ast_new(&A, VM_AST_AugAssign, 4, 0, 4, 6);
    vm_ast *n13 = vm_ast_new(&A, VM_AST_Name, 4, 0, 4, 1);
    n13->v.Name.id = "a";
    n13->v.Name.ctx = VM_AST_OP_Store;
    n12->v.AugAssign.target = n13;
    n12->v.AugAssign.op = VM_AST_OP_MatMult;
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Constant, 4, 5, 4, 6);
    n14->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(4)};
    n12->v.AugAssign.value = n14;
    vm_ast *n15 = vm_ast_new(&A, VM_AST_AugAssign, 5, 0, 5, 7);
    vm_ast *n16 = vm_ast_new(&A, VM_AST_Name, 5, 0, 5, 1);
    n16->v.Name.id = "a";
    n16->v.Name.ctx = VM_AST_OP_Store;
    n15->v.AugAssign.target = n16;
    n15->v.AugAssign.op = VM_AST_OP_Pow;
    vm_ast *n17 = vm_ast_new(&A, VM_AST_Constant, 5, 6, 5, 7);
    n17->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(5)};
    n15->v.AugAssign.value = n17;
    n1->v.Module.body = seq_nodes(5, n2, n6, n9, n12, n15);
    expect_dump(n1,
                "Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], value=Constant(value=1)), AugAssign(target=Name(id='a', ctx=Store()), op=Add(), value=Constant(value=2)), AugAssign(target=Name(id='a', ctx=Store()), op=FloorDiv(), value=Constant(value=3)), AugAssign(target=Name(id='a', ctx=Store()), op=MatMult(), value=Constant(value=4)), AugAssign(target=Name(id='a', ctx=Store()), op=Pow(), value=Constant(value=5))], type_ignores=[])",
                "a = b = 1\012a += 2\012a //= 3\012a @= 4\012a **= 5");
}

Test(ast, dump_06)
{
    /* 'for i in range(10):\n    continue\nelse:\n    break' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_For, 1, 0, 4, 9);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 4, 1, 5);
    n3->v.Name.id = "i";
    n3->v.Name.ctx = VM_AST_OP_Store;
    n2->v.For.target = n3;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Call, 1, 9, 1, 18);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Name, 1, 9, 1, 14);
    n5->v.Name.id = "range";
    n5->v.Name.ctx = VM_AST_OP_Load;
    n4->v.Call.func = n5;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Constant, 1, 15, 1, 17);
    n6->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(10)};
    n4->v.Call.args = seq_nodes(1, n6);
    n2->v.For.iter = n4;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Continue, 2, 4, 2, 12);
    n2->v.For.body = seq_nodes(1, n7);
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Break, 4, 4, 4, 9);
    n2->v.For.orelse = seq_nodes(1, n8);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[For(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=10)], keywords=[]), body=[Continue()], orelse=[Break()])], type_ignores=[])",
                "for i in range(10):\012    continue\012else:\012    break");
}

Test(ast, dump_07)
{
    /* 'while x: pass\nelse: pass' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_While, 1, 0, 2, 10);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 6, 1, 7);
    n3->v.Name.id = "x";
    n3->v.Name.ctx = VM_AST_OP_Load;
    n2->v.While.test = n3;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Pass, 1, 9, 1, 13);
    n2->v.While.body = seq_nodes(1, n4);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Pass, 2, 6, 2, 10);
    n2->v.While.orelse = seq_nodes(1, n5);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[Pass()])], type_ignores=[])",
                "while x: pass\012else: pass");
}

Test(ast, dump_08)
{
    /* 'if a: pass\nelif b: pass\nelse: pass' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_If, 1, 0, 3, 10);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 3, 1, 4);
    n3->v.Name.id = "a";
    n3->v.Name.ctx = VM_AST_OP_Load;
    n2->v.If.test = n3;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Pass, 1, 6, 1, 10);
    n2->v.If.body = seq_nodes(1, n4);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_If, 2, 0, 3, 10);
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 2, 5, 2, 6);
    n6->v.Name.id = "b";
    n6->v.Name.ctx = VM_AST_OP_Load;
    n5->v.If.test = n6;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Pass, 2, 8, 2, 12);
    n5->v.If.body = seq_nodes(1, n7);
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Pass, 3, 6, 3, 10);
    n5->v.If.orelse = seq_nodes(1, n8);
    n2->v.If.orelse = seq_nodes(1, n5);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[Pass()])])], type_ignores=[])",
                "if a: pass\012elif b: pass\012else: pass");
}

Test(ast, dump_09)
{
    /* 'with open(f) as g, h: pass' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_With, 1, 0, 1, 26);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_withitem, 0, 0, 0, 0);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Call, 1, 5, 1, 12);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Name, 1, 5, 1, 9);
    n5->v.Name.id = "open";
    n5->v.Name.ctx = VM_AST_OP_Load;
    n4->v.Call.func = n5;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 1, 10, 1, 11);
    n6->v.Name.id = "f";
    n6->v.Name.ctx = VM_AST_OP_Load;
    n4->v.Call.args = seq_nodes(1, n6);
    n3->v.withitem.context_expr = n4;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Name, 1, 16, 1, 17);
    n7->v.Name.id = "g";
    n7->v.Name.ctx = VM_AST_OP_Store;
    n3->v.withitem.optional_vars = n7;
    vm_ast *n8 = vm_ast_new(&A, VM_AST_withitem, 0, 0, 0, 0);
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Name, 1, 19, 1, 20);
    n9->v.Name.id = "h";
    n9->v.Name.ctx = VM_AST_OP_Load;
    n8->v.withitem.context_expr = n9;
    n2->v.With.items = seq_nodes(2, n3, n8);
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Pass, 1, 22, 1, 26);
    n2->v.With.body = seq_nodes(1, n10);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='f', ctx=Load())], keywords=[]), optional_vars=Name(id='g', ctx=Store())), withitem(context_expr=Name(id='h', ctx=Load()))], body=[Pass()])], type_ignores=[])",
                "with open(f) as g, h: pass");
}

Test(ast, dump_10)
{
    /* "match x:\n case 1 | 2: pass\n case [a, *rest]: pass\n case {'k': v, **kw}: pass\n case {1: _}: pass\n case Point(0, x=0, y=_) if y > 0: pass\n case None: pass\n case True: pass\n case False: pass\n case str() as s: pass\n case _: pass\n case [*_]: pass\n case -1+2j: pass\n case a.b: pass\n case (x, y) | [x, y]: pass\n case b'x' | 'y' | 1.5: pass" */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Match, 1, 0, 16, 28);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 6, 1, 7);
    n3->v.Name.id = "x";
    n3->v.Name.ctx = VM_AST_OP_Load;
    n2->v.Match.subject = n3;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_MatchOr, 2, 6, 2, 11);
    vm_ast *n6 = vm_ast_new(&A, VM_AST_MatchValue, 2, 6, 2, 7);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Constant, 2, 6, 2, 7);
    n7->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n6->v.MatchValue.value = n7;
    vm_ast *n8 = vm_ast_new(&A, VM_AST_MatchValue, 2, 10, 2, 11);
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Constant, 2, 10, 2, 11);
    n9->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(2)};
    n8->v.MatchValue.value = n9;
    n5->v.MatchOr.patterns = seq_nodes(2, n6, n8);
    n4->v.match_case.pattern = n5;
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Pass, 2, 13, 2, 17);
    n4->v.match_case.body = seq_nodes(1, n10);
    vm_ast *n11 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n12 = vm_ast_new(&A, VM_AST_MatchSequence, 3, 6, 3, 16);
    vm_ast *n13 = vm_ast_new(&A, VM_AST_MatchAs, 3, 7, 3, 8);
    n13->v.MatchAs.name = "a";
    vm_ast *n14 = vm_ast_new(&A, VM_AST_MatchStar, 3, 10, 3, 15);
    n14->v.MatchStar.name = "rest";
    n12->v.MatchSequence.patterns = seq_nodes(2, n13, n14);
    n11->v.match_case.pattern = n12;
    vm_ast *n15 = vm_ast_new(&A, VM_AST_Pass, 3, 18, 3, 22);
    n11->v.match_case.body = seq_nodes(1, n15);
    vm_ast *n16 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n17 = vm_ast_new(&A, VM_AST_MatchMapping, 4, 6, 4, 20);
    vm_ast *n18 = vm_ast_new(&A, VM_AST_Constant, 4, 7, 4, 10);
    n18->v.Constant.value = str("k", 1);
    n17->v.MatchMapping.keys = seq_nodes(1, n18);
    vm_ast *n19 = vm_ast_new(&A, VM_AST_MatchAs, 4, 12, 4, 13);
    n19->v.MatchAs.name = "v";
    n17->v.MatchMapping.patterns = seq_nodes(1, n19);
    n17->v.MatchMapping.rest = "kw";
    n16->v.match_case.pattern = n17;
    vm_ast *n20 = vm_ast_new(&A, VM_AST_Pass, 4, 22, 4, 26);
    n16->v.match_case.body = seq_nodes(1, n20);
    vm_ast *n21 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n22 = vm_ast_new(&A, VM_AST_MatchMapping, 5, 6, 5, 12);
    vm_ast *n23 = vm_ast_new(&A, VM_AST_Constant, 5, 7, 5, 8);
    n23->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n22->v.MatchMapping.keys = seq_nodes(1, n23);
    vm_ast *n24 = vm_ast_new(&A, VM_AST_MatchAs, 5, 10, 5, 11);
    n22->v.MatchMapping.patterns = seq_nodes(1, n24);
    n21->v.match_case.pattern = n22;
    vm_ast *n25 = vm_ast_new(&A, VM_AST_Pass, 5, 14, 5, 18);
    n21->v.match_case.body = seq_nodes(1, n25);
    vm_ast *n26 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n27 = vm_ast_new(&A, VM_AST_MatchClass, 6, 6, 6, 24);
    vm_ast *n28 = vm_ast_new(&A, VM_AST_Name, 6, 6, 6, 11);
    n28->v.Name.id = "Point";
    n28->v.Name.ctx = VM_AST_OP_Load;
    n27->v.MatchClass.cls = n28;
    vm_ast *n29 = vm_ast_new(&A, VM_AST_MatchValue, 6, 12, 6, 13);
    vm_ast *n30 = vm_ast_new(&A, VM_AST_Constant, 6, 12, 6, 13);
    n30->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(0)};
    n29->v.MatchValue.value = n30;
    n27->v.MatchClass.patterns = seq_nodes(1, n29);
    n27->v.MatchClass.kwd_attrs = seq_ids(2, "x", "y");
    vm_ast *n31 = vm_ast_new(&A, VM_AST_MatchValue, 6, 17, 6, 18);
    vm_ast *n32 = vm_ast_new(&A, VM_AST_Constant, 6, 17, 6, 18);
    n32->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(0)};
    n31->v.MatchValue.value = n32;
    vm_ast *n33 = vm_ast_new(&A, VM_AST_MatchAs, 6, 22, 6, 23);
    n27->v.MatchClass.kwd_patterns = seq_nodes(2, n31, n33);
    n26->v.match_case.pattern = n27;
    vm_ast *n34 = vm_ast_new(&A, VM_AST_Compare, 6, 28, 6, 33);
    vm_ast *n35 = vm_ast_new(&A, VM_AST_Name, 6, 28, 6, 29);
    n35->v.Name.id = "y";
    n35->v.Name.ctx = VM_AST_OP_Load;
    n34->v.Compare.left = n35;
    n34->v.Compare.ops = seq_ops(1, VM_AST_OP_Gt);
    vm_ast *n36 = vm_ast_new(&A, VM_AST_Constant, 6, 32, 6, 33);
    n36->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(0)};
    n34->v.Compare.comparators = seq_nodes(1, n36);
    n26->v.match_case.guard = n34;
    vm_ast *n37 = vm_ast_new(&A, VM_AST_Pass, 6, 35, 6, 39);
    n26->v.match_case.body = seq_nodes(1, n37);
    vm_ast *n38 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n39 = vm_ast_new(&A, VM_AST_MatchSingleton, 7, 6, 7, 10);
    n39->v.MatchSingleton.value = (vm_ast_const){.kind = VM_CONST_NONE};
    n38->v.match_case.pattern = n39;
    vm_ast *n40 = vm_ast_new(&A, VM_AST_Pass, 7, 12, 7, 16);
    n38->v.match_case.body = seq_nodes(1, n40);
    vm_ast *n41 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n42 = vm_ast_new(&A, VM_AST_MatchSingleton, 8, 6, 8, 10);
    n42->v.MatchSingleton.value = (vm_ast_const){.kind = VM_CONST_TRUE};
    n41->v.match_case.pattern = n42;
    vm_ast *n43 = vm_ast_new(&A, VM_AST_Pass, 8, 12, 8, 16);
    n41->v.match_case.body = seq_nodes(1, n43);
    vm_ast *n44 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n45 = vm_ast_new(&A, VM_AST_MatchSingleton, 9, 6, 9, 11);
    n45->v.MatchSingleton.value = (vm_ast_const){.kind = VM_CONST_FALSE};
    n44->v.match_case.pattern = n45;
    vm_ast *n46 = vm_ast_new(&A, VM_AST_Pass, 9, 13, 9, 17);
    n44->v.match_case.body = seq_nodes(1, n46);
    vm_ast *n47 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n48 = vm_ast_new(&A, VM_AST_MatchAs, 10, 6, 10, 16);
    vm_ast *n49 = vm_ast_new(&A, VM_AST_MatchClass, 10, 6, 10, 11);
    vm_ast *n50 = vm_ast_new(&A, VM_AST_Name, 10, 6, 10, 9);
    n50->v.Name.id = "str";
    n50->v.Name.ctx = VM_AST_OP_Load;
    n49->v.MatchClass.cls = n50;
    n48->v.MatchAs.pattern = n49;
    n48->v.MatchAs.name = "s";
    n47->v.match_case.pattern = n48;
    vm_ast *n51 = vm_ast_new(&A, VM_AST_Pass, 10, 18, 10, 22);
    n47->v.match_case.body = seq_nodes(1, n51);
    vm_ast *n52 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n53 = vm_ast_new(&A, VM_AST_MatchAs, 11, 6, 11, 7);
    n52->v.match_case.pattern = n53;
    vm_ast *n54 = vm_ast_new(&A, VM_AST_Pass, 11, 9, 11, 13);
    n52->v.match_case.body = seq_nodes(1, n54);
    vm_ast *n55 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n56 = vm_ast_new(&A, VM_AST_MatchSequence, 12, 6, 12, 10);
    vm_ast *n57 = vm_ast_new(&A, VM_AST_MatchStar, 12, 7, 12, 9);
    n56->v.MatchSequence.patterns = seq_nodes(1, n57);
    n55->v.match_case.pattern = n56;
    vm_ast *n58 = vm_ast_new(&A, VM_AST_Pass, 12, 12, 12, 16);
    n55->v.match_case.body = seq_nodes(1, n58);
    vm_ast *n59 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n60 = vm_ast_new(&A, VM_AST_MatchValue, 13, 6, 13, 11);
    vm_ast *n61 = vm_ast_new(&A, VM_AST_BinOp, 13, 6, 13, 11);
    vm_ast *n62 = vm_ast_new(&A, VM_AST_UnaryOp, 13, 6, 13, 8);
    n62->v.UnaryOp.op = VM_AST_OP_USub;
    vm_ast *n63 = vm_ast_new(&A, VM_AST_Constant, 13, 7, 13, 8);
    n63->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n62->v.UnaryOp.operand = n63;
    n61->v.BinOp.left = n62;
    n61->v.BinOp.op = VM_AST_OP_Add;
    vm_ast *n64 = vm_ast_new(&A, VM_AST_Constant, 13, 9, 13, 11);
    n64->v.Constant.value = (vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = 0x1.0000000000000p+1};
    n61->v.BinOp.right = n64;
    n60->v.MatchValue.value = n61;
    n59->v.match_case.pattern = n60;
    vm_ast *n65 = vm_ast_new(&A, VM_AST_Pass, 13, 13, 13, 17);
    n59->v.match_case.body = seq_nodes(1, n65);
    vm_ast *n66 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n67 = vm_ast_new(&A, VM_AST_MatchValue, 14, 6, 14, 9);
    vm_ast *n68 = vm_ast_new(&A, VM_AST_Attribute, 14, 6, 14, 9);
    vm_ast *n69 = vm_ast_new(&A, VM_AST_Name, 14, 6, 14, 7);
    n69->v.Name.id = "a";
    n69->v.Name.ctx = VM_AST_OP_Load;
    n68->v.Attribute.value = n69;
    n68->v.Attribute.attr = "b";
    n68->v.Attribute.ctx = VM_AST_OP_Load;
    n67->v.MatchValue.value = n68;
    n66->v.match_case.pattern = n67;
    vm_ast *n70 = vm_ast_new(&A, VM_AST_Pass, 14, 11, 14, 15);
    n66->v.match_case.body = seq_nodes(1, n70);
    vm_ast *n71 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n72 = vm_ast_new(&A, VM_AST_MatchOr, 15, 6, 15, 21);
    vm_ast *n73 = vm_ast_new(&A, VM_AST_MatchSequence, 15, 6, 15, 12);
    vm_ast *n74 = vm_ast_new(&A, VM_AST_MatchAs, 15, 7, 15, 8);
    n74->v.MatchAs.name = "x";
    vm_ast *n75 = vm_ast_new(&A, VM_AST_MatchAs, 15, 10, 15, 11);
    n75->v.MatchAs.name = "y";
    n73->v.MatchSequence.patterns = seq_nodes(2, n74, n75);
    vm_ast *n76 = vm_ast_new(&A, VM_AST_MatchSequence, 15, 15, 15, 21);
    vm_ast *n77 = vm_ast_new(&A, VM_AST_MatchAs, 15, 16, 15, 17);
    n77->v.MatchAs.name = "x";
    vm_ast *n78 = vm_ast_new(&A, VM_AST_MatchAs, 15, 19, 15, 20);
    n78->v.MatchAs.name = "y";
    n76->v.MatchSequence.patterns = seq_nodes(2, n77, n78);
    n72->v.MatchOr.patterns = seq_nodes(2, n73, n76);
    n71->v.match_case.pattern = n72;
    vm_ast *n79 = vm_ast_new(&A, VM_AST_Pass, 15, 23, 15, 27);
    n71->v.match_case.body = seq_nodes(1, n79);
    vm_ast *n80 = vm_ast_new(&A, VM_AST_match_case, 0, 0, 0, 0);
    vm_ast *n81 = vm_ast_new(&A, VM_AST_MatchOr, 16, 6, 16, 22);
    vm_ast *n82 = vm_ast_new(&A, VM_AST_MatchValue, 16, 6, 16, 10);
    vm_ast *n83 = vm_ast_new(&A, VM_AST_Constant, 16, 6, 16, 10);
    n83->v.Constant.value = bytes_("x", 1);
    n82->v.MatchValue.value = n83;
    vm_ast *n84 = vm_ast_new(&A, VM_AST_MatchValue, 16, 13, 16, 16);
    vm_ast *n85 = vm_ast_new(&A, VM_AST_Constant, 16, 13, 16, 16);
    n85->v.Constant.value = str("y", 1);
    n84->v.MatchValue.value = n85;
    vm_ast *n86 = vm_ast_new(&A, VM_AST_MatchValue, 16, 19, 16, 22);
    vm_ast *n87 = vm_ast_new(&A, VM_AST_Constant, 16, 19, 16, 22);
    n87->v.Constant.value = (vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.8000000000000p+0};
    n86->v.MatchValue.value = n87;
    n81->v.MatchOr.patterns = seq_nodes(3, n82, n84, n86);
    n80->v.match_case.pattern = n81;
    vm_ast *n88 = vm_ast_new(&A, VM_AST_Pass, 16, 24, 16, 28);
    n80->v.match_case.body = seq_nodes(1, n88);
    n2->v.Match.cases = seq_nodes(15, n4, n11, n16, n21, n26, n38, n41, n44, n47, n52, n55, n59, n66, n71, n80);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchOr(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=Constant(value=2))]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchStar(name='rest')]), body=[Pass()]), match_case(pattern=MatchMapping(keys=[Constant(value='k')], patterns=[MatchAs(name='v')], rest='kw'), body=[Pass()]), match_case(pattern=MatchMapping(keys=[Constant(value=1)], patterns=[MatchAs()]), body=[Pass()]), match_case(pattern=MatchClass(cls=Name(id='Point', ctx=Load()), patterns=[MatchValue(value=Constant(value=0))], kwd_attrs=['x', 'y'], kwd_patterns=[MatchValue(value=Constant(value=0)), MatchAs()]), guard=Compare(left=Name(id='y', ctx=Load()), ops=[Gt()], comparators=[Constant(value=0)]), body=[Pass()]), match_case(pattern=MatchSingleton(value=None), body=[Pass()]), match_case(pattern=MatchSingleton(value=True), body=[Pass()]), match_case(pattern=MatchSingleton(value=False), body=[Pass()]), match_case(pattern=MatchAs(pattern=MatchClass(cls=Name(id='str', ctx=Load()), patterns=[], kwd_attrs=[], kwd_patterns=[]), name='s'), body=[Pass()]), match_case(pattern=MatchAs(), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchStar()]), body=[Pass()]), match_case(pattern=MatchValue(value=BinOp(left=UnaryOp(op=USub(), operand=Constant(value=1)), op=Add(), right=Constant(value=2j))), body=[Pass()]), match_case(pattern=MatchValue(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load())), body=[Pass()]), match_case(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchAs(name='x'), MatchAs(name='y')]), MatchSequence(patterns=[MatchAs(name='x'), MatchAs(name='y')])]), body=[Pass()]), match_case(pattern=MatchOr(patterns=[MatchValue(value=Constant(value=b'x')), MatchValue(value=Constant(value='y')), MatchValue(value=Constant(value=1.5))]), body=[Pass()])])], type_ignores=[])",
                "match x:\012 case 1 | 2: pass\012 case [a, *rest]: pass\012 case {'k': v, **kw}: pass\012 case {1: _}: pass\012 case Point(0, x=0, y=_) if y > 0: pass\012 case None: pass\012 case True: pass\012 case False: pass\012 case str() as s: pass\012 case _: pass\012 case [*_]: pass\012 case -1+2j: pass\012 case a.b: pass\012 case (x, y) | [x, y]: pass\012 case b'x' | 'y' | 1.5: pass");
}

Test(ast, dump_11)
{
    /* 'raise E from e\nraise' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Raise, 1, 0, 1, 14);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 6, 1, 7);
    n3->v.Name.id = "E";
    n3->v.Name.ctx = VM_AST_OP_Load;
    n2->v.Raise.exc = n3;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Name, 1, 13, 1, 14);
    n4->v.Name.id = "e";
    n4->v.Name.ctx = VM_AST_OP_Load;
    n2->v.Raise.cause = n4;
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Raise, 2, 0, 2, 5);
    n1->v.Module.body = seq_nodes(2, n2, n5);
    expect_dump(n1,
                "Module(body=[Raise(exc=Name(id='E', ctx=Load()), cause=Name(id='e', ctx=Load())), Raise()], type_ignores=[])",
                "raise E from e\012raise");
}

Test(ast, dump_12)
{
    /* 'try:\n pass\nexcept E as e:\n pass\nexcept (A, B):\n pass\nexcept:\n pass\nelse:\n pass\nfinally:\n pass' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Try, 1, 0, 12, 5);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Pass, 2, 1, 2, 5);
    n2->v.Try.body = seq_nodes(1, n3);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_ExceptHandler, 3, 0, 4, 5);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Name, 3, 7, 3, 8);
    n5->v.Name.id = "E";
    n5->v.Name.ctx = VM_AST_OP_Load;
    n4->v.ExceptHandler.type = n5;
    n4->v.ExceptHandler.name = "e";
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Pass, 4, 1, 4, 5);
    n4->v.ExceptHandler.body = seq_nodes(1, n6);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_ExceptHandler, 5, 0, 6, 5);
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Tuple, 5, 7, 5, 13);
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Name, 5, 8, 5, 9);
    n9->v.Name.id = "A";
    n9->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Name, 5, 11, 5, 12);
    n10->v.Name.id = "B";
    n10->v.Name.ctx = VM_AST_OP_Load;
    n8->v.Tuple.elts = seq_nodes(2, n9, n10);
    n8->v.Tuple.ctx = VM_AST_OP_Load;
    n7->v.ExceptHandler.type = n8;
    vm_ast *n11 = vm_ast_new(&A, VM_AST_Pass, 6, 1, 6, 5);
    n7->v.ExceptHandler.body = seq_nodes(1, n11);
    vm_ast *n12 = vm_ast_new(&A, VM_AST_ExceptHandler, 7, 0, 8, 5);
    vm_ast *n13 = vm_ast_new(&A, VM_AST_Pass, 8, 1, 8, 5);
    n12->v.ExceptHandler.body = seq_nodes(1, n13);
    n2->v.Try.handlers = seq_nodes(3, n4, n7, n12);
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Pass, 10, 1, 10, 5);
    n2->v.Try.orelse = seq_nodes(1, n14);
    vm_ast *n15 = vm_ast_new(&A, VM_AST_Pass, 12, 1, 12, 5);
    n2->v.Try.finalbody = seq_nodes(1, n15);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', body=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[])",
                "try:\012 pass\012except E as e:\012 pass\012except (A, B):\012 pass\012except:\012 pass\012else:\012 pass\012finally:\012 pass");
}

Test(ast, dump_13)
{
    /* 'try:\n pass\nexcept* E:\n pass\nexcept* F as f:\n pass' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_TryStar, 1, 0, 6, 5);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Pass, 2, 1, 2, 5);
    n2->v.TryStar.body = seq_nodes(1, n3);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_ExceptHandler, 3, 0, 4, 5);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Name, 3, 8, 3, 9);
    n5->v.Name.id = "E";
    n5->v.Name.ctx = VM_AST_OP_Load;
    n4->v.ExceptHandler.type = n5;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Pass, 4, 1, 4, 5);
    n4->v.ExceptHandler.body = seq_nodes(1, n6);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_ExceptHandler, 5, 0, 6, 5);
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Name, 5, 8, 5, 9);
    n8->v.Name.id = "F";
    n8->v.Name.ctx = VM_AST_OP_Load;
    n7->v.ExceptHandler.type = n8;
    n7->v.ExceptHandler.name = "f";
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Pass, 6, 1, 6, 5);
    n7->v.ExceptHandler.body = seq_nodes(1, n9);
    n2->v.TryStar.handlers = seq_nodes(2, n4, n7);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Pass()]), ExceptHandler(type=Name(id='F', ctx=Load()), name='f', body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[])",
                "try:\012 pass\012except* E:\012 pass\012except* F as f:\012 pass");
}

Test(ast, dump_14)
{
    /* 'try:\n pass\nfinally:\n pass' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Try, 1, 0, 4, 5);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Pass, 2, 1, 2, 5);
    n2->v.Try.body = seq_nodes(1, n3);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Pass, 4, 1, 4, 5);
    n2->v.Try.finalbody = seq_nodes(1, n4);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[Try(body=[Pass()], handlers=[], orelse=[], finalbody=[Pass()])], type_ignores=[])",
                "try:\012 pass\012finally:\012 pass");
}

Test(ast, dump_15)
{
    /* "assert x, 'msg'\nassert y" */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Assert, 1, 0, 1, 15);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 7, 1, 8);
    n3->v.Name.id = "x";
    n3->v.Name.ctx = VM_AST_OP_Load;
    n2->v.Assert.test = n3;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Constant, 1, 10, 1, 15);
    n4->v.Constant.value = str("msg", 3);
    n2->v.Assert.msg = n4;
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Assert, 2, 0, 2, 8);
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 2, 7, 2, 8);
    n6->v.Name.id = "y";
    n6->v.Name.ctx = VM_AST_OP_Load;
    n5->v.Assert.test = n6;
    n1->v.Module.body = seq_nodes(2, n2, n5);
    expect_dump(n1,
                "Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg')), Assert(test=Name(id='y', ctx=Load()))], type_ignores=[])",
                "assert x, 'msg'\012assert y");
}

Test(ast, dump_16)
{
    /* 'import a.b as c, d\nfrom . import x as y\nfrom .. m import *\nfrom m import n\nfrom .a.b import (c, d as e)' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Import, 1, 0, 1, 18);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_alias, 1, 7, 1, 15);
    n3->v.alias.name = "a.b";
    n3->v.alias.asname = "c";
    vm_ast *n4 = vm_ast_new(&A, VM_AST_alias, 1, 17, 1, 18);
    n4->v.alias.name = "d";
    n2->v.Import.names = seq_nodes(2, n3, n4);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_ImportFrom, 2, 0, 2, 20);
    vm_ast *n6 = vm_ast_new(&A, VM_AST_alias, 2, 14, 2, 20);
    n6->v.alias.name = "x";
    n6->v.alias.asname = "y";
    n5->v.ImportFrom.names = seq_nodes(1, n6);
    n5->v.ImportFrom.level = 1;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_ImportFrom, 3, 0, 3, 18);
    n7->v.ImportFrom.module = "m";
    vm_ast *n8 = vm_ast_new(&A, VM_AST_alias, 3, 17, 3, 18);
    n8->v.alias.name = "*";
    n7->v.ImportFrom.names = seq_nodes(1, n8);
    n7->v.ImportFrom.level = 2;
    vm_ast *n9 = vm_ast_new(&A, VM_AST_ImportFrom, 4, 0, 4, 15);
    n9->v.ImportFrom.module = "m";
    vm_ast *n10 = vm_ast_new(&A, VM_AST_alias, 4, 14, 4, 15);
    n10->v.alias.name = "n";
    n9->v.ImportFrom.names = seq_nodes(1, n10);
    n9->v.ImportFrom.level = 0;
    vm_ast *n11 = vm_ast_new(&A, VM_AST_ImportFrom, 5, 0, 5, 28);
    n11->v.ImportFrom.module = "a.b";
    vm_ast *n12 = vm_ast_new(&A, VM_AST_alias, 5, 18, 5, 19);
    n12->v.alias.name = "c";
    vm_ast *n13 = vm_ast_new(&A, VM_AST_alias, 5, 21, 5, 27);
    n13->v.alias.name = "d";
    n13->v.alias.asname = "e";
    n11->v.ImportFrom.names = seq_nodes(2, n12, n13);
    n11->v.ImportFrom.level = 1;
    n1->v.Module.body = seq_nodes(5, n2, n5, n7, n9, n11);
    expect_dump(n1,
                "Module(body=[Import(names=[alias(name='a.b', asname='c'), alias(name='d')]), ImportFrom(names=[alias(name='x', asname='y')], level=1), ImportFrom(module='m', names=[alias(name='*')], level=2), ImportFrom(module='m', names=[alias(name='n')], level=0), ImportFrom(module='a.b', names=[alias(name='c'), alias(name='d', asname='e')], level=1)], type_ignores=[])",
                "import a.b as c, d\012from . import x as y\012from .. m import *\012from m import n\012from .a.b import (c, d as e)");
}

Test(ast, dump_17)
{
    /* 'def outer():\n    global a, b\n    def inner():\n        nonlocal c' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_FunctionDef, 1, 0, 4, 18);
    n2->v.FunctionDef.name = "outer";
    vm_ast *n3 = vm_ast_new(&A, VM_AST_arguments, 0, 0, 0, 0);
    n2->v.FunctionDef.args = n3;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Global, 2, 4, 2, 15);
    n4->v.Global.names = seq_ids(2, "a", "b");
    vm_ast *n5 = vm_ast_new(&A, VM_AST_FunctionDef, 3, 4, 4, 18);
    n5->v.FunctionDef.name = "inner";
    vm_ast *n6 = vm_ast_new(&A, VM_AST_arguments, 0, 0, 0, 0);
    n5->v.FunctionDef.args = n6;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Nonlocal, 4, 8, 4, 18);
    n7->v.Nonlocal.names = seq_ids(1, "c");
    n5->v.FunctionDef.body = seq_nodes(1, n7);
    n2->v.FunctionDef.body = seq_nodes(2, n4, n5);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[FunctionDef(name='outer', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Global(names=['a', 'b']), FunctionDef(name='inner', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Nonlocal(names=['c'])], decorator_list=[])], decorator_list=[])], type_ignores=[])",
                "def outer():\012    global a, b\012    def inner():\012        nonlocal c");
}

Test(ast, dump_18)
{
    /* 'a and b or not c and d' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 22);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_BoolOp, 1, 0, 1, 22);
    n3->v.BoolOp.op = VM_AST_OP_Or;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_BoolOp, 1, 0, 1, 7);
    n4->v.BoolOp.op = VM_AST_OP_And;
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Name, 1, 0, 1, 1);
    n5->v.Name.id = "a";
    n5->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 1, 6, 1, 7);
    n6->v.Name.id = "b";
    n6->v.Name.ctx = VM_AST_OP_Load;
    n4->v.BoolOp.values = seq_nodes(2, n5, n6);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_BoolOp, 1, 11, 1, 22);
    n7->v.BoolOp.op = VM_AST_OP_And;
    vm_ast *n8 = vm_ast_new(&A, VM_AST_UnaryOp, 1, 11, 1, 16);
    n8->v.UnaryOp.op = VM_AST_OP_Not;
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Name, 1, 15, 1, 16);
    n9->v.Name.id = "c";
    n9->v.Name.ctx = VM_AST_OP_Load;
    n8->v.UnaryOp.operand = n9;
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Name, 1, 21, 1, 22);
    n10->v.Name.id = "d";
    n10->v.Name.ctx = VM_AST_OP_Load;
    n7->v.BoolOp.values = seq_nodes(2, n8, n10);
    n3->v.BoolOp.values = seq_nodes(2, n4, n7);
    n2->v.Expr.value = n3;
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]), BoolOp(op=And(), values=[UnaryOp(op=Not(), operand=Name(id='c', ctx=Load())), Name(id='d', ctx=Load())])]))], type_ignores=[])",
                "a and b or not c and d");
}

Test(ast, dump_19)
{
    /* '(x := 1)' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 8);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_NamedExpr, 1, 1, 1, 7);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Name, 1, 1, 1, 2);
    n4->v.Name.id = "x";
    n4->v.Name.ctx = VM_AST_OP_Store;
    n3->v.NamedExpr.target = n4;
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Constant, 1, 6, 1, 7);
    n5->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n3->v.NamedExpr.value = n5;
    n2->v.Expr.value = n3;
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[Expr(value=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)))], type_ignores=[])",
                "(x := 1)");
}

Test(ast, dump_20)
{
    /* 'a + b - c * d @ e / f % g ** h << i >> j | k ^ l & m // n' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 57);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_BinOp, 1, 0, 1, 57);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_BinOp, 1, 0, 1, 40);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_BinOp, 1, 0, 1, 35);
    vm_ast *n6 = vm_ast_new(&A, VM_AST_BinOp, 1, 0, 1, 30);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_BinOp, 1, 0, 1, 5);
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Name, 1, 0, 1, 1);
    n8->v.Name.id = "a";
    n8->v.Name.ctx = VM_AST_OP_Load;
    n7->v.BinOp.left = n8;
    n7->v.BinOp.op = VM_AST_OP_Add;
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Name, 1, 4, 1, 5);
    n9->v.Name.id = "b";
    n9->v.Name.ctx = VM_AST_OP_Load;
    n7->v.BinOp.right = n9;
    n6->v.BinOp.left = n7;
    n6->v.BinOp.op = VM_AST_OP_Sub;
    vm_ast *n10 = vm_ast_new(&A, VM_AST_BinOp, 1, 8, 1, 30);
    vm_ast *n11 = vm_ast_new(&A, VM_AST_BinOp, 1, 8, 1, 21);
    vm_ast *n12 = vm_ast_new(&A, VM_AST_BinOp, 1, 8, 1, 17);
    vm_ast *n13 = vm_ast_new(&A, VM_AST_BinOp, 1, 8, 1, 13);
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Name, 1, 8, 1, 9);
    n14->v.Name.id = "c";
    n14->v.Name.ctx = VM_AST_OP_Load;
    n13->v.BinOp.left = n14;
    n13->v.BinOp.op = VM_AST_OP_Mult;
    vm_ast *n15 = vm_ast_new(&A, VM_AST_Name, 1, 12, 1, 13);
    n15->v.Name.id = "d";
    n15->v.Name.ctx = VM_AST_OP_Load;
    n13->v.BinOp.right = n15;
    n12->v.BinOp.left = n13;
    n12->v.BinOp.op = VM_AST_OP_MatMult;
    vm_ast *n16 = vm_ast_new(&A, VM_AST_Name, 1, 16, 1, 17);
    n16->v.Name.id = "e";
    n16->v.Name.ctx = VM_AST_OP_Load;
    n12->v.BinOp.right = n16;
    n11->v.BinOp.left = n12;
    n11->v.BinOp.op = VM_AST_OP_Div;
    vm_ast *n17 = vm_ast_new(&A, VM_AST_Name, 1, 20, 1, 21);
    n17->v.Name.id = "f";
    n17->v.Name.ctx = VM_AST_OP_Load;
    n11->v.BinOp.right = n17;
    n10->v.BinOp.left = n11;
    n10->v.BinOp.op = VM_AST_OP_Mod;
    vm_ast *n18 = vm_ast_new(&A, VM_AST_BinOp, 1, 24, 1, 30);
    vm_ast *n19 = vm_ast_new(&A, VM_AST_Name, 1, 24, 1, 25);
    n19->v.Name.id = "g";
    n19->v.Name.ctx = VM_AST_OP_Load;
    n18->v.BinOp.left = n19;
    n18->v.BinOp.op = VM_AST_OP_Pow;
    vm_ast *n20 = vm_ast_new(&A, VM_AST_Name, 1, 29, 1, 30);
    n20->v.Name.id = "h";
    n20->v.Name.ctx = VM_AST_OP_Load;
    n18->v.BinOp.right = n20;
    n10->v.BinOp.right = n18;
    n6->v.BinOp.right = n10;
    n5->v.BinOp.left = n6;
    n5->v.BinOp.op = VM_AST_OP_LShift;
    vm_ast *n21 = vm_ast_new(&A, VM_AST_Name, 1, 34, 1, 35);
    n21->v.Name.id = "i";
    n21->v.Name.ctx = VM_AST_OP_Load;
    n5->v.BinOp.right = n21;
    n4->v.BinOp.left = n5;
    n4->v.BinOp.op = VM_AST_OP_RShift;
    vm_ast *n22 = vm_ast_new(&A, VM_AST_Name, 1, 39, 1, 40);
    n22->v.Name.id = "j";
    n22->v.Name.ctx = VM_AST_OP_Load;
    n4->v.BinOp.right = n22;
    n3->v.BinOp.left = n4;
    n3->v.BinOp.op = VM_AST_OP_BitOr;
    vm_ast *n23 = vm_ast_new(&A, VM_AST_BinOp, 1, 43, 1, 57);
    vm_ast *n24 = vm_ast_new(&A, VM_AST_Name, 1, 43, 1, 44);
    n24->v.Name.id = "k";
    n24->v.Name.ctx = VM_AST_OP_Load;
    n23->v.BinOp.left = n24;
    n23->v.BinOp.op = VM_AST_OP_BitXor;
    vm_ast *n25 = vm_ast_new(&A, VM_AST_BinOp, 1, 47, 1, 57);
    vm_ast *n26 = vm_ast_new(&A, VM_AST_Name, 1, 47, 1, 48);
    n26->v.Name.id = "l";
    n26->v.Name.ctx = VM_AST_OP_Load;
    n25->v.BinOp.left = n26;
    n25->v.BinOp.op = VM_AST_OP_BitAnd;
    vm_ast *n27 = vm_ast_new(&A, VM_AST_BinOp, 1, 51, 1, 57);
    vm_ast *n28 = vm_ast_new(&A, VM_AST_Name, 1, 51, 1, 52);
    n28->v.Name.id = "m";
    n28->v.Name.ctx = VM_AST_OP_Load;
    n27->v.BinOp.left = n28;
    n27->v.BinOp.op = VM_AST_OP_FloorDiv;
    vm_ast *n29 = vm_ast_new(&A, VM_AST_Name, 1, 56, 1, 57);
    n29->v.Name.id = "n";
    n29->v.Name.ctx = VM_AST_OP_Load;
    n27->v.BinOp.right = n29;
    n25->v.BinOp.right = n27;
    n23->v.BinOp.right = n25;
    n3->v.BinOp.right = n23;
    n2->v.Expr.value = n3;
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[Expr(value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Name(id='b', ctx=Load())), op=Sub(), right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='c', ctx=Load()), op=Mult(), right=Name(id='d', ctx=Load())), op=MatMult(), right=Name(id='e', ctx=Load())), op=Div(), right=Name(id='f', ctx=Load())), op=Mod(), right=BinOp(left=Name(id='g', ctx=Load()), op=Pow(), right=Name(id='h', ctx=Load())))), op=LShift(), right=Name(id='i', ctx=Load())), op=RShift(), right=Name(id='j', ctx=Load())), op=BitOr(), right=BinOp(left=Name(id='k', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='l', ctx=Load()), op=BitAnd(), right=BinOp(left=Name(id='m', ctx=Load()), op=FloorDiv(), right=Name(id='n', ctx=Load()))))))], type_ignores=[])",
                "a + b - c * d @ e / f % g ** h << i >> j | k ^ l & m // n");
}

Test(ast, dump_21)
{
    /* '-a + ~b + +c' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 12);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_BinOp, 1, 0, 1, 12);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_BinOp, 1, 0, 1, 7);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_UnaryOp, 1, 0, 1, 2);
    n5->v.UnaryOp.op = VM_AST_OP_USub;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 1, 1, 1, 2);
    n6->v.Name.id = "a";
    n6->v.Name.ctx = VM_AST_OP_Load;
    n5->v.UnaryOp.operand = n6;
    n4->v.BinOp.left = n5;
    n4->v.BinOp.op = VM_AST_OP_Add;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_UnaryOp, 1, 5, 1, 7);
    n7->v.UnaryOp.op = VM_AST_OP_Invert;
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Name, 1, 6, 1, 7);
    n8->v.Name.id = "b";
    n8->v.Name.ctx = VM_AST_OP_Load;
    n7->v.UnaryOp.operand = n8;
    n4->v.BinOp.right = n7;
    n3->v.BinOp.left = n4;
    n3->v.BinOp.op = VM_AST_OP_Add;
    vm_ast *n9 = vm_ast_new(&A, VM_AST_UnaryOp, 1, 10, 1, 12);
    n9->v.UnaryOp.op = VM_AST_OP_UAdd;
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Name, 1, 11, 1, 12);
    n10->v.Name.id = "c";
    n10->v.Name.ctx = VM_AST_OP_Load;
    n9->v.UnaryOp.operand = n10;
    n3->v.BinOp.right = n9;
    n2->v.Expr.value = n3;
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[Expr(value=BinOp(left=BinOp(left=UnaryOp(op=USub(), operand=Name(id='a', ctx=Load())), op=Add(), right=UnaryOp(op=Invert(), operand=Name(id='b', ctx=Load()))), op=Add(), right=UnaryOp(op=UAdd(), operand=Name(id='c', ctx=Load()))))], type_ignores=[])",
                "-a + ~b + +c");
}

Test(ast, dump_22)
{
    /* 'lambda x, *y, z=1, **w: x\nlambda: 0\nlambda *, k: k' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 25);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Lambda, 1, 0, 1, 25);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_arguments, 0, 0, 0, 0);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_arg, 1, 7, 1, 8);
    n5->v.arg.arg = "x";
    n4->v.arguments.args = seq_nodes(1, n5);
    vm_ast *n6 = vm_ast_new(&A, VM_AST_arg, 1, 11, 1, 12);
    n6->v.arg.arg = "y";
    n4->v.arguments.vararg = n6;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_arg, 1, 14, 1, 15);
    n7->v.arg.arg = "z";
    n4->v.arguments.kwonlyargs = seq_nodes(1, n7);
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Constant, 1, 16, 1, 17);
    n8->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n4->v.arguments.kw_defaults = seq_nodes(1, n8);
    vm_ast *n9 = vm_ast_new(&A, VM_AST_arg, 1, 21, 1, 22);
    n9->v.arg.arg = "w";
    n4->v.arguments.kwarg = n9;
    n3->v.Lambda.args = n4;
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Name, 1, 24, 1, 25);
    n10->v.Name.id = "x";
    n10->v.Name.ctx = VM_AST_OP_Load;
    n3->v.Lambda.body = n10;
    n2->v.Expr.value = n3;
    vm_ast *n11 = vm_ast_new(&A, VM_AST_Expr, 2, 0, 2, 9);
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Lambda, 2, 0, 2, 9);
    vm_ast *n13 = vm_ast_new(&A, VM_AST_arguments, 0, 0, 0, 0);
    n12->v.Lambda.args = n13;
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Constant, 2, 8, 2, 9);
    n14->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(0)};
    n12->v.Lambda.body = n14;
    n11->v.Expr.value = n12;
    vm_ast *n15 = vm_ast_new(&A, VM_AST_Expr, 3, 0, 3, 14);
    vm_ast *n16 = vm_ast_new(&A, VM_AST_Lambda, 3, 0, 3, 14);
    vm_ast *n17 = vm_ast_new(&A, VM_AST_arguments, 0, 0, 0, 0);
    vm_ast *n18 = vm_ast_new(&A, VM_AST_arg, 3, 10, 3, 11);
    n18->v.arg.arg = "k";
    n17->v.arguments.kwonlyargs = seq_nodes(1, n18);
    n17->v.arguments.kw_defaults = seq_nodes(1, NULL);
    n16->v.Lambda.args = n17;
    vm_ast *n19 = vm_ast_new(&A, VM_AST_Name, 3, 13, 3, 14);
    n19->v.Name.id = "k";
    n19->v.Name.ctx = VM_AST_OP_Load;
    n16->v.Lambda.body = n19;
    n15->v.Expr.value = n16;
    n1->v.Module.body = seq_nodes(3, n2, n11, n15);
    expect_dump(n1,
                "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], vararg=arg(arg='y'), kwonlyargs=[arg(arg='z')], kw_defaults=[Constant(value=1)], kwarg=arg(arg='w'), defaults=[]), body=Name(id='x', ctx=Load()))), Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0))), Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='k')], kw_defaults=[None], defaults=[]), body=Name(id='k', ctx=Load())))], type_ignores=[])",
                "lambda x, *y, z=1, **w: x\012lambda: 0\012lambda *, k: k");
}

Test(ast, dump_23)
{
    /* 'a if b else c' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 13);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_IfExp, 1, 0, 1, 13);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Name, 1, 5, 1, 6);
    n4->v.Name.id = "b";
    n4->v.Name.ctx = VM_AST_OP_Load;
    n3->v.IfExp.test = n4;
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Name, 1, 0, 1, 1);
    n5->v.Name.id = "a";
    n5->v.Name.ctx = VM_AST_OP_Load;
    n3->v.IfExp.body = n5;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 1, 12, 1, 13);
    n6->v.Name.id = "c";
    n6->v.Name.ctx = VM_AST_OP_Load;
    n3->v.IfExp.orelse = n6;
    n2->v.Expr.value = n3;
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))], type_ignores=[])",
                "a if b else c");
}

Test(ast, dump_24)
{
    /* '{1: 2, **d}\n{}\n{1, 2}' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 11);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Dict, 1, 0, 1, 11);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Constant, 1, 1, 1, 2);
    n4->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n3->v.Dict.keys = seq_nodes(2, n4, NULL);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Constant, 1, 4, 1, 5);
    n5->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(2)};
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 1, 9, 1, 10);
    n6->v.Name.id = "d";
    n6->v.Name.ctx = VM_AST_OP_Load;
    n3->v.Dict.values = seq_nodes(2, n5, n6);
    n2->v.Expr.value = n3;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Expr, 2, 0, 2, 2);
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Dict, 2, 0, 2, 2);
    n7->v.Expr.value = n8;
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Expr, 3, 0, 3, 6);
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Set, 3, 0, 3, 6);
    vm_ast *n11 = vm_ast_new(&A, VM_AST_Constant, 3, 1, 3, 2);
    n11->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Constant, 3, 4, 3, 5);
    n12->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(2)};
    n10->v.Set.elts = seq_nodes(2, n11, n12);
    n9->v.Expr.value = n10;
    n1->v.Module.body = seq_nodes(3, n2, n7, n9);
    expect_dump(n1,
                "Module(body=[Expr(value=Dict(keys=[Constant(value=1), None], values=[Constant(value=2), Name(id='d', ctx=Load())])), Expr(value=Dict(keys=[], values=[])), Expr(value=Set(elts=[Constant(value=1), Constant(value=2)]))], type_ignores=[])",
                "{1: 2, **d}\012{}\012{1, 2}");
}

Test(ast, dump_25)
{
    /* '[x for x in y if x if z]\n{x for x in y}\n{k: v for k, v in d.items()}\n(x for x in y for z in x)' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 24);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_ListComp, 1, 0, 1, 24);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Name, 1, 1, 1, 2);
    n4->v.Name.id = "x";
    n4->v.Name.ctx = VM_AST_OP_Load;
    n3->v.ListComp.elt = n4;
    vm_ast *n5 = vm_ast_new(&A, VM_AST_comprehension, 0, 0, 0, 0);
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 1, 7, 1, 8);
    n6->v.Name.id = "x";
    n6->v.Name.ctx = VM_AST_OP_Store;
    n5->v.comprehension.target = n6;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Name, 1, 12, 1, 13);
    n7->v.Name.id = "y";
    n7->v.Name.ctx = VM_AST_OP_Load;
    n5->v.comprehension.iter = n7;
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Name, 1, 17, 1, 18);
    n8->v.Name.id = "x";
    n8->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Name, 1, 22, 1, 23);
    n9->v.Name.id = "z";
    n9->v.Name.ctx = VM_AST_OP_Load;
    n5->v.comprehension.ifs = seq_nodes(2, n8, n9);
    n5->v.comprehension.is_async = 0;
    n3->v.ListComp.generators = seq_nodes(1, n5);
    n2->v.Expr.value = n3;
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Expr, 2, 0, 2, 14);
    vm_ast *n11 = vm_ast_new(&A, VM_AST_SetComp, 2, 0, 2, 14);
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Name, 2, 1, 2, 2);
    n12->v.Name.id = "x";
    n12->v.Name.ctx = VM_AST_OP_Load;
    n11->v.SetComp.elt = n12;
    vm_ast *n13 = vm_ast_new(&A, VM_AST_comprehension, 0, 0, 0, 0);
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Name, 2, 7, 2, 8);
    n14->v.Name.id = "x";
    n14->v.Name.ctx = VM_AST_OP_Store;
    n13->v.comprehension.target = n14;
    vm_ast *n15 = vm_ast_new(&A, VM_AST_Name, 2, 12, 2, 13);
    n15->v.Name.id = "y";
    n15->v.Name.ctx = VM_AST_OP_Load;
    n13->v.comprehension.iter = n15;
    n13->v.comprehension.is_async = 0;
    n11->v.SetComp.generators = seq_nodes(1, n13);
    n10->v.Expr.value = n11;
    vm_ast *n16 = vm_ast_new(&A, VM_AST_Expr, 3, 0, 3, 28);
    vm_ast *n17 = vm_ast_new(&A, VM_AST_DictComp, 3, 0, 3, 28);
    vm_ast *n18 = vm_ast_new(&A, VM_AST_Name, 3, 1, 3, 2);
    n18->v.Name.id = "k";
    n18->v.Name.ctx = VM_AST_OP_Load;
    n17->v.DictComp.key = n18;
    vm_ast *n19 = vm_ast_new(&A, VM_AST_Name, 3, 4, 3, 5);
    n19->v.Name.id = "v";
    n19->v.Name.ctx = VM_AST_OP_Load;
    n17->v.DictComp.value = n19;
    vm_ast *n20 = vm_ast_new(&A, VM_AST_comprehension, 0, 0, 0, 0);
    vm_ast *n21 = vm_ast_new(&A, VM_AST_Tuple, 3, 10, 3, 14);
    vm_ast *n22 = vm_ast_new(&A, VM_AST_Name, 3, 10, 3, 11);
    n22->v.Name.id = "k";
    n22->v.Name.ctx = VM_AST_OP_Store;
    vm_ast *n23 = vm_ast_new(&A, VM_AST_Name, 3, 13, 3, 14);
    n23->v.Name.id = "v";
    n23->v.Name.ctx = VM_AST_OP_Store;
    n21->v.Tuple.elts = seq_nodes(2, n22, n23);
    n21->v.Tuple.ctx = VM_AST_OP_Store;
    n20->v.comprehension.target = n21;
    vm_ast *n24 = vm_ast_new(&A, VM_AST_Call, 3, 18, 3, 27);
    vm_ast *n25 = vm_ast_new(&A, VM_AST_Attribute, 3, 18, 3, 25);
    vm_ast *n26 = vm_ast_new(&A, VM_AST_Name, 3, 18, 3, 19);
    n26->v.Name.id = "d";
    n26->v.Name.ctx = VM_AST_OP_Load;
    n25->v.Attribute.value = n26;
    n25->v.Attribute.attr = "items";
    n25->v.Attribute.ctx = VM_AST_OP_Load;
    n24->v.Call.func = n25;
    n20->v.comprehension.iter = n24;
    n20->v.comprehension.is_async = 0;
    n17->v.DictComp.generators = seq_nodes(1, n20);
    n16->v.Expr.value = n17;
    vm_ast *n27 = vm_ast_new(&A, VM_AST_Expr, 4, 0, 4, 25);
    vm_ast *n28 = vm_ast_new(&A, VM_AST_GeneratorExp, 4, 0, 4, 25);
    vm_ast *n29 = vm_ast_new(&A, VM_AST_Name, 4, 1, 4, 2);
    n29->v.Name.id = "x";
    n29->v.Name.ctx = VM_AST_OP_Load;
    n28->v.GeneratorExp.elt = n29;
    vm_ast *n30 = vm_ast_new(&A, VM_AST_comprehension, 0, 0, 0, 0);
    vm_ast *n31 = vm_ast_new(&A, VM_AST_Name, 4, 7, 4, 8);
    n31->v.Name.id = "x";
    n31->v.Name.ctx = VM_AST_OP_Store;
    n30->v.comprehension.target = n31;
    vm_ast *n32 = vm_ast_new(&A, VM_AST_Name, 4, 12, 4, 13);
    n32->v.Name.id = "y";
    n32->v.Name.ctx = VM_AST_OP_Load;
    n30->v.comprehension.iter = n32;
    n30->v.comprehension.is_async = 0;
    vm_ast *n33 = vm_ast_new(&A, VM_AST_comprehension, 0, 0, 0, 0);
    vm_ast *n34 = vm_ast_new(&A, VM_AST_Name, 4, 18, 4, 19);
    n34->v.Name.id = "z";
    n34->v.Name.ctx = VM_AST_OP_Store;
    n33->v.comprehension.target = n34;
    vm_ast *n35 = vm_ast_new(&A, VM_AST_Name, 4, 23, 4, 24);
    n35->v.Name.id = "x";
    n35->v.Name.ctx = VM_AST_OP_Load;
    n33->v.comprehension.iter = n35;
    n33->v.comprehension.is_async = 0;
    n28->v.GeneratorExp.generators = seq_nodes(2, n30, n33);
    n27->v.Expr.value = n28;
    n1->v.Module.body = seq_nodes(4, n2, n10, n16, n27);
    expect_dump(n1,
                "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load()), Name(id='z', ctx=Load())], is_async=0)])), Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])), Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Call(func=Attribute(value=Name(id='d', ctx=Load()), attr='items', ctx=Load()), args=[], keywords=[]), ifs=[], is_async=0)])), Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0), comprehension(target=Name(id='z', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])",
                "[x for x in y if x if z]\012{x for x in y}\012{k: v for k, v in d.items()}\012(x for x in y for z in x)");
}

Test(ast, dump_26)
{
    /* 'async def h():\n    [a async for b in c]\n    {a: b async for a, b in c}' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_AsyncFunctionDef, 1, 0, 3, 30);
    n2->v.AsyncFunctionDef.name = "h";
    vm_ast *n3 = vm_ast_new(&A, VM_AST_arguments, 0, 0, 0, 0);
    n2->v.AsyncFunctionDef.args = n3;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Expr, 2, 4, 2, 24);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_ListComp, 2, 4, 2, 24);
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 2, 5, 2, 6);
    n6->v.Name.id = "a";
    n6->v.Name.ctx = VM_AST_OP_Load;
    n5->v.ListComp.elt = n6;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_comprehension, 0, 0, 0, 0);
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Name, 2, 17, 2, 18);
    n8->v.Name.id = "b";
    n8->v.Name.ctx = VM_AST_OP_Store;
    n7->v.comprehension.target = n8;
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Name, 2, 22, 2, 23);
    n9->v.Name.id = "c";
    n9->v.Name.ctx = VM_AST_OP_Load;
    n7->v.comprehension.iter = n9;
    n7->v.comprehension.is_async = 1;
    n5->v.ListComp.generators = seq_nodes(1, n7);
    n4->v.Expr.value = n5;
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Expr, 3, 4, 3, 30);
    vm_ast *n11 = vm_ast_new(&A, VM_AST_DictComp, 3, 4, 3, 30);
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Name, 3, 5, 3, 6);
    n12->v.Name.id = "a";
    n12->v.Name.ctx = VM_AST_OP_Load;
    n11->v.DictComp.key = n12;
    vm_ast *n13 = vm_ast_new(&A, VM_AST_Name, 3, 8, 3, 9);
    n13->v.Name.id = "b";
    n13->v.Name.ctx = VM_AST_OP_Load;
    n11->v.DictComp.value = n13;
    vm_ast *n14 = vm_ast_new(&A, VM_AST_comprehension, 0, 0, 0, 0);
    vm_ast *n15 = vm_ast_new(&A, VM_AST_Tuple, 3, 20, 3, 24);
    vm_ast *n16 = vm_ast_new(&A, VM_AST_Name, 3, 20, 3, 21);
    n16->v.Name.id = "a";
    n16->v.Name.ctx = VM_AST_OP_Store;
    vm_ast *n17 = vm_ast_new(&A, VM_AST_Name, 3, 23, 3, 24);
    n17->v.Name.id = "b";
    n17->v.Name.ctx = VM_AST_OP_Store;
    n15->v.Tuple.elts = seq_nodes(2, n16, n17);
    n15->v.Tuple.ctx = VM_AST_OP_Store;
    n14->v.comprehension.target = n15;
    vm_ast *n18 = vm_ast_new(&A, VM_AST_Name, 3, 28, 3, 29);
    n18->v.Name.id = "c";
    n18->v.Name.ctx = VM_AST_OP_Load;
    n14->v.comprehension.iter = n18;
    n14->v.comprehension.is_async = 1;
    n11->v.DictComp.generators = seq_nodes(1, n14);
    n10->v.Expr.value = n11;
    n2->v.AsyncFunctionDef.body = seq_nodes(2, n4, n10);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[AsyncFunctionDef(name='h', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=ListComp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Name(id='b', ctx=Store()), iter=Name(id='c', ctx=Load()), ifs=[], is_async=1)])), Expr(value=DictComp(key=Name(id='a', ctx=Load()), value=Name(id='b', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store()), iter=Name(id='c', ctx=Load()), ifs=[], is_async=1)]))], decorator_list=[])], type_ignores=[])",
                "async def h():\012    [a async for b in c]\012    {a: b async for a, b in c}");
}

Test(ast, dump_27)
{
    /* 'def gen():\n    yield\n    yield x\n    yield from y\n    z = yield' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_FunctionDef, 1, 0, 5, 13);
    n2->v.FunctionDef.name = "gen";
    vm_ast *n3 = vm_ast_new(&A, VM_AST_arguments, 0, 0, 0, 0);
    n2->v.FunctionDef.args = n3;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Expr, 2, 4, 2, 9);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Yield, 2, 4, 2, 9);
    n4->v.Expr.value = n5;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Expr, 3, 4, 3, 11);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Yield, 3, 4, 3, 11);
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Name, 3, 10, 3, 11);
    n8->v.Name.id = "x";
    n8->v.Name.ctx = VM_AST_OP_Load;
    n7->v.Yield.value = n8;
    n6->v.Expr.value = n7;
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Expr, 4, 4, 4, 16);
    vm_ast *n10 = vm_ast_new(&A, VM_AST_YieldFrom, 4, 4, 4, 16);
    vm_ast *n11 = vm_ast_new(&A, VM_AST_Name, 4, 15, 4, 16);
    n11->v.Name.id = "y";
    n11->v.Name.ctx = VM_AST_OP_Load;
    n10->v.YieldFrom.value = n11;
    n9->v.Expr.value = n10;
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Assign, 5, 4, 5, 13);
    vm_ast *n13 = vm_ast_new(&A, VM_AST_Name, 5, 4, 5, 5);
    n13->v.Name.id = "z";
    n13->v.Name.ctx = VM_AST_OP_Store;
    n12->v.Assign.targets = seq_nodes(1, n13);
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Yield, 5, 8, 5, 13);
    n12->v.Assign.value = n14;
    n2->v.FunctionDef.body = seq_nodes(4, n4, n6, n9, n12);
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[FunctionDef(name='gen', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Yield()), Expr(value=Yield(value=Name(id='x', ctx=Load()))), Expr(value=YieldFrom(value=Name(id='y', ctx=Load()))), Assign(targets=[Name(id='z', ctx=Store())], value=Yield())], decorator_list=[])], type_ignores=[])",
                "def gen():\012    yield\012    yield x\012    yield from y\012    z = yield");
}

Test(ast, dump_28)
{
    /* 'a < b <= c == d != e > f >= g is h is not i in j not in k' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 57);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Compare, 1, 0, 1, 57);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Name, 1, 0, 1, 1);
    n4->v.Name.id = "a";
    n4->v.Name.ctx = VM_AST_OP_Load;
    n3->v.Compare.left = n4;
    n3->v.Compare.ops = seq_ops(10, VM_AST_OP_Lt, VM_AST_OP_LtE, VM_AST_OP_Eq, VM_AST_OP_NotEq, VM_AST_OP_Gt, VM_AST_OP_GtE, VM_AST_OP_Is, VM_AST_OP_IsNot, VM_AST_OP_In, VM_AST_OP_NotIn);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Name, 1, 4, 1, 5);
    n5->v.Name.id = "b";
    n5->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 1, 9, 1, 10);
    n6->v.Name.id = "c";
    n6->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Name, 1, 14, 1, 15);
    n7->v.Name.id = "d";
    n7->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Name, 1, 19, 1, 20);
    n8->v.Name.id = "e";
    n8->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Name, 1, 23, 1, 24);
    n9->v.Name.id = "f";
    n9->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Name, 1, 28, 1, 29);
    n10->v.Name.id = "g";
    n10->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n11 = vm_ast_new(&A, VM_AST_Name, 1, 33, 1, 34);
    n11->v.Name.id = "h";
    n11->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Name, 1, 42, 1, 43);
    n12->v.Name.id = "i";
    n12->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n13 = vm_ast_new(&A, VM_AST_Name, 1, 47, 1, 48);
    n13->v.Name.id = "j";
    n13->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Name, 1, 56, 1, 57);
    n14->v.Name.id = "k";
    n14->v.Name.ctx = VM_AST_OP_Load;
    n3->v.Compare.comparators = seq_nodes(10, n5, n6, n7, n8, n9, n10, n11, n12, n13, n14);
    n2->v.Expr.value = n3;
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), Eq(), NotEq(), Gt(), GtE(), Is(), IsNot(), In(), NotIn()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load()), Name(id='g', ctx=Load()), Name(id='h', ctx=Load()), Name(id='i', ctx=Load()), Name(id='j', ctx=Load()), Name(id='k', ctx=Load())]))], type_ignores=[])",
                "a < b <= c == d != e > f >= g is h is not i in j not in k");
}

Test(ast, dump_29)
{
    /* 'f(a, *b, c=d, **e)\nf()' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 18);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Call, 1, 0, 1, 18);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Name, 1, 0, 1, 1);
    n4->v.Name.id = "f";
    n4->v.Name.ctx = VM_AST_OP_Load;
    n3->v.Call.func = n4;
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Name, 1, 2, 1, 3);
    n5->v.Name.id = "a";
    n5->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Starred, 1, 5, 1, 7);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Name, 1, 6, 1, 7);
    n7->v.Name.id = "b";
    n7->v.Name.ctx = VM_AST_OP_Load;
    n6->v.Starred.value = n7;
    n6->v.Starred.ctx = VM_AST_OP_Load;
    n3->v.Call.args = seq_nodes(2, n5, n6);
    vm_ast *n8 = vm_ast_new(&A, VM_AST_keyword, 1, 9, 1, 12);
    n8->v.keyword.arg = "c";
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Name, 1, 11, 1, 12);
    n9->v.Name.id = "d";
    n9->v.Name.ctx = VM_AST_OP_Load;
    n8->v.keyword.value = n9;
    vm_ast *n10 = vm_ast_new(&A, VM_AST_keyword, 1, 14, 1, 17);
    vm_ast *n11 = vm_ast_new(&A, VM_AST_Name, 1, 16, 1, 17);
    n11->v.Name.id = "e";
    n11->v.Name.ctx = VM_AST_OP_Load;
    n10->v.keyword.value = n11;
    n3->v.Call.keywords = seq_nodes(2, n8, n10);
    n2->v.Expr.value = n3;
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Expr, 2, 0, 2, 3);
    vm_ast *n13 = vm_ast_new(&A, VM_AST_Call, 2, 0, 2, 3);
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Name, 2, 0, 2, 1);
    n14->v.Name.id = "f";
    n14->v.Name.ctx = VM_AST_OP_Load;
    n13->v.Call.func = n14;
    n12->v.Expr.value = n13;
    n1->v.Module.body = seq_nodes(2, n2, n12);
    expect_dump(n1,
                "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Name(id='d', ctx=Load())), keyword(value=Name(id='e', ctx=Load()))])), Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[]))], type_ignores=[])",
                "f(a, *b, c=d, **e)\012f()");
}

Test(ast, dump_30)
{
    /* "f'{x!r:>{w}} {y!s} {z!a} {q=} {p=:5} {{}}'\nf''\nf'plain'" */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 42);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_JoinedStr, 1, 0, 1, 42);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_FormattedValue, 1, 0, 1, 42);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Name, 1, 3, 1, 4);
    n5->v.Name.id = "x";
    n5->v.Name.ctx = VM_AST_OP_Load;
    n4->v.FormattedValue.value = n5;
    n4->v.FormattedValue.conversion = 114;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_JoinedStr, 1, 0, 1, 42);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Constant, 1, 0, 1, 42);
    n7->v.Constant.value = str(">", 1);
    vm_ast *n8 = vm_ast_new(&A, VM_AST_FormattedValue, 1, 0, 1, 42);
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Name, 1, 9, 1, 10);
    n9->v.Name.id = "w";
    n9->v.Name.ctx = VM_AST_OP_Load;
    n8->v.FormattedValue.value = n9;
    n8->v.FormattedValue.conversion = -1;
    n6->v.JoinedStr.values = seq_nodes(2, n7, n8);
    n4->v.FormattedValue.format_spec = n6;
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Constant, 1, 0, 1, 42);
    n10->v.Constant.value = str(" ", 1);
    vm_ast *n11 = vm_ast_new(&A, VM_AST_FormattedValue, 1, 0, 1, 42);
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Name, 1, 14, 1, 15);
    n12->v.Name.id = "y";
    n12->v.Name.ctx = VM_AST_OP_Load;
    n11->v.FormattedValue.value = n12;
    n11->v.FormattedValue.conversion = 115;
    vm_ast *n13 = vm_ast_new(&A, VM_AST_Constant, 1, 0, 1, 42);
    n13->v.Constant.value = str(" ", 1);
    vm_ast *n14 = vm_ast_new(&A, VM_AST_FormattedValue, 1, 0, 1, 42);
    vm_ast *n15 = vm_ast_new(&A, VM_AST_Name, 1, 20, 1, 21);
    n15->v.Name.id = "z";
    n15->v.Name.ctx = VM_AST_OP_Load;
    n14->v.FormattedValue.value = n15;
    n14->v.FormattedValue.conversion = 97;
    vm_ast *n16 = vm_ast_new(&A, VM_AST_Constant, 1, 0, 1, 42);
    n16->v.Constant.value = str(" q=", 3);
    vm_ast *n17 = vm_ast_new(&A, VM_AST_FormattedValue, 1, 0, 1, 42);
    vm_ast *n18 = vm_ast_new(&A, VM_AST_Name, 1, 26, 1, 27);
    n18->v.Name.id = "q";
    n18->v.Name.ctx = VM_AST_OP_Load;
    n17->v.FormattedValue.value = n18;
    n17->v.FormattedValue.conversion = 114;
    vm_ast *n19 = vm_ast_new(&A, VM_AST_Constant, 1, 0, 1, 42);
    n19->v.Constant.value = str(" p=", 3);
    vm_ast *n20 = vm_ast_new(&A, VM_AST_FormattedValue, 1, 0, 1, 42);
    vm_ast *n21 = vm_ast_new(&A, VM_AST_Name, 1, 31, 1, 32);
    n21->v.Name.id = "p";
    n21->v.Name.ctx = VM_AST_OP_Load;
    n20->v.FormattedValue.value = n21;
    n20->v.FormattedValue.conversion = -1;
    vm_ast *n22 = vm_ast_new(&A, VM_AST_JoinedStr, 1, 0, 1, 42);
    vm_ast *n23 = vm_ast_new(&A, VM_AST_Constant, 1, 0, 1, 42);
    n23->v.Constant.value = str("5", 1);
    n22->v.JoinedStr.values = seq_nodes(1, n23);
    n20->v.FormattedValue.format_spec = n22;
    vm_ast *n24 = vm_ast_new(&A, VM_AST_Constant, 1, 0, 1, 42);
    n24->v.Constant.value = str(" {}", 3);
    n3->v.JoinedStr.values = seq_nodes(10, n4, n10, n11, n13, n14, n16, n17, n19, n20, n24);
    n2->v.Expr.value = n3;
    vm_ast *n25 = vm_ast_new(&A, VM_AST_Expr, 2, 0, 2, 3);
    vm_ast *n26 = vm_ast_new(&A, VM_AST_JoinedStr, 2, 0, 2, 3);
    n25->v.Expr.value = n26;
    vm_ast *n27 = vm_ast_new(&A, VM_AST_Expr, 3, 0, 3, 8);
    vm_ast *n28 = vm_ast_new(&A, VM_AST_JoinedStr, 3, 0, 3, 8);
    vm_ast *n29 = vm_ast_new(&A, VM_AST_Constant, 3, 0, 3, 8);
    n29->v.Constant.value = str("plain", 5);
    n28->v.JoinedStr.values = seq_nodes(1, n29);
    n27->v.Expr.value = n28;
    n1->v.Module.body = seq_nodes(3, n2, n25, n27);
    expect_dump(n1,
                "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant(value=' '), FormattedValue(value=Name(id='y', ctx=Load()), conversion=115), Constant(value=' '), FormattedValue(value=Name(id='z', ctx=Load()), conversion=97), Constant(value=' q='), FormattedValue(value=Name(id='q', ctx=Load()), conversion=114), Constant(value=' p='), FormattedValue(value=Name(id='p', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='5')])), Constant(value=' {}')])), Expr(value=JoinedStr(values=[])), Expr(value=JoinedStr(values=[Constant(value='plain')]))], type_ignores=[])",
                "f'{x!r:>{w}} {y!s} {z!a} {q=} {p=:5} {{}}'\012f''\012f'plain'");
}

Test(ast, dump_31)
{
    /* "u'unicode' 'more'\n'plain'\nr'raw\\n'" */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 17);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Constant, 1, 0, 1, 17);
    n3->v.Constant.value = str("unicodemore", 11);
    n3->v.Constant.kind = "u";
    n2->v.Expr.value = n3;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Expr, 2, 0, 2, 7);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Constant, 2, 0, 2, 7);
    n5->v.Constant.value = str("plain", 5);
    n4->v.Expr.value = n5;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Expr, 3, 0, 3, 8);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Constant, 3, 0, 3, 8);
    n7->v.Constant.value = str("raw\\n", 5);
    n6->v.Expr.value = n7;
    n1->v.Module.body = seq_nodes(3, n2, n4, n6);
    expect_dump(n1,
                "Module(body=[Expr(value=Constant(value='unicodemore', kind='u')), Expr(value=Constant(value='plain')), Expr(value=Constant(value='raw\\\\n'))], type_ignores=[])",
                "u'unicode' 'more'\012'plain'\012r'raw\\n'");
}

Test(ast, dump_32)
{
    /* 'b\'bytes\' b\'\\x00\\xff\'\nb"\'"' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 20);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Constant, 1, 0, 1, 20);
    n3->v.Constant.value = bytes_("bytes\000\377", 7);
    n2->v.Expr.value = n3;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Expr, 2, 0, 2, 4);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Constant, 2, 0, 2, 4);
    n5->v.Constant.value = bytes_("'", 1);
    n4->v.Expr.value = n5;
    n1->v.Module.body = seq_nodes(2, n2, n4);
    expect_dump(n1,
                "Module(body=[Expr(value=Constant(value=b'bytes\\x00\\xff')), Expr(value=Constant(value=b\"'\"))], type_ignores=[])",
                "b'bytes' b'\\x00\\xff'\012b\"'\"");
}

Test(ast, dump_33)
{
    /* '(None, True, False, ..., 0, 1, 1.5, 2j, 1e100j, 10**100, 100000000000000000000000000000, 0xFFFFFFFFFFFFFFFFFFFF, \'é\\u2028\\ud800\\x00\\U0001F600\', "it\'s", b\'\\x00\\xff\\\'\', 1e16, 1e-5, 1e500)' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 186);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Tuple, 1, 0, 1, 186);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Constant, 1, 1, 1, 5);
    n4->v.Constant.value = (vm_ast_const){.kind = VM_CONST_NONE};
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Constant, 1, 7, 1, 11);
    n5->v.Constant.value = (vm_ast_const){.kind = VM_CONST_TRUE};
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Constant, 1, 13, 1, 18);
    n6->v.Constant.value = (vm_ast_const){.kind = VM_CONST_FALSE};
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Constant, 1, 20, 1, 23);
    n7->v.Constant.value = (vm_ast_const){.kind = VM_CONST_ELLIPSIS};
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Constant, 1, 25, 1, 26);
    n8->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(0)};
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Constant, 1, 28, 1, 29);
    n9->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Constant, 1, 31, 1, 34);
    n10->v.Constant.value = (vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.8000000000000p+0};
    vm_ast *n11 = vm_ast_new(&A, VM_AST_Constant, 1, 36, 1, 38);
    n11->v.Constant.value = (vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = 0x1.0000000000000p+1};
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Constant, 1, 40, 1, 46);
    n12->v.Constant.value = (vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = 0x1.249ad2594c37dp+332};
    vm_ast *n13 = vm_ast_new(&A, VM_AST_BinOp, 1, 48, 1, 55);
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Constant, 1, 48, 1, 50);
    n14->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(10)};
    n13->v.BinOp.left = n14;
    n13->v.BinOp.op = VM_AST_OP_Pow;
    vm_ast *n15 = vm_ast_new(&A, VM_AST_Constant, 1, 52, 1, 55);
    n15->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(100)};
    n13->v.BinOp.right = n15;
    vm_ast *n16 = vm_ast_new(&A, VM_AST_Constant, 1, 57, 1, 87);
    n16->v.Constant.value = big((const uint32_t[]){0xa0000000u, 0x6d7217cau, 0x431e0faeu, 0x1u}, 4, false);
    vm_ast *n17 = vm_ast_new(&A, VM_AST_Constant, 1, 89, 1, 111);
    n17->v.Constant.value = big((const uint32_t[]){0xffffffffu, 0xffffffffu, 0xffffu}, 3, false);
    vm_ast *n18 = vm_ast_new(&A, VM_AST_Constant, 1, 113, 1, 143);
    n18->v.Constant.value = str("\303\251\342\200\250\355\240\200\000\360\237\230\200", 13);
    vm_ast *n19 = vm_ast_new(&A, VM_AST_Constant, 1, 145, 1, 151);
    n19->v.Constant.value = str("it's", 4);
    vm_ast *n20 = vm_ast_new(&A, VM_AST_Constant, 1, 153, 1, 166);
    n20->v.Constant.value = bytes_("\000\377'", 3);
    vm_ast *n21 = vm_ast_new(&A, VM_AST_Constant, 1, 168, 1, 172);
    n21->v.Constant.value = (vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.1c37937e08000p+53};
    vm_ast *n22 = vm_ast_new(&A, VM_AST_Constant, 1, 174, 1, 178);
    n22->v.Constant.value = (vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.4f8b588e368f1p-17};
    vm_ast *n23 = vm_ast_new(&A, VM_AST_Constant, 1, 180, 1, 185);
    n23->v.Constant.value = (vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = INFINITY};
    n3->v.Tuple.elts = seq_nodes(18, n4, n5, n6, n7, n8, n9, n10, n11, n12, n13, n16, n17, n18, n19, n20, n21, n22, n23);
    n3->v.Tuple.ctx = VM_AST_OP_Load;
    n2->v.Expr.value = n3;
    n1->v.Module.body = seq_nodes(1, n2);
    expect_dump(n1,
                "Module(body=[Expr(value=Tuple(elts=[Constant(value=None), Constant(value=True), Constant(value=False), Constant(value=Ellipsis), Constant(value=0), Constant(value=1), Constant(value=1.5), Constant(value=2j), Constant(value=1e+100j), BinOp(left=Constant(value=10), op=Pow(), right=Constant(value=100)), Constant(value=100000000000000000000000000000), Constant(value=1208925819614629174706175), Constant(value='\303\251\\u2028\\ud800\\x00\360\237\230\200'), Constant(value=\"it's\"), Constant(value=b\"\\x00\\xff'\"), Constant(value=1e+16), Constant(value=1e-05), Constant(value=inf)], ctx=Load()))], type_ignores=[])",
                "(None, True, False, ..., 0, 1, 1.5, 2j, 1e100j, 10**100, 100000000000000000000000000000, 0xFFFFFFFFFFFFFFFFFFFF, '\303\251\\u2028\\ud800\\x00\\U0001F600', \"it's\", b'\\x00\\xff\\'', 1e16, 1e-5, 1e500)");
}

Test(ast, dump_34)
{
    /* 'x[1:2, ::3, a:]\nx[...]\nx[::]\nx[a, b]' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 15);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Subscript, 1, 0, 1, 15);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Name, 1, 0, 1, 1);
    n4->v.Name.id = "x";
    n4->v.Name.ctx = VM_AST_OP_Load;
    n3->v.Subscript.value = n4;
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Tuple, 1, 2, 1, 14);
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Slice, 1, 2, 1, 5);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Constant, 1, 2, 1, 3);
    n7->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n6->v.Slice.lower = n7;
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Constant, 1, 4, 1, 5);
    n8->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(2)};
    n6->v.Slice.upper = n8;
    vm_ast *n9 = vm_ast_new(&A, VM_AST_Slice, 1, 7, 1, 10);
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Constant, 1, 9, 1, 10);
    n10->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(3)};
    n9->v.Slice.step = n10;
    vm_ast *n11 = vm_ast_new(&A, VM_AST_Slice, 1, 12, 1, 14);
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Name, 1, 12, 1, 13);
    n12->v.Name.id = "a";
    n12->v.Name.ctx = VM_AST_OP_Load;
    n11->v.Slice.lower = n12;
    n5->v.Tuple.elts = seq_nodes(3, n6, n9, n11);
    n5->v.Tuple.ctx = VM_AST_OP_Load;
    n3->v.Subscript.slice = n5;
    n3->v.Subscript.ctx = VM_AST_OP_Load;
    n2->v.Expr.value = n3;
    vm_ast *n13 = vm_ast_new(&A, VM_AST_Expr, 2, 0, 2, 6);
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Subscript, 2, 0, 2, 6);
    vm_ast *n15 = vm_ast_new(&A, VM_AST_Name, 2, 0, 2, 1);
    n15->v.Name.id = "x";
    n15->v.Name.ctx = VM_AST_OP_Load;
    n14->v.Subscript.value = n15;
    vm_ast *n16 = vm_ast_new(&A, VM_AST_Constant, 2, 2, 2, 5);
    n16->v.Constant.value = (vm_ast_const){.kind = VM_CONST_ELLIPSIS};
    n14->v.Subscript.slice = n16;
    n14->v.Subscript.ctx = VM_AST_OP_Load;
    n13->v.Expr.value = n14;
    vm_ast *n17 = vm_ast_new(&A, VM_AST_Expr, 3, 0, 3, 5);
    vm_ast *n18 = vm_ast_new(&A, VM_AST_Subscript, 3, 0, 3, 5);
    vm_ast *n19 = vm_ast_new(&A, VM_AST_Name, 3, 0, 3, 1);
    n19->v.Name.id = "x";
    n19->v.Name.ctx = VM_AST_OP_Load;
    n18->v.Subscript.value = n19;
    vm_ast *n20 = vm_ast_new(&A, VM_AST_Slice, 3, 2, 3, 4);
    n18->v.Subscript.slice = n20;
    n18->v.Subscript.ctx = VM_AST_OP_Load;
    n17->v.Expr.value = n18;
    vm_ast *n21 = vm_ast_new(&A, VM_AST_Expr, 4, 0, 4, 7);
    vm_ast *n22 = vm_ast_new(&A, VM_AST_Subscript, 4, 0, 4, 7);
    vm_ast *n23 = vm_ast_new(&A, VM_AST_Name, 4, 0, 4, 1);
    n23->v.Name.id = "x";
    n23->v.Name.ctx = VM_AST_OP_Load;
    n22->v.Subscript.value = n23;
    vm_ast *n24 = vm_ast_new(&A, VM_AST_Tuple, 4, 2, 4, 6);
    vm_ast *n25 = vm_ast_new(&A, VM_AST_Name, 4, 2, 4, 3);
    n25->v.Name.id = "a";
    n25->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n26 = vm_ast_new(&A, VM_AST_Name, 4, 5, 4, 6);
    n26->v.Name.id = "b";
    n26->v.Name.ctx = VM_AST_OP_Load;
    n24->v.Tuple.elts = seq_nodes(2, n25, n26);
    n24->v.Tuple.ctx = VM_AST_OP_Load;
    n22->v.Subscript.slice = n24;
    n22->v.Subscript.ctx = VM_AST_OP_Load;
    n21->v.Expr.value = n22;
    n1->v.Module.body = seq_nodes(4, n2, n13, n17, n21);
    expect_dump(n1,
                "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3)), Slice(lower=Name(id='a', ctx=Load()))], ctx=Load()), ctx=Load())), Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Constant(value=Ellipsis), ctx=Load())), Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(), ctx=Load())), Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])",
                "x[1:2, ::3, a:]\012x[...]\012x[::]\012x[a, b]");
}

Test(ast, dump_35)
{
    /* '*a, b = c\n[a, b] = c\nx.y = 1\ndel x\npass\n(a, *b) = c' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Assign, 1, 0, 1, 9);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Tuple, 1, 0, 1, 5);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Starred, 1, 0, 1, 2);
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Name, 1, 1, 1, 2);
    n5->v.Name.id = "a";
    n5->v.Name.ctx = VM_AST_OP_Store;
    n4->v.Starred.value = n5;
    n4->v.Starred.ctx = VM_AST_OP_Store;
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 1, 4, 1, 5);
    n6->v.Name.id = "b";
    n6->v.Name.ctx = VM_AST_OP_Store;
    n3->v.Tuple.elts = seq_nodes(2, n4, n6);
    n3->v.Tuple.ctx = VM_AST_OP_Store;
    n2->v.Assign.targets = seq_nodes(1, n3);
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Name, 1, 8, 1, 9);
    n7->v.Name.id = "c";
    n7->v.Name.ctx = VM_AST_OP_Load;
    n2->v.Assign.value = n7;
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Assign, 2, 0, 2, 10);
    vm_ast *n9 = vm_ast_new(&A, VM_AST_List, 2, 0, 2, 6);
    vm_ast *n10 = vm_ast_new(&A, VM_AST_Name, 2, 1, 2, 2);
    n10->v.Name.id = "a";
    n10->v.Name.ctx = VM_AST_OP_Store;
    vm_ast *n11 = vm_ast_new(&A, VM_AST_Name, 2, 4, 2, 5);
    n11->v.Name.id = "b";
    n11->v.Name.ctx = VM_AST_OP_Store;
    n9->v.List.elts = seq_nodes(2, n10, n11);
    n9->v.List.ctx = VM_AST_OP_Store;
    n8->v.Assign.targets = seq_nodes(1, n9);
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Name, 2, 9, 2, 10);
    n12->v.Name.id = "c";
    n12->v.Name.ctx = VM_AST_OP_Load;
    n8->v.Assign.value = n12;
    vm_ast *n13 = vm_ast_new(&A, VM_AST_Assign, 3, 0, 3, 7);
    vm_ast *n14 = vm_ast_new(&A, VM_AST_Attribute, 3, 0, 3, 3);
    vm_ast *n15 = vm_ast_new(&A, VM_AST_Name, 3, 0, 3, 1);
    n15->v.Name.id = "x";
    n15->v.Name.ctx = VM_AST_OP_Load;
    n14->v.Attribute.value = n15;
    n14->v.Attribute.attr = "y";
    n14->v.Attribute.ctx = VM_AST_OP_Store;
    n13->v.Assign.targets = seq_nodes(1, n14);
    vm_ast *n16 = vm_ast_new(&A, VM_AST_Constant, 3, 6, 3, 7);
    n16->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n13->v.Assign.value = n16;
    vm_ast *n17 = vm_ast_new(&A, VM_AST_Delete, 4, 0, 4, 5);
    vm_ast *n18 = vm_ast_new(&A, VM_AST_Name, 4, 4, 4, 5);
    n18->v.Name.id = "x";
    n18->v.Name.ctx = VM_AST_OP_Del;
    n17->v.Delete.targets = seq_nodes(1, n18);
    vm_ast *n19 = vm_ast_new(&A, VM_AST_Pass, 5, 0, 5, 4);
    vm_ast *n20 = vm_ast_new(&A, VM_AST_Assign, 6, 0, 6, 11);
    vm_ast *n21 = vm_ast_new(&A, VM_AST_Tuple, 6, 0, 6, 7);
    vm_ast *n22 = vm_ast_new(&A, VM_AST_Name, 6, 1, 6, 2);
    n22->v.Name.id = "a";
    n22->v.Name.ctx = VM_AST_OP_Store;
    vm_ast *n23 = vm_ast_new(&A, VM_AST_Starred, 6, 4, 6, 6);
    vm_ast *n24 = vm_ast_new(&A, VM_AST_Name, 6, 5, 6, 6);
    n24->v.Name.id = "b";
    n24->v.Name.ctx = VM_AST_OP_Store;
    n23->v.Starred.value = n24;
    n23->v.Starred.ctx = VM_AST_OP_Store;
    n21->v.Tuple.elts = seq_nodes(2, n22, n23);
    n21->v.Tuple.ctx = VM_AST_OP_Store;
    n20->v.Assign.targets = seq_nodes(1, n21);
    vm_ast *n25 = vm_ast_new(&A, VM_AST_Name, 6, 10, 6, 11);
    n25->v.Name.id = "c";
    n25->v.Name.ctx = VM_AST_OP_Load;
    n20->v.Assign.value = n25;
    n1->v.Module.body = seq_nodes(6, n2, n8, n13, n17, n19, n20);
    expect_dump(n1,
                "Module(body=[Assign(targets=[Tuple(elts=[Starred(value=Name(id='a', ctx=Store()), ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load())), Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load())), Assign(targets=[Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Store())], value=Constant(value=1)), Delete(targets=[Name(id='x', ctx=Del())]), Pass(), Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])",
                "*a, b = c\012[a, b] = c\012x.y = 1\012del x\012pass\012(a, *b) = c");
}

Test(ast, dump_36)
{
    /* 'x = 1  # type: int\nfor a in b:  # type: int\n    pass\nwith a:  # type: int\n    pass\ndef f(a,  # type: int\n      b):\n    # type: (...) -> None\n    pass\ny = 2  # type: ignore[misc]\n' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Assign, 1, 0, 1, 18);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 0, 1, 1);
    n3->v.Name.id = "x";
    n3->v.Name.ctx = VM_AST_OP_Store;
    n2->v.Assign.targets = seq_nodes(1, n3);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Constant, 1, 4, 1, 5);
    n4->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n2->v.Assign.value = n4;
    n2->v.Assign.type_comment = "int";
    vm_ast *n5 = vm_ast_new(&A, VM_AST_For, 2, 0, 3, 8);
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 2, 4, 2, 5);
    n6->v.Name.id = "a";
    n6->v.Name.ctx = VM_AST_OP_Store;
    n5->v.For.target = n6;
    vm_ast *n7 = vm_ast_new(&A, VM_AST_Name, 2, 9, 2, 10);
    n7->v.Name.id = "b";
    n7->v.Name.ctx = VM_AST_OP_Load;
    n5->v.For.iter = n7;
    vm_ast *n8 = vm_ast_new(&A, VM_AST_Pass, 3, 4, 3, 8);
    n5->v.For.body = seq_nodes(1, n8);
    n5->v.For.type_comment = "int";
    vm_ast *n9 = vm_ast_new(&A, VM_AST_With, 4, 0, 5, 8);
    vm_ast *n10 = vm_ast_new(&A, VM_AST_withitem, 0, 0, 0, 0);
    vm_ast *n11 = vm_ast_new(&A, VM_AST_Name, 4, 5, 4, 6);
    n11->v.Name.id = "a";
    n11->v.Name.ctx = VM_AST_OP_Load;
    n10->v.withitem.context_expr = n11;
    n9->v.With.items = seq_nodes(1, n10);
    vm_ast *n12 = vm_ast_new(&A, VM_AST_Pass, 5, 4, 5, 8);
    n9->v.With.body = seq_nodes(1, n12);
    n9->v.With.type_comment = "int";
    vm_ast *n13 = vm_ast_new(&A, VM_AST_FunctionDef, 6, 0, 9, 8);
    n13->v.FunctionDef.name = "f";
    vm_ast *n14 = vm_ast_new(&A, VM_AST_arguments, 0, 0, 0, 0);
    vm_ast *n15 = vm_ast_new(&A, VM_AST_arg, 6, 6, 6, 7);
    n15->v.arg.arg = "a";
    n15->v.arg.type_comment = "int";
    vm_ast *n16 = vm_ast_new(&A, VM_AST_arg, 7, 6, 7, 7);
    n16->v.arg.arg = "b";
    n14->v.arguments.args = seq_nodes(2, n15, n16);
    n13->v.FunctionDef.args = n14;
    vm_ast *n17 = vm_ast_new(&A, VM_AST_Pass, 9, 4, 9, 8);
    n13->v.FunctionDef.body = seq_nodes(1, n17);
    n13->v.FunctionDef.type_comment = "(...) -> None";
    vm_ast *n18 = vm_ast_new(&A, VM_AST_Assign, 10, 0, 10, 5);
    vm_ast *n19 = vm_ast_new(&A, VM_AST_Name, 10, 0, 10, 1);
    n19->v.Name.id = "y";
    n19->v.Name.ctx = VM_AST_OP_Store;
    n18->v.Assign.targets = seq_nodes(1, n19);
    vm_ast *n20 = vm_ast_new(&A, VM_AST_Constant, 10, 4, 10, 5);
    n20->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(2)};
    n18->v.Assign.value = n20;
    n1->v.Module.body = seq_nodes(5, n2, n5, n9, n13, n18);
    vm_ast *n21 = vm_ast_new(&A, VM_AST_TypeIgnore, 10, 0, 0, 0);
    n21->v.TypeIgnore.lineno = 10;
    n21->v.TypeIgnore.tag = "[misc]";
    n1->v.Module.type_ignores = seq_nodes(1, n21);
    expect_dump(n1,
                "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1), type_comment='int'), For(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), body=[Pass()], orelse=[], type_comment='int'), With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()], type_comment='int'), FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', type_comment='int'), arg(arg='b')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[], type_comment='(...) -> None'), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[TypeIgnore(lineno=10, tag='[misc]')])",
                "x = 1  # type: int\012for a in b:  # type: int\012    pass\012with a:  # type: int\012    pass\012def f(a,  # type: int\012      b):\012    # type: (...) -> None\012    pass\012y = 2  # type: ignore[misc]\012");
}

Test(ast, dump_37)
{
    /* '' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    expect_dump(n1,
                "Module(body=[], type_ignores=[])",
                "");
}

Test(ast, dump_38)
{
    /* 'x + 1' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Expression, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_BinOp, 1, 0, 1, 5);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 0, 1, 1);
    n3->v.Name.id = "x";
    n3->v.Name.ctx = VM_AST_OP_Load;
    n2->v.BinOp.left = n3;
    n2->v.BinOp.op = VM_AST_OP_Add;
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Constant, 1, 4, 1, 5);
    n4->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n2->v.BinOp.right = n4;
    n1->v.Expression.body = n2;
    expect_dump(n1,
                "Expression(body=BinOp(left=Name(id='x', ctx=Load()), op=Add(), right=Constant(value=1)))",
                "x + 1");
}

Test(ast, dump_39)
{
    /* 'x = 1; y' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Interactive, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Assign, 1, 0, 1, 5);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 0, 1, 1);
    n3->v.Name.id = "x";
    n3->v.Name.ctx = VM_AST_OP_Store;
    n2->v.Assign.targets = seq_nodes(1, n3);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Constant, 1, 4, 1, 5);
    n4->v.Constant.value = (vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)};
    n2->v.Assign.value = n4;
    vm_ast *n5 = vm_ast_new(&A, VM_AST_Expr, 1, 7, 1, 8);
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Name, 1, 7, 1, 8);
    n6->v.Name.id = "y";
    n6->v.Name.ctx = VM_AST_OP_Load;
    n5->v.Expr.value = n6;
    n1->v.Interactive.body = seq_nodes(2, n2, n5);
    expect_dump(n1,
                "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Expr(value=Name(id='y', ctx=Load()))])",
                "x = 1; y");
}

Test(ast, dump_40)
{
    /* '(int, *str) -> bool' */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_FunctionType, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Name, 1, 1, 1, 4);
    n2->v.Name.id = "int";
    n2->v.Name.ctx = VM_AST_OP_Load;
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 7, 1, 10);
    n3->v.Name.id = "str";
    n3->v.Name.ctx = VM_AST_OP_Load;
    n1->v.FunctionType.argtypes = seq_nodes(2, n2, n3);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Name, 1, 15, 1, 19);
    n4->v.Name.id = "bool";
    n4->v.Name.ctx = VM_AST_OP_Load;
    n1->v.FunctionType.returns = n4;
    expect_dump(n1,
                "FunctionType(argtypes=[Name(id='int', ctx=Load()), Name(id='str', ctx=Load())], returns=Name(id='bool', ctx=Load()))",
                "(int, *str) -> bool");
}

Test(ast, dump_41)
{
    /* "Ωμέγα = '中文'\nclass Ünï: pass" */
    vm_ast *n1 = vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0);
    vm_ast *n2 = vm_ast_new(&A, VM_AST_Assign, 1, 0, 1, 21);
    vm_ast *n3 = vm_ast_new(&A, VM_AST_Name, 1, 0, 1, 10);
    n3->v.Name.id = "\316\251\316\274\316\255\316\263\316\261";
    n3->v.Name.ctx = VM_AST_OP_Store;
    n2->v.Assign.targets = seq_nodes(1, n3);
    vm_ast *n4 = vm_ast_new(&A, VM_AST_Constant, 1, 13, 1, 21);
    n4->v.Constant.value = str("\344\270\255\346\226\207", 6);
    n2->v.Assign.value = n4;
    vm_ast *n5 = vm_ast_new(&A, VM_AST_ClassDef, 2, 0, 2, 17);
    n5->v.ClassDef.name = "\303\234n\303\257";
    vm_ast *n6 = vm_ast_new(&A, VM_AST_Pass, 2, 13, 2, 17);
    n5->v.ClassDef.body = seq_nodes(1, n6);
    n1->v.Module.body = seq_nodes(2, n2, n5);
    expect_dump(n1,
                "Module(body=[Assign(targets=[Name(id='\316\251\316\274\316\255\316\263\316\261', ctx=Store())], value=Constant(value='\344\270\255\346\226\207')), ClassDef(name='\303\234n\303\257', bases=[], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[])",
                "\316\251\316\274\316\255\316\263\316\261 = '\344\270\255\346\226\207'\012class \303\234n\303\257: pass");
}

Test(ast, dump_none_fields_and_empty_lists)
{
    /* Return(value=None): an absent optional child is left out */
    expect_dump(vm_ast_new(&A, VM_AST_Return, 1, 0, 1, 6), "Return()", "return");
    /* required lists print as [] */
    expect_dump(vm_ast_new(&A, VM_AST_Module, 0, 0, 0, 0), "Module(body=[], type_ignores=[])", "");
    /* a required child that is NULL (not produced by the parser) prints as None */
    vm_ast *e = vm_ast_new(&A, VM_AST_Expr, 1, 0, 1, 1);
    expect_dump(e, "Expr(value=None)", "(broken tree)");
    /* Constant(value=None) keeps value= and drops kind */
    vm_ast *c = vm_ast_new(&A, VM_AST_Constant, 1, 0, 1, 4);
    c->v.Constant.value.kind = VM_CONST_NONE;
    expect_dump(c, "Constant(value=None)", "None");
}

Test(ast, float_repr)
{
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.999999999999ap-4}, "0.1");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.5555555555555p-2}, "0.3333333333333333");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.5555555555555p-1}, "0.6666666666666666");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.1c37937e08000p+53}, "1e+16");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.c6bf526340000p+49}, "1000000000000000.0");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.1c37937e07fffp+53}, "9999999999999998.0");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.6345785d8a000p+56}, "1e+17");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.a36e2eb1c432dp-14}, "0.0001");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.4f8b588e368f1p-17}, "1e-05");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.02e4b6ce5dc68p-13}, "0.00012345");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.9e3abe16fc70dp-17}, "1.2345e-05");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.0f0cf064dd592p+73}, "1e+22");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.52d02c7e14af6p+76}, "1e+23");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x0.0000000000001p-1022}, "5e-324");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x0.0000000000005p-1022}, "2.5e-323");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.0000000000000p-1022}, "2.2250738585072014e-308");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.fffffffffffffp+1023}, "1.7976931348623157e+308");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.b69b4ba630f35p+56}, "1.2345678901234568e+17");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x0.0p+0}, "0.0");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = -0x0.0p+0}, "-0.0");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.0000000000000p+53}, "9007199254740992.0");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.0000000000000p+53}, "9007199254740992.0");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.0000000000000p+63}, "9.223372036854776e+18");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.0000000000000p+0}, "1.0");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.0000000000000p+1}, "2.0");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.4000000000000p+3}, "10.0");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.9000000000000p+6}, "100.0");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.8000000000000p+0}, "1.5");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = -0x1.8000000000000p+0}, "-1.5");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.921fb54442d18p+1}, "3.141592653589793");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.5bf0a8b145769p+1}, "2.718281828459045");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.3333333333334p-2}, "0.30000000000000004");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.249ad2594c37dp+332}, "1e+100");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.bff2ee48e0530p-333}, "1e-100");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.b93da907bd0a4p+149}, "1.23e+45");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.1666666666666p+2}, "4.35");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.0000000000000p-1}, "0.5");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.0000000000000p-2}, "0.25");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.edd2f1a9fbe77p+6}, "123.456");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.1ccf385ebc8a0p+1023}, "1e+308");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.52d02c7e14af6p+76}, "1e+23");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = INFINITY}, "inf");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = -INFINITY}, "-inf");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = NAN}, "nan");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.18b54f22aeb03p+50}, "1234567890123456.8");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.5ee2a2eb5a5c4p+53}, "1.2345678901234568e+16");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.0624dd2f1a9fcp-10}, "0.001");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.a36e2eb1c432dp-14}, "0.0001");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.4f8b588e368f1p-17}, "1e-05");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.80d43de9cc603p-31}, "7e-10");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.70a0f5040e504p+69}, "8.5e+20");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.5af1d78b58c40p+66}, "1e+20");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x0.0000000000003p-1022}, "1.5e-323");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.199999999999ap+0}, "1.1");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.5666666666666p+1}, "2.675");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.2492492492492p-3}, "0.14285714285714285");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.b1ae4d6e2ef50p+69}, "1e+21");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.ad7f29abcaf48p-24}, "1e-07");
}

Test(ast, complex_repr)
{
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = 0x1.0000000000000p+1}, "2j");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = -0x1.0000000000000p+1}, "-2j");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = -0x1.8000000000000p+0}, "-1.5j");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = -0x0.0p+0}, "-0j");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = 0x1.8000000000000p+0}, "1.5j");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = 0x1.249ad2594c37dp+332}, "1e+100j");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = 0x0.0p+0}, "0j");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = INFINITY}, "infj");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = NAN}, "nanj");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = 0x1.1c37937e08000p+53}, "1e+16j");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = 0x1.4f8b588e368f1p-17}, "1e-05j");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = 0x1.999999999999ap-4}, "0.1j");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = 0x1.c6bf526340000p+49}, "1000000000000000j");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = 0x1.ec00000000000p+6}, "123j");
    expect_repr((vm_ast_const){.kind = VM_CONST_COMPLEX, .u.c.imag = 0x0.0000000000001p-1022}, "5e-324j");
}

Test(ast, int_repr)
{
    expect_repr((vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(0)}, "0");
    expect_repr((vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1)}, "1");
    expect_repr((vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(7)}, "7");
    expect_repr((vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(42)}, "42");
    expect_repr((vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(-1)}, "-1");
    expect_repr((vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(-12345)}, "-12345");
    expect_repr((vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(2147483648)}, "2147483648");
    expect_repr((vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(4294967296)}, "4294967296");
    expect_repr((vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(9223372036854775807)}, "9223372036854775807");
    expect_repr((vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_MIN}, "-9223372036854775808");
    expect_repr(big((const uint32_t[]){0x0u, 0x0u, 0x1u}, 3, false), "18446744073709551616");
    expect_repr(big((const uint32_t[]){0xffffffffu, 0xffffffffu}, 2, false), "18446744073709551615");
    expect_repr(big((const uint32_t[]){0x0u, 0x80000000u}, 2, false), "9223372036854775808");
    expect_repr(big((const uint32_t[]){0x0u, 0x0u, 0x0u, 0xa82e8f10u, 0xaab24308u, 0x8e211a7cu, 0xf38ace40u, 0x84c4ce0bu, 0x7ceb0b27u, 0xad2594c3u, 0x1249u}, 11, false), "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000");
    expect_repr(big((const uint32_t[]){0xffffffffu, 0xffffffffu, 0xffffu}, 3, false), "1208925819614629174706175");
    expect_repr(big((const uint32_t[]){0x40000000u, 0x4674edeau, 0x9f2c9cd0u, 0xcu}, 4, true), "-1000000000000000000000000000000");
    expect_repr(big((const uint32_t[]){0x1u, 0x0u, 0x0u, 0x1u}, 4, false), "79228162514264337593543950337");
    expect_repr(big((const uint32_t[]){0x89e80000u, 0x8ac72304u}, 2, false), "10000000000000000000");
    expect_repr(big((const uint32_t[]){0x7c36c9ffu, 0x91efc989u, 0x33b2e3cu}, 3, false), "999999999000000000999999999");
    expect_repr((vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1000000000)}, "1000000000");
    expect_repr((vm_ast_const){.kind = VM_CONST_INT, .u.i = INT64_C(1000000000000000000)}, "1000000000000000000");
    expect_repr(big((const uint32_t[]){0xe8000000u, 0x9fd0803cu, 0x33b2e3cu}, 3, false), "1000000000000000000000000000");
    /* leading zero limbs are ignored; an all-zero magnitude is 0 */
    expect_repr(big((const uint32_t[]){5, 0, 0}, 3, false), "5");
    expect_repr(big((const uint32_t[]){0, 0}, 2, false), "0");
}

Test(ast, huge_int_repr)
{
    /* 10**4000 + 12345: a 4001-digit number, converted in far under a second */
    uint32_t *limbs;
    size_t n;
    {
        /* limbs of 10**4000 + 12345 by repeated multiplication, independent of the repr code */
        n = 1;
        limbs = calloc(500, sizeof *limbs);
        limbs[0] = 1;
        for (int i = 0; i < 4000; i++) {
            uint64_t carry = 0;
            for (size_t k = 0; k < n; k++) {
                uint64_t cur = (uint64_t)limbs[k] * 10 + carry;
                limbs[k] = (uint32_t)cur;
                carry = cur >> 32;
            }
            if (carry)
                limbs[n++] = (uint32_t)carry;
        }
        limbs[0] += 12345;      /* 10**4000 is a multiple of 2**32: no carry */
    }
    cr_assert_eq(n, 416);
    vm_buf b;
    vm_buf_init(&b);
    vm_ast_const c = big(limbs, n, false);
    vm_ast_const_repr(&c, &b);
    cr_assert_eq(b.len, 4001);
    cr_expect_eq(b.data[0], '1');
    for (size_t i = 1; i < 4001 - 5; i++)
        cr_assert_eq(b.data[i], '0', "digit %zu", i);
    cr_expect_str_eq(b.data + 4001 - 5, "12345");
    vm_buf_free(&b);
    free(limbs);
}

Test(ast, str_repr)
{
    expect_repr(str("", 0), "''");
    expect_repr(str("a", 1), "'a'");
    expect_repr(str("it's", 4), "\"it's\"");
    expect_repr(str("say \"hi\"", 8), "'say \"hi\"'");
    expect_repr(str("both ' and \"", 12), "'both \\' and \"'");
    expect_repr(str("back\\slash", 10), "'back\\\\slash'");
    expect_repr(str("\011\012\015", 3), "'\\t\\n\\r'");
    expect_repr(str("\000\001\037\177", 4), "'\\x00\\x01\\x1f\\x7f'");
    expect_repr(str("\302\200\302\237\302\240\302\255\303\277", 10), "'\\x80\\x9f\\xa0\\xad\303\277'");
    expect_repr(str("\342\200\250\342\200\251\342\200\213\357\273\277", 12), "'\\u2028\\u2029\\u200b\\ufeff'");
    expect_repr(str("\360\237\230\200", 4), "'\360\237\230\200'");
    expect_repr(str("\355\240\200", 3), "'\\ud800'");
    expect_repr(str("\355\277\277", 3), "'\\udfff'");
    expect_repr(str("\355\240\275\355\270\200", 6), "'\\ud83d\\ude00'");
    expect_repr(str("\316\251\316\274\316\255\316\263\316\261", 10), "'\316\251\316\274\316\255\316\263\316\261'");
    expect_repr(str("\344\270\255\346\226\207\345\255\227\347\254\246", 12), "'\344\270\255\346\226\207\345\255\227\347\254\246'");
    expect_repr(str("\363\240\200\201", 4), "'\\U000e0001'");
    expect_repr(str("\364\217\277\277", 4), "'\\U0010ffff'");
    expect_repr(str("\356\200\200", 3), "'\\ue000'");
    expect_repr(str("\315\270", 2), "'\\u0378'");
    expect_repr(str("\303\251\314\201", 4), "'\303\251\314\201'");
    expect_repr(str(" ", 1), "' '");
    expect_repr(str("\343\200\200", 3), "'\\u3000'");
    expect_repr(str("\302\205", 2), "'\\x85'");
    expect_repr(str("'\"", 2), "'\\'\"'");
    expect_repr(str("abc\013def\014", 8), "'abc\\x0bdef\\x0c'");
    expect_repr(str("\360\237\247\277", 4), "'\360\237\247\277'");
    expect_repr(str("\330\200", 2), "'\\u0600'");
    expect_repr(str("~", 1), "'~'");
}

Test(ast, bytes_and_singletons_repr)
{
    expect_repr(bytes_("", 0), "b''");
    expect_repr(bytes_("abc", 3), "b'abc'");
    expect_repr(bytes_("it's", 4), "b\"it's\"");
    expect_repr(bytes_("say \"hi\"", 8), "b'say \"hi\"'");
    expect_repr(bytes_("both ' and \"", 12), "b'both \\' and \"'");
    expect_repr(bytes_("\\", 1), "b'\\\\'");
    expect_repr(bytes_("\011\012\015\013\014", 5), "b'\\t\\n\\r\\x0b\\x0c'");
    expect_repr(bytes_("\000\007\016\025\034#*18\077FMT[bipw~\205\214\223\232\241\250\257\266\275\304\313\322\331\340\347\356\365\374", 37), "b'\\x00\\x07\\x0e\\x15\\x1c#*18\077FMT[bipw~\\x85\\x8c\\x93\\x9a\\xa1\\xa8\\xaf\\xb6\\xbd\\xc4\\xcb\\xd2\\xd9\\xe0\\xe7\\xee\\xf5\\xfc'");
    expect_repr(bytes_("\177\200\377", 3), "b'\\x7f\\x80\\xff'");
    expect_repr(bytes_("\000", 1), "b'\\x00'");
    expect_repr((vm_ast_const){.kind = VM_CONST_NONE}, "None");
    expect_repr((vm_ast_const){.kind = VM_CONST_TRUE}, "True");
    expect_repr((vm_ast_const){.kind = VM_CONST_FALSE}, "False");
    expect_repr((vm_ast_const){.kind = VM_CONST_ELLIPSIS}, "Ellipsis");
}

/* ---- NUMBER tokens ---- */
static const struct { const char *text; const char *repr; const char *error; } number_cases[] = {
    {"0", "0", NULL},
    {"00", "0", NULL},
    {"0_0", "0", NULL},
    {"000_000", "0", NULL},
    {"1", "1", NULL},
    {"7", "7", NULL},
    {"1_000", "1000", NULL},
    {"0x_ff", "255", NULL},
    {"0XfF", "255", NULL},
    {"0o777", "511", NULL},
    {"0O17", "15", NULL},
    {"0b1010", "10", NULL},
    {"0B_1_0", "2", NULL},
    {"1e3", "1000.0", NULL},
    {"1E3", "1000.0", NULL},
    {"1.", "1.0", NULL},
    {".5", "0.5", NULL},
    {"1.5", "1.5", NULL},
    {"1_0.0_1e+1_0", "100100000000.0", NULL},
    {"1e-5", "1e-05", NULL},
    {"1e+16", "1e+16", NULL},
    {"10j", "10j", NULL},
    {"10J", "10j", NULL},
    {"1.5j", "1.5j", NULL},
    {".5j", "0.5j", NULL},
    {"5.j", "5j", NULL},
    {"1e3j", "1000j", NULL},
    {"1e400", "inf", NULL},
    {"1e400j", "infj", NULL},
    {"1e-400", "0.0", NULL},
    {"0XFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "340282366920938463463374607431768211455", NULL},
    {"0xffffffffffffffffffff", "1208925819614629174706175", NULL},
    {"9223372036854775807", "9223372036854775807", NULL},
    {"9223372036854775808", "9223372036854775808", NULL},
    {"18446744073709551615", "18446744073709551615", NULL},
    {"18446744073709551616", "18446744073709551616", NULL},
    {"0x7fffffffffffffff", "9223372036854775807", NULL},
    {"0x8000000000000000", "9223372036854775808", NULL},
    {"0o1777777777777777777777", "18446744073709551615", NULL},
    {"0o2000000000000000000000", "18446744073709551616", NULL},
    {"0b1111111111111111111111111111111111111111111111111111111111111111", "18446744073709551615", NULL},
    {"09.5", "9.5", NULL},
    {"09j", "9j", NULL},
    {"0e0", "0.0", NULL},
    {"0j", "0j", NULL},
    {"0.0", "0.0", NULL},
    {"0.1", "0.1", NULL},
    {"3.14159", "3.14159", NULL},
    {"2.5e-324", "5e-324", NULL},
    {"4.9e-324", "5e-324", NULL},
    {"1.7976931348623157e308", "1.7976931348623157e+308", NULL},
    {"1.7976931348623159e308", "inf", NULL},
    {"123456789012345678.0", "1.2345678901234568e+17", NULL},
    {"9007199254740993.0", "9007199254740992.0", NULL},
    {"12345678901234567890j", "1.2345678901234567e+19j", NULL},
    {"0xdeadbeef", "3735928559", NULL},
    {"0b_1", "1", NULL},
    {"1_2_3j", "123j", NULL},
    {"1.e5", "100000.0", NULL},
    {"0777", NULL, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
    {"0_7", NULL, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
    {"1__0", NULL, "invalid decimal literal"},
    {"1_", NULL, "invalid decimal literal"},
    {"0x", NULL, "invalid hexadecimal literal"},
    {"0xg", NULL, "invalid hexadecimal literal"},
    {"0x_", NULL, "invalid hexadecimal literal"},
    {"0o8", NULL, "invalid digit '8' in octal literal"},
    {"0o19", NULL, "invalid digit '9' in octal literal"},
    {"0b2", NULL, "invalid digit '2' in binary literal"},
    {"0b1_2", NULL, "invalid digit '2' in binary literal"},
    {"0o", NULL, "invalid octal literal"},
    {"0b", NULL, "invalid binary literal"},
    {"1e", NULL, "invalid decimal literal"},
    {"1e+", NULL, "invalid decimal literal"},
    {"1e_5", NULL, "invalid decimal literal"},
    {"1_.5", NULL, "invalid decimal literal"},
    {"1_j", NULL, "invalid decimal literal"},
    {"1e5_j", NULL, "invalid decimal literal"},
    {"0_", NULL, "invalid decimal literal"},
    {"0x1j", NULL, "invalid hexadecimal literal"},
    {"1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", NULL},
    {"10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", NULL, "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."},
    {"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "0", NULL},
    {"1_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0_0", NULL, "Exceeds the limit (4300 digits) for integer string conversion: value has 4302 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."},
    {"10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0", "inf", NULL},
    {"10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000j", "infj", NULL},
    {"0x10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "13182040934309431001038897942365913631840191610932727690928034502417569281128344551079752123172122033140940756480716823038446817694240581281731062452512184038544674444386888956328970642771993930036586552924249514488832183389415832375620009284922608946111038578754077913265440918583125586050431647284603636490823850007826811672468900210689104488089485347192152708820119765006125944858397761874669301278745233504796586994514054435217053803732703240283400815926169348364799472716094576894007243168662568886603065832486830606125017643356469732407252874567217733694824236675323341755681839221954693820456072020253884371226826844858636194212875139566587445390068014747975813971748114770439248826688667129237954128555841874460665729630492658600179338272579110020881228767361200603478973120168893997574353727653998969223092798255701666067972698906236921628764772837915526086464389161570534616956703744840502975279094087587298968423516531626090898389351449020056851221079048966718878943309232071978575639877208621237040940126912767610658141079378758043403611425454744180577150855204937163460902512732551260539639221457005977247266676344018155647509515396711351487546062479444592779055555421362722504575706910949376", NULL},
    {"123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789", "123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789123456789", NULL},
    {"10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000e-400", "1.0", NULL},
};

Test(ast, number_literals)
{
    for (size_t i = 0; i < sizeof number_cases / sizeof number_cases[0]; i++) {
        const char *text = number_cases[i].text;
        vm_ast_const c;
        char err[512] = "";
        bool ok = vm_ast_number_literal(&A, text, strlen(text), &c, err, sizeof err);
        if (number_cases[i].error) {
            cr_expect(!ok, "%.60s should fail", text);
            cr_expect_str_eq(err, number_cases[i].error, "%.60s", text);
            continue;
        }
        cr_expect(ok, "%.60s: %s", text, err);
        if (!ok)
            continue;
        vm_buf b;
        vm_buf_init(&b);
        vm_ast_const_repr(&c, &b);
        cr_expect_str_eq(b.data, number_cases[i].repr, "%.60s", text);
        vm_buf_free(&b);
    }
}

Test(ast, number_literal_kinds)
{
    vm_ast_const c;
    char err[256];
    cr_assert(vm_ast_number_literal(&A, "9223372036854775807", 19, &c, err, sizeof err));
    cr_expect_eq(c.kind, VM_CONST_INT);
    cr_expect_eq(c.u.i, INT64_MAX);
    cr_assert(vm_ast_number_literal(&A, "9223372036854775808", 19, &c, err, sizeof err));
    cr_expect_eq(c.kind, VM_CONST_BIGINT);
    cr_expect_eq(c.u.big.n, 2);
    cr_expect_eq(c.u.big.limbs[0], 0);
    cr_expect_eq(c.u.big.limbs[1], 0x80000000u);
    cr_expect(!c.u.big.negative);
    cr_assert(vm_ast_number_literal(&A, "1_000", 5, &c, err, sizeof err));
    cr_expect_eq(c.kind, VM_CONST_INT);
    cr_expect_eq(c.u.i, 1000);
    cr_assert(vm_ast_number_literal(&A, "1.", 2, &c, err, sizeof err));
    cr_expect_eq(c.kind, VM_CONST_FLOAT);
    cr_expect_eq(c.u.f, 1.0);
    cr_assert(vm_ast_number_literal(&A, "1e500", 5, &c, err, sizeof err));
    cr_expect(isinf(c.u.f));
    cr_assert(vm_ast_number_literal(&A, "2J", 2, &c, err, sizeof err));
    cr_expect_eq(c.kind, VM_CONST_COMPLEX);
    cr_expect_eq(c.u.c.imag, 2.0);
    cr_expect_eq(c.u.c.real, 0.0);
    /* the length is honoured: the text need not be NUL-terminated */
    cr_assert(vm_ast_number_literal(&A, "12+3", 2, &c, err, sizeof err));
    cr_expect_eq(c.u.i, 12);
}

/* ---- STRING tokens ---- */
static const struct {
    const char *text;
    const char *repr;       /* NULL: an error */
    bool is_u;
    const char *error;
    size_t err_at;          /* byte offset in the token of the offending escape or character */
} string_cases[] = {
    {"'\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"'", "'\\x07\\x08\\x0c\\n\\r\\t\\x0b\\\\\\'\"'", false, NULL, 0},
    {"'\\0'", "'\\x00'", false, NULL, 0},
    {"'\\12x'", "'\\nx'", false, NULL, 0},
    {"'\\777'", "'\307\277'", false, NULL, 0},
    {"'\\400'", "'\304\200'", false, NULL, 0},
    {"'\\1234'", "'S4'", false, NULL, 0},
    {"'\\0000'", "'\\x000'", false, NULL, 0},
    {"'\\08'", "'\\x008'", false, NULL, 0},
    {"'\\3771'", "'\303\2771'", false, NULL, 0},
    {"'\\q'", "'\\\\q'", false, NULL, 0},
    {"'\\8'", "'\\\\8'", false, NULL, 0},
    {"'\\z\\y'", "'\\\\z\\\\y'", false, NULL, 0},
    {"'\\xff'", "'\303\277'", false, NULL, 0},
    {"'\\xFF\\xaB'", "'\303\277\302\253'", false, NULL, 0},
    {"'\\uABCD'", "'\352\257\215'", false, NULL, 0},
    {"'\\U00010000'", "'\360\220\200\200'", false, NULL, 0},
    {"'\\U0010ffff'", "'\\U0010ffff'", false, NULL, 0},
    {"'\\u00e9\\u0301'", "'\303\251\314\201'", false, NULL, 0},
    {"'\\ud800'", "'\\ud800'", false, NULL, 0},
    {"'\\U0000d800'", "'\\ud800'", false, NULL, 0},
    {"'\\ud83d\\ude00'", "'\\ud83d\\ude00'", false, NULL, 0},
    {"'\\N{LATIN SMALL LETTER A}'", "'a'", false, NULL, 0},
    {"'\\N{latin small letter a}'", "'a'", false, NULL, 0},
    {"'\\N{NULL}'", "'\\x00'", false, NULL, 0},
    {"'\\N{LF}'", "'\\n'", false, NULL, 0},
    {"'\\N{line feed}'", "'\\n'", false, NULL, 0},
    {"'\\N{NBSP}'", "'\\xa0'", false, NULL, 0},
    {"'\\N{BYTE ORDER MARK}'", "'\\ufeff'", false, NULL, 0},
    {"'\\N{GRINNING FACE}'", "'\360\237\230\200'", false, NULL, 0},
    {"'\\N{CJK UNIFIED IDEOGRAPH-4E00}'", "'\344\270\200'", false, NULL, 0},
    {"'\\N{HANGUL SYLLABLE GA}'", "'\352\260\200'", false, NULL, 0},
    {"'\\N{LATIN CAPITAL LETTER GHA}'", "'\306\242'", false, NULL, 0},
    {"'\\N{EM DASH}'", "'\342\200\224'", false, NULL, 0},
    {"'\\N{CJK UNIFIED IDEOGRAPH-20000}'", "'\360\240\200\200'", false, NULL, 0},
    {"'\\N{CJK COMPATIBILITY IDEOGRAPH-F900}'", "'\357\244\200'", false, NULL, 0},
    {"'\\N{HANGUL SYLLABLE HIH}'", "'\355\236\243'", false, NULL, 0},
    {"'\\N{LATIN SMALL LETTER A WITH GRAVE}'", "'\303\240'", false, NULL, 0},
    {"'a\\\012b'", "'ab'", false, NULL, 0},
    {"'a\\\015\012b'", "'ab'", false, NULL, 0},
    {"'''a\012b'''", "'a\\nb'", false, NULL, 0},
    {"\"\"\"tri'ple\"\"\"", "\"tri'ple\"", false, NULL, 0},
    {"'''it''s'''", "\"it''s\"", false, NULL, 0},
    {"''", "''", false, NULL, 0},
    {"\"\"", "''", false, NULL, 0},
    {"''''''", "''", false, NULL, 0},
    {"\"\"\"\"\"\"", "''", false, NULL, 0},
    {"'\303\251 \303\274n\303\257 \344\270\255\346\226\207 \360\237\230\200'", "'\303\251 \303\274n\303\257 \344\270\255\346\226\207 \360\237\230\200'", false, NULL, 0},
    {"\"it's\"", "\"it's\"", false, NULL, 0},
    {"'say \"hi\"'", "'say \"hi\"'", false, NULL, 0},
    {"'both \\' and \"'", "'both \\' and \"'", false, NULL, 0},
    {"'\\\\'", "'\\\\'", false, NULL, 0},
    {"'\\\\\\\\'", "'\\\\\\\\'", false, NULL, 0},
    {"'tab\011here'", "'tab\\there'", false, NULL, 0},
    {"'\\r\\n'", "'\\r\\n'", false, NULL, 0},
    {"'\303\251\\\\x'", "'\303\251\\\\x'", false, NULL, 0},
    {"b'a\\u1234'", "b'a\\\\u1234'", false, NULL, 0},
    {"b'\\N{NULL}'", "b'\\\\N{NULL}'", false, NULL, 0},
    {"b'\\777'", "b'\\xff'", false, NULL, 0},
    {"b'\\400'", "b'\\x00'", false, NULL, 0},
    {"b'\\0'", "b'\\x00'", false, NULL, 0},
    {"b'\\u'", "b'\\\\u'", false, NULL, 0},
    {"b'\\x00\\x7f\\x80\\xff'", "b'\\x00\\x7f\\x80\\xff'", false, NULL, 0},
    {"b'\\t\\n\\r\\\\\\''", "b\"\\t\\n\\r\\\\'\"", false, NULL, 0},
    {"b'\"'", "b'\"'", false, NULL, 0},
    {"b''", "b''", false, NULL, 0},
    {"b'\\\012'", "b''", false, NULL, 0},
    {"b'\\q'", "b'\\\\q'", false, NULL, 0},
    {"b'\\xAa'", "b'\\xaa'", false, NULL, 0},
    {"r'\\x4'", "'\\\\x4'", false, NULL, 0},
    {"R'\\n'", "'\\\\n'", false, NULL, 0},
    {"rb'\\x'", "b'\\\\x'", false, NULL, 0},
    {"Br'\\n'", "b'\\\\n'", false, NULL, 0},
    {"bR'a'", "b'a'", false, NULL, 0},
    {"r'\\N{foo}'", "'\\\\N{foo}'", false, NULL, 0},
    {"r'a\\\012b'", "'a\\\\\\nb'", false, NULL, 0},
    {"rb'\\777'", "b'\\\\777'", false, NULL, 0},
    {"r'\303\251\\u'", "'\303\251\\\\u'", false, NULL, 0},
    {"'a\\tb'", "'a\\tb'", false, NULL, 0},
    {"\"q\\\"x\"", "'q\"x'", false, NULL, 0},
    {"'''x\012y'''", "'x\\ny'", false, NULL, 0},
    {"\"\"\"\\x41\"\"\"", "'A'", false, NULL, 0},
    {"r'a\\tb'", "'a\\\\tb'", false, NULL, 0},
    {"r\"q\\\"x\"", "'q\\\\\"x'", false, NULL, 0},
    {"r'''x\012y'''", "'x\\ny'", false, NULL, 0},
    {"r\"\"\"\\x41\"\"\"", "'\\\\x41'", false, NULL, 0},
    {"u'a\\tb'", "'a\\tb'", true, NULL, 0},
    {"u\"q\\\"x\"", "'q\"x'", true, NULL, 0},
    {"u'''x\012y'''", "'x\\ny'", true, NULL, 0},
    {"u\"\"\"\\x41\"\"\"", "'A'", true, NULL, 0},
    {"R'a\\tb'", "'a\\\\tb'", false, NULL, 0},
    {"R\"q\\\"x\"", "'q\\\\\"x'", false, NULL, 0},
    {"R'''x\012y'''", "'x\\ny'", false, NULL, 0},
    {"R\"\"\"\\x41\"\"\"", "'\\\\x41'", false, NULL, 0},
    {"U'a\\tb'", "'a\\tb'", false, NULL, 0},
    {"U\"q\\\"x\"", "'q\"x'", false, NULL, 0},
    {"U'''x\012y'''", "'x\\ny'", false, NULL, 0},
    {"U\"\"\"\\x41\"\"\"", "'A'", false, NULL, 0},
    {"b'a\\tb'", "b'a\\tb'", false, NULL, 0},
    {"b\"q\\\"x\"", "b'q\"x'", false, NULL, 0},
    {"b'''x\012y'''", "b'x\\ny'", false, NULL, 0},
    {"b\"\"\"\\x41\"\"\"", "b'A'", false, NULL, 0},
    {"B'a\\tb'", "b'a\\tb'", false, NULL, 0},
    {"B\"q\\\"x\"", "b'q\"x'", false, NULL, 0},
    {"B'''x\012y'''", "b'x\\ny'", false, NULL, 0},
    {"B\"\"\"\\x41\"\"\"", "b'A'", false, NULL, 0},
    {"br'a\\tb'", "b'a\\\\tb'", false, NULL, 0},
    {"br\"q\\\"x\"", "b'q\\\\\"x'", false, NULL, 0},
    {"br'''x\012y'''", "b'x\\ny'", false, NULL, 0},
    {"br\"\"\"\\x41\"\"\"", "b'\\\\x41'", false, NULL, 0},
    {"bR'a\\tb'", "b'a\\\\tb'", false, NULL, 0},
    {"bR\"q\\\"x\"", "b'q\\\\\"x'", false, NULL, 0},
    {"bR'''x\012y'''", "b'x\\ny'", false, NULL, 0},
    {"bR\"\"\"\\x41\"\"\"", "b'\\\\x41'", false, NULL, 0},
    {"Br'a\\tb'", "b'a\\\\tb'", false, NULL, 0},
    {"Br\"q\\\"x\"", "b'q\\\\\"x'", false, NULL, 0},
    {"Br'''x\012y'''", "b'x\\ny'", false, NULL, 0},
    {"Br\"\"\"\\x41\"\"\"", "b'\\\\x41'", false, NULL, 0},
    {"BR'a\\tb'", "b'a\\\\tb'", false, NULL, 0},
    {"BR\"q\\\"x\"", "b'q\\\\\"x'", false, NULL, 0},
    {"BR'''x\012y'''", "b'x\\ny'", false, NULL, 0},
    {"BR\"\"\"\\x41\"\"\"", "b'\\\\x41'", false, NULL, 0},
    {"rb'a\\tb'", "b'a\\\\tb'", false, NULL, 0},
    {"rb\"q\\\"x\"", "b'q\\\\\"x'", false, NULL, 0},
    {"rb'''x\012y'''", "b'x\\ny'", false, NULL, 0},
    {"rb\"\"\"\\x41\"\"\"", "b'\\\\x41'", false, NULL, 0},
    {"rB'a\\tb'", "b'a\\\\tb'", false, NULL, 0},
    {"rB\"q\\\"x\"", "b'q\\\\\"x'", false, NULL, 0},
    {"rB'''x\012y'''", "b'x\\ny'", false, NULL, 0},
    {"rB\"\"\"\\x41\"\"\"", "b'\\\\x41'", false, NULL, 0},
    {"Rb'a\\tb'", "b'a\\\\tb'", false, NULL, 0},
    {"Rb\"q\\\"x\"", "b'q\\\\\"x'", false, NULL, 0},
    {"Rb'''x\012y'''", "b'x\\ny'", false, NULL, 0},
    {"Rb\"\"\"\\x41\"\"\"", "b'\\\\x41'", false, NULL, 0},
    {"RB'a\\tb'", "b'a\\\\tb'", false, NULL, 0},
    {"RB\"q\\\"x\"", "b'q\\\\\"x'", false, NULL, 0},
    {"RB'''x\012y'''", "b'x\\ny'", false, NULL, 0},
    {"RB\"\"\"\\x41\"\"\"", "b'\\\\x41'", false, NULL, 0},
    {"'\\x4'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1},
    {"'\\x'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape", 1},
    {"'ab\\x4g'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \\xXX escape", 3},
    {"'\303\251\\x4'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape", 3},
    {"'\\u12'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape", 1},
    {"'\\U0011ffff'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character", 1},
    {"'\\U1234567'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-8: truncated \\UXXXXXXXX escape", 1},
    {"'\\N{foo}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name", 1},
    {"'\\N'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape", 1},
    {"'\\N{'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape", 1},
    {"'\\N{}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape", 1},
    {"'\\N{abc'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-5: malformed \\N character escape", 1},
    {"'ab\\N{xx}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-7: unknown Unicode character name", 3},
    {"'\303\251\\N{xx}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-15: unknown Unicode character name", 3},
    {"'\303\251\\\\\\u12'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 12-15: truncated \\uXXXX escape", 5},
    {"'\\\303\251\\x4'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 16-18: truncated \\xXX escape", 4},
    {"'\\N{LATIN SMALL LETTER A'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-22: malformed \\N character escape", 1},
    {"'\\N{LATIN SMALL LETTER A}\\x4'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 24-26: truncated \\xXX escape", 25},
    {"'\\N{\303\251}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-13: unknown Unicode character name", 1},
    {"'\303\251\\N{\303\251}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-23: unknown Unicode character name", 3},
    {"'\\ufffg'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-4: truncated \\uXXXX escape", 1},
    {"'''\\UFFFFFFFF'''", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character", 3},
    {"u'\\x1'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 2},
    {"'\\N{GRINNING FACE}\\N{GRINNING FACES}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 17-34: unknown Unicode character name", 18},
    {"'\\N{cjk unified ideograph-4e00}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-29: unknown Unicode character name", 1},
    {"'\\N{hangul syllable ga}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-21: unknown Unicode character name", 1},
    {"'\\N{ LATIN SMALL LETTER A}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-24: unknown Unicode character name", 1},
    {"'\\N{LATIN  SMALL LETTER A}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-24: unknown Unicode character name", 1},
    {"'\\N{latin_small_letter_a}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-23: unknown Unicode character name", 1},
    {"'\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-47: unknown Unicode character name", 1},
    {"'\\\\\344\270\255\\xg'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 12-13: truncated \\xXX escape", 6},
    {"'\\\\\303\251\\N{xx}'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 12-17: unknown Unicode character name", 5},
    {"'\\N{\\\\\303\251\\U00110000'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-24: malformed \\N character escape", 1},
    {"'\360\237\230\200\\\\\344\270\255\\t\\U'", NULL, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 24-25: truncated \\UXXXXXXXX escape", 12},
    {"b'\\x4'", NULL, false, "(value error) invalid \\x escape at position 0", 2},
    {"b'ab\\x4'", NULL, false, "(value error) invalid \\x escape at position 2", 4},
    {"b'\\xg0'", NULL, false, "(value error) invalid \\x escape at position 0", 2},
    {"B'''\\x'''", NULL, false, "(value error) invalid \\x escape at position 0", 4},
    {"b'\303\251'", NULL, false, "bytes can only contain ASCII literal characters", 2},
    {"b'\303\251\\x4'", NULL, false, "bytes can only contain ASCII literal characters", 2},
    {"b'\\x4\303\251'", NULL, false, "bytes can only contain ASCII literal characters", 5},
    {"b'ab\360\237\230\200'", NULL, false, "bytes can only contain ASCII literal characters", 4},
};

Test(ast, string_literals)
{
    for (size_t i = 0; i < sizeof string_cases / sizeof string_cases[0]; i++) {
        const char *text = string_cases[i].text;
        vm_ast_const c;
        char err[512] = "";
        bool is_u = !string_cases[i].is_u;
        size_t at = 12345;
        bool ok = vm_ast_string_literal(&A, text, strlen(text), &c, &is_u, err, sizeof err, &at);
        if (!string_cases[i].repr) {
            cr_expect(!ok, "%s should fail", text);
            cr_expect_str_eq(err, string_cases[i].error, "%s", text);
            cr_expect_eq(at, string_cases[i].err_at, "%s: error at %zu", text, at);
            continue;
        }
        cr_expect(ok, "%s: %s", text, err);
        if (!ok)
            continue;
        cr_expect_eq(is_u, string_cases[i].is_u, "%s", text);
        vm_buf b;
        vm_buf_init(&b);
        vm_ast_const_repr(&c, &b);
        cr_expect_str_eq(b.data, string_cases[i].repr, "%s", text);
        vm_buf_free(&b);
    }
}

Test(ast, string_values_are_exact_bytes)
{
    vm_ast_const c;
    char err[256];
    size_t at;
    bool is_u;
    /* a NUL from an escape stays in the value; lone surrogates are 3-byte sequences */
    const char *t1 = "'a\\x00b\\ud800'";
    cr_assert(vm_ast_string_literal(&A, t1, strlen(t1), &c, &is_u, err, sizeof err, &at), "%s", err);
    cr_expect_eq(c.kind, VM_CONST_STR);
    cr_assert_eq(c.u.str.len, 6);
    cr_expect_eq(memcmp(c.u.str.s, "a\0b\355\240\200", 6), 0);
    const char *t2 = "b'\\xff\\0'";
    cr_assert(vm_ast_string_literal(&A, t2, strlen(t2), &c, &is_u, err, sizeof err, &at), "%s", err);
    cr_expect_eq(c.kind, VM_CONST_BYTES);
    cr_assert_eq(c.u.str.len, 2);
    cr_expect_eq(memcmp(c.u.str.s, "\377\0", 2), 0);
    /* a NUL in the source text itself is data too (CPython refuses it earlier, in the
     * tokenizer) */
    cr_assert(vm_ast_string_body(&A, "x\0y", 3, false, false, &c, err, sizeof err, &at));
    cr_expect_eq(c.u.str.len, 3);
    cr_expect_eq(memcmp(c.u.str.s, "x\0y", 3), 0);
}

Test(ast, string_body_for_fstring_parts)
{
    vm_ast_const c;
    char err[256];
    size_t at;
    /* f'a\tb{x}\N{EM DASH}': the parser hands over the literal parts */
    cr_assert(vm_ast_string_body(&A, "a\\tb", 4, false, false, &c, err, sizeof err, &at));
    cr_expect_eq(c.u.str.len, 3);
    cr_expect_eq(memcmp(c.u.str.s, "a\tb", 3), 0);
    cr_assert(vm_ast_string_body(&A, "\\N{EM DASH}", 11, false, false, &c, err, sizeof err, &at));
    cr_expect_str_eq(c.u.str.s, "\342\200\224");
    /* fr'...': raw */
    cr_assert(vm_ast_string_body(&A, "\\n", 2, true, false, &c, err, sizeof err, &at));
    cr_expect_str_eq(c.u.str.s, "\\n");
    /* f'ab\x4': the position counts from the part's start */
    cr_assert(!vm_ast_string_body(&A, "ab\\x4", 5, false, false, &c, err, sizeof err, &at));
    cr_expect_eq(at, 2);
    cr_expect_str_eq(err, "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \\xXX escape");
}

Test(ast, string_prefixes_the_tokenizer_should_have_refused)
{
    /* CPython's tokenizer never makes these STRING tokens; the decoder still says no */
    const char *bad[] = {"ur'x'", "bu'x'", "rr'x'", "ub''", "x'a'", "bf''", "'", "'a"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        vm_ast_const c;
        char err[256] = "";
        size_t at = 99;
        bool is_u;
        cr_expect(!vm_ast_string_literal(&A, bad[i], strlen(bad[i]), &c, &is_u, err, sizeof err, &at),
                  "%s", bad[i]);
        cr_expect_eq(at, 0, "%s", bad[i]);
        cr_expect_neq(err[0], 0, "%s", bad[i]);
    }
    /* f-strings go through vm_ast_string_body, part by part */
    vm_ast_const c;
    char err[256];
    size_t at;
    bool is_u;
    cr_expect(!vm_ast_string_literal(&A, "f'{x}'", 6, &c, &is_u, err, sizeof err, &at));
    /* the length is honoured: the token need not be NUL-terminated */
    cr_assert(vm_ast_string_literal(&A, "'ab' + 1", 4, &c, &is_u, err, sizeof err, &at), "%s", err);
    cr_expect_eq(c.u.str.len, 2);
    cr_expect_str_eq(c.u.str.s, "ab");
}

Test(ast, floats_ignore_the_numeric_locale)
{
    /* under a locale whose decimal point is a comma, repr and literals still use '.' */
    const char *names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", "ru_RU.UTF-8"};
    const char *found = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !found; i++)
        if (setlocale(LC_NUMERIC, names[i]))
            found = names[i];
    if (!found)
        cr_skip_test("no locale with a decimal comma installed");
    char probe[16];
    snprintf(probe, sizeof probe, "%.1f", 1.5);
    cr_assert_str_eq(probe, "1,5", "%s", found);
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 1.5}, "1.5");
    expect_repr((vm_ast_const){.kind = VM_CONST_FLOAT, .u.f = 0x1.999999999999ap-4}, "0.1");
    vm_ast_const c;
    char err[256];
    cr_assert(vm_ast_number_literal(&A, "2.25", 4, &c, err, sizeof err));
    cr_expect_eq(c.u.f, 2.25);
    setlocale(LC_NUMERIC, "C");
}

Test(ast, lists_grow_and_finish)
{
    vm_ast_list l;
    vm_ast_list_init(&l);
    cr_expect_null(vm_ast_list_finish(&l, &A), "an empty list is NULL, the empty sequence");
    vm_ast_list_init(&l);
    for (int i = 0; i < 100; i++)
        vm_ast_list_push_op(&l, i);
    vm_ast_seq *s = vm_ast_list_finish(&l, &A);
    cr_assert_eq(vm_ast_seq_len(s), 100);
    for (int i = 0; i < 100; i++)
        cr_expect_eq(s->items[i].op, i);
    vm_ast_list_init(&l);
    vm_ast_list_push_id(&l, "a");
    vm_ast *n = vm_ast_new(&A, VM_AST_Pass, 1, 0, 1, 4);
    vm_ast_list_push_node(&l, n);
    s = vm_ast_list_finish(&l, &A);
    cr_assert_eq(s->n, 2);
    cr_expect_str_eq(s->items[0].id, "a");
    cr_expect_eq(vm_ast_seq_node(s, 1), n);
    cr_expect_eq(n->lineno, 1);
    cr_expect_eq(n->end_col_offset, 4);
    cr_expect_eq(vm_ast_seq_len(NULL), 0);
}

Test(ast, buf_grows)
{
    vm_buf b;
    vm_buf_init(&b);
    for (int i = 0; i < 1000; i++)
        vm_buf_printf(&b, "%d,", i);
    vm_buf_puts(&b, "end");
    char big[600];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = 0;
    vm_buf_printf(&b, "%s", big);
    cr_expect_eq(b.len, strlen(b.data));
    cr_expect_eq(strncmp(b.data, "0,1,2,", 6), 0);
    cr_expect_eq(b.data[b.len - 1], 'x');
    vm_buf_free(&b);
    cr_expect_null(b.data);
}

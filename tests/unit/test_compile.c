/* vm/compile, vm/flowgraph, vm/code: properties of the generated code that the
 * interpreter and the JIT rely on, and that the parity tests against CPython (which look
 * at tables, not instructions) do not pin: safe points on every loop, the exception
 * table, the position table, constant folding reaching the code, the verifier catching
 * broken code, and compile-time errors with their positions. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "vm/code.h"
#include "vm/compile.h"
#include "vm/opcodes.h"

static vm_code *compile_ok(const char *src)
{
    vm_syntax_error err = {0};
    vm_code *co = vm_compile_file(src, strlen(src), "<test>", VM_PARSE_EXEC, NULL, &err);
    cr_assert_not_null(co, "compile failed: %s (line %d)", err.msg, err.lineno);
    cr_assert_null(vm_code_verify(co));
    vm_syntax_error_clear(&err);
    return co;
}

/* The nested code object named `name` (depth first), or the module itself. */
static const vm_code *find_code(const vm_code *co, const char *name)
{
    if (!strcmp(co->name, name))
        return co;
    for (int i = 0; i < co->nconsts; i++)
        if (co->consts[i].code) {
            const vm_code *r = find_code(co->consts[i].code, name);
            if (r)
                return r;
        }
    return NULL;
}

static int count_op(const vm_code *co, int op)
{
    int n = 0;
    for (int pc = 0; pc < co->ncode; pc += vm_op_size(vm_op_code(co->code[pc])))
        n += vm_op_code(co->code[pc]) == op;
    return n;
}

/* The unit index of the first instruction with this opcode, or -1. */
static int find_op(const vm_code *co, int op)
{
    for (int pc = 0; pc < co->ncode; pc += vm_op_size(vm_op_code(co->code[pc])))
        if (vm_op_code(co->code[pc]) == op)
            return pc;
    return -1;
}

Test(compile, every_loop_closes_with_a_safe_point)
{
    vm_code *co = compile_ok("def f(n, xs):\n"
                             "    while n > 0:\n"
                             "        n -= 1\n"
                             "        if n == 5:\n"
                             "            continue\n"
                             "    for x in xs:\n"
                             "        pass\n"
                             "    return [y for y in xs if y]\n");
    const vm_code *f = find_code(co, "f");
    cr_assert_not_null(f);
    /* the while loop and the for loop each jump back once at least */
    cr_assert_geq(count_op(f, VM_OP_JUMP_BACKWARD), 2);
    /* no instruction but JUMP_BACKWARD(_NO_INTERRUPT) jumps backward: the verifier says
     * so for every code object, the comprehension's included */
    cr_assert_null(vm_code_verify(co));
    const vm_code *comp = find_code(co, "<listcomp>");
    cr_assert_not_null(comp);
    cr_assert_eq(count_op(comp, VM_OP_JUMP_BACKWARD), 1);
    cr_assert(vm_op_flags[VM_OP_JUMP_BACKWARD] & VM_OPF_SAFEPOINT);
    cr_assert(vm_op_flags[VM_OP_CALL] & VM_OPF_SAFEPOINT);
    cr_assert(vm_op_flags[VM_OP_RETURN_VALUE] & VM_OPF_SAFEPOINT);
    vm_code_free(co);
}

Test(compile, exception_table_covers_the_try_body_only)
{
    vm_code *co = compile_ok("def f(g):\n"
                             "    g(1)\n"
                             "    try:\n"
                             "        g(2)\n"
                             "    except ValueError:\n"
                             "        return 3\n"
                             "    return 4\n");
    const vm_code *f = find_code(co, "f");
    int first_call = find_op(f, VM_OP_CALL);
    cr_assert_geq(first_call, 0);
    cr_assert_null(vm_code_handler_for(f, (uint32_t)first_call), "g(1) is outside the try");
    /* the second call is inside: its handler pushes the exception at depth 0 */
    int second_call = -1;
    for (int pc = first_call + 2; pc < f->ncode; pc += vm_op_size(vm_op_code(f->code[pc])))
        if (vm_op_code(f->code[pc]) == VM_OP_CALL) {
            second_call = pc;
            break;
        }
    cr_assert_geq(second_call, 0);
    const vm_code_handler *h = vm_code_handler_for(f, (uint32_t)second_call);
    cr_assert_not_null(h);
    cr_assert_eq(h->depth, 0);
    cr_assert_eq(h->lasti, 0);
    cr_assert_eq(vm_op_code(f->code[h->handler]), VM_OP_PUSH_EXC_INFO);
    vm_code_free(co);
}

Test(compile, positions_give_lines_and_columns)
{
    vm_code *co = compile_ok("x = 1\n"
                             "y = (x +\n"
                             "     2)\n");
    int add = find_op(co, VM_OP_BINARY_OP);
    cr_assert_geq(add, 0);
    const vm_code_pos *p = vm_code_position(co, (uint32_t)add);
    cr_assert_not_null(p);
    /* the BinOp spans `x +\n     2`: line 2 col 5 to line 3 col 6 */
    cr_assert_eq(p->lineno, 2);
    cr_assert_eq(p->end_lineno, 3);
    cr_assert_eq(p->col, 5);
    cr_assert_eq(p->end_col, 6);
    cr_assert_eq(vm_code_position(co, 0)->lineno, 1);
    vm_code_free(co);
}

Test(compile, constants_are_folded_into_the_code)
{
    vm_code *co = compile_ok("x = 2 ** 10\n"
                             "y = (1, 2, 'three')\n");
    bool found_1024 = false, found_tuple = false;
    for (int i = 0; i < co->nconsts; i++) {
        const vm_ast_const *k = &co->consts[i].value;
        if (!co->consts[i].code && k->kind == VM_CONST_INT && k->u.i == 1024)
            found_1024 = true;
        if (!co->consts[i].code && k->kind == VM_CONST_TUPLE && k->u.seq.n == 3)
            found_tuple = true;
    }
    cr_assert(found_1024);
    cr_assert(found_tuple);
    cr_assert_eq(count_op(co, VM_OP_BINARY_OP), 0);
    cr_assert_eq(count_op(co, VM_OP_BUILD_TUPLE), 0);
    vm_code_free(co);
}

Test(compile, stack_size_covers_the_deepest_expression)
{
    vm_code *co = compile_ok("f(a, b, (c, d, e), g(h, i))\n");
    /* NULL f a b c d e, then BUILD_TUPLE; NULL g h i: 7 at the deepest */
    cr_assert_geq(co->stacksize, 7);
    cr_assert_leq(co->stacksize, 9);
    vm_code_free(co);
}

Test(compile, the_verifier_catches_broken_code)
{
    vm_code *co = compile_ok("while x:\n"
                             "    x = x - 1\n");
    uint32_t *code = (uint32_t *)co->code;
    int back = find_op(co, VM_OP_JUMP_BACKWARD);
    cr_assert_geq(back, 0);
    uint32_t saved = code[back];
    /* a conditional backward jump would be a loop without a safe point */
    code[back] = vm_op_make(VM_OP_POP_JUMP_IF_TRUE, vm_op_arg(saved));
    cr_assert_not_null(vm_code_verify(co));
    /* a jump into the middle of an instruction's cache slot */
    int cached = find_op(co, VM_OP_BINARY_OP);
    code[back] = vm_op_make(VM_OP_JUMP_BACKWARD, (uint32_t)cached + 1);
    cr_assert_not_null(vm_code_verify(co));
    code[back] = saved;
    cr_assert_null(vm_code_verify(co));
    /* a constant index out of range */
    int load = find_op(co, VM_OP_LOAD_CONST);
    saved = code[load];
    code[load] = vm_op_make(VM_OP_LOAD_CONST, (uint32_t)co->nconsts);
    cr_assert_not_null(vm_code_verify(co));
    code[load] = saved;
    cr_assert_null(vm_code_verify(co));
    vm_code_free(co);
}

static void expect_error(const char *src, const char *msg, int lineno, int offset)
{
    vm_syntax_error err = {0};
    vm_code *co = vm_compile_file(src, strlen(src), "<test>", VM_PARSE_EXEC, NULL, &err);
    cr_assert_null(co, "compiled: %s", src);
    cr_assert(err.is_set);
    cr_assert_str_eq(err.msg, msg);
    cr_assert_eq(err.lineno, lineno, "%s: line %d", msg, err.lineno);
    cr_assert_eq(err.offset, offset, "%s: offset %d", msg, err.offset);
    vm_syntax_error_clear(&err);
}

Test(compile, compile_time_errors_have_cpython_positions)
{
    /* each checked against CPython 3.11's compile() */
    expect_error("x = 1\nreturn x\n", "'return' outside function", 2, 1);
    expect_error("for x in y:\n    pass\nbreak\n", "'break' outside loop", 3, 1);
    expect_error("def f():\n    yield from x\nasync def g():\n    yield from x\n",
                 "'yield from' inside async function", 4, 5);
    expect_error("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8);
    expect_error("a, *b, *c = d\n", "multiple starred expressions in assignment", 1, 1);
    expect_error("def f(__debug__): pass\n", "cannot assign to __debug__", 1, 1);
    expect_error("def f():\n    x = [await y for y in z]\n",
                 "asynchronous comprehension outside of an asynchronous function", 2, 9);
}

Test(compile, the_implicit_return_is_copied_into_each_exit)
{
    /* CPython's extend_block: both branches end with their own `return None` */
    vm_code *co = compile_ok("def f(a):\n"
                             "    if a:\n"
                             "        y = 1\n"
                             "    else:\n"
                             "        y = 2\n");
    const vm_code *f = find_code(co, "f");
    cr_assert_eq(count_op(f, VM_OP_RETURN_VALUE), 2);
    cr_assert_eq(count_op(f, VM_OP_JUMP), 0);
    vm_code_free(co);
}

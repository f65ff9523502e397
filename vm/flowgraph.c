/* vm/flowgraph.c — from a unit's control-flow graph to a code object.
 *
 * The passes, in order (each a function below):
 *   1. optimize_blocks       constant conditions become a JUMP or nothing, constant
 *                            tuples one constant (CPython's optimize_basic_block)
 *   2. label_handlers        walk the reachable blocks with the stack of exception
 *                            handlers that SETUP_* push and POP_BLOCK pop, recording the
 *                            handler in force at every instruction (CPython's
 *                            label_exception_targets); what the walk never reaches is dead
 *   3. stack_depth           the depth on entry of every block, and the maximum; SETUP_*
 *                            still count as jumps to their handler here
 *   4. the SETUP_* and POP_BLOCK pseudo-instructions become NOPs; dead blocks leave the
 *      layout; jumps to jumps are threaded and jumps to short exit blocks replaced by a
 *      copy of them (CPython's extend_block); jumps to the next block and NOPs that carry
 *      no new line go away; artificial instructions take the line before them
 *   5. assemble              the prefix (MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR),
 *                            unused constants dropped, fast-locals layout, jump
 *                            direction (JUMP or JUMP_BACKWARD), cache slots, the
 *                            exception table, the position table, the code object.
 *
 * A block reached with two different stack depths, or a negative depth, is a bug in code
 * generation: it fails the compilation loudly ("internal compiler error") instead of
 * producing bytecode that would corrupt the value stack. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/compile_internal.h"

/* ---------------------------------------------------------------------------------------
 * Stack effects (CPython 3.11's stack_effect, for stmpy's instruction set)
 */

int cg_stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case VM_OP_NOP: case VM_OP_SWAP: case VM_OP_UNARY_POSITIVE: case VM_OP_UNARY_NEGATIVE:
    case VM_OP_UNARY_NOT: case VM_OP_UNARY_INVERT: case VM_OP_DELETE_FAST:
    case VM_OP_DELETE_DEREF: case VM_OP_MAKE_CELL: case VM_OP_COPY_FREE_VARS:
    case VM_OP_DELETE_NAME: case VM_OP_DELETE_GLOBAL: case VM_OP_LOAD_ATTR:
    case VM_OP_LIST_TO_TUPLE: case VM_OP_JUMP: case VM_OP_JUMP_BACKWARD:
    case VM_OP_JUMP_BACKWARD_NO_INTERRUPT: case VM_OP_JUMP_ANY: case VM_OP_JUMP_NO_INTERRUPT:
    case VM_OP_GET_ITER: case VM_OP_KW_NAMES: case VM_OP_SETUP_ANNOTATIONS:
    case VM_OP_RETURN_GENERATOR: case VM_OP_YIELD_VALUE: case VM_OP_GET_AWAITABLE:
    case VM_OP_GET_AITER: case VM_OP_ASYNC_GEN_WRAP: case VM_OP_GET_YIELD_FROM_ITER:
    case VM_OP_CHECK_EXC_MATCH: case VM_OP_CHECK_EG_MATCH: case VM_OP_POP_BLOCK:
        return 0;
    case VM_OP_POP_TOP: case VM_OP_BINARY_OP: case VM_OP_COMPARE_OP: case VM_OP_IS_OP:
    case VM_OP_CONTAINS_OP: case VM_OP_BINARY_SUBSCR: case VM_OP_STORE_FAST:
    case VM_OP_STORE_DEREF: case VM_OP_STORE_NAME: case VM_OP_STORE_GLOBAL:
    case VM_OP_DELETE_ATTR: case VM_OP_IMPORT_NAME: case VM_OP_IMPORT_STAR:
    case VM_OP_LIST_APPEND: case VM_OP_SET_ADD: case VM_OP_LIST_EXTEND: case VM_OP_SET_UPDATE:
    case VM_OP_DICT_UPDATE: case VM_OP_DICT_MERGE: case VM_OP_RETURN_VALUE:
    case VM_OP_POP_EXCEPT: case VM_OP_RERAISE: case VM_OP_PREP_RERAISE_STAR:
    case VM_OP_PRINT_EXPR: case VM_OP_POP_JUMP_IF_FALSE: case VM_OP_POP_JUMP_IF_TRUE:
    case VM_OP_POP_JUMP_IF_NONE: case VM_OP_POP_JUMP_IF_NOT_NONE:
        return -1;
    case VM_OP_PUSH_NULL: case VM_OP_COPY: case VM_OP_LOAD_CONST: case VM_OP_LOAD_FAST:
    case VM_OP_LOAD_DEREF: case VM_OP_LOAD_CLASSDEREF: case VM_OP_LOAD_CLOSURE:
    case VM_OP_LOAD_NAME: case VM_OP_LOAD_METHOD: case VM_OP_IMPORT_FROM: case VM_OP_GET_LEN:
    case VM_OP_LOAD_BUILD_CLASS: case VM_OP_GET_ANEXT: case VM_OP_BEFORE_WITH:
    case VM_OP_BEFORE_ASYNC_WITH: case VM_OP_WITH_EXCEPT_START: case VM_OP_PUSH_EXC_INFO:
    case VM_OP_LOAD_ASSERTION_ERROR: case VM_OP_MATCH_MAPPING: case VM_OP_MATCH_SEQUENCE:
    case VM_OP_MATCH_KEYS:
        return 1;
    case VM_OP_STORE_SUBSCR: return -3;
    case VM_OP_DELETE_SUBSCR: case VM_OP_STORE_ATTR: case VM_OP_MAP_ADD: case VM_OP_END_ASYNC_FOR:
    case VM_OP_MATCH_CLASS:
        return -2;
    case VM_OP_BUILD_SLICE: return arg == 3 ? -2 : -1;
    case VM_OP_LOAD_GLOBAL: return (arg & 1) + 1;
    case VM_OP_BUILD_TUPLE: case VM_OP_BUILD_LIST: case VM_OP_BUILD_SET:
    case VM_OP_BUILD_STRING:
        return 1 - arg;
    case VM_OP_BUILD_MAP: return 1 - 2 * arg;
    case VM_OP_BUILD_CONST_KEY_MAP: return -arg;
    case VM_OP_FORMAT_VALUE: return (arg & VM_FVS_HAVE_SPEC) ? -1 : 0;
    case VM_OP_UNPACK_SEQUENCE: return arg - 1;
    case VM_OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case VM_OP_JUMP_IF_FALSE_OR_POP: case VM_OP_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case VM_OP_FOR_ITER: return jump > 0 ? -1 : 1;
    case VM_OP_CALL: return -1 - arg;
    case VM_OP_CALL_FUNCTION_EX: return -2 - (arg & 1);
    case VM_OP_MAKE_FUNCTION:
        return -((arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1) + ((arg >> 3) & 1));
    case VM_OP_SEND: return jump > 0 ? -1 : 0;
    case VM_OP_RAISE_VARARGS: return -arg;
    case VM_OP_SETUP_FINALLY: case VM_OP_SETUP_WITH: return jump ? 1 : 0;
    case VM_OP_SETUP_CLEANUP: return jump ? 2 : 0;
    }
    return 0;
}

static bool is_jump(const cg_instr *i)
{
    return (vm_op_flags[i->op] & VM_OPF_JUMP) != 0;
}

static bool is_setup(int op)
{
    return op == VM_OP_SETUP_FINALLY || op == VM_OP_SETUP_CLEANUP || op == VM_OP_SETUP_WITH;
}

static bool falls_through(const cg_block *b)
{
    return b->n == 0 || !(vm_op_flags[b->instrs[b->n - 1].op] & VM_OPF_NOFALL);
}

static bool internal_error(cg_compiler *c, const char *what)
{
    return cg_error(c, "internal compiler error in %s: %s", c->u->qualname, what);
}

/* ---------------------------------------------------------------------------------------
 * 1. Constant conditions
 */

/* The truth of a constant, as bool() computes it. */
static bool const_truth(const vm_code_const *k)
{
    if (k->code)
        return true;
    const vm_ast_const *v = &k->value;
    switch (v->kind) {
    case VM_CONST_NONE: case VM_CONST_FALSE: return false;
    case VM_CONST_TRUE: case VM_CONST_ELLIPSIS: return true;
    case VM_CONST_INT: return v->u.i != 0;
    case VM_CONST_BIGINT: return v->u.big.n != 0;
    case VM_CONST_FLOAT: return v->u.f != 0.0;
    case VM_CONST_COMPLEX: return v->u.c.real != 0.0 || v->u.c.imag != 0.0;
    case VM_CONST_STR: case VM_CONST_BYTES: return v->u.str.len != 0;
    case VM_CONST_TUPLE: case VM_CONST_FROZENSET: return v->u.seq.n != 0;
    }
    return true;
}

/* n LOAD_CONSTs and a BUILD_TUPLE n: one LOAD_CONST of the tuple (a new constant, at the
 * end of the table, as CPython's fold_tuple_on_constants adds it). */
static void fold_tuple(cg_compiler *c, cg_block *b, int k)
{
    int n = b->instrs[k].arg;
    if (k < n)
        return;
    for (int i = k - n; i < k; i++)
        if (b->instrs[i].op != VM_OP_LOAD_CONST || c->u->consts[b->instrs[i].arg].code)
            return;
    vm_ast_const *items = vm_arena_alloc(c->arena, (size_t)(n + 1) * sizeof *items);
    for (int i = 0; i < n; i++) {
        items[i] = c->u->consts[b->instrs[k - n + i].arg].value;
        b->instrs[k - n + i].op = VM_OP_NOP;
    }
    vm_ast_const t = {.kind = VM_CONST_TUPLE};
    t.u.seq.items = items;
    t.u.seq.n = (size_t)n;
    b->instrs[k].op = VM_OP_LOAD_CONST;
    b->instrs[k].arg = cg_add_const(c, &t);
}

/* CPython 3.11's optimize_basic_block, the parts that change what runs or which constants
 * are used: constant conditions, `x is None` jumps, constant tuples, BUILD_TUPLE n +
 * UNPACK_SEQUENCE n. */
static void optimize_blocks(cg_compiler *c)
{
    for (cg_block *b = c->u->entry; b; b = b->next)
        for (int k = 0; k < b->n; k++) {
            cg_instr *in = &b->instrs[k];
            if (vm_op_flags[in->op] & VM_OPF_NOFALL) {
                b->n = k + 1;       /* what follows a return in the same block is dead */
                break;
            }
            cg_instr *next = k + 1 < b->n ? &b->instrs[k + 1] : NULL;
            int nextop = next ? next->op : -1;
            if (in->op == VM_OP_LOAD_CONST) {
                const vm_code_const *k0 = &c->u->consts[in->arg];
                if (nextop == VM_OP_POP_JUMP_IF_FALSE || nextop == VM_OP_POP_JUMP_IF_TRUE) {
                    bool truth = const_truth(k0);
                    in->op = VM_OP_NOP;
                    if (truth == (nextop == VM_OP_POP_JUMP_IF_TRUE)) {
                        next->op = VM_OP_JUMP_ANY;      /* the rest of the block is dead */
                        b->n = k + 2;
                    } else {
                        next->op = VM_OP_NOP;
                        next->target = NULL;
                    }
                } else if (nextop == VM_OP_JUMP_IF_FALSE_OR_POP ||
                           nextop == VM_OP_JUMP_IF_TRUE_OR_POP) {
                    bool truth = const_truth(k0);
                    if (truth == (nextop == VM_OP_JUMP_IF_TRUE_OR_POP)) {
                        next->op = VM_OP_JUMP_ANY;
                        b->n = k + 2;
                    } else {
                        in->op = VM_OP_NOP;
                        next->op = VM_OP_NOP;
                        next->target = NULL;
                    }
                } else if (nextop == VM_OP_IS_OP && !k0->code && k0->value.kind == VM_CONST_NONE &&
                           k + 2 < b->n && (b->instrs[k + 2].op == VM_OP_POP_JUMP_IF_FALSE ||
                                            b->instrs[k + 2].op == VM_OP_POP_JUMP_IF_TRUE)) {
                    int jop = b->instrs[k + 2].op;
                    bool invert = next->arg != 0;
                    in->op = VM_OP_NOP;
                    next->op = VM_OP_NOP;
                    b->instrs[k + 2].op = invert ^ (jop == VM_OP_POP_JUMP_IF_FALSE)
                                              ? VM_OP_POP_JUMP_IF_NOT_NONE : VM_OP_POP_JUMP_IF_NONE;
                }
            } else if (in->op == VM_OP_BUILD_TUPLE) {
                if (nextop == VM_OP_UNPACK_SEQUENCE && next->arg == in->arg &&
                    in->arg >= 1 && in->arg <= 3) {
                    in->op = VM_OP_NOP;
                    if (in->arg == 1)
                        next->op = VM_OP_NOP;
                    else
                        next->op = VM_OP_SWAP;
                    continue;
                }
                fold_tuple(c, b, k);
            }
        }
}

/* ---------------------------------------------------------------------------------------
 * 2. Exception handlers and reachability
 */

static cg_block **copy_stack(cg_block **stack, int depth)
{
    cg_block **s = malloc((size_t)(depth + 1) * sizeof *s);
    if (!s)
        abort();
    if (depth)
        memcpy(s, stack, (size_t)depth * sizeof *s);
    return s;
}

static void label_handlers(cg_compiler *c)
{
    int nblocks = 0;
    for (cg_block *b = c->u->blocks; b; b = b->all_next) {
        b->visited = false;
        b->reachable = false;
        nblocks++;
    }
    cg_block **todo = malloc((size_t)(nblocks + 1) * sizeof *todo);
    int ntodo = 0;
    cg_block *entry = c->u->entry;
    entry->except_stack = copy_stack(NULL, 0);
    entry->except_depth = 0;
    entry->visited = true;
    todo[ntodo++] = entry;
    while (ntodo) {
        cg_block *b = todo[--ntodo];
        b->reachable = true;
        int depth = b->except_depth;
        cg_block **stack = malloc((size_t)(depth + CG_MAX_FBLOCKS * 2 + 2) * sizeof *stack);
        if (!stack)
            abort();
        if (depth)
            memcpy(stack, b->except_stack, (size_t)depth * sizeof *stack);
        int cap = depth + CG_MAX_FBLOCKS * 2 + 2;
        for (int k = 0; k < b->n; k++) {
            cg_instr *in = &b->instrs[k];
            if (is_setup(in->op)) {
                cg_block *t = in->target;
                t->is_handler = true;
                if (in->op != VM_OP_SETUP_FINALLY)
                    t->preserve_lasti = true;
                if (!t->visited) {
                    t->visited = true;
                    t->except_stack = copy_stack(stack, depth);
                    t->except_depth = depth;
                    todo[ntodo++] = t;
                }
                if (depth + 1 >= cap) {
                    cap *= 2;
                    stack = realloc(stack, (size_t)cap * sizeof *stack);
                    if (!stack)
                        abort();
                }
                stack[depth++] = t;
                in->handler = NULL;
            } else if (in->op == VM_OP_POP_BLOCK) {
                if (depth > 0)
                    depth--;
                in->handler = NULL;
            } else {
                in->handler = depth ? stack[depth - 1] : NULL;
                if (is_jump(in) && !in->target->visited) {
                    in->target->visited = true;
                    in->target->except_stack = copy_stack(stack, depth);
                    in->target->except_depth = depth;
                    todo[ntodo++] = in->target;
                }
            }
        }
        if (falls_through(b) && b->next && !b->next->visited) {
            b->next->visited = true;
            b->next->except_stack = copy_stack(stack, depth);
            b->next->except_depth = depth;
            todo[ntodo++] = b->next;
        }
        free(stack);
    }
    free(todo);
}

/* ---------------------------------------------------------------------------------------
 * 3. Stack depth
 */

static bool stack_depth(cg_compiler *c, int *maxdepth)
{
    int nblocks = 0;
    for (cg_block *b = c->u->blocks; b; b = b->all_next) {
        b->startdepth = -1;
        nblocks++;
    }
    cg_block **todo = malloc((size_t)(nblocks + 1) * sizeof *todo);
    int ntodo = 0, max = 0;
    c->u->entry->startdepth = 0;
    todo[ntodo++] = c->u->entry;
#define REACH(t, d)                                                                        \
    do {                                                                                   \
        if ((d) < 0) {                                                                     \
            free(todo);                                                                    \
            return internal_error(c, "stack underflow");                                   \
        }                                                                                  \
        if ((t)->startdepth < 0) {                                                         \
            (t)->startdepth = (d);                                                         \
            todo[ntodo++] = (t);                                                           \
        } else if ((t)->startdepth != (d)) {                                               \
            free(todo);                                                                    \
            return internal_error(c, "a block is reached with two stack depths");          \
        }                                                                                  \
    } while (0)
    while (ntodo) {
        cg_block *b = todo[--ntodo];
        int depth = b->startdepth;
        bool fall = true;
        for (int k = 0; k < b->n; k++) {
            cg_instr *in = &b->instrs[k];
            if (is_jump(in)) {
                int td = depth + cg_stack_effect(in->op, in->arg, 1);
                if (td > max)
                    max = td;
                REACH(in->target, td);
            }
            depth += cg_stack_effect(in->op, in->arg, 0);
            if (depth < 0) {
                free(todo);
                return internal_error(c, "stack underflow");
            }
            if (depth > max)
                max = depth;
            if (vm_op_flags[in->op] & VM_OPF_NOFALL) {
                fall = false;
                break;
            }
        }
        if (fall && b->next)
            REACH(b->next, depth);
    }
#undef REACH
    free(todo);
    *maxdepth = max;
    return true;
}

/* ---------------------------------------------------------------------------------------
 * 4. Clean-up: dead blocks, pseudo-instructions, jumps, NOPs, lines
 */

static void remove_dead_blocks(cg_unit *u)
{
    cg_block *prev = u->entry;
    for (cg_block *b = u->entry->next; b; b = b->next) {
        if (b->reachable) {
            prev->next = b;
            prev = b;
        }
    }
    prev->next = NULL;
}

static void remove_nops(cg_block *b);

/* The first instruction a jump to b runs (past empty blocks), and its block.  A NOP that
 * is left carries a line of its own: jumps are not threaded past it. */
static cg_instr *jump_landing(cg_block *b, cg_block **in_block)
{
    for (; b; b = b->next)
        if (b->n) {
            *in_block = b;
            return &b->instrs[0];
        }
    return NULL;
}

static bool is_conditional_jump(int op)
{
    return (vm_op_flags[op] & VM_OPF_JUMP) && !(vm_op_flags[op] & VM_OPF_NOFALL);
}

/* CPython 3.11's jump threading (optimize_basic_block): a jump to a jump goes straight to
 * the final target, and `a and b` / `a or b` chains of JUMP_IF_*_OR_POP into tests become
 * POP_JUMP_IF_*.  One difference: a conditional jump is threaded only if it still goes
 * forward (every backward jump is an unconditional safe point). */
static void thread_jumps(cg_unit *u)
{
    int index = 0;
    for (cg_block *b = u->entry; b; b = b->next)
        b->offset = index++;
    /* block by block, each cleaned right after: as in CPython, a jump is threaded
     * through a later block only if that block's jump is its first instruction before
     * cleaning (a `break` keeps its line's NOP in front of its jump) */
    for (cg_block *b = u->entry; b; remove_nops(b), b = b->next) {
        if (!b->n)
            continue;
        cg_instr *in = &b->instrs[b->n - 1];
        if (!is_jump(in))
            continue;
        for (int hops = 0; hops < 16; hops++) {
            cg_block *tb;
            cg_instr *t = jump_landing(in->target, &tb);
            if (!t)
                break;
            bool t_last = t == &tb->instrs[tb->n - 1];
            int op = -1;
            cg_block *target = NULL;
            switch (in->op) {
            case VM_OP_JUMP_ANY:
            case VM_OP_POP_JUMP_IF_FALSE:
            case VM_OP_POP_JUMP_IF_TRUE:
            case VM_OP_POP_JUMP_IF_NONE:
            case VM_OP_POP_JUMP_IF_NOT_NONE:
            case VM_OP_FOR_ITER:
                if (t->op == VM_OP_JUMP_ANY)
                    op = in->op, target = t->target;
                break;
            case VM_OP_JUMP_IF_FALSE_OR_POP:
            case VM_OP_JUMP_IF_TRUE_OR_POP: {
                bool on_false = in->op == VM_OP_JUMP_IF_FALSE_OR_POP;
                int same_pop = on_false ? VM_OP_POP_JUMP_IF_FALSE : VM_OP_POP_JUMP_IF_TRUE;
                int other_pop = on_false ? VM_OP_POP_JUMP_IF_TRUE : VM_OP_POP_JUMP_IF_FALSE;
                int other_keep = on_false ? VM_OP_JUMP_IF_TRUE_OR_POP : VM_OP_JUMP_IF_FALSE_OR_POP;
                if (t->op == same_pop)
                    op = same_pop, target = t->target;
                else if (t->op == VM_OP_JUMP_ANY || t->op == in->op)
                    op = in->op, target = t->target;
                else if ((t->op == other_keep || t->op == other_pop) && t_last &&
                         t->loc.lineno == in->loc.lineno)
                    op = same_pop, target = tb->next;   /* the test fails there: go past it */
                break;
            }
            default:
                break;
            }
            if (op < 0 || !target || (target == in->target && op == in->op))
                break;
            cg_block *land;
            if (is_conditional_jump(op) && (!jump_landing(target, &land) || land->offset <= b->offset))
                break;
            in->op = (uint8_t)op;
            in->target = target;
        }
    }
}

/* CPython 3.11's extend_block: an unconditional jump to a short exit block without a line
 * of its own (at most four artificial instructions ending in a return or a raise: the
 * implicit `return None`, a handler's re-raise) becomes a copy of that block, which then
 * takes the line of what precedes it; the copies keep their exception handlers. */
static void extend_blocks(cg_unit *u)
{
    for (cg_block *b = u->entry; b; b = b->next) {
        if (!b->n || b->instrs[b->n - 1].op != VM_OP_JUMP_ANY)
            continue;
        cg_block *tb;
        if (!jump_landing(b->instrs[b->n - 1].target, &tb) || tb == b)
            continue;
        int op = tb->instrs[tb->n - 1].op, count = 0;
        if (op != VM_OP_RETURN_VALUE && op != VM_OP_RERAISE && op != VM_OP_RAISE_VARARGS)
            continue;
        bool has_line = false;
        for (int k = 0; k < tb->n; k++) {
            count += tb->instrs[k].op != VM_OP_NOP;
            has_line |= tb->instrs[k].op != VM_OP_NOP && tb->instrs[k].loc.lineno >= 0;
        }
        if (count > 4 || has_line)
            continue;
        b->instrs[b->n - 1].op = VM_OP_NOP;    /* keeps the jump's line for the copy */
        b->instrs[b->n - 1].target = NULL;
        if (b->n + count > b->cap) {
            b->cap = b->n + count;
            b->instrs = realloc(b->instrs, (size_t)b->cap * sizeof *b->instrs);
            if (!b->instrs)
                abort();
        }
        for (int k = 0; k < tb->n; k++)
            if (tb->instrs[k].op != VM_OP_NOP)
                b->instrs[b->n++] = tb->instrs[k];
    }
}

/* Reachability again after threading and copying: from the entry, by fall-through and
 * jumps (SETUP_* included: they are still there). */
static void mark_reachable(cg_unit *u)
{
    int nblocks = 0;
    for (cg_block *b = u->blocks; b; b = b->all_next) {
        b->reachable = false;
        nblocks++;
    }
    cg_block **todo = malloc((size_t)(nblocks + 1) * sizeof *todo);
    int ntodo = 0;
    u->entry->reachable = true;
    todo[ntodo++] = u->entry;
    while (ntodo) {
        cg_block *b = todo[--ntodo];
        for (int k = 0; k < b->n; k++) {
            cg_block *t = b->instrs[k].target;
            if (t && !t->reachable) {
                t->reachable = true;
                todo[ntodo++] = t;
            }
        }
        if (falls_through(b) && b->next && !b->next->reachable) {
            b->next->reachable = true;
            todo[ntodo++] = b->next;
        }
    }
    free(todo);
}

/* Drops NOPs whose line is already there; drops jumps to the next block. */
/* A jump to the block that follows anyway becomes a NOP. */
static void remove_jump_to_next(cg_block *b)
{
    if (!b->n || b->instrs[b->n - 1].op != VM_OP_JUMP_ANY)
        return;
    cg_block *next = b->next;
    while (next && next->n == 0)
        next = next->next;
    cg_block *t = b->instrs[b->n - 1].target;
    while (t && t->n == 0)
        t = t->next;
    if (t == next && t) {
        b->instrs[b->n - 1].op = VM_OP_NOP;
        b->instrs[b->n - 1].target = NULL;
    }
}

/* CPython's clean_basic_block: a NOP goes unless it is the only holder of its line. */
static void remove_nops(cg_block *b)
{
    int w = 0;
    for (int k = 0; k < b->n; k++) {
        cg_instr *in = &b->instrs[k];
        if (in->op == VM_OP_NOP) {
            int line = in->loc.lineno;
            bool keep = line >= 0;
            if (keep && w > 0 && b->instrs[w - 1].loc.lineno == line)
                keep = false;
            if (keep && k + 1 < b->n && b->instrs[k + 1].loc.lineno == line)
                keep = false;
            if (keep && k + 1 < b->n && b->instrs[k + 1].loc.lineno < 0) {
                /* the next instruction will take this line */
                b->instrs[k + 1].loc = in->loc;
                keep = false;
            }
            if (keep && k + 1 == b->n) {
                /* the last one: the next block may start on the same line */
                cg_block *next = b->next;
                while (next && next->n == 0)
                    next = next->next;
                if (next && next->instrs[0].loc.lineno == line)
                    keep = false;
            }
            if (!keep)
                continue;
        }
        b->instrs[w++] = *in;
    }
    b->n = w;
}

static void clean_blocks(cg_unit *u)
{
    for (cg_block *b = u->entry; b; b = b->next) {
        remove_jump_to_next(b);
        remove_nops(b);
    }
}

static void propagate_lines(cg_unit *u)
{
    for (cg_block *b = u->entry; b; b = b->next)
        b->predecessors = 0;
    u->entry->predecessors = 1;
    for (cg_block *b = u->entry; b; b = b->next) {
        if (falls_through(b) && b->next)
            b->next->predecessors++;
        for (int k = 0; k < b->n; k++)
            if (b->instrs[k].target)
                b->instrs[k].target->predecessors++;
    }
    for (cg_block *b = u->entry; b; b = b->next) {
        cg_loc prev = {-1, -1, -1, -1};
        for (int k = 0; k < b->n; k++) {
            cg_instr *in = &b->instrs[k];
            if (in->loc.lineno < 0)
                in->loc = prev;
            else
                prev = in->loc;
        }
        if (!b->n || prev.lineno < 0)
            continue;
        cg_instr *last = &b->instrs[b->n - 1];
        if (is_jump(last) && last->target->predecessors == 1 && last->target->n &&
            last->target->instrs[0].loc.lineno < 0)
            last->target->instrs[0].loc = prev;
        if (falls_through(b) && b->next && b->next->predecessors == 1 && b->next->n &&
            b->next->instrs[0].loc.lineno < 0)
            b->next->instrs[0].loc = prev;
    }
}

/* PUSH_NULL; LOAD_GLOBAL x  ->  LOAD_GLOBAL x with the push-NULL bit. */
static void merge_push_null(cg_unit *u)
{
    for (cg_block *b = u->entry; b; b = b->next)
        for (int k = 0; k + 1 < b->n; k++)
            if (b->instrs[k].op == VM_OP_PUSH_NULL && b->instrs[k + 1].op == VM_OP_LOAD_GLOBAL &&
                !(b->instrs[k + 1].arg & 1)) {
                b->instrs[k].op = VM_OP_NOP;
                b->instrs[k].loc = (cg_loc){-1, -1, -1, -1};
                b->instrs[k + 1].arg |= 1;
            }
}

/* ---------------------------------------------------------------------------------------
 * 5. Assembly
 */

static char *copy_bytes(vm_arena *a, const char *s, size_t n)
{
    char *d = vm_arena_alloc(a, n + 1);
    if (n)
        memcpy(d, s, n);
    return d;
}

static vm_ast_const copy_const(vm_arena *a, const vm_ast_const *k)
{
    vm_ast_const r = *k;
    switch (k->kind) {
    case VM_CONST_STR:
    case VM_CONST_BYTES:
        r.u.str.s = copy_bytes(a, k->u.str.s, k->u.str.len);
        break;
    case VM_CONST_BIGINT: {
        uint32_t *limbs = vm_arena_alloc(a, (k->u.big.n + 1) * sizeof *limbs);
        memcpy(limbs, k->u.big.limbs, k->u.big.n * sizeof *limbs);
        r.u.big.limbs = limbs;
        break;
    }
    case VM_CONST_TUPLE:
    case VM_CONST_FROZENSET: {
        vm_ast_const *items = vm_arena_alloc(a, (k->u.seq.n + 1) * sizeof *items);
        for (size_t i = 0; i < k->u.seq.n; i++)
            items[i] = copy_const(a, &k->u.seq.items[i]);
        r.u.seq.items = items;
        break;
    }
    default:
        break;
    }
    return r;
}

static const char *copy_str(vm_arena *a, const char *s)
{
    return copy_bytes(a, s, strlen(s));
}

static int compute_flags(cg_compiler *c)
{
    const vm_symtable_scope *ste = c->u->ste;
    int flags = 0;
    if (ste->type == VM_SYMTABLE_FUNCTION) {
        flags |= VM_CO_NEWLOCALS | VM_CO_OPTIMIZED;
        if (ste->is_nested)
            flags |= VM_CO_NESTED;
        if (ste->is_generator && !ste->is_coroutine)
            flags |= VM_CO_GENERATOR;
        if (!ste->is_generator && ste->is_coroutine)
            flags |= VM_CO_COROUTINE;
        if (ste->is_generator && ste->is_coroutine)
            flags |= VM_CO_ASYNC_GENERATOR;
        if (ste->has_varargs)
            flags |= VM_CO_VARARGS;
        if (ste->has_varkeywords)
            flags |= VM_CO_VARKEYWORDS;
    }
    return flags | c->future_flags;
}

vm_code *cg_assemble(cg_compiler *c, bool add_none)
{
    cg_unit *u = c->u;
    if (c->failed)
        return NULL;
    /* the implicit `return None` at the end, unless the last block returns (CPython's
     * b_return: a RETURN_VALUE anywhere in it) */
    bool returns = false;
    for (int k = 0; k < u->cur->n; k++)
        returns |= u->cur->instrs[k].op == VM_OP_RETURN_VALUE;
    if (!returns) {
        cg_loc saved = u->loc;
        u->loc = (cg_loc){-1, -1, -1, -1};
        if (add_none)
            cg_load_none(c);
        cg_addop(c, VM_OP_RETURN_VALUE, 0);
        u->loc = saved;
    }
    merge_push_null(u);
    optimize_blocks(c);
    label_handlers(c);
    int maxdepth = 0;
    if (!stack_depth(c, &maxdepth))
        return NULL;
    /* clean-up with the SETUP_* still there: a handler stays as long as its SETUP does
     * (CPython's reachability), whether or not anything in its range can raise */
    remove_dead_blocks(u);
    thread_jumps(u);
    extend_blocks(u);
    mark_reachable(u);
    remove_dead_blocks(u);
    clean_blocks(u);
    for (cg_block *b = u->entry; b; b = b->next)
        for (int k = 0; k < b->n; k++)
            if (is_setup(b->instrs[k].op) || b->instrs[k].op == VM_OP_POP_BLOCK) {
                b->instrs[k].op = VM_OP_NOP;
                b->instrs[k].target = NULL;
            }
    clean_blocks(u);
    propagate_lines(u);

    vm_arena *a = c->out;
    vm_code *co = vm_arena_alloc(a, sizeof *co);
    co->flags = compute_flags(c);

    /* fast locals: variables, then cells that are not parameters, then frees */
    int nvars = u->varnames.n, ncells = u->cellvars.n, nfrees = u->freevars.n;
    int *cellslot = malloc((size_t)(ncells + nfrees + 1) * sizeof *cellslot);
    const char **lpnames = vm_arena_alloc(a, (size_t)(nvars + ncells + nfrees + 1) * sizeof *lpnames);
    uint8_t *lpkinds = vm_arena_alloc(a, (size_t)(nvars + ncells + nfrees + 1));
    int nlp = 0;
    for (int i = 0; i < nvars; i++) {
        lpnames[nlp] = copy_str(a, u->varnames.items[i]);
        lpkinds[nlp++] = VM_FAST_LOCAL;
    }
    for (int i = 0; i < ncells; i++) {
        int v = cg_strtab_find(&u->varnames, u->cellvars.items[i]);
        if (v >= 0) {
            cellslot[i] = v;
            lpkinds[v] |= VM_FAST_CELL;
        } else {
            cellslot[i] = nlp;
            lpnames[nlp] = copy_str(a, u->cellvars.items[i]);
            lpkinds[nlp++] = VM_FAST_CELL;
        }
    }
    for (int i = 0; i < nfrees; i++) {
        cellslot[ncells + i] = nlp;
        lpnames[nlp] = copy_str(a, u->freevars.items[i]);
        lpkinds[nlp++] = VM_FAST_FREE;
    }

    /* the prefix */
    int nprefix = ncells + (nfrees ? 1 : 0);
    bool gen = (co->flags & (VM_CO_GENERATOR | VM_CO_COROUTINE | VM_CO_ASYNC_GENERATOR)) != 0;
    if (gen)
        nprefix++;
    if (nprefix) {
        cg_block *pre = cg_new_block(c);
        pre->cap = nprefix;
        pre->instrs = calloc((size_t)nprefix, sizeof *pre->instrs);
        for (int slot = 0; slot < nlp; slot++)     /* in slot order, as CPython */
            for (int i = 0; i < ncells; i++)
                if (cellslot[i] == slot)
                    pre->instrs[pre->n++] = (cg_instr){.op = VM_OP_MAKE_CELL, .arg = slot,
                                                        .loc = {-1, -1, -1, -1}};
        if (nfrees)
            pre->instrs[pre->n++] = (cg_instr){.op = VM_OP_COPY_FREE_VARS, .arg = nfrees,
                                                .loc = {-1, -1, -1, -1}};
        if (gen)
            pre->instrs[pre->n++] = (cg_instr){.op = VM_OP_RETURN_GENERATOR,
                                                .loc = {-1, -1, -1, -1}};
        pre->next = u->entry;
        pre->reachable = true;
        u->entry = pre;
    }

    /* constants: those after the last one in use go (CPython 3.11's trim_unused_consts;
     * unused ones before it stay, and index 0 always: a function's docstring or None) */
    int nconsts = u->nconsts ? 1 : 0;
    for (cg_block *b = u->entry; b; b = b->next)
        for (int k = 0; k < b->n; k++)
            if ((vm_op_flags[b->instrs[k].op] & VM_OPF_CONST) && b->instrs[k].arg >= nconsts)
                nconsts = b->instrs[k].arg + 1;
    vm_code_const *consts = vm_arena_alloc(a, (size_t)(nconsts + 1) * sizeof *consts);
    for (int i = 0; i < nconsts; i++) {
        consts[i].code = u->consts[i].code;
        if (!u->consts[i].code)
            consts[i].value = copy_const(a, &u->consts[i].value);
    }

    /* layout */
    int offset = 0, ninstrs = 0;
    for (cg_block *b = u->entry; b; b = b->next) {
        b->offset = offset;
        for (int k = 0; k < b->n; k++)
            offset += vm_op_size(b->instrs[k].op == VM_OP_JUMP_ANY ? VM_OP_JUMP : b->instrs[k].op);
        ninstrs += b->n;
    }
    uint32_t *code = vm_arena_alloc(a, (size_t)(offset + 1) * sizeof *code);
    vm_code_handler *handlers = vm_arena_alloc(a, (size_t)(ninstrs + 1) * sizeof *handlers);
    vm_code_pos *positions = vm_arena_alloc(a, (size_t)(ninstrs + 1) * sizeof *positions);
    int nhandlers = 0, npositions = 0, ncaches = 0, pc = 0;
    cg_block *cur_handler = NULL;
    bool ok = true;
    for (cg_block *b = u->entry; b && ok; b = b->next) {
        for (int k = 0; k < b->n; k++) {
            cg_instr *in = &b->instrs[k];
            int op = in->op;
            uint32_t arg = (uint32_t)in->arg;
            if (is_jump(in)) {
                int target = in->target->offset;
                bool back = target <= pc;
                if (op == VM_OP_JUMP_ANY)
                    op = back ? VM_OP_JUMP_BACKWARD : VM_OP_JUMP;
                else if (op == VM_OP_JUMP_NO_INTERRUPT)
                    op = back ? VM_OP_JUMP_BACKWARD_NO_INTERRUPT : VM_OP_JUMP;
                else if (back) {
                    ok = internal_error(c, "a conditional jump goes backward");
                    break;
                }
                arg = (uint32_t)target;
            } else if (op == VM_OP_LOAD_DEREF || op == VM_OP_STORE_DEREF ||
                       op == VM_OP_DELETE_DEREF || op == VM_OP_LOAD_CLASSDEREF ||
                       op == VM_OP_LOAD_CLOSURE) {
                arg = (uint32_t)cellslot[in->arg];
            }
            if (vm_op_flags[op] & VM_OPF_PSEUDO) {
                ok = internal_error(c, "a pseudo-instruction is left");
                break;
            }
            if (arg > VM_OP_ARG_MAX) {
                ok = cg_error(c, "too many constants, names or instructions in %s", u->qualname);
                break;
            }
            /* exception table */
            if (in->handler != cur_handler || pc == 0) {
                if (cur_handler && nhandlers && handlers[nhandlers - 1].end == 0)
                    handlers[nhandlers - 1].end = (uint32_t)pc;
                cur_handler = in->handler;
                if (cur_handler) {
                    int depth = cur_handler->startdepth - 1 - (cur_handler->preserve_lasti ? 1 : 0);
                    handlers[nhandlers++] = (vm_code_handler){
                        .start = (uint32_t)pc, .end = 0, .handler = (uint32_t)cur_handler->offset,
                        .depth = (uint32_t)(depth < 0 ? 0 : depth),
                        .lasti = cur_handler->preserve_lasti};
                }
            }
            /* positions */
            cg_loc l = in->loc;
            if (!npositions || positions[npositions - 1].lineno != l.lineno ||
                positions[npositions - 1].end_lineno != l.end_lineno ||
                positions[npositions - 1].col != l.col || positions[npositions - 1].end_col != l.end_col)
                positions[npositions++] = (vm_code_pos){(uint32_t)pc, l.lineno, l.end_lineno,
                                                        l.col, l.end_col};
            code[pc++] = vm_op_make(op, arg);
            if (vm_op_flags[op] & VM_OPF_CACHE)
                code[pc++] = (uint32_t)ncaches++;
        }
    }
    if (cur_handler && nhandlers && handlers[nhandlers - 1].end == 0)
        handlers[nhandlers - 1].end = (uint32_t)pc;
    free(cellslot);
    if (!ok)
        return NULL;

    const char **names = vm_arena_alloc(a, (size_t)(u->names.n + 1) * sizeof *names);
    for (int i = 0; i < u->names.n; i++)
        names[i] = copy_str(a, u->names.items[i]);
    co->name = copy_str(a, u->name);
    co->qualname = copy_str(a, u->qualname);
    co->filename = copy_str(a, c->filename ? c->filename : "<unknown>");
    co->firstlineno = u->firstlineno;
    co->argcount = u->argcount + u->posonlyargcount;
    co->posonlyargcount = u->posonlyargcount;
    co->kwonlyargcount = u->kwonlyargcount;
    co->stacksize = maxdepth;
    co->code = code;
    co->ncode = pc;
    co->ncaches = ncaches;
    co->consts = consts;
    co->nconsts = nconsts;
    co->names = names;
    co->nnames = u->names.n;
    co->localsplusnames = lpnames;
    co->localspluskinds = lpkinds;
    co->nlocalsplus = nlp;
    co->nlocals = nvars;
    co->ncellvars = ncells;
    co->nfreevars = nfrees;
    co->handlers = handlers;
    co->nhandlers = nhandlers;
    co->positions = positions;
    co->npositions = npositions;
    return co;
}

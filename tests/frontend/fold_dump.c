/* tests/frontend/fold_dump.c — the AST optimiser (vm/astopt.c) seen as CPython shows it.
 *
 *   fold_dump FILE             each line of FILE (blank lines and lines starting with '#'
 *                              skipped) is parsed as compile(line, "<fold>", "eval") would,
 *                              folded, and the constants of the folded expression are
 *                              printed as the tuple repr of the code object's co_consts
 *                              (recursion counted as for compile() called at a module's
 *                              top level: fold_check.py's)
 *   fold_dump --ast FILE       the same, printing ast.dump of the folded tree instead
 *   fold_dump --stdlib-smoke FILE...
 *                              folds whole modules (exec mode) and reprs and hashes every
 *                              constant of the result: a crash test for sanitizer builds
 *   fold_dump --folded FILE... the same, also printing "FILE<tab>LINE<tab>REPR" for every
 *                              node that folding turned into a Constant
 *
 * co_consts.  fold_check.py compares the first mode with CPython 3.11, whose co_consts is
 * what its compiler put there, not what the folder made: so this file models the parts of
 * 3.11's code generator that decide the constants of an expression.  Constants are added
 * in evaluation order, deduplicated by vm_ast_const_same (CPython's _PyCode_ConstantKey;
 * a constant holding a NaN is never merged, as CPython's NaN objects are distinct);
 * a missing slice bound loads None; a list or set display of more than two Constants
 * loads them as one tuple (frozenset for a set) and a dict display with more than one key,
 * all Constants, loads its values then the tuple of keys (BUILD_CONST_KEY_MAP); keyword
 * arguments add the tuple of their names after the values.  The peephole optimiser then
 * drops loads that can never matter: a Constant tested by a conditional jump that is never
 * taken (`1 and x`, `x if 1 else y`) and everything on a branch that a constant test
 * makes unreachable; remove_unused_consts then removes constants no instruction uses,
 * except the first one (index 0, the docstring slot).  Expressions outside this model
 * (lambdas, comprehensions, calls with * or **) print UNSUPPORTED. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/ast.h"
#include "vm/astopt.h"
#include "vm/parser.h"

/* ---------------------------------------------------------------------------------------
 * The constant table
 */

typedef struct consts {
    vm_ast_const *items;
    bool *live;
    size_t n, cap;
    bool unsupported;
    vm_arena *arena;
} consts;

/* CPython keys a float constant by its object and NaN != NaN: each NaN that folding
 * makes is a constant of its own (vm/compile.c does the same). */
static bool contains_nan(const vm_ast_const *c)
{
    switch (c->kind) {
    case VM_CONST_FLOAT: return c->u.f != c->u.f;
    case VM_CONST_COMPLEX: return c->u.c.real != c->u.c.real || c->u.c.imag != c->u.c.imag;
    case VM_CONST_TUPLE:
    case VM_CONST_FROZENSET:
        for (size_t i = 0; i < c->u.seq.n; i++)
            if (contains_nan(&c->u.seq.items[i]))
                return true;
        return false;
    default: return false;
    }
}

static void add_const(consts *cs, const vm_ast_const *c, bool live)
{
    for (size_t i = 0; i < cs->n && !contains_nan(c); i++)
        if (vm_ast_const_same(&cs->items[i], c)) {
            cs->live[i] |= live;
            return;
        }
    if (cs->n == cs->cap) {
        cs->cap = cs->cap ? 2 * cs->cap : 16;
        cs->items = realloc(cs->items, cs->cap * sizeof *cs->items);
        cs->live = realloc(cs->live, cs->cap * sizeof *cs->live);
    }
    cs->items[cs->n] = *c;
    cs->live[cs->n++] = live;
}

static bool const_truth(const vm_ast_const *c)
{
    switch (c->kind) {
    case VM_CONST_NONE:
    case VM_CONST_FALSE: return false;
    case VM_CONST_INT: return c->u.i != 0;
    case VM_CONST_BIGINT: return true;
    case VM_CONST_FLOAT: return c->u.f != 0;
    case VM_CONST_COMPLEX: return c->u.c.real != 0 || c->u.c.imag != 0;
    case VM_CONST_STR:
    case VM_CONST_BYTES: return c->u.str.len != 0;
    case VM_CONST_TUPLE:
    case VM_CONST_FROZENSET: return c->u.seq.n != 0;
    default: return true;
    }
}

static bool all_const(const vm_ast_seq *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!s->items[i].node || s->items[i].node->kind != VM_AST_Constant)
            return false;
    return true;
}

static vm_ast_const seq_const(consts *cs, const vm_ast_seq *s, vm_const_kind kind)
{
    size_t n = vm_ast_seq_len(s);
    vm_ast_const *items = vm_arena_alloc(cs->arena, (n ? n : 1) * sizeof *items);
    for (size_t i = 0; i < n; i++)
        items[i] = s->items[i].node->v.Constant.value;
    vm_ast_const c = {.kind = kind};
    c.u.seq.items = items;
    c.u.seq.n = n;
    if (kind == VM_CONST_FROZENSET) {
        /* dedup as PyFrozenSet_New does (quadratic is fine for a test) */
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            bool dup = false;
            for (size_t j = 0; j < m; j++)
                dup |= vm_ast_const_equal(&items[j], &items[i]);
            if (!dup)
                items[m++] = items[i];
        }
        c.u.seq.n = m;
    }
    return c;
}

/* ---------------------------------------------------------------------------------------
 * The code generator's walk
 */

static void emit(consts *cs, const vm_ast *e, bool live);

static void emit_seq(consts *cs, const vm_ast_seq *s, bool live)
{
    for (size_t i = 0; i < vm_ast_seq_len(s); i++)
        emit(cs, s->items[i].node, live);
}

typedef enum { JUMP_MAYBE, JUMP_ALWAYS, JUMP_NEVER } jump_kind;

/* compiler_jump_if(e, cond): the test of a conditional jump taken when e's truth is cond.
 * A Constant test is folded by the peephole optimiser: its load stays counted as a use
 * when the jump is always taken and is dropped when it never is (what 3.11 does). */
static jump_kind emit_jump_if(consts *cs, const vm_ast *e, bool cond, bool live)
{
    if (e->kind == VM_AST_UnaryOp && e->v.UnaryOp.op == VM_AST_OP_Not)
        return emit_jump_if(cs, e->v.UnaryOp.operand, !cond, live);
    if (e->kind == VM_AST_Constant) {
        bool taken = const_truth(&e->v.Constant.value) == cond;
        add_const(cs, &e->v.Constant.value, live && taken);
        return taken ? JUMP_ALWAYS : JUMP_NEVER;
    }
    if (e->kind == VM_AST_BoolOp) {
        /* values jump on their own condition; a constant one decides the rest */
        size_t n = vm_ast_seq_len(e->v.BoolOp.values);
        bool dead = !live;
        for (size_t i = 0; i < n; i++) {
            bool cond2 = i + 1 < n ? e->v.BoolOp.op == VM_AST_OP_Or : cond;
            jump_kind k = emit_jump_if(cs, e->v.BoolOp.values->items[i].node, cond2, !dead);
            if (k == JUMP_ALWAYS)
                dead = true;
        }
        return JUMP_MAYBE;
    }
    emit(cs, e, live);
    return JUMP_MAYBE;
}

static void emit_elts(consts *cs, const vm_ast_seq *elts, vm_const_kind folded, bool live)
{
    /* starunpack_helper: more than two Constants load as one constant */
    size_t n = vm_ast_seq_len(elts);
    if (n > 2 && all_const(elts, n)) {
        vm_ast_const c = seq_const(cs, elts, folded);
        add_const(cs, &c, live);
        return;
    }
    emit_seq(cs, elts, live);
}

static void emit(consts *cs, const vm_ast *e, bool live)
{
    if (!e)
        return;
    switch (e->kind) {
    case VM_AST_Constant: add_const(cs, &e->v.Constant.value, live); break;
    case VM_AST_Name: break;
    case VM_AST_BinOp:
        emit(cs, e->v.BinOp.left, live);
        emit(cs, e->v.BinOp.right, live);
        break;
    case VM_AST_UnaryOp: emit(cs, e->v.UnaryOp.operand, live); break;
    case VM_AST_BoolOp: {
        /* JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP after each value but the last */
        bool jump_if_true = e->v.BoolOp.op == VM_AST_OP_Or;
        size_t n = vm_ast_seq_len(e->v.BoolOp.values);
        for (size_t i = 0; i < n; i++) {
            const vm_ast *v = e->v.BoolOp.values->items[i].node;
            if (i + 1 < n && v->kind == VM_AST_Constant) {
                bool taken = const_truth(&v->v.Constant.value) == jump_if_true;
                add_const(cs, &v->v.Constant.value, live && taken);
                if (taken)
                    live = false;
                continue;
            }
            emit(cs, v, live);
        }
        break;
    }
    case VM_AST_IfExp: {
        jump_kind k = emit_jump_if(cs, e->v.IfExp.test, false, live);
        emit(cs, e->v.IfExp.body, live && k != JUMP_ALWAYS);
        emit(cs, e->v.IfExp.orelse, live && k != JUMP_NEVER);
        break;
    }
    case VM_AST_Compare:
        emit(cs, e->v.Compare.left, live);
        emit_seq(cs, e->v.Compare.comparators, live);
        break;
    case VM_AST_Call: {
        emit(cs, e->v.Call.func, live);
        const vm_ast_seq *args = e->v.Call.args;
        for (size_t i = 0; i < vm_ast_seq_len(args); i++)
            if (args->items[i].node->kind == VM_AST_Starred)
                cs->unsupported = true;
        emit_seq(cs, args, live);
        size_t nk = vm_ast_seq_len(e->v.Call.keywords);
        if (nk) {
            vm_ast_const *names = vm_arena_alloc(cs->arena, nk * sizeof *names);
            for (size_t i = 0; i < nk; i++) {
                const vm_ast *kw = e->v.Call.keywords->items[i].node;
                if (!kw->v.keyword.arg) {
                    cs->unsupported = true;
                    return;
                }
                emit(cs, kw->v.keyword.value, live);
                names[i].kind = VM_CONST_STR;
                names[i].u.str.s = kw->v.keyword.arg;
                names[i].u.str.len = strlen(kw->v.keyword.arg);
            }
            vm_ast_const t = {.kind = VM_CONST_TUPLE};
            t.u.seq.items = names;
            t.u.seq.n = nk;
            add_const(cs, &t, live);
        }
        break;
    }
    case VM_AST_Attribute: emit(cs, e->v.Attribute.value, live); break;
    case VM_AST_Subscript:
        emit(cs, e->v.Subscript.value, live);
        emit(cs, e->v.Subscript.slice, live);
        break;
    case VM_AST_Slice: {
        static const vm_ast_const none = {.kind = VM_CONST_NONE};
        if (e->v.Slice.lower)
            emit(cs, e->v.Slice.lower, live);
        else
            add_const(cs, &none, live);
        if (e->v.Slice.upper)
            emit(cs, e->v.Slice.upper, live);
        else
            add_const(cs, &none, live);
        emit(cs, e->v.Slice.step, live);
        break;
    }
    case VM_AST_Starred: emit(cs, e->v.Starred.value, live); break;
    case VM_AST_NamedExpr: emit(cs, e->v.NamedExpr.value, live); break;
    case VM_AST_Tuple: emit_elts(cs, e->v.Tuple.elts, VM_CONST_TUPLE, live); break;
    case VM_AST_List: emit_elts(cs, e->v.List.elts, VM_CONST_TUPLE, live); break;
    case VM_AST_Set: emit_elts(cs, e->v.Set.elts, VM_CONST_FROZENSET, live); break;
    case VM_AST_Dict: {
        const vm_ast_seq *keys = e->v.Dict.keys;
        size_t n = vm_ast_seq_len(keys);
        for (size_t i = 0; i < n; i++)
            if (!keys->items[i].node || 2 * n > 30)
                cs->unsupported = true;
        if (cs->unsupported)
            break;
        if (n > 1 && all_const(keys, n)) {
            emit_seq(cs, e->v.Dict.values, live);
            vm_ast_const k = seq_const(cs, keys, VM_CONST_TUPLE);
            add_const(cs, &k, live);
        } else {
            for (size_t i = 0; i < n; i++) {
                emit(cs, keys->items[i].node, live);
                emit(cs, e->v.Dict.values->items[i].node, live);
            }
        }
        break;
    }
    case VM_AST_JoinedStr:
        if (vm_ast_seq_len(e->v.JoinedStr.values) > 30)
            cs->unsupported = true;
        emit_seq(cs, e->v.JoinedStr.values, live);
        break;
    case VM_AST_FormattedValue:
        emit(cs, e->v.FormattedValue.value, live);
        emit(cs, e->v.FormattedValue.format_spec, live);
        break;
    default: cs->unsupported = true; break;
    }
}

/* ---------------------------------------------------------------------------------------
 * Modes
 */

static char *read_file(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0, got;
    char *data = malloc(cap);
    while ((got = fread(data + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap)
            data = realloc(data, cap *= 2);
    }
    fclose(f);
    *len_out = len;
    return data;
}

static int fold_lines(const char *path, bool dump_ast)
{
    size_t len;
    char *data = read_file(path, &len);
    if (!data) {
        perror(path);
        return 2;
    }
    vm_buf out;
    vm_buf_init(&out);
    size_t pos = 0;
    while (pos < len) {
        size_t end = pos;
        while (end < len && data[end] != '\n')
            end++;
        const char *line = data + pos;
        size_t n = end - pos;
        pos = end + 1;
        if (n == 0 || line[0] == '#')
            continue;
        vm_arena arena;
        vm_arena_init(&arena);
        vm_syntax_error err = {0};
        vm_ast *mod = vm_parse_string(&arena, line, n, "<fold>", VM_PARSE_EVAL, &err);
        const char *error = NULL;
        if (!mod) {
            vm_buf_printf(&out, "SyntaxError %s\n", err.msg);
        } else if (!vm_ast_optimize_at(&arena, mod, 0, false, 2, 1000, &error)) {
            vm_buf_printf(&out, "RecursionError %s\n", error);
        } else if (dump_ast) {
            vm_ast_dump(mod, &out);
            vm_buf_puts(&out, "\n");
        } else {
            consts cs = {.arena = &arena};
            emit(&cs, mod->v.Expression.body, true);
            if (cs.unsupported) {
                vm_buf_puts(&out, "UNSUPPORTED\n");
            } else {
                vm_ast_const t = {.kind = VM_CONST_TUPLE};
                vm_ast_const *kept = vm_arena_alloc(&arena, (cs.n ? cs.n : 1) * sizeof *kept);
                size_t m = 0;
                for (size_t i = 0; i < cs.n; i++)
                    if (i == 0 || cs.live[i])
                        kept[m++] = cs.items[i];
                t.u.seq.items = kept;
                t.u.seq.n = m;
                vm_ast_const_repr(&t, &out);
                vm_buf_puts(&out, "\n");
            }
            free(cs.items);
            free(cs.live);
        }
        vm_syntax_error_clear(&err);
        vm_arena_free(&arena);
    }
    if (out.len)
        fwrite(out.data, 1, out.len, stdout);
    vm_buf_free(&out);
    free(data);
    return 0;
}

/* Every constant of the tree, repr'd and hashed (the compiler's uses of them). */
static void touch_constants(const vm_ast *n, vm_buf *scratch, uint64_t *acc, size_t *count)
{
    if (!n)
        return;
    const vm_ast_kind_info *k = &vm_ast_kinds[n->kind];
    for (int i = 0; i < k->nfields; i++) {
        const vm_ast_field *f = &k->fields[i];
        const char *base = (const char *)n + f->offset;
        if (f->kind == VM_AST_F_NODE || f->kind == VM_AST_F_OPT) {
            touch_constants(*(vm_ast *const *)base, scratch, acc, count);
        } else if (f->kind == VM_AST_F_SEQ) {
            const vm_ast_seq *s = *(vm_ast_seq *const *)base;
            for (size_t j = 0; j < vm_ast_seq_len(s); j++)
                touch_constants(s->items[j].node, scratch, acc, count);
        } else if (f->kind == VM_AST_F_CONST) {
            const vm_ast_const *c = (const vm_ast_const *)base;
            scratch->len = 0;
            vm_ast_const_repr(c, scratch);
            *acc += vm_ast_const_hash_same(c) ^ vm_ast_const_hash(c) ^ scratch->len;
            if (!vm_ast_const_same(c, c))
                *acc += 1;          /* NaN floats are the same as themselves */
            (*count)++;
        }
    }
}

/* --folded: the nodes that were not Constants before folding, collected by address,
 * and after folding the values of those that became Constants (and are still in the
 * tree: a folded tuple item that was absorbed by its folded tuple is not). */
typedef struct ptrset {
    const vm_ast **items;
    size_t n, cap;
} ptrset;

static void collect_exprs(const vm_ast *n, ptrset *set)
{
    if (!n)
        return;
    const vm_ast_kind_info *k = &vm_ast_kinds[n->kind];
    if (k->category == VM_AST_CAT_expr && n->kind != VM_AST_Constant) {
        if (set->n == set->cap) {
            set->cap = set->cap ? 2 * set->cap : 1024;
            set->items = realloc(set->items, set->cap * sizeof *set->items);
        }
        set->items[set->n++] = n;
    }
    for (int i = 0; i < k->nfields; i++) {
        const vm_ast_field *f = &k->fields[i];
        const char *base = (const char *)n + f->offset;
        if (f->kind == VM_AST_F_NODE || f->kind == VM_AST_F_OPT) {
            collect_exprs(*(vm_ast *const *)base, set);
        } else if (f->kind == VM_AST_F_SEQ) {
            const vm_ast_seq *s = *(vm_ast_seq *const *)base;
            for (size_t j = 0; j < vm_ast_seq_len(s); j++)
                collect_exprs(s->items[j].node, set);
        }
    }
}

static int cmp_ptr(const void *a, const void *b)
{
    const vm_ast *x = *(const vm_ast *const *)a, *y = *(const vm_ast *const *)b;
    return x < y ? -1 : x > y;
}

static void print_folded(const vm_ast *n, const ptrset *set, const char *path, vm_buf *out)
{
    if (!n)
        return;
    const vm_ast_kind_info *k = &vm_ast_kinds[n->kind];
    if (n->kind == VM_AST_Constant && set->n &&
        bsearch(&n, set->items, set->n, sizeof *set->items, cmp_ptr)) {
        vm_buf_printf(out, "%s\t%d\t", path, n->lineno);
        vm_ast_const_repr(&n->v.Constant.value, out);
        vm_buf_puts(out, "\n");
        return;
    }
    for (int i = 0; i < k->nfields; i++) {
        const vm_ast_field *f = &k->fields[i];
        const char *base = (const char *)n + f->offset;
        if (f->kind == VM_AST_F_NODE || f->kind == VM_AST_F_OPT) {
            print_folded(*(vm_ast *const *)base, set, path, out);
        } else if (f->kind == VM_AST_F_SEQ) {
            const vm_ast_seq *s = *(vm_ast_seq *const *)base;
            for (size_t j = 0; j < vm_ast_seq_len(s); j++)
                print_folded(s->items[j].node, set, path, out);
        }
    }
}

/* `from __future__ import annotations` among the module's leading future imports. */
static bool has_future_annotations(const vm_ast *mod)
{
    const vm_ast_seq *body = mod->v.Module.body;
    for (size_t i = 0; i < vm_ast_seq_len(body); i++) {
        const vm_ast *s = body->items[i].node;
        if (i == 0 && s->kind == VM_AST_Expr && s->v.Expr.value->kind == VM_AST_Constant &&
            s->v.Expr.value->v.Constant.value.kind == VM_CONST_STR)
            continue;
        if (s->kind != VM_AST_ImportFrom || !s->v.ImportFrom.module ||
            strcmp(s->v.ImportFrom.module, "__future__") != 0)
            return false;
        const vm_ast_seq *names = s->v.ImportFrom.names;
        for (size_t j = 0; j < vm_ast_seq_len(names); j++)
            if (strcmp(names->items[j].node->v.alias.name, "annotations") == 0)
                return true;
    }
    return false;
}

static int stdlib_smoke(int argc, char **argv, bool folded)
{
    size_t files = 0, parsed = 0, constants = 0;
    uint64_t acc = 0;
    vm_buf scratch;
    vm_buf_init(&scratch);
    for (int i = 0; i < argc; i++) {
        size_t len;
        char *data = read_file(argv[i], &len);
        if (!data) {
            perror(argv[i]);
            continue;
        }
        files++;
        vm_arena arena;
        vm_arena_init(&arena);
        vm_syntax_error err = {0};
        vm_ast *mod = vm_parse_file(&arena, data, len, argv[i], VM_PARSE_EXEC, &err);
        if (mod) {
            parsed++;
            ptrset set = {0};
            if (folded) {
                collect_exprs(mod, &set);
                if (set.n)
                    qsort(set.items, set.n, sizeof *set.items, cmp_ptr);
            }
            const char *error = NULL;
            if (!vm_ast_optimize(&arena, mod, 0, has_future_annotations(mod), &error))
                printf("%s: RecursionError %s\n", argv[i], error);
            touch_constants(mod, &scratch, &acc, &constants);
            if (folded) {
                scratch.len = 0;
                print_folded(mod, &set, argv[i], &scratch);
                if (scratch.len)
                    fwrite(scratch.data, 1, scratch.len, stdout);
                free(set.items);
            }
        }
        vm_syntax_error_clear(&err);
        vm_arena_free(&arena);
        free(data);
    }
    vm_buf_free(&scratch);
    printf("%zu files, %zu parsed and folded, %zu constants (checksum %016llx)\n", files, parsed,
           constants, (unsigned long long)acc);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "--stdlib-smoke") == 0)
        return stdlib_smoke(argc - 2, argv + 2, false);
    if (argc >= 2 && strcmp(argv[1], "--folded") == 0)
        return stdlib_smoke(argc - 2, argv + 2, true);
    if (argc == 3 && strcmp(argv[1], "--ast") == 0)
        return fold_lines(argv[2], true);
    if (argc == 2)
        return fold_lines(argv[1], false);
    fprintf(stderr, "usage: fold_dump [--ast] FILE | fold_dump --stdlib-smoke|--folded FILE...\n");
    return 2;
}

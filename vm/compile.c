/* vm/compile.c — code generation: the AST, folded and with its symbol tables, to a
 * control-flow graph of basic blocks per code object (vm/compile_internal.h), which
 * vm/flowgraph.c optimises and assembles.
 *
 * The shape of the generated code is CPython 3.11's (Python/compile.c): the same
 * instruction sequences for every construct, the same exception-handler setup
 * (SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH pseudo-instructions resolved into an
 * exception table), the same unwinding of frame blocks on break, continue and return,
 * the same constant, name and variable tables (so co_consts, co_names, co_varnames,
 * co_cellvars and co_freevars match CPython's), and the same compile-time SyntaxErrors at
 * the same positions.  Two deliberate differences, for the STM interpreter and the JIT:
 * every backward jump is an unconditional JUMP_BACKWARD, a safe point (CPython 3.11 puts
 * a copy of a while loop's test at its bottom and jumps back conditionally); and a
 * generator starts with RETURN_GENERATOR alone (the first send() value is dropped by the
 * resumption, not by a POP_TOP).
 *
 * Errors: the first SyntaxError is kept in c->err and compilation unwinds by returning
 * false; helpers that cannot fail return nothing and are harmless after a failure. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/astopt.h"
#include "vm/compile_internal.h"
#include "vm/unparse.h"

#define STACK_USE_GUIDELINE 30

#define VISIT(c, e) do { if (!cg_visit_expr((c), (e))) return false; } while (0)
#define VISIT_SEQ(c, s) do { if (!cg_visit_stmts((c), (s))) return false; } while (0)
#define NODE(seq, i) vm_ast_seq_node((seq), (i))
#define LEN(seq) vm_ast_seq_len(seq)

static bool visit_stmt(cg_compiler *c, const vm_ast *s);

/* ---------------------------------------------------------------------------------------
 * Errors and locations
 */

bool cg_error(cg_compiler *c, const char *fmt, ...)
{
    c->failed = true;
    va_list ap;
    va_start(ap, fmt);
    cg_loc l = c->u ? c->u->loc : (cg_loc){1, 1, 0, 0};
    vm_syntax_error_vset_bytes(c->err, c->filename, c->source, c->source_len, l.lineno, l.col,
                               l.end_lineno, l.end_col, fmt, ap);
    va_end(ap);
    return false;
}

void cg_set_loc(cg_compiler *c, const vm_ast *n)
{
    c->u->loc = (cg_loc){n->lineno, n->end_lineno, n->col_offset, n->end_col_offset};
}

static void unset_loc(cg_compiler *c)
{
    c->u->loc = (cg_loc){-1, -1, -1, -1};
}

/* CPython's update_start_location_to_match_attr: for `a\n.b` the instruction that loads
 * b points at b's line. */
static void loc_to_attr(cg_compiler *c, const vm_ast *attr)
{
    cg_loc *l = &c->u->loc;
    if (l->lineno == attr->end_lineno)
        return;
    l->lineno = attr->end_lineno;
    int len = (int)strlen(attr->v.Attribute.attr);
    if (len <= attr->end_col_offset) {
        l->col = attr->end_col_offset - len;
    } else {
        l->col = -1;
        l->end_col = -1;
    }
    if (l->end_lineno < l->lineno)
        l->end_lineno = l->lineno;
    if (l->lineno == l->end_lineno && l->end_col < l->col)
        l->end_col = l->col;
}

/* ---------------------------------------------------------------------------------------
 * Blocks and instructions
 */

cg_block *cg_new_block(cg_compiler *c)
{
    cg_block *b = calloc(1, sizeof *b);
    if (!b)
        abort();
    b->startdepth = -1;
    b->all_next = c->u->blocks;
    c->u->blocks = b;
    return b;
}

/* Makes b the current block, after the current one in the layout. */
void cg_use_next_block(cg_compiler *c, cg_block *b)
{
    cg_unit *u = c->u;
    if (b->in_chain)
        return;
    b->in_chain = true;
    u->cur->next = b;
    u->cur = b;
}

static void next_block(cg_compiler *c)
{
    cg_use_next_block(c, cg_new_block(c));
}

static cg_instr *add_instr(cg_compiler *c)
{
    cg_block *b = c->u->cur;
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 8;
        b->instrs = realloc(b->instrs, (size_t)b->cap * sizeof *b->instrs);
        if (!b->instrs)
            abort();
    }
    cg_instr *i = &b->instrs[b->n++];
    memset(i, 0, sizeof *i);
    i->loc = c->u->loc;
    return i;
}

void cg_addop(cg_compiler *c, int op, int arg)
{
    if (c->failed)
        return;
    cg_instr *i = add_instr(c);
    i->op = (uint8_t)op;
    i->arg = arg;
}

static void addop_noline(cg_compiler *c, int op, int arg)
{
    cg_addop(c, op, arg);
    if (!c->failed)
        c->u->cur->instrs[c->u->cur->n - 1].loc = (cg_loc){-1, -1, -1, -1};
}

void cg_addop_jump(cg_compiler *c, int op, cg_block *target)
{
    if (c->failed)
        return;
    cg_instr *i = add_instr(c);
    i->op = (uint8_t)op;
    i->target = target;
}

static void addop_jump_noline(cg_compiler *c, int op, cg_block *target)
{
    cg_addop_jump(c, op, target);
    if (!c->failed)
        c->u->cur->instrs[c->u->cur->n - 1].loc = (cg_loc){-1, -1, -1, -1};
}

/* ---------------------------------------------------------------------------------------
 * Tables: constants, names, variables
 */

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

int cg_strtab_find(const cg_strtab *t, const char *s)
{
    if (!t->index_cap)
        return -1;
    for (size_t j = hash_str(s) & (size_t)(t->index_cap - 1);; j = (j + 1) & (size_t)(t->index_cap - 1)) {
        int k = t->index[j];
        if (k < 0)
            return -1;
        if (!strcmp(t->items[k], s))
            return k;
    }
}

static void strtab_reindex(cg_strtab *t, int cap)
{
    free(t->index);
    t->index_cap = cap;
    t->index = malloc((size_t)cap * sizeof *t->index);
    if (!t->index)
        abort();
    memset(t->index, 0xff, (size_t)cap * sizeof *t->index);
    for (int k = 0; k < t->n; k++) {
        size_t j = hash_str(t->items[k]) & (size_t)(cap - 1);
        while (t->index[j] >= 0)
            j = (j + 1) & (size_t)(cap - 1);
        t->index[j] = k;
    }
}

/* The index of s, added at the end if new. */
static int strtab_add(cg_strtab *t, const char *s)
{
    int k = cg_strtab_find(t, s);
    if (k >= 0)
        return k;
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 8;
        t->items = realloc(t->items, (size_t)t->cap * sizeof *t->items);
        if (!t->items)
            abort();
    }
    t->items[t->n++] = s;
    if ((t->n + 1) * 2 > t->index_cap)
        strtab_reindex(t, t->index_cap ? t->index_cap * 2 : 16);
    else {
        size_t j = hash_str(s) & (size_t)(t->index_cap - 1);
        while (t->index[j] >= 0)
            j = (j + 1) & (size_t)(t->index_cap - 1);
        t->index[j] = t->n - 1;
    }
    return t->n - 1;
}

static void strtab_free(cg_strtab *t)
{
    free(t->items);
    free(t->index);
}

static void const_reindex(cg_unit *u, int cap)
{
    free(u->const_index);
    u->const_index_cap = cap;
    u->const_index = malloc((size_t)cap * sizeof *u->const_index);
    if (!u->const_index)
        abort();
    memset(u->const_index, 0xff, (size_t)cap * sizeof *u->const_index);
    for (int k = 0; k < u->nconsts; k++) {
        if (u->consts[k].code)
            continue;
        size_t j = vm_ast_const_hash_same(&u->consts[k].value) & (size_t)(cap - 1);
        while (u->const_index[j] >= 0)
            j = (j + 1) & (size_t)(cap - 1);
        u->const_index[j] = k;
    }
}

static int push_const(cg_unit *u, vm_code_const cc)
{
    if (u->nconsts == u->consts_cap) {
        u->consts_cap = u->consts_cap ? u->consts_cap * 2 : 8;
        u->consts = realloc(u->consts, (size_t)u->consts_cap * sizeof *u->consts);
        if (!u->consts)
            abort();
    }
    u->consts[u->nconsts++] = cc;
    return u->nconsts - 1;
}

/* Whether a constant holds a NaN.  CPython's constant table keys a float by the object,
 * and NaN != NaN, so each NaN folding makes is a constant of its own. */
static bool contains_nan(const vm_ast_const *k)
{
    switch (k->kind) {
    case VM_CONST_FLOAT: return isnan(k->u.f);
    case VM_CONST_COMPLEX: return isnan(k->u.c.real) || isnan(k->u.c.imag);
    case VM_CONST_TUPLE:
    case VM_CONST_FROZENSET:
        for (size_t i = 0; i < k->u.seq.n; i++)
            if (contains_nan(&k->u.seq.items[i]))
                return true;
        return false;
    default: return false;
    }
}

int cg_add_const(cg_compiler *c, const vm_ast_const *value)
{
    cg_unit *u = c->u;
    if (contains_nan(value))
        return push_const(u, (vm_code_const){*value, NULL});
    if (u->const_index_cap) {
        size_t mask = (size_t)u->const_index_cap - 1;
        for (size_t j = vm_ast_const_hash_same(value) & mask;; j = (j + 1) & mask) {
            int k = u->const_index[j];
            if (k < 0)
                break;
            if (vm_ast_const_same(&u->consts[k].value, value))
                return k;
        }
    }
    int k = push_const(u, (vm_code_const){*value, NULL});
    if ((u->nconsts + 1) * 2 > u->const_index_cap)
        const_reindex(u, u->const_index_cap ? u->const_index_cap * 2 : 16);
    else {
        size_t mask = (size_t)u->const_index_cap - 1;
        size_t j = vm_ast_const_hash_same(value) & mask;
        while (u->const_index[j] >= 0)
            j = (j + 1) & mask;
        u->const_index[j] = k;
    }
    return k;
}

void cg_load_const(cg_compiler *c, const vm_ast_const *value)
{
    cg_addop(c, VM_OP_LOAD_CONST, cg_add_const(c, value));
}

void cg_load_none(cg_compiler *c)
{
    vm_ast_const none = {.kind = VM_CONST_NONE};
    cg_load_const(c, &none);
}

static vm_ast_const str_const(const char *s)
{
    vm_ast_const k = {.kind = VM_CONST_STR};
    k.u.str.s = s;
    k.u.str.len = strlen(s);
    return k;
}

static vm_ast_const int_const(int64_t v)
{
    vm_ast_const k = {.kind = VM_CONST_INT};
    k.u.i = v;
    return k;
}

void cg_load_str(cg_compiler *c, const char *s)
{
    vm_ast_const k = str_const(s);
    cg_load_const(c, &k);
}

/* A tuple constant of strings. */
static vm_ast_const str_tuple(cg_compiler *c, const char *const *strs, size_t n)
{
    vm_ast_const *items = vm_arena_alloc(c->arena, (n ? n : 1) * sizeof *items);
    for (size_t i = 0; i < n; i++)
        items[i] = str_const(strs[i]);
    vm_ast_const t = {.kind = VM_CONST_TUPLE};
    t.u.seq.items = items;
    t.u.seq.n = n;
    return t;
}

const char *cg_mangle(cg_compiler *c, const char *name)
{
    return vm_symtable_mangle(c->arena, c->u->private_name, name);
}

int cg_add_name(cg_compiler *c, const char *name)
{
    return strtab_add(&c->u->names, name);
}

void cg_addop_name(cg_compiler *c, int op, const char *name)
{
    cg_addop(c, op, cg_add_name(c, cg_mangle(c, name)));
}

/* ---------------------------------------------------------------------------------------
 * Units (one per code object)
 */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* CPython's dictbytype: the names of the scope's symbols resolved to `where` (or carrying
 * one of `flags`), sorted. */
static void add_sorted(cg_strtab *t, const vm_symtable_scope *ste, vm_symtable_where where,
                       unsigned flags)
{
    const char **names = malloc((ste->nsymbols + 1) * sizeof *names);
    size_t n = 0;
    for (size_t i = 0; i < ste->nsymbols; i++)
        if (ste->symbols[i].where == where || (ste->symbols[i].flags & flags))
            names[n++] = ste->symbols[i].name;
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++)
        strtab_add(t, names[i]);
    free(names);
}

static vm_symtable_where scope_of_name(const vm_symtable_scope *ste, const char *name)
{
    const vm_symtable_symbol *sym = vm_symtable_lookup(ste, name);
    return sym ? sym->where : VM_SYMTABLE_UNRESOLVED;
}

static void set_qualname(cg_compiler *c)
{
    cg_unit *u = c->u, *parent = u->parent;
    if (!parent || !parent->parent) {
        u->qualname = u->name;
        return;
    }
    bool force_global = false;
    if (u->scope_type == SCOPE_FUNCTION || u->scope_type == SCOPE_ASYNC_FUNCTION ||
        u->scope_type == SCOPE_CLASS) {
        const char *mangled = vm_symtable_mangle(c->arena, parent->private_name, u->name);
        if (scope_of_name(parent->ste, mangled) == VM_SYMTABLE_GLOBAL_EXPLICIT)
            force_global = true;
    }
    if (force_global) {
        u->qualname = u->name;
        return;
    }
    const char *base = parent->qualname;
    bool locals = parent->scope_type == SCOPE_FUNCTION ||
                  parent->scope_type == SCOPE_ASYNC_FUNCTION || parent->scope_type == SCOPE_LAMBDA;
    size_t n = strlen(base) + strlen(".<locals>.") + strlen(u->name) + 1;
    char *q = vm_arena_alloc(c->arena, n);
    snprintf(q, n, "%s%s.%s", base, locals ? ".<locals>" : "", u->name);
    u->qualname = q;
}

static bool enter_scope(cg_compiler *c, const char *name, cg_scope_type type, const vm_ast *node,
                        int lineno)
{
    cg_unit *u = calloc(1, sizeof *u);
    if (!u)
        abort();
    u->parent = c->u;
    u->scope_type = type;
    u->name = name;
    u->firstlineno = lineno;
    u->ste = node->kind == VM_AST_Module || node->kind == VM_AST_Expression ||
                     node->kind == VM_AST_Interactive
                 ? c->st->top
                 : vm_symtable_scope_of(c->st, node);
    if (!u->ste) {
        free(u);
        return cg_error(c, "no symbol table for a scope (internal error)");
    }
    for (size_t i = 0; i < u->ste->nparams; i++)
        strtab_add(&u->varnames, u->ste->params[i]);
    add_sorted(&u->cellvars, u->ste, VM_SYMTABLE_CELL, 0);
    if (u->ste->needs_class_closure)
        strtab_add(&u->cellvars, "__class__");
    add_sorted(&u->freevars, u->ste, VM_SYMTABLE_FREE, VM_SYMTABLE_DEF_FREE_CLASS);
    u->private_name = c->u ? c->u->private_name : NULL;
    u->loc = (cg_loc){lineno, lineno, 0, 0};
    if (type == SCOPE_MODULE)
        u->loc = (cg_loc){-1, -1, -1, -1};
    c->u = u;
    c->nestlevel++;
    u->entry = u->cur = cg_new_block(c);
    u->entry->in_chain = true;
    set_qualname(c);
    return true;
}

static void free_unit(cg_unit *u)
{
    for (cg_block *b = u->blocks, *nb; b; b = nb) {
        nb = b->all_next;
        free(b->instrs);
        free(b->except_stack);
        free(b);
    }
    free(u->consts);
    free(u->const_index);
    strtab_free(&u->names);
    strtab_free(&u->varnames);
    strtab_free(&u->cellvars);
    strtab_free(&u->freevars);
    free(u);
}

static void exit_scope(cg_compiler *c)
{
    cg_unit *u = c->u;
    c->u = u->parent;
    c->nestlevel--;
    free_unit(u);
}

/* Adds a finished nested code object to the current unit's constants, or finds an equal
 * one there (vm_code_equal). */
static int add_code_const(cg_compiler *c, const vm_code *code)
{
    for (int i = 0; i < c->u->nconsts; i++)
        if (c->u->consts[i].code && vm_code_equal(c->u->consts[i].code, code, vm_ast_const_same))
            return i;
    return push_const(c->u, (vm_code_const){{.kind = VM_CONST_NONE}, code});
}

/* ---------------------------------------------------------------------------------------
 * Frame blocks and unwinding
 */

static bool push_fblock(cg_compiler *c, cg_fblock_kind kind, cg_block *b, cg_block *exit,
                        const void *datum)
{
    if (c->u->nfblocks >= CG_MAX_FBLOCKS)
        return cg_error(c, "too many statically nested blocks");
    c->u->fblocks[c->u->nfblocks++] = (cg_fblock){kind, b, exit, datum};
    return true;
}

static void pop_fblock(cg_compiler *c)
{
    c->u->nfblocks--;
}

static bool add_yield_from(cg_compiler *c, bool await);
static bool await_top(cg_compiler *c, int where);
static bool call_exit_with_nones(cg_compiler *c);

static bool unwind_fblock(cg_compiler *c, const cg_fblock *info, bool preserve_tos)
{
    switch (info->kind) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
    case FB_EXCEPTION_GROUP_HANDLER:
    case FB_ASYNC_COMPREHENSION_GENERATOR:
        return true;
    case FB_FOR_LOOP:
        if (preserve_tos)
            cg_addop(c, VM_OP_SWAP, 2);
        cg_addop(c, VM_OP_POP_TOP, 0);
        return true;
    case FB_TRY_EXCEPT:
        cg_addop(c, VM_OP_POP_BLOCK, 0);
        return true;
    case FB_FINALLY_TRY:
        cg_addop(c, VM_OP_POP_BLOCK, 0);
        if (preserve_tos && !push_fblock(c, FB_POP_VALUE, NULL, NULL, NULL))
            return false;
        VISIT_SEQ(c, (const vm_ast_seq *)info->datum);
        if (preserve_tos)
            pop_fblock(c);
        unset_loc(c);
        return true;
    case FB_FINALLY_END:
        if (preserve_tos)
            cg_addop(c, VM_OP_SWAP, 2);
        cg_addop(c, VM_OP_POP_TOP, 0);
        if (preserve_tos)
            cg_addop(c, VM_OP_SWAP, 2);
        cg_addop(c, VM_OP_POP_BLOCK, 0);
        cg_addop(c, VM_OP_POP_EXCEPT, 0);
        return true;
    case FB_WITH:
    case FB_ASYNC_WITH:
        cg_set_loc(c, info->datum);
        cg_addop(c, VM_OP_POP_BLOCK, 0);
        if (preserve_tos)
            cg_addop(c, VM_OP_SWAP, 2);
        if (!call_exit_with_nones(c))
            return false;
        if (info->kind == FB_ASYNC_WITH) {
            if (!await_top(c, VM_AWAIT_AEXIT))
                return false;
        }
        cg_addop(c, VM_OP_POP_TOP, 0);
        unset_loc(c);
        return true;
    case FB_HANDLER_CLEANUP:
        if (info->datum)
            cg_addop(c, VM_OP_POP_BLOCK, 0);
        if (preserve_tos)
            cg_addop(c, VM_OP_SWAP, 2);
        cg_addop(c, VM_OP_POP_BLOCK, 0);
        cg_addop(c, VM_OP_POP_EXCEPT, 0);
        if (info->datum) {
            cg_load_none(c);
            if (!cg_nameop(c, info->datum, VM_AST_OP_Store) ||
                !cg_nameop(c, info->datum, VM_AST_OP_Del))
                return false;
        }
        return true;
    case FB_POP_VALUE:
        if (preserve_tos)
            cg_addop(c, VM_OP_SWAP, 2);
        cg_addop(c, VM_OP_POP_TOP, 0);
        return true;
    }
    return true;
}

/* Unwinds the frame blocks down to the innermost loop (when loop is given, which gets
 * it) or all of them. */
static bool unwind_fblock_stack(cg_compiler *c, bool preserve_tos, cg_fblock **loop)
{
    cg_unit *u = c->u;
    if (u->nfblocks == 0)
        return true;
    cg_fblock *top = &u->fblocks[u->nfblocks - 1];
    if (top->kind == FB_EXCEPTION_GROUP_HANDLER)
        return cg_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop && (top->kind == FB_WHILE_LOOP || top->kind == FB_FOR_LOOP)) {
        *loop = top;
        return true;
    }
    cg_fblock copy = *top;
    u->nfblocks--;
    if (!unwind_fblock(c, &copy, preserve_tos) || !unwind_fblock_stack(c, preserve_tos, loop))
        return false;
    u->fblocks[u->nfblocks++] = copy;
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Names
 */

static bool forbidden_name(cg_compiler *c, const char *name, vm_ast_expr_context ctx)
{
    if (strcmp(name, "__debug__") != 0)
        return false;
    if (ctx == VM_AST_OP_Store)
        cg_error(c, "cannot assign to __debug__");
    else if (ctx == VM_AST_OP_Del)
        cg_error(c, "cannot delete __debug__");
    else
        return false;
    return true;
}

/* The cell or free slot of a name: cells first, then frees (fixed into localsplus
 * indexes by the assembler). */
static int deref_index(cg_compiler *c, const char *name, bool free_var)
{
    cg_unit *u = c->u;
    if (!free_var) {
        int k = cg_strtab_find(&u->cellvars, name);
        if (k >= 0)
            return k;
    }
    int k = cg_strtab_find(&u->freevars, name);
    if (k >= 0)
        return u->cellvars.n + k;
    int j = cg_strtab_find(&u->cellvars, name);
    if (j >= 0)
        return j;
    cg_error(c, "no cell or free variable '%s' (internal error)", name);
    return 0;
}

bool cg_nameop(cg_compiler *c, const char *name, vm_ast_expr_context ctx)
{
    cg_unit *u = c->u;
    if (forbidden_name(c, name, ctx))
        return false;
    const char *mangled = cg_mangle(c, name);
    enum { OP_NAME, OP_FAST, OP_GLOBAL, OP_DEREF } optype = OP_NAME;
    bool function = u->ste->type == VM_SYMTABLE_FUNCTION;
    bool is_free = false;
    switch (scope_of_name(u->ste, mangled)) {
    case VM_SYMTABLE_FREE: optype = OP_DEREF; is_free = true; break;
    case VM_SYMTABLE_CELL: optype = OP_DEREF; break;
    case VM_SYMTABLE_LOCAL: if (function) optype = OP_FAST; break;
    case VM_SYMTABLE_GLOBAL_IMPLICIT: if (function) optype = OP_GLOBAL; break;
    case VM_SYMTABLE_GLOBAL_EXPLICIT: optype = OP_GLOBAL; break;
    default: break;
    }
    static const int ops[4][3] = {
        [OP_NAME] = {VM_OP_LOAD_NAME, VM_OP_STORE_NAME, VM_OP_DELETE_NAME},
        [OP_FAST] = {VM_OP_LOAD_FAST, VM_OP_STORE_FAST, VM_OP_DELETE_FAST},
        [OP_GLOBAL] = {VM_OP_LOAD_GLOBAL, VM_OP_STORE_GLOBAL, VM_OP_DELETE_GLOBAL},
        [OP_DEREF] = {VM_OP_LOAD_DEREF, VM_OP_STORE_DEREF, VM_OP_DELETE_DEREF},
    };
    int ci = ctx == VM_AST_OP_Load ? 0 : ctx == VM_AST_OP_Store ? 1 : 2;
    int op = ops[optype][ci];
    switch (optype) {
    case OP_DEREF:
        if (op == VM_OP_LOAD_DEREF && u->ste->type == VM_SYMTABLE_CLASS)
            op = VM_OP_LOAD_CLASSDEREF;
        cg_addop(c, op, deref_index(c, mangled, is_free));
        break;
    case OP_FAST:
        cg_addop(c, op, strtab_add(&u->varnames, mangled));
        break;
    case OP_GLOBAL:
        cg_addop(c, op, op == VM_OP_LOAD_GLOBAL ? cg_add_name(c, mangled) << 1
                                                : cg_add_name(c, mangled));
        break;
    case OP_NAME:
        cg_addop(c, op, cg_add_name(c, mangled));
        break;
    }
    return !c->failed;
}

/* ---------------------------------------------------------------------------------------
 * Expressions
 */

static bool is_const(const vm_ast *e)
{
    return e && e->kind == VM_AST_Constant;
}

static bool all_const(const vm_ast_seq *s, size_t begin, size_t end)
{
    for (size_t i = begin; i < end; i++)
        if (!is_const(NODE(s, i)))
            return false;
    return true;
}

static bool has_starred(const vm_ast_seq *s)
{
    for (size_t i = 0; i < LEN(s); i++)
        if (NODE(s, i)->kind == VM_AST_Starred)
            return true;
    return false;
}

/* A tuple (or frozenset, for sets) constant of constant expressions. */
static vm_ast_const seq_const(cg_compiler *c, const vm_ast_seq *s, bool frozenset)
{
    size_t n = LEN(s);
    vm_ast_const *items = vm_arena_alloc(c->arena, (n ? n : 1) * sizeof *items);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const vm_ast_const *v = &NODE(s, i)->v.Constant.value;
        bool dup = false;
        for (size_t j = 0; frozenset && j < k && !dup; j++)
            dup = vm_ast_const_equal(&items[j], v);
        if (!dup)
            items[k++] = *v;
    }
    vm_ast_const t = {.kind = frozenset ? VM_CONST_FROZENSET : VM_CONST_TUPLE};
    t.u.seq.items = items;
    t.u.seq.n = k;
    return t;
}

/* CPython's starunpack_helper: a tuple, list or set display, with `pushed` items already
 * on the stack. */
static bool starunpack(cg_compiler *c, const vm_ast_seq *elts, int pushed, int build, int add,
                       int extend, bool tuple)
{
    size_t n = LEN(elts);
    if (n > 2 && all_const(elts, 0, n)) {
        vm_ast_const folded = seq_const(c, elts, add == VM_OP_SET_ADD);
        if (tuple) {
            cg_load_const(c, &folded);
        } else {
            cg_addop(c, build, pushed);
            cg_load_const(c, &folded);
            cg_addop(c, extend, 1);
        }
        return !c->failed;
    }
    bool seen_star = has_starred(elts);
    bool big = n + (size_t)pushed > STACK_USE_GUIDELINE;
    if (!seen_star && !big) {
        for (size_t i = 0; i < n; i++)
            VISIT(c, NODE(elts, i));
        cg_addop(c, tuple ? VM_OP_BUILD_TUPLE : build, (int)n + pushed);
        return !c->failed;
    }
    bool built = false;
    if (big) {
        cg_addop(c, build, pushed);
        built = true;
    }
    for (size_t i = 0; i < n; i++) {
        const vm_ast *elt = NODE(elts, i);
        if (elt->kind == VM_AST_Starred) {
            if (!built) {
                cg_addop(c, build, (int)i + pushed);
                built = true;
            }
            VISIT(c, elt->v.Starred.value);
            cg_addop(c, extend, 1);
        } else {
            VISIT(c, elt);
            if (built)
                cg_addop(c, add, 1);
        }
    }
    if (tuple)
        cg_addop(c, VM_OP_LIST_TO_TUPLE, 0);
    return !c->failed;
}

static bool unpack_helper(cg_compiler *c, const vm_ast_seq *elts)
{
    size_t n = LEN(elts);
    bool seen_star = false;
    for (size_t i = 0; i < n; i++) {
        const vm_ast *elt = NODE(elts, i);
        if (elt->kind == VM_AST_Starred && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 15))
                return cg_error(c, "too many expressions in star-unpacking assignment");
            cg_addop(c, VM_OP_UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
            seen_star = true;
        } else if (elt->kind == VM_AST_Starred) {
            return cg_error(c, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star)
        cg_addop(c, VM_OP_UNPACK_SEQUENCE, (int)n);
    return !c->failed;
}

static bool assignment_helper(cg_compiler *c, const vm_ast_seq *elts)
{
    if (!unpack_helper(c, elts))
        return false;
    for (size_t i = 0; i < LEN(elts); i++) {
        const vm_ast *elt = NODE(elts, i);
        VISIT(c, elt->kind == VM_AST_Starred ? elt->v.Starred.value : elt);
    }
    return true;
}

static bool visit_list_or_tuple(cg_compiler *c, const vm_ast *e, const vm_ast_seq *elts, int ctx,
                                bool tuple)
{
    if (ctx == VM_AST_OP_Store)
        return assignment_helper(c, elts);
    if (ctx == VM_AST_OP_Load)
        return starunpack(c, elts, 0, VM_OP_BUILD_LIST, VM_OP_LIST_APPEND, VM_OP_LIST_EXTEND, tuple);
    for (size_t i = 0; i < LEN(elts); i++)
        VISIT(c, NODE(elts, i));
    return true;
}

static bool subdict(cg_compiler *c, const vm_ast *e, size_t begin, size_t end)
{
    size_t n = end - begin;
    const vm_ast_seq *keys = e->v.Dict.keys, *values = e->v.Dict.values;
    bool big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && all_const(keys, begin, end)) {
        vm_ast_const *items = vm_arena_alloc(c->arena, n * sizeof *items);
        for (size_t i = begin; i < end; i++) {
            VISIT(c, NODE(values, i));
            items[i - begin] = NODE(keys, i)->v.Constant.value;
        }
        vm_ast_const t = {.kind = VM_CONST_TUPLE};
        t.u.seq.items = items;
        t.u.seq.n = n;
        cg_load_const(c, &t);
        cg_addop(c, VM_OP_BUILD_CONST_KEY_MAP, (int)n);
        return !c->failed;
    }
    if (big)
        cg_addop(c, VM_OP_BUILD_MAP, 0);
    for (size_t i = begin; i < end; i++) {
        VISIT(c, NODE(keys, i));
        VISIT(c, NODE(values, i));
        if (big)
            cg_addop(c, VM_OP_MAP_ADD, 1);
    }
    if (!big)
        cg_addop(c, VM_OP_BUILD_MAP, (int)n);
    return !c->failed;
}

static bool visit_dict(cg_compiler *c, const vm_ast *e)
{
    size_t n = LEN(e->v.Dict.values), elements = 0;
    bool have_dict = false;
    for (size_t i = 0; i < n; i++) {
        bool unpacking = NODE(e->v.Dict.keys, i) == NULL;
        if (unpacking) {
            if (elements) {
                if (!subdict(c, e, i - elements, i))
                    return false;
                if (have_dict)
                    cg_addop(c, VM_OP_DICT_UPDATE, 1);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                cg_addop(c, VM_OP_BUILD_MAP, 0);
                have_dict = true;
            }
            VISIT(c, NODE(e->v.Dict.values, i));
            cg_addop(c, VM_OP_DICT_UPDATE, 1);
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            if (!subdict(c, e, i - elements, i + 1))
                return false;
            if (have_dict)
                cg_addop(c, VM_OP_DICT_UPDATE, 1);
            have_dict = true;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        if (!subdict(c, e, n - elements, n))
            return false;
        if (have_dict)
            cg_addop(c, VM_OP_DICT_UPDATE, 1);
        have_dict = true;
    }
    if (!have_dict)
        cg_addop(c, VM_OP_BUILD_MAP, 0);
    return !c->failed;
}

static void add_compare(cg_compiler *c, int cmpop)
{
    switch (cmpop) {
    case VM_AST_OP_Eq: cg_addop(c, VM_OP_COMPARE_OP, VM_CMP_EQ); break;
    case VM_AST_OP_NotEq: cg_addop(c, VM_OP_COMPARE_OP, VM_CMP_NE); break;
    case VM_AST_OP_Lt: cg_addop(c, VM_OP_COMPARE_OP, VM_CMP_LT); break;
    case VM_AST_OP_LtE: cg_addop(c, VM_OP_COMPARE_OP, VM_CMP_LE); break;
    case VM_AST_OP_Gt: cg_addop(c, VM_OP_COMPARE_OP, VM_CMP_GT); break;
    case VM_AST_OP_GtE: cg_addop(c, VM_OP_COMPARE_OP, VM_CMP_GE); break;
    case VM_AST_OP_Is: cg_addop(c, VM_OP_IS_OP, 0); break;
    case VM_AST_OP_IsNot: cg_addop(c, VM_OP_IS_OP, 1); break;
    case VM_AST_OP_In: cg_addop(c, VM_OP_CONTAINS_OP, 0); break;
    case VM_AST_OP_NotIn: cg_addop(c, VM_OP_CONTAINS_OP, 1); break;
    }
}

static bool visit_compare(cg_compiler *c, const vm_ast *e)
{
    size_t n = LEN(e->v.Compare.ops) - 1;
    const vm_ast_seq *ops = e->v.Compare.ops, *comps = e->v.Compare.comparators;
    VISIT(c, e->v.Compare.left);
    if (n == 0) {
        VISIT(c, NODE(comps, 0));
        add_compare(c, ops->items[0].op);
        return !c->failed;
    }
    cg_block *cleanup = cg_new_block(c);
    for (size_t i = 0; i < n; i++) {
        VISIT(c, NODE(comps, i));
        cg_addop(c, VM_OP_SWAP, 2);
        cg_addop(c, VM_OP_COPY, 2);
        add_compare(c, ops->items[i].op);
        cg_addop_jump(c, VM_OP_JUMP_IF_FALSE_OR_POP, cleanup);
        next_block(c);
    }
    VISIT(c, NODE(comps, n));
    add_compare(c, ops->items[n].op);
    cg_block *end = cg_new_block(c);
    addop_jump_noline(c, VM_OP_JUMP_ANY, end);
    cg_use_next_block(c, cleanup);
    cg_addop(c, VM_OP_SWAP, 2);
    cg_addop(c, VM_OP_POP_TOP, 0);
    cg_use_next_block(c, end);
    return !c->failed;
}

bool cg_jump_if(cg_compiler *c, const vm_ast *e, cg_block *next, bool cond)
{
    switch (e->kind) {
    case VM_AST_UnaryOp:
        if (e->v.UnaryOp.op == VM_AST_OP_Not)
            return cg_jump_if(c, e->v.UnaryOp.operand, next, !cond);
        break;
    case VM_AST_BoolOp: {
        const vm_ast_seq *s = e->v.BoolOp.values;
        size_t n = LEN(s) - 1;
        bool cond2 = e->v.BoolOp.op == VM_AST_OP_Or;
        cg_block *next2 = next;
        if (!cond2 != !cond)
            next2 = cg_new_block(c);
        for (size_t i = 0; i < n; i++)
            if (!cg_jump_if(c, NODE(s, i), next2, cond2))
                return false;
        if (!cg_jump_if(c, NODE(s, n), next, cond))
            return false;
        if (next2 != next)
            cg_use_next_block(c, next2);
        return true;
    }
    case VM_AST_IfExp: {
        cg_block *end = cg_new_block(c), *next2 = cg_new_block(c);
        if (!cg_jump_if(c, e->v.IfExp.test, next2, false) ||
            !cg_jump_if(c, e->v.IfExp.body, next, cond))
            return false;
        addop_jump_noline(c, VM_OP_JUMP_ANY, end);
        cg_use_next_block(c, next2);
        if (!cg_jump_if(c, e->v.IfExp.orelse, next, cond))
            return false;
        cg_use_next_block(c, end);
        return true;
    }
    case VM_AST_Compare: {
        /* as in CPython, the comparison's position stays for what follows */
        cg_set_loc(c, e);
        size_t n = LEN(e->v.Compare.ops) - 1;
        if (n == 0)
            break;
        const vm_ast_seq *ops = e->v.Compare.ops, *comps = e->v.Compare.comparators;
        cg_block *cleanup = cg_new_block(c);
        VISIT(c, e->v.Compare.left);
        for (size_t i = 0; i < n; i++) {
            VISIT(c, NODE(comps, i));
            cg_addop(c, VM_OP_SWAP, 2);
            cg_addop(c, VM_OP_COPY, 2);
            add_compare(c, ops->items[i].op);
            cg_addop_jump(c, VM_OP_POP_JUMP_IF_FALSE, cleanup);
            next_block(c);
        }
        VISIT(c, NODE(comps, n));
        add_compare(c, ops->items[n].op);
        cg_addop_jump(c, cond ? VM_OP_POP_JUMP_IF_TRUE : VM_OP_POP_JUMP_IF_FALSE, next);
        cg_block *end = cg_new_block(c);
        addop_jump_noline(c, VM_OP_JUMP_ANY, end);
        cg_use_next_block(c, cleanup);
        cg_addop(c, VM_OP_POP_TOP, 0);
        if (!cond)
            addop_jump_noline(c, VM_OP_JUMP_ANY, next);
        cg_use_next_block(c, end);
        return !c->failed;
    }
    default:
        break;
    }
    VISIT(c, e);
    cg_addop_jump(c, cond ? VM_OP_POP_JUMP_IF_TRUE : VM_OP_POP_JUMP_IF_FALSE, next);
    next_block(c);
    return !c->failed;
}

static bool visit_boolop(cg_compiler *c, const vm_ast *e)
{
    int jump = e->v.BoolOp.op == VM_AST_OP_And ? VM_OP_JUMP_IF_FALSE_OR_POP : VM_OP_JUMP_IF_TRUE_OR_POP;
    cg_block *end = cg_new_block(c);
    const vm_ast_seq *s = e->v.BoolOp.values;
    size_t n = LEN(s) - 1;
    for (size_t i = 0; i < n; i++) {
        VISIT(c, NODE(s, i));
        cg_addop_jump(c, jump, end);
        next_block(c);
    }
    VISIT(c, NODE(s, n));
    cg_use_next_block(c, end);
    return !c->failed;
}

static bool visit_ifexp(cg_compiler *c, const vm_ast *e)
{
    cg_block *end = cg_new_block(c), *next = cg_new_block(c);
    if (!cg_jump_if(c, e->v.IfExp.test, next, false))
        return false;
    VISIT(c, e->v.IfExp.body);
    addop_jump_noline(c, VM_OP_JUMP_ANY, end);
    cg_use_next_block(c, next);
    VISIT(c, e->v.IfExp.orelse);
    cg_use_next_block(c, end);
    return !c->failed;
}

/* Keyword arguments: CPython's validate_keywords ("keyword argument repeated"). */
static bool validate_keywords(cg_compiler *c, const vm_ast_seq *kws)
{
    size_t n = LEN(kws);
    for (size_t i = 0; i < n; i++) {
        const vm_ast *k = NODE(kws, i);
        if (!k->v.keyword.arg)
            continue;
        if (forbidden_name(c, k->v.keyword.arg, VM_AST_OP_Store))
            return false;
        for (size_t j = i + 1; j < n; j++) {
            const vm_ast *o = NODE(kws, j);
            if (o->v.keyword.arg && !strcmp(k->v.keyword.arg, o->v.keyword.arg)) {
                cg_loc saved = c->u->loc;
                cg_set_loc(c, o);
                cg_error(c, "keyword argument repeated: %s", k->v.keyword.arg);
                c->u->loc = saved;
                return false;
            }
        }
    }
    return true;
}

/* Keywords as KW_NAMES + values (the simple call form). */
static void kw_names(cg_compiler *c, const vm_ast_seq *kws, size_t begin, size_t end)
{
    size_t n = end - begin;
    const char **names = vm_arena_alloc(c->arena, (n ? n : 1) * sizeof *names);
    for (size_t i = begin; i < end; i++)
        names[i - begin] = NODE(kws, i)->v.keyword.arg;
    vm_ast_const t = str_tuple(c, names, n);
    cg_addop(c, VM_OP_KW_NAMES, cg_add_const(c, &t));
}

/* Keywords begin..end as one dict (CPython's compiler_subkwargs). */
static bool subkwargs(cg_compiler *c, const vm_ast_seq *kws, size_t begin, size_t end)
{
    size_t n = end - begin;
    bool big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        const char **names = vm_arena_alloc(c->arena, n * sizeof *names);
        for (size_t i = begin; i < end; i++) {
            VISIT(c, NODE(kws, i)->v.keyword.value);
            names[i - begin] = NODE(kws, i)->v.keyword.arg;
        }
        vm_ast_const t = str_tuple(c, names, n);
        cg_load_const(c, &t);
        cg_addop(c, VM_OP_BUILD_CONST_KEY_MAP, (int)n);
        return !c->failed;
    }
    if (big)
        cg_addop(c, VM_OP_BUILD_MAP, 0);
    for (size_t i = begin; i < end; i++) {
        cg_load_str(c, NODE(kws, i)->v.keyword.arg);
        VISIT(c, NODE(kws, i)->v.keyword.value);
        if (big)
            cg_addop(c, VM_OP_MAP_ADD, 1);
    }
    if (!big)
        cg_addop(c, VM_OP_BUILD_MAP, (int)n);
    return !c->failed;
}

/* The arguments of a call whose callable (and NULL or self) are on the stack with `n`
 * more positional arguments (CPython's compiler_call_helper). */
static bool call_helper(cg_compiler *c, int n, const vm_ast_seq *args, const vm_ast_seq *kws)
{
    if (!validate_keywords(c, kws))
        return false;
    size_t nelts = LEN(args), nkwelts = LEN(kws);
    bool ex = nelts + nkwelts * 2 > STACK_USE_GUIDELINE || has_starred(args);
    for (size_t i = 0; i < nkwelts && !ex; i++)
        if (!NODE(kws, i)->v.keyword.arg)
            ex = true;
    if (!ex) {
        for (size_t i = 0; i < nelts; i++)
            VISIT(c, NODE(args, i));
        if (nkwelts) {
            for (size_t i = 0; i < nkwelts; i++)
                VISIT(c, NODE(kws, i)->v.keyword.value);
            kw_names(c, kws, 0, nkwelts);
        }
        cg_addop(c, VM_OP_CALL, n + (int)nelts + (int)nkwelts);
        return !c->failed;
    }
    /* the general form: a tuple of positional arguments and a dict of keywords */
    if (n == 0 && nelts == 1 && NODE(args, 0)->kind == VM_AST_Starred) {
        VISIT(c, NODE(args, 0)->v.Starred.value);
    } else if (!starunpack(c, args, n, VM_OP_BUILD_LIST, VM_OP_LIST_APPEND, VM_OP_LIST_EXTEND,
                           true)) {
        return false;
    }
    if (nkwelts) {
        size_t nseen = 0;
        bool have_dict = false;
        for (size_t i = 0; i < nkwelts; i++) {
            const vm_ast *kw = NODE(kws, i);
            if (!kw->v.keyword.arg) {
                if (nseen) {
                    if (!subkwargs(c, kws, i - nseen, i))
                        return false;
                    if (have_dict)
                        cg_addop(c, VM_OP_DICT_MERGE, 1);
                    have_dict = true;
                    nseen = 0;
                }
                if (!have_dict) {
                    cg_addop(c, VM_OP_BUILD_MAP, 0);
                    have_dict = true;
                }
                VISIT(c, kw->v.keyword.value);
                cg_addop(c, VM_OP_DICT_MERGE, 1);
            } else {
                nseen++;
            }
        }
        if (nseen) {
            if (!subkwargs(c, kws, nkwelts - nseen, nkwelts))
                return false;
            if (have_dict)
                cg_addop(c, VM_OP_DICT_MERGE, 1);
            have_dict = true;
        }
    }
    cg_addop(c, VM_OP_CALL_FUNCTION_EX, nkwelts > 0);
    return !c->failed;
}

/* A name the module binds by import (CPython's is_import_originated): `module.f(x)` is
 * compiled as an attribute load and a plain call, not as a method call. */
static bool is_import_originated(cg_compiler *c, const vm_ast *e)
{
    if (e->kind != VM_AST_Name)
        return false;
    const vm_symtable_symbol *sym = vm_symtable_lookup(c->st->top, e->v.Name.id);
    return sym && (sym->flags & VM_SYMTABLE_DEF_IMPORT);
}

static bool visit_call(cg_compiler *c, const vm_ast *e)
{
    const vm_ast *meth = e->v.Call.func;
    const vm_ast_seq *args = e->v.Call.args, *kws = e->v.Call.keywords;
    size_t argsl = LEN(args), kwdsl = LEN(kws);
    /* CPython's maybe_optimize_method_call */
    bool method = meth->kind == VM_AST_Attribute && meth->v.Attribute.ctx == VM_AST_OP_Load &&
                  !has_starred(args) && argsl + kwdsl < STACK_USE_GUIDELINE &&
                  !is_import_originated(c, meth->v.Attribute.value);
    for (size_t i = 0; i < kwdsl && method; i++)
        if (!NODE(kws, i)->v.keyword.arg)
            method = false;
    if (method) {
        VISIT(c, meth->v.Attribute.value);
        cg_loc saved = c->u->loc;
        cg_set_loc(c, meth);
        loc_to_attr(c, meth);
        cg_addop_name(c, VM_OP_LOAD_METHOD, meth->v.Attribute.attr);
        c->u->loc = saved;
        if (!validate_keywords(c, kws))
            return false;
        for (size_t i = 0; i < argsl; i++)
            VISIT(c, NODE(args, i));
        if (kwdsl) {
            for (size_t i = 0; i < kwdsl; i++)
                VISIT(c, NODE(kws, i)->v.keyword.value);
            kw_names(c, kws, 0, kwdsl);
        }
        cg_set_loc(c, e);
        loc_to_attr(c, meth);
        cg_addop(c, VM_OP_CALL, (int)(argsl + kwdsl));
        return !c->failed;
    }
    cg_addop(c, VM_OP_PUSH_NULL, 0);
    VISIT(c, meth);
    return call_helper(c, 0, args, kws);
}

static bool visit_joined_str(cg_compiler *c, const vm_ast *e)
{
    size_t n = LEN(e->v.JoinedStr.values);
    if (n > STACK_USE_GUIDELINE) {
        /* ''.join([...]) */
        cg_load_str(c, "");
        cg_addop_name(c, VM_OP_LOAD_METHOD, "join");
        cg_addop(c, VM_OP_BUILD_LIST, 0);
        for (size_t i = 0; i < n; i++) {
            VISIT(c, NODE(e->v.JoinedStr.values, i));
            cg_addop(c, VM_OP_LIST_APPEND, 1);
        }
        cg_addop(c, VM_OP_CALL, 1);
        return !c->failed;
    }
    for (size_t i = 0; i < n; i++)
        VISIT(c, NODE(e->v.JoinedStr.values, i));
    if (n != 1)
        cg_addop(c, VM_OP_BUILD_STRING, (int)n);
    return !c->failed;
}

static bool visit_formatted_value(cg_compiler *c, const vm_ast *e)
{
    VISIT(c, e->v.FormattedValue.value);
    int oparg;
    switch (e->v.FormattedValue.conversion) {
    case 's': oparg = VM_FVC_STR; break;
    case 'r': oparg = VM_FVC_REPR; break;
    case 'a': oparg = VM_FVC_ASCII; break;
    default: oparg = VM_FVC_NONE; break;
    }
    if (e->v.FormattedValue.format_spec) {
        VISIT(c, e->v.FormattedValue.format_spec);
        oparg |= VM_FVS_HAVE_SPEC;
    }
    cg_addop(c, VM_OP_FORMAT_VALUE, oparg);
    return !c->failed;
}

static bool visit_slice(cg_compiler *c, const vm_ast *s)
{
    int n = 2;
    if (s->v.Slice.lower)
        VISIT(c, s->v.Slice.lower);
    else
        cg_load_none(c);
    if (s->v.Slice.upper)
        VISIT(c, s->v.Slice.upper);
    else
        cg_load_none(c);
    if (s->v.Slice.step) {
        n++;
        VISIT(c, s->v.Slice.step);
    }
    cg_addop(c, VM_OP_BUILD_SLICE, n);
    return !c->failed;
}

/* The delegation loop of `yield from` and `await` (CPython's compiler_add_yield_from):
 * the receiver and the value to send are on the stack. */
static bool add_yield_from(cg_compiler *c, bool await)
{
    cg_block *start = cg_new_block(c), *resume = cg_new_block(c), *exit = cg_new_block(c);
    cg_use_next_block(c, start);
    cg_addop_jump(c, VM_OP_SEND, exit);
    cg_use_next_block(c, resume);
    cg_addop(c, VM_OP_YIELD_VALUE, await ? 2 : 1);
    cg_addop_jump(c, VM_OP_JUMP_NO_INTERRUPT, start);
    cg_use_next_block(c, exit);
    return !c->failed;
}

/* `await` of the value on top of the stack (where: VM_AWAIT_* for error messages). */
static bool await_top(cg_compiler *c, int where)
{
    cg_addop(c, VM_OP_GET_AWAITABLE, where);
    cg_load_none(c);
    return add_yield_from(c, true);
}

/* The next item of the async iterator on the stack, StopAsyncIteration going to
 * `except` (its END_ASYNC_FOR): async for and async comprehensions. */
static bool async_next(cg_compiler *c, cg_block *except)
{
    cg_addop_jump(c, VM_OP_SETUP_FINALLY, except);
    cg_addop(c, VM_OP_GET_ANEXT, 0);
    cg_load_none(c);
    if (!add_yield_from(c, true))
        return false;
    cg_addop(c, VM_OP_POP_BLOCK, 0);
    return !c->failed;
}

static void add_yield(cg_compiler *c)
{
    if (c->u->ste->is_generator && c->u->ste->is_coroutine)
        cg_addop(c, VM_OP_ASYNC_GEN_WRAP, 0);
    cg_addop(c, VM_OP_YIELD_VALUE, 0);
}

static bool is_top_level_await(cg_compiler *c)
{
    (void)c;
    return false;   /* PyCF_ALLOW_TOP_LEVEL_AWAIT: the asyncio REPL's flag, not supported yet */
}

static bool make_closure(cg_compiler *c, const vm_code *co, int flags);
static bool visit_comprehension(cg_compiler *c, const vm_ast *e);
static bool visit_lambda(cg_compiler *c, const vm_ast *e);

static bool visit_expr1(cg_compiler *c, const vm_ast *e)
{
    switch (e->kind) {
    case VM_AST_NamedExpr:
        VISIT(c, e->v.NamedExpr.value);
        cg_addop(c, VM_OP_COPY, 1);
        VISIT(c, e->v.NamedExpr.target);
        return true;
    case VM_AST_BoolOp:
        return visit_boolop(c, e);
    case VM_AST_BinOp: {
        VISIT(c, e->v.BinOp.left);
        VISIT(c, e->v.BinOp.right);
        static const int nb[] = {
            [VM_AST_OP_Add] = VM_NB_ADD, [VM_AST_OP_Sub] = VM_NB_SUBTRACT,
            [VM_AST_OP_Mult] = VM_NB_MULTIPLY, [VM_AST_OP_MatMult] = VM_NB_MATRIX_MULTIPLY,
            [VM_AST_OP_Div] = VM_NB_TRUE_DIVIDE, [VM_AST_OP_Mod] = VM_NB_REMAINDER,
            [VM_AST_OP_Pow] = VM_NB_POWER, [VM_AST_OP_LShift] = VM_NB_LSHIFT,
            [VM_AST_OP_RShift] = VM_NB_RSHIFT, [VM_AST_OP_BitOr] = VM_NB_OR,
            [VM_AST_OP_BitXor] = VM_NB_XOR, [VM_AST_OP_BitAnd] = VM_NB_AND,
            [VM_AST_OP_FloorDiv] = VM_NB_FLOOR_DIVIDE};
        cg_addop(c, VM_OP_BINARY_OP, nb[e->v.BinOp.op]);
        return !c->failed;
    }
    case VM_AST_UnaryOp: {
        VISIT(c, e->v.UnaryOp.operand);
        static const int ops[] = {
            [VM_AST_OP_Invert] = VM_OP_UNARY_INVERT, [VM_AST_OP_Not] = VM_OP_UNARY_NOT,
            [VM_AST_OP_UAdd] = VM_OP_UNARY_POSITIVE, [VM_AST_OP_USub] = VM_OP_UNARY_NEGATIVE};
        cg_addop(c, ops[e->v.UnaryOp.op], 0);
        return !c->failed;
    }
    case VM_AST_Lambda:
        return visit_lambda(c, e);
    case VM_AST_IfExp:
        return visit_ifexp(c, e);
    case VM_AST_Dict:
        return visit_dict(c, e);
    case VM_AST_Set:
        return starunpack(c, e->v.Set.elts, 0, VM_OP_BUILD_SET, VM_OP_SET_ADD, VM_OP_SET_UPDATE,
                          false);
    case VM_AST_GeneratorExp:
    case VM_AST_ListComp:
    case VM_AST_SetComp:
    case VM_AST_DictComp:
        return visit_comprehension(c, e);
    case VM_AST_Yield:
        if (c->u->ste->type != VM_SYMTABLE_FUNCTION)
            return cg_error(c, "'yield' outside function");
        if (e->v.Yield.value)
            VISIT(c, e->v.Yield.value);
        else
            cg_load_none(c);
        add_yield(c);
        return !c->failed;
    case VM_AST_YieldFrom:
        if (c->u->ste->type != VM_SYMTABLE_FUNCTION)
            return cg_error(c, "'yield' outside function");
        if (c->u->scope_type == SCOPE_ASYNC_FUNCTION)
            return cg_error(c, "'yield from' inside async function");
        VISIT(c, e->v.YieldFrom.value);
        cg_addop(c, VM_OP_GET_YIELD_FROM_ITER, 0);
        cg_load_none(c);
        return add_yield_from(c, false);
    case VM_AST_Await:
        if (!is_top_level_await(c)) {
            if (c->u->ste->type != VM_SYMTABLE_FUNCTION)
                return cg_error(c, "'await' outside function");
            if (c->u->scope_type != SCOPE_ASYNC_FUNCTION && c->u->scope_type != SCOPE_COMPREHENSION)
                return cg_error(c, "'await' outside async function");
        }
        VISIT(c, e->v.Await.value);
        return await_top(c, VM_AWAIT_PLAIN);
    case VM_AST_Compare:
        return visit_compare(c, e);
    case VM_AST_Call:
        return visit_call(c, e);
    case VM_AST_Constant:
        cg_load_const(c, &e->v.Constant.value);
        return !c->failed;
    case VM_AST_JoinedStr:
        return visit_joined_str(c, e);
    case VM_AST_FormattedValue:
        return visit_formatted_value(c, e);
    case VM_AST_Attribute:
        VISIT(c, e->v.Attribute.value);
        loc_to_attr(c, e);
        switch (e->v.Attribute.ctx) {
        case VM_AST_OP_Load:
            cg_addop_name(c, VM_OP_LOAD_ATTR, e->v.Attribute.attr);
            break;
        case VM_AST_OP_Store:
            if (forbidden_name(c, e->v.Attribute.attr, VM_AST_OP_Store))
                return false;
            cg_addop_name(c, VM_OP_STORE_ATTR, e->v.Attribute.attr);
            break;
        default:
            cg_addop_name(c, VM_OP_DELETE_ATTR, e->v.Attribute.attr);
            break;
        }
        return !c->failed;
    case VM_AST_Subscript:
        VISIT(c, e->v.Subscript.value);
        VISIT(c, e->v.Subscript.slice);
        cg_addop(c, e->v.Subscript.ctx == VM_AST_OP_Load    ? VM_OP_BINARY_SUBSCR
                    : e->v.Subscript.ctx == VM_AST_OP_Store ? VM_OP_STORE_SUBSCR
                                                            : VM_OP_DELETE_SUBSCR, 0);
        return !c->failed;
    case VM_AST_Starred:
        if (e->v.Starred.ctx == VM_AST_OP_Store)
            return cg_error(c, "starred assignment target must be in a list or tuple");
        return cg_error(c, "can't use starred expression here");
    case VM_AST_Slice:
        return visit_slice(c, e);
    case VM_AST_Name:
        return cg_nameop(c, e->v.Name.id, e->v.Name.ctx);
    case VM_AST_List:
        return visit_list_or_tuple(c, e, e->v.List.elts, e->v.List.ctx, false);
    case VM_AST_Tuple:
        return visit_list_or_tuple(c, e, e->v.Tuple.elts, e->v.Tuple.ctx, true);
    default:
        return cg_error(c, "unexpected expression node (internal error)");
    }
}

bool cg_visit_expr(cg_compiler *c, const vm_ast *e)
{
    if (c->failed)
        return false;
    cg_loc saved = c->u->loc;
    cg_set_loc(c, e);
    bool ok = visit_expr1(c, e);
    c->u->loc = saved;
    return ok && !c->failed;
}

/* ---------------------------------------------------------------------------------------
 * Functions, lambdas, classes, comprehensions
 */

/* A parameter named __debug__: CPython reports it at the def or lambda. */
static bool check_debug_args_seq(cg_compiler *c, const vm_ast_seq *args)
{
    for (size_t i = 0; i < LEN(args); i++) {
        const vm_ast *a = NODE(args, i);
        if (!strcmp(a->v.arg.arg, "__debug__")) {
            cg_error(c, "cannot assign to __debug__");
            return false;
        }
    }
    return true;
}

static bool check_debug_args(cg_compiler *c, const vm_ast *args)
{
    const vm_ast *one[2] = {args->v.arguments.vararg, args->v.arguments.kwarg};
    if (!check_debug_args_seq(c, args->v.arguments.posonlyargs) ||
        !check_debug_args_seq(c, args->v.arguments.args) ||
        !check_debug_args_seq(c, args->v.arguments.kwonlyargs))
        return false;
    for (int i = 0; i < 2; i++)
        if (one[i] && !strcmp(one[i]->v.arg.arg, "__debug__")) {
            cg_error(c, "cannot assign to __debug__");
            return false;
        }
    return true;
}

/* Pushes the defaults tuple and the keyword-only defaults dict; returns MAKE_FUNCTION's
 * flags for them, or -1 on error. */
static int default_arguments(cg_compiler *c, const vm_ast *args)
{
    int flags = 0;
    const vm_ast_seq *defaults = args->v.arguments.defaults;
    if (LEN(defaults)) {
        for (size_t i = 0; i < LEN(defaults); i++)
            if (!cg_visit_expr(c, NODE(defaults, i)))
                return -1;
        cg_addop(c, VM_OP_BUILD_TUPLE, (int)LEN(defaults));
        flags |= VM_MKFN_DEFAULTS;
    }
    const vm_ast_seq *kwonly = args->v.arguments.kwonlyargs, *kwdef = args->v.arguments.kw_defaults;
    size_t n = 0;
    const char **keys = vm_arena_alloc(c->arena, (LEN(kwonly) + 1) * sizeof *keys);
    for (size_t i = 0; i < LEN(kwonly); i++) {
        const vm_ast *d = i < LEN(kwdef) ? NODE(kwdef, i) : NULL;
        if (!d)
            continue;
        keys[n++] = cg_mangle(c, NODE(kwonly, i)->v.arg.arg);
        if (!cg_visit_expr(c, d))
            return -1;
    }
    if (n) {
        vm_ast_const t = str_tuple(c, keys, n);
        cg_load_const(c, &t);
        cg_addop(c, VM_OP_BUILD_CONST_KEY_MAP, (int)n);
        flags |= VM_MKFN_KWDEFAULTS;
    }
    return c->failed ? -1 : flags;
}

/* An annotation under `from __future__ import annotations`: its source, unparsed. */
static void load_annotation_string(cg_compiler *c, const vm_ast *annotation)
{
    vm_buf b;
    vm_buf_init(&b);
    vm_ast_unparse_expr(annotation, &b);
    vm_ast_const k = {.kind = VM_CONST_STR};
    k.u.str.s = vm_arena_strndup(c->arena, b.data ? b.data : "", b.len);
    k.u.str.len = b.len;
    vm_buf_free(&b);
    cg_load_const(c, &k);
}

static bool visit_annexpr(cg_compiler *c, const vm_ast *annotation)
{
    if (c->future_flags & VM_CO_FUTURE_ANNOTATIONS) {
        load_annotation_string(c, annotation);      /* at the statement's position */
        return !c->failed;
    }
    return cg_visit_expr(c, annotation);
}

static bool argannotation(cg_compiler *c, const char *id, const vm_ast *annotation, int *len)
{
    if (!annotation)
        return true;
    cg_load_str(c, cg_mangle(c, id));
    if (c->future_flags & VM_CO_FUTURE_ANNOTATIONS) {
        if (!visit_annexpr(c, annotation))
            return false;
    } else if (annotation->kind == VM_AST_Starred) {
        VISIT(c, annotation->v.Starred.value);
        cg_addop(c, VM_OP_UNPACK_SEQUENCE, 1);
    } else {
        VISIT(c, annotation);
    }
    *len += 2;
    return !c->failed;
}

static bool argannotations(cg_compiler *c, const vm_ast_seq *args, int *len)
{
    for (size_t i = 0; i < LEN(args); i++) {
        const vm_ast *a = NODE(args, i);
        if (!argannotation(c, a->v.arg.arg, a->v.arg.annotation, len))
            return false;
    }
    return true;
}

/* Pushes the annotations tuple (name, value, ...); 1 if there is one, 0 if none, -1. */
static int visit_annotations(cg_compiler *c, const vm_ast *args, const vm_ast *returns)
{
    int len = 0;
    const vm_ast *va = args->v.arguments.vararg, *kw = args->v.arguments.kwarg;
    if (!argannotations(c, args->v.arguments.args, &len) ||
        !argannotations(c, args->v.arguments.posonlyargs, &len) ||
        (va && va->v.arg.annotation && !argannotation(c, va->v.arg.arg, va->v.arg.annotation, &len)) ||
        !argannotations(c, args->v.arguments.kwonlyargs, &len) ||
        (kw && kw->v.arg.annotation && !argannotation(c, kw->v.arg.arg, kw->v.arg.annotation, &len)) ||
        !argannotation(c, "return", returns, &len))
        return -1;
    if (len) {
        cg_addop(c, VM_OP_BUILD_TUPLE, len);
        return 1;
    }
    return 0;
}

static bool visit_decorators(cg_compiler *c, const vm_ast_seq *decos)
{
    for (size_t i = 0; i < LEN(decos); i++)
        VISIT(c, NODE(decos, i));
    return true;
}

static void apply_decorators(cg_compiler *c, const vm_ast_seq *decos)
{
    for (size_t i = LEN(decos); i-- > 0;) {
        cg_set_loc(c, NODE(decos, i));
        cg_addop(c, VM_OP_CALL, 0);
    }
}

/* LOAD_CLOSURE of each free variable of co (from this unit's cells or frees), then
 * LOAD_CONST co and MAKE_FUNCTION. */
static bool make_closure(cg_compiler *c, const vm_code *co, int flags)
{
    if (co->nfreevars) {
        for (int i = co->nlocalsplus - co->nfreevars; i < co->nlocalsplus; i++) {
            const char *name = co->localsplusnames[i];
            bool cell;
            if (c->u->scope_type == SCOPE_CLASS && !strcmp(name, "__class__"))
                cell = true;
            else
                cell = scope_of_name(c->u->ste, name) == VM_SYMTABLE_CELL;
            int arg;
            if (cell) {
                arg = cg_strtab_find(&c->u->cellvars, name);
            } else {
                arg = cg_strtab_find(&c->u->freevars, name);
                if (arg >= 0)
                    arg += c->u->cellvars.n;
            }
            if (arg < 0)
                return cg_error(c, "compiler_lookup_arg(name='%s') failed in %s (internal error)",
                                name, c->u->name);
            cg_addop(c, VM_OP_LOAD_CLOSURE, arg);
        }
        flags |= VM_MKFN_CLOSURE;
        cg_addop(c, VM_OP_BUILD_TUPLE, co->nfreevars);
    }
    cg_addop(c, VM_OP_LOAD_CONST, add_code_const(c, co));
    cg_addop(c, VM_OP_MAKE_FUNCTION, flags);
    return !c->failed;
}

/* The docstring of a body: its first statement, if it is a str constant expression. */
static const vm_ast *get_docstring(const vm_ast_seq *body)
{
    if (!LEN(body))
        return NULL;
    const vm_ast *s = NODE(body, 0);
    if (s->kind != VM_AST_Expr)
        return NULL;
    const vm_ast *e = s->v.Expr.value;
    if (e->kind != VM_AST_Constant || e->v.Constant.value.kind != VM_CONST_STR)
        return NULL;
    return e;
}

static bool visit_function(cg_compiler *c, const vm_ast *s, bool is_async)
{
    const char *name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    const vm_ast *args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    const vm_ast *returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
    const vm_ast_seq *decos = is_async ? s->v.AsyncFunctionDef.decorator_list
                                       : s->v.FunctionDef.decorator_list;
    const vm_ast_seq *body = is_async ? s->v.AsyncFunctionDef.body : s->v.FunctionDef.body;
    if (!check_debug_args(c, args) || !visit_decorators(c, decos))
        return false;
    int firstlineno = LEN(decos) ? NODE(decos, 0)->lineno : s->lineno;
    int flags = default_arguments(c, args);
    if (flags < 0)
        return false;
    int ann = visit_annotations(c, args, returns);
    if (ann < 0)
        return false;
    if (ann)
        flags |= VM_MKFN_ANNOTATIONS;
    if (!enter_scope(c, name, is_async ? SCOPE_ASYNC_FUNCTION : SCOPE_FUNCTION, s, firstlineno))
        return false;
    const vm_ast *doc = c->optimize < 2 ? get_docstring(body) : NULL;
    if (doc) {
        cg_add_const(c, &doc->v.Constant.value);
    } else {
        vm_ast_const none = {.kind = VM_CONST_NONE};
        cg_add_const(c, &none);
    }
    c->u->argcount = (int)LEN(args->v.arguments.args);
    c->u->posonlyargcount = (int)LEN(args->v.arguments.posonlyargs);
    c->u->kwonlyargcount = (int)LEN(args->v.arguments.kwonlyargs);
    for (size_t i = doc ? 1 : 0; i < LEN(body); i++)
        if (!visit_stmt(c, NODE(body, i))) {
            exit_scope(c);
            return false;
        }
    vm_code *co = cg_assemble(c, true);
    exit_scope(c);
    if (!co)
        return false;
    cg_set_loc(c, s);
    if (!make_closure(c, co, flags))
        return false;
    apply_decorators(c, decos);
    cg_set_loc(c, s);
    return cg_nameop(c, name, VM_AST_OP_Store);
}

static bool visit_lambda(cg_compiler *c, const vm_ast *e)
{
    const vm_ast *args = e->v.Lambda.args;
    if (!check_debug_args(c, args))
        return false;
    int flags = default_arguments(c, args);
    if (flags < 0)
        return false;
    if (!enter_scope(c, "<lambda>", SCOPE_LAMBDA, e, e->lineno))
        return false;
    vm_ast_const none = {.kind = VM_CONST_NONE};
    cg_add_const(c, &none);     /* so a lambda has no docstring */
    c->u->argcount = (int)LEN(args->v.arguments.args);
    c->u->posonlyargcount = (int)LEN(args->v.arguments.posonlyargs);
    c->u->kwonlyargcount = (int)LEN(args->v.arguments.kwonlyargs);
    cg_set_loc(c, e);
    if (!cg_visit_expr(c, e->v.Lambda.body)) {
        exit_scope(c);
        return false;
    }
    cg_addop(c, VM_OP_RETURN_VALUE, 0);
    vm_code *co = cg_assemble(c, false);
    exit_scope(c);
    return co && make_closure(c, co, flags);
}

static bool find_ann(const vm_ast_seq *stmts)
{
    for (size_t i = 0; i < LEN(stmts); i++) {
        const vm_ast *st = NODE(stmts, i);
        bool res = false;
        switch (st->kind) {
        case VM_AST_AnnAssign: return true;
        case VM_AST_For: res = find_ann(st->v.For.body) || find_ann(st->v.For.orelse); break;
        case VM_AST_AsyncFor:
            res = find_ann(st->v.AsyncFor.body) || find_ann(st->v.AsyncFor.orelse);
            break;
        case VM_AST_While: res = find_ann(st->v.While.body) || find_ann(st->v.While.orelse); break;
        case VM_AST_If: res = find_ann(st->v.If.body) || find_ann(st->v.If.orelse); break;
        case VM_AST_With: res = find_ann(st->v.With.body); break;
        case VM_AST_AsyncWith: res = find_ann(st->v.AsyncWith.body); break;
        case VM_AST_Try:
        case VM_AST_TryStar: {
            const vm_ast_seq *handlers = st->kind == VM_AST_Try ? st->v.Try.handlers : st->v.TryStar.handlers;
            for (size_t j = 0; j < LEN(handlers); j++)
                if (find_ann(NODE(handlers, j)->v.ExceptHandler.body))
                    return true;
            res = st->kind == VM_AST_Try
                      ? find_ann(st->v.Try.body) || find_ann(st->v.Try.finalbody) ||
                            find_ann(st->v.Try.orelse)
                      : find_ann(st->v.TryStar.body) || find_ann(st->v.TryStar.finalbody) ||
                            find_ann(st->v.TryStar.orelse);
            break;
        }
        default: break;
        }
        if (res)
            return true;
    }
    return false;
}

/* A module's or class's body: annotations set-up, docstring, statements. */
static bool visit_body(cg_compiler *c, const vm_ast_seq *stmts)
{
    if (c->u->scope_type == SCOPE_MODULE && LEN(stmts))
        cg_set_loc(c, NODE(stmts, 0));
    if (find_ann(stmts))
        cg_addop(c, VM_OP_SETUP_ANNOTATIONS, 0);
    size_t i = 0;
    const vm_ast *doc = c->optimize < 2 ? get_docstring(stmts) : NULL;
    if (doc) {
        i = 1;
        cg_set_loc(c, NODE(stmts, 0));
        VISIT(c, doc);
        unset_loc(c);
        if (!cg_nameop(c, "__doc__", VM_AST_OP_Store))
            return false;
    }
    for (; i < LEN(stmts); i++)
        if (!visit_stmt(c, NODE(stmts, i)))
            return false;
    return true;
}

static bool visit_class(cg_compiler *c, const vm_ast *s)
{
    const vm_ast_seq *decos = s->v.ClassDef.decorator_list;
    if (!visit_decorators(c, decos))
        return false;
    int firstlineno = LEN(decos) ? NODE(decos, 0)->lineno : s->lineno;
    if (!enter_scope(c, s->v.ClassDef.name, SCOPE_CLASS, s, firstlineno))
        return false;
    c->u->private_name = s->v.ClassDef.name;
    bool ok = cg_nameop(c, "__name__", VM_AST_OP_Load) && cg_nameop(c, "__module__", VM_AST_OP_Store);
    if (ok) {
        cg_load_str(c, c->u->qualname);
        ok = cg_nameop(c, "__qualname__", VM_AST_OP_Store) && visit_body(c, s->v.ClassDef.body);
    }
    if (!ok) {
        exit_scope(c);
        return false;
    }
    unset_loc(c);
    if (c->u->ste->needs_class_closure) {
        cg_addop(c, VM_OP_LOAD_CLOSURE, cg_strtab_find(&c->u->cellvars, "__class__"));
        cg_addop(c, VM_OP_COPY, 1);
        if (!cg_nameop(c, "__classcell__", VM_AST_OP_Store)) {
            exit_scope(c);
            return false;
        }
    } else {
        cg_load_none(c);
    }
    cg_addop(c, VM_OP_RETURN_VALUE, 0);
    vm_code *co = cg_assemble(c, true);
    exit_scope(c);
    if (!co)
        return false;
    cg_set_loc(c, s);
    cg_addop(c, VM_OP_PUSH_NULL, 0);
    cg_addop(c, VM_OP_LOAD_BUILD_CLASS, 0);
    if (!make_closure(c, co, 0))
        return false;
    cg_load_str(c, s->v.ClassDef.name);
    if (!call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords))
        return false;
    apply_decorators(c, decos);
    cg_set_loc(c, s);
    return cg_nameop(c, s->v.ClassDef.name, VM_AST_OP_Store);
}

typedef enum { COMP_GENEXP, COMP_LISTCOMP, COMP_SETCOMP, COMP_DICTCOMP } comp_type;

static bool comprehension_generator(cg_compiler *c, const vm_ast_seq *generators, size_t gen_index,
                                    int depth, const vm_ast *elt, const vm_ast *val, comp_type type);

static bool comprehension_element(cg_compiler *c, const vm_ast *elt, const vm_ast *val,
                                  comp_type type, int depth)
{
    switch (type) {
    case COMP_GENEXP:
        VISIT(c, elt);
        add_yield(c);
        cg_addop(c, VM_OP_POP_TOP, 0);
        break;
    case COMP_LISTCOMP:
        VISIT(c, elt);
        cg_addop(c, VM_OP_LIST_APPEND, depth + 1);
        break;
    case COMP_SETCOMP:
        VISIT(c, elt);
        cg_addop(c, VM_OP_SET_ADD, depth + 1);
        break;
    case COMP_DICTCOMP:
        VISIT(c, elt);
        VISIT(c, val);
        cg_addop(c, VM_OP_MAP_ADD, depth + 1);
        break;
    }
    return !c->failed;
}

static bool sync_comprehension_generator(cg_compiler *c, const vm_ast_seq *generators,
                                         size_t gen_index, int depth, const vm_ast *elt,
                                         const vm_ast *val, comp_type type)
{
    cg_block *start = cg_new_block(c), *if_cleanup = cg_new_block(c), *anchor = cg_new_block(c);
    const vm_ast *gen = NODE(generators, gen_index);
    if (gen_index == 0) {
        c->u->argcount = 1;     /* the outermost iterator is the implicit argument .0 */
        cg_addop(c, VM_OP_LOAD_FAST, 0);
    } else {
        /* `for y in [f(x)]`: assign once, no loop */
        const vm_ast *it = gen->v.comprehension.iter;
        const vm_ast_seq *elts = it->kind == VM_AST_List    ? it->v.List.elts
                                 : it->kind == VM_AST_Tuple ? it->v.Tuple.elts
                                                            : NULL;
        if (LEN(elts) == 1 && NODE(elts, 0)->kind != VM_AST_Starred) {
            VISIT(c, NODE(elts, 0));
            start = NULL;
        } else {
            VISIT(c, it);
            cg_addop(c, VM_OP_GET_ITER, 0);
        }
    }
    if (start) {
        depth++;
        cg_use_next_block(c, start);
        cg_addop_jump(c, VM_OP_FOR_ITER, anchor);
        next_block(c);
    }
    VISIT(c, gen->v.comprehension.target);
    for (size_t i = 0; i < LEN(gen->v.comprehension.ifs); i++)
        if (!cg_jump_if(c, NODE(gen->v.comprehension.ifs, i), if_cleanup, false))
            return false;
    if (++gen_index < LEN(generators)) {
        if (!comprehension_generator(c, generators, gen_index, depth, elt, val, type))
            return false;
    } else if (!comprehension_element(c, elt, val, type, depth)) {
        return false;
    }
    cg_use_next_block(c, if_cleanup);
    if (start) {
        cg_addop_jump(c, VM_OP_JUMP_ANY, start);
        cg_use_next_block(c, anchor);
    }
    return !c->failed;
}

static bool async_comprehension_generator(cg_compiler *c, const vm_ast_seq *generators,
                                          size_t gen_index, int depth, const vm_ast *elt,
                                          const vm_ast *val, comp_type type)
{
    cg_block *start = cg_new_block(c), *except = cg_new_block(c), *if_cleanup = cg_new_block(c);
    const vm_ast *gen = NODE(generators, gen_index);
    if (gen_index == 0) {
        c->u->argcount = 1;
        cg_addop(c, VM_OP_LOAD_FAST, 0);
    } else {
        VISIT(c, gen->v.comprehension.iter);
        cg_addop(c, VM_OP_GET_AITER, 0);
    }
    cg_use_next_block(c, start);
    if (!push_fblock(c, FB_ASYNC_COMPREHENSION_GENERATOR, start, NULL, NULL))
        return false;
    if (!async_next(c, except))
        return false;
    VISIT(c, gen->v.comprehension.target);
    for (size_t i = 0; i < LEN(gen->v.comprehension.ifs); i++)
        if (!cg_jump_if(c, NODE(gen->v.comprehension.ifs, i), if_cleanup, false))
            return false;
    depth++;
    if (++gen_index < LEN(generators)) {
        if (!comprehension_generator(c, generators, gen_index, depth, elt, val, type))
            return false;
    } else if (!comprehension_element(c, elt, val, type, depth)) {
        return false;
    }
    cg_use_next_block(c, if_cleanup);
    cg_addop_jump(c, VM_OP_JUMP_ANY, start);
    pop_fblock(c);
    cg_use_next_block(c, except);
    cg_addop(c, VM_OP_END_ASYNC_FOR, 0);
    return !c->failed;
}

static bool comprehension_generator(cg_compiler *c, const vm_ast_seq *generators, size_t gen_index,
                                    int depth, const vm_ast *elt, const vm_ast *val, comp_type type)
{
    if (NODE(generators, gen_index)->v.comprehension.is_async)
        return async_comprehension_generator(c, generators, gen_index, depth, elt, val, type);
    return sync_comprehension_generator(c, generators, gen_index, depth, elt, val, type);
}

static bool visit_comprehension(cg_compiler *c, const vm_ast *e)
{
    const vm_ast_seq *generators;
    const vm_ast *elt, *val = NULL;
    const char *name;
    comp_type type;
    switch (e->kind) {
    case VM_AST_GeneratorExp:
        type = COMP_GENEXP, name = "<genexpr>", generators = e->v.GeneratorExp.generators;
        elt = e->v.GeneratorExp.elt;
        break;
    case VM_AST_ListComp:
        type = COMP_LISTCOMP, name = "<listcomp>", generators = e->v.ListComp.generators;
        elt = e->v.ListComp.elt;
        break;
    case VM_AST_SetComp:
        type = COMP_SETCOMP, name = "<setcomp>", generators = e->v.SetComp.generators;
        elt = e->v.SetComp.elt;
        break;
    default:
        type = COMP_DICTCOMP, name = "<dictcomp>", generators = e->v.DictComp.generators;
        elt = e->v.DictComp.key;
        val = e->v.DictComp.value;
        break;
    }
    cg_scope_type outer = c->u->scope_type;
    const vm_ast *outermost = NODE(generators, 0);
    if (!enter_scope(c, name, SCOPE_COMPREHENSION, e, e->lineno))
        return false;
    cg_set_loc(c, e);
    bool is_async_generator = c->u->ste->is_coroutine;
    if (is_async_generator && type != COMP_GENEXP && outer != SCOPE_ASYNC_FUNCTION &&
        outer != SCOPE_COMPREHENSION && !is_top_level_await(c)) {
        cg_error(c, "asynchronous comprehension outside of an asynchronous function");
        exit_scope(c);
        return false;
    }
    if (type != COMP_GENEXP)
        cg_addop(c, type == COMP_LISTCOMP ? VM_OP_BUILD_LIST
                    : type == COMP_SETCOMP ? VM_OP_BUILD_SET
                                           : VM_OP_BUILD_MAP, 0);
    if (!comprehension_generator(c, generators, 0, 0, elt, val, type)) {
        exit_scope(c);
        return false;
    }
    if (type != COMP_GENEXP)
        cg_addop(c, VM_OP_RETURN_VALUE, 0);
    vm_code *co = cg_assemble(c, true);
    exit_scope(c);
    if (!co || !make_closure(c, co, 0))
        return false;
    VISIT(c, outermost->v.comprehension.iter);
    cg_addop(c, outermost->v.comprehension.is_async ? VM_OP_GET_AITER : VM_OP_GET_ITER, 0);
    cg_addop(c, VM_OP_CALL, 0);
    if (is_async_generator && type != COMP_GENEXP)
        return await_top(c, VM_AWAIT_PLAIN);
    return !c->failed;
}

/* ---------------------------------------------------------------------------------------
 * Statements
 */

static bool call_exit_with_nones(cg_compiler *c)
{
    cg_load_none(c);
    cg_load_none(c);
    cg_load_none(c);
    cg_addop(c, VM_OP_CALL, 2);
    return !c->failed;
}

static void pop_except_and_reraise(cg_compiler *c)
{
    cg_addop(c, VM_OP_COPY, 3);
    cg_addop(c, VM_OP_POP_EXCEPT, 0);
    cg_addop(c, VM_OP_RERAISE, 1);
}

static bool visit_return(cg_compiler *c, const vm_ast *s)
{
    const vm_ast *value = s->v.Return.value;
    bool preserve_tos = value && value->kind != VM_AST_Constant;
    if (c->u->ste->type != VM_SYMTABLE_FUNCTION)
        return cg_error(c, "'return' outside function");
    if (value && c->u->ste->is_coroutine && c->u->ste->is_generator)
        return cg_error(c, "'return' with value in async generator");
    if (preserve_tos) {
        VISIT(c, value);
    } else if (value) {
        cg_set_loc(c, value);
        cg_addop(c, VM_OP_NOP, 0);
    }
    if (!value || value->lineno != s->lineno) {
        cg_set_loc(c, s);
        cg_addop(c, VM_OP_NOP, 0);
    }
    if (!unwind_fblock_stack(c, preserve_tos, NULL))
        return false;
    if (!value)
        cg_load_none(c);
    else if (!preserve_tos)
        cg_load_const(c, &value->v.Constant.value);
    /* no new block: as in CPython, a block that returns gets no implicit `return None`,
     * which decides whether None is among the constants */
    cg_addop(c, VM_OP_RETURN_VALUE, 0);
    return !c->failed;
}

static bool visit_break_continue(cg_compiler *c, bool is_break)
{
    cg_fblock *loop = NULL;
    cg_loc saved = c->u->loc;
    cg_addop(c, VM_OP_NOP, 0);
    if (!unwind_fblock_stack(c, false, &loop))
        return false;
    if (!loop) {
        c->u->loc = saved;
        return cg_error(c, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    }
    if (is_break) {
        if (!unwind_fblock(c, loop, false))
            return false;
        cg_addop_jump(c, VM_OP_JUMP_ANY, loop->exit);
    } else {
        cg_addop_jump(c, VM_OP_JUMP_ANY, loop->block);
    }
    return !c->failed;
}

static bool visit_if(cg_compiler *c, const vm_ast *s)
{
    cg_block *end = cg_new_block(c), *next = end;
    if (LEN(s->v.If.orelse))
        next = cg_new_block(c);
    if (!cg_jump_if(c, s->v.If.test, next, false))
        return false;
    VISIT_SEQ(c, s->v.If.body);
    if (LEN(s->v.If.orelse)) {
        addop_jump_noline(c, VM_OP_JUMP_ANY, end);
        cg_use_next_block(c, next);
        VISIT_SEQ(c, s->v.If.orelse);
    }
    cg_use_next_block(c, end);
    return !c->failed;
}

static bool visit_for(cg_compiler *c, const vm_ast *s)
{
    cg_block *start = cg_new_block(c), *body = cg_new_block(c), *cleanup = cg_new_block(c),
             *end = cg_new_block(c);
    if (!push_fblock(c, FB_FOR_LOOP, start, end, NULL))
        return false;
    VISIT(c, s->v.For.iter);
    cg_addop(c, VM_OP_GET_ITER, 0);
    cg_use_next_block(c, start);
    cg_addop_jump(c, VM_OP_FOR_ITER, cleanup);
    cg_use_next_block(c, body);
    VISIT(c, s->v.For.target);
    VISIT_SEQ(c, s->v.For.body);
    unset_loc(c);
    cg_addop_jump(c, VM_OP_JUMP_ANY, start);
    cg_use_next_block(c, cleanup);
    pop_fblock(c);
    VISIT_SEQ(c, s->v.For.orelse);
    cg_use_next_block(c, end);
    return !c->failed;
}

static bool visit_async_for(cg_compiler *c, const vm_ast *s)
{
    if (is_top_level_await(c))
        c->u->ste->is_coroutine = true;
    else if (c->u->scope_type != SCOPE_ASYNC_FUNCTION)
        return cg_error(c, "'async for' outside async function");
    cg_block *start = cg_new_block(c), *except = cg_new_block(c), *end = cg_new_block(c);
    VISIT(c, s->v.AsyncFor.iter);
    cg_addop(c, VM_OP_GET_AITER, 0);
    cg_use_next_block(c, start);
    if (!push_fblock(c, FB_FOR_LOOP, start, end, NULL))
        return false;
    if (!async_next(c, except))
        return false;
    VISIT(c, s->v.AsyncFor.target);
    VISIT_SEQ(c, s->v.AsyncFor.body);
    unset_loc(c);
    cg_addop_jump(c, VM_OP_JUMP_ANY, start);
    pop_fblock(c);
    cg_use_next_block(c, except);
    cg_set_loc(c, s->v.AsyncFor.iter);
    cg_addop(c, VM_OP_END_ASYNC_FOR, 0);
    VISIT_SEQ(c, s->v.AsyncFor.orelse);
    cg_use_next_block(c, end);
    return !c->failed;
}

static bool visit_while(cg_compiler *c, const vm_ast *s)
{
    cg_block *loop = cg_new_block(c), *body = cg_new_block(c), *anchor = cg_new_block(c),
             *exit = cg_new_block(c);
    cg_use_next_block(c, loop);
    if (!push_fblock(c, FB_WHILE_LOOP, loop, exit, NULL))
        return false;
    if (!cg_jump_if(c, s->v.While.test, anchor, false))
        return false;
    cg_use_next_block(c, body);
    VISIT_SEQ(c, s->v.While.body);
    cg_set_loc(c, s);
    /* back to the test: unconditional, so that it is a safe point */
    cg_addop_jump(c, VM_OP_JUMP_ANY, loop);
    pop_fblock(c);
    cg_use_next_block(c, anchor);
    VISIT_SEQ(c, s->v.While.orelse);
    cg_use_next_block(c, exit);
    return !c->failed;
}

static bool visit_try_except(cg_compiler *c, const vm_ast *s)
{
    const vm_ast_seq *body = s->v.Try.body, *handlers = s->v.Try.handlers, *orelse = s->v.Try.orelse;
    cg_block *bodyb = cg_new_block(c), *except = cg_new_block(c), *end = cg_new_block(c),
             *cleanup = cg_new_block(c);
    cg_addop_jump(c, VM_OP_SETUP_FINALLY, except);
    cg_use_next_block(c, bodyb);
    if (!push_fblock(c, FB_TRY_EXCEPT, bodyb, NULL, NULL))
        return false;
    VISIT_SEQ(c, body);
    pop_fblock(c);
    addop_noline(c, VM_OP_POP_BLOCK, 0);
    VISIT_SEQ(c, orelse);
    addop_jump_noline(c, VM_OP_JUMP_ANY, end);
    size_t n = LEN(handlers);
    cg_use_next_block(c, except);
    unset_loc(c);
    cg_addop_jump(c, VM_OP_SETUP_CLEANUP, cleanup);
    cg_addop(c, VM_OP_PUSH_EXC_INFO, 0);
    if (!push_fblock(c, FB_EXCEPTION_HANDLER, NULL, NULL, NULL))
        return false;
    for (size_t i = 0; i < n; i++) {
        const vm_ast *h = NODE(handlers, i);
        cg_set_loc(c, h);
        if (!h->v.ExceptHandler.type && i < n - 1)
            return cg_error(c, "default 'except:' must be last");
        except = cg_new_block(c);
        if (h->v.ExceptHandler.type) {
            VISIT(c, h->v.ExceptHandler.type);
            cg_addop(c, VM_OP_CHECK_EXC_MATCH, 0);
            cg_addop_jump(c, VM_OP_POP_JUMP_IF_FALSE, except);
            next_block(c);
        }
        const char *name = h->v.ExceptHandler.name;
        if (name) {
            cg_block *cleanup_end = cg_new_block(c), *cleanup_body = cg_new_block(c);
            if (!cg_nameop(c, name, VM_AST_OP_Store))
                return false;
            cg_addop_jump(c, VM_OP_SETUP_CLEANUP, cleanup_end);
            cg_use_next_block(c, cleanup_body);
            if (!push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, name))
                return false;
            VISIT_SEQ(c, h->v.ExceptHandler.body);
            pop_fblock(c);
            unset_loc(c);
            cg_addop(c, VM_OP_POP_BLOCK, 0);
            cg_addop(c, VM_OP_POP_BLOCK, 0);
            cg_addop(c, VM_OP_POP_EXCEPT, 0);
            cg_load_none(c);
            if (!cg_nameop(c, name, VM_AST_OP_Store) || !cg_nameop(c, name, VM_AST_OP_Del))
                return false;
            cg_addop_jump(c, VM_OP_JUMP_ANY, end);
            cg_use_next_block(c, cleanup_end);
            unset_loc(c);
            cg_load_none(c);
            if (!cg_nameop(c, name, VM_AST_OP_Store) || !cg_nameop(c, name, VM_AST_OP_Del))
                return false;
            cg_addop(c, VM_OP_RERAISE, 1);
        } else {
            cg_block *cleanup_body = cg_new_block(c);
            cg_addop(c, VM_OP_POP_TOP, 0);
            cg_use_next_block(c, cleanup_body);
            if (!push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL))
                return false;
            VISIT_SEQ(c, h->v.ExceptHandler.body);
            pop_fblock(c);
            unset_loc(c);
            cg_addop(c, VM_OP_POP_BLOCK, 0);
            cg_addop(c, VM_OP_POP_EXCEPT, 0);
            cg_addop_jump(c, VM_OP_JUMP_ANY, end);
        }
        cg_use_next_block(c, except);
    }
    unset_loc(c);
    pop_fblock(c);
    cg_addop(c, VM_OP_RERAISE, 0);
    cg_use_next_block(c, cleanup);
    pop_except_and_reraise(c);
    cg_use_next_block(c, end);
    return !c->failed;
}

static bool visit_try_star_except(cg_compiler *c, const vm_ast *s)
{
    const vm_ast_seq *handlers = s->v.TryStar.handlers;
    cg_block *body = cg_new_block(c), *except = cg_new_block(c), *orelse = cg_new_block(c),
             *end = cg_new_block(c), *cleanup = cg_new_block(c), *reraise_star = cg_new_block(c);
    cg_addop_jump(c, VM_OP_SETUP_FINALLY, except);
    cg_use_next_block(c, body);
    if (!push_fblock(c, FB_TRY_EXCEPT, body, NULL, NULL))
        return false;
    VISIT_SEQ(c, s->v.TryStar.body);
    pop_fblock(c);
    addop_noline(c, VM_OP_POP_BLOCK, 0);
    addop_jump_noline(c, VM_OP_JUMP_ANY, orelse);
    size_t n = LEN(handlers);
    cg_use_next_block(c, except);
    unset_loc(c);
    cg_addop_jump(c, VM_OP_SETUP_CLEANUP, cleanup);
    cg_addop(c, VM_OP_PUSH_EXC_INFO, 0);
    if (!push_fblock(c, FB_EXCEPTION_GROUP_HANDLER, NULL, NULL, "except handler"))
        return false;
    for (size_t i = 0; i < n; i++) {
        const vm_ast *h = NODE(handlers, i);
        cg_set_loc(c, h);
        except = cg_new_block(c);
        cg_block *except_with_error = cg_new_block(c), *no_match = cg_new_block(c);
        if (i == 0) {
            cg_addop(c, VM_OP_COPY, 1);         /* [orig, exc] */
            cg_addop(c, VM_OP_BUILD_LIST, 0);   /* [orig, exc, []] */
            cg_addop(c, VM_OP_SWAP, 2);         /* [orig, [], exc] */
        }
        if (h->v.ExceptHandler.type) {
            VISIT(c, h->v.ExceptHandler.type);
            cg_addop(c, VM_OP_CHECK_EG_MATCH, 0);
            cg_addop(c, VM_OP_COPY, 1);
            cg_addop_jump(c, VM_OP_POP_JUMP_IF_NONE, no_match);
            next_block(c);
        }
        cg_block *cleanup_end = cg_new_block(c), *cleanup_body = cg_new_block(c);
        const char *name = h->v.ExceptHandler.name;
        if (name) {
            if (!cg_nameop(c, name, VM_AST_OP_Store))
                return false;
        } else {
            cg_addop(c, VM_OP_POP_TOP, 0);
        }
        cg_addop_jump(c, VM_OP_SETUP_CLEANUP, cleanup_end);
        cg_use_next_block(c, cleanup_body);
        if (!push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, name))
            return false;
        VISIT_SEQ(c, h->v.ExceptHandler.body);
        pop_fblock(c);
        cg_addop(c, VM_OP_POP_BLOCK, 0);
        if (name) {
            cg_load_none(c);
            if (!cg_nameop(c, name, VM_AST_OP_Store) || !cg_nameop(c, name, VM_AST_OP_Del))
                return false;
        }
        cg_addop_jump(c, VM_OP_JUMP_ANY, except);
        cg_use_next_block(c, cleanup_end);
        if (name) {
            cg_load_none(c);
            if (!cg_nameop(c, name, VM_AST_OP_Store) || !cg_nameop(c, name, VM_AST_OP_Del))
                return false;
        }
        cg_addop(c, VM_OP_LIST_APPEND, 3);      /* the exception raised, to the list */
        cg_addop(c, VM_OP_POP_TOP, 0);          /* lasti */
        cg_addop_jump(c, VM_OP_JUMP_ANY, except_with_error);
        cg_use_next_block(c, except);
        cg_addop(c, VM_OP_NOP, 0);
        cg_addop_jump(c, VM_OP_JUMP_ANY, except_with_error);
        cg_use_next_block(c, no_match);
        cg_addop(c, VM_OP_POP_TOP, 0);          /* match (None) */
        cg_use_next_block(c, except_with_error);
        if (i == n - 1) {
            cg_addop(c, VM_OP_LIST_APPEND, 1);  /* the unhandled rest of the group */
            cg_addop_jump(c, VM_OP_JUMP_ANY, reraise_star);
        }
    }
    unset_loc(c);
    pop_fblock(c);
    cg_block *reraise = cg_new_block(c);
    cg_use_next_block(c, reraise_star);
    cg_addop(c, VM_OP_PREP_RERAISE_STAR, 0);
    cg_addop(c, VM_OP_COPY, 1);
    cg_addop_jump(c, VM_OP_POP_JUMP_IF_NOT_NONE, reraise);
    next_block(c);
    cg_addop(c, VM_OP_POP_TOP, 0);
    cg_addop(c, VM_OP_POP_BLOCK, 0);
    cg_addop(c, VM_OP_POP_EXCEPT, 0);
    cg_addop_jump(c, VM_OP_JUMP_ANY, end);
    cg_use_next_block(c, reraise);
    cg_addop(c, VM_OP_POP_BLOCK, 0);
    cg_addop(c, VM_OP_SWAP, 2);
    cg_addop(c, VM_OP_POP_EXCEPT, 0);
    cg_addop(c, VM_OP_RERAISE, 0);
    cg_use_next_block(c, cleanup);
    pop_except_and_reraise(c);
    cg_use_next_block(c, orelse);
    VISIT_SEQ(c, s->v.TryStar.orelse);
    cg_use_next_block(c, end);
    return !c->failed;
}

/* try ... finally (with or without handlers, star or not). */
static bool visit_try_finally(cg_compiler *c, const vm_ast *s, bool star)
{
    const vm_ast_seq *finalbody = star ? s->v.TryStar.finalbody : s->v.Try.finalbody;
    const vm_ast_seq *handlers = star ? s->v.TryStar.handlers : s->v.Try.handlers;
    cg_block *body = cg_new_block(c), *end = cg_new_block(c), *exit = cg_new_block(c),
             *cleanup = cg_new_block(c);
    cg_addop_jump(c, VM_OP_SETUP_FINALLY, end);
    cg_use_next_block(c, body);
    if (!push_fblock(c, FB_FINALLY_TRY, body, end, finalbody))
        return false;
    if (LEN(handlers)) {
        if (!(star ? visit_try_star_except(c, s) : visit_try_except(c, s)))
            return false;
    } else {
        VISIT_SEQ(c, star ? s->v.TryStar.body : s->v.Try.body);
    }
    addop_noline(c, VM_OP_POP_BLOCK, 0);
    pop_fblock(c);
    VISIT_SEQ(c, finalbody);
    addop_jump_noline(c, VM_OP_JUMP_ANY, exit);
    cg_use_next_block(c, end);
    unset_loc(c);
    cg_addop_jump(c, VM_OP_SETUP_CLEANUP, cleanup);
    cg_addop(c, VM_OP_PUSH_EXC_INFO, 0);
    if (!push_fblock(c, FB_FINALLY_END, end, NULL, NULL))
        return false;
    VISIT_SEQ(c, finalbody);
    pop_fblock(c);
    cg_addop(c, VM_OP_RERAISE, 0);
    cg_use_next_block(c, cleanup);
    pop_except_and_reraise(c);
    cg_use_next_block(c, exit);
    return !c->failed;
}

static bool with_except_finish(cg_compiler *c, cg_block *cleanup)
{
    cg_block *exit = cg_new_block(c);
    cg_addop_jump(c, VM_OP_POP_JUMP_IF_TRUE, exit);
    next_block(c);
    cg_addop(c, VM_OP_RERAISE, 2);
    cg_use_next_block(c, cleanup);
    pop_except_and_reraise(c);
    cg_use_next_block(c, exit);
    cg_addop(c, VM_OP_POP_TOP, 0);      /* exc_value */
    cg_addop(c, VM_OP_POP_BLOCK, 0);
    cg_addop(c, VM_OP_POP_EXCEPT, 0);
    cg_addop(c, VM_OP_POP_TOP, 0);
    cg_addop(c, VM_OP_POP_TOP, 0);
    return !c->failed;
}

static bool visit_with(cg_compiler *c, const vm_ast *s, size_t pos, bool is_async)
{
    const vm_ast_seq *items = is_async ? s->v.AsyncWith.items : s->v.With.items;
    const vm_ast_seq *body = is_async ? s->v.AsyncWith.body : s->v.With.body;
    if (is_async) {
        if (is_top_level_await(c))
            c->u->ste->is_coroutine = true;
        else if (c->u->scope_type != SCOPE_ASYNC_FUNCTION)
            return cg_error(c, "'async with' outside async function");
    }
    const vm_ast *item = NODE(items, pos);
    cg_block *block = cg_new_block(c), *final = cg_new_block(c), *exit = cg_new_block(c),
             *cleanup = cg_new_block(c);
    VISIT(c, item->v.withitem.context_expr);
    if (is_async) {
        cg_addop(c, VM_OP_BEFORE_ASYNC_WITH, 0);
        if (!await_top(c, VM_AWAIT_AENTER))
            return false;
    } else {
        cg_addop(c, VM_OP_BEFORE_WITH, 0);
    }
    cg_addop_jump(c, VM_OP_SETUP_WITH, final);
    cg_use_next_block(c, block);
    if (!push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, block, final, s))
        return false;
    if (item->v.withitem.optional_vars)
        VISIT(c, item->v.withitem.optional_vars);
    else
        cg_addop(c, VM_OP_POP_TOP, 0);
    pos++;
    if (pos == LEN(items)) {
        VISIT_SEQ(c, body);
    } else if (!visit_with(c, s, pos, is_async)) {
        return false;
    }
    pop_fblock(c);
    unset_loc(c);
    cg_addop(c, VM_OP_POP_BLOCK, 0);
    /* normal exit: __exit__(None, None, None) */
    cg_set_loc(c, s);
    if (!call_exit_with_nones(c))
        return false;
    if (is_async) {
        if (!await_top(c, VM_AWAIT_AEXIT))
            return false;
    }
    cg_addop(c, VM_OP_POP_TOP, 0);
    cg_addop_jump(c, VM_OP_JUMP_ANY, exit);
    /* exceptional exit */
    cg_use_next_block(c, final);
    cg_addop_jump(c, VM_OP_SETUP_CLEANUP, cleanup);
    cg_addop(c, VM_OP_PUSH_EXC_INFO, 0);
    cg_addop(c, VM_OP_WITH_EXCEPT_START, 0);
    if (is_async) {
        if (!await_top(c, VM_AWAIT_AEXIT))
            return false;
    }
    if (!with_except_finish(c, cleanup))
        return false;
    cg_use_next_block(c, exit);
    return !c->failed;
}

static bool import_as(cg_compiler *c, const char *name, const char *asname)
{
    const char *dot = strchr(name, '.');
    if (dot) {
        for (;;) {
            const char *pos = dot + 1;
            dot = strchr(pos, '.');
            size_t len = dot ? (size_t)(dot - pos) : strlen(pos);
            cg_addop(c, VM_OP_IMPORT_FROM, cg_add_name(c, vm_arena_strndup(c->arena, pos, len)));
            if (!dot)
                break;
            cg_addop(c, VM_OP_SWAP, 2);
            cg_addop(c, VM_OP_POP_TOP, 0);
        }
        if (!cg_nameop(c, asname, VM_AST_OP_Store))
            return false;
        cg_addop(c, VM_OP_POP_TOP, 0);
        return !c->failed;
    }
    return cg_nameop(c, asname, VM_AST_OP_Store);
}

static bool visit_import(cg_compiler *c, const vm_ast *s)
{
    for (size_t i = 0; i < LEN(s->v.Import.names); i++) {
        const vm_ast *alias = NODE(s->v.Import.names, i);
        vm_ast_const zero = int_const(0);
        cg_load_const(c, &zero);
        cg_load_none(c);
        cg_addop_name(c, VM_OP_IMPORT_NAME, alias->v.alias.name);
        if (alias->v.alias.asname) {
            if (!import_as(c, alias->v.alias.name, alias->v.alias.asname))
                return false;
        } else {
            const char *name = alias->v.alias.name, *dot = strchr(name, '.');
            const char *store = dot ? vm_arena_strndup(c->arena, name, (size_t)(dot - name)) : name;
            if (!cg_nameop(c, store, VM_AST_OP_Store))
                return false;
        }
    }
    return !c->failed;
}

static bool visit_import_from(cg_compiler *c, const vm_ast *s)
{
    const vm_ast_seq *names = s->v.ImportFrom.names;
    if (s->lineno > c->future_lineno && s->v.ImportFrom.module &&
        !strcmp(s->v.ImportFrom.module, "__future__"))
        return cg_error(c, "from __future__ imports must occur at the beginning of the file");
    size_t n = LEN(names);
    vm_ast_const level = int_const(s->v.ImportFrom.level);
    cg_load_const(c, &level);
    const char **strs = vm_arena_alloc(c->arena, (n ? n : 1) * sizeof *strs);
    for (size_t i = 0; i < n; i++)
        strs[i] = NODE(names, i)->v.alias.name;
    vm_ast_const t = str_tuple(c, strs, n);
    cg_load_const(c, &t);
    cg_addop_name(c, VM_OP_IMPORT_NAME, s->v.ImportFrom.module ? s->v.ImportFrom.module : "");
    for (size_t i = 0; i < n; i++) {
        const vm_ast *alias = NODE(names, i);
        if (i == 0 && !strcmp(alias->v.alias.name, "*")) {
            cg_addop(c, VM_OP_IMPORT_STAR, 0);
            return !c->failed;
        }
        cg_addop_name(c, VM_OP_IMPORT_FROM, alias->v.alias.name);
        const char *store = alias->v.alias.asname ? alias->v.alias.asname : alias->v.alias.name;
        if (!cg_nameop(c, store, VM_AST_OP_Store))
            return false;
    }
    cg_addop(c, VM_OP_POP_TOP, 0);
    return !c->failed;
}

static bool visit_assert(cg_compiler *c, const vm_ast *s)
{
    /* CPython warns "assertion is always true" for a non-empty tuple: stmpy has no
     * compile-time warnings yet */
    if (c->optimize)
        return true;
    cg_block *end = cg_new_block(c);
    if (!cg_jump_if(c, s->v.Assert.test, end, true))
        return false;
    cg_addop(c, VM_OP_LOAD_ASSERTION_ERROR, 0);
    if (s->v.Assert.msg) {
        VISIT(c, s->v.Assert.msg);
        cg_addop(c, VM_OP_CALL, 0);
    }
    cg_addop(c, VM_OP_RAISE_VARARGS, 1);
    cg_use_next_block(c, end);
    return !c->failed;
}

static bool check_ann_expr(cg_compiler *c, const vm_ast *e)
{
    VISIT(c, e);
    cg_addop(c, VM_OP_POP_TOP, 0);
    return !c->failed;
}

static bool check_ann_subscr(cg_compiler *c, const vm_ast *e)
{
    if (e->kind == VM_AST_Slice) {
        return (!e->v.Slice.lower || check_ann_expr(c, e->v.Slice.lower)) &&
               (!e->v.Slice.upper || check_ann_expr(c, e->v.Slice.upper)) &&
               (!e->v.Slice.step || check_ann_expr(c, e->v.Slice.step));
    }
    if (e->kind == VM_AST_Tuple) {
        for (size_t i = 0; i < LEN(e->v.Tuple.elts); i++)
            if (!check_ann_subscr(c, NODE(e->v.Tuple.elts, i)))
                return false;
        return true;
    }
    return check_ann_expr(c, e);
}

static bool visit_annassign(cg_compiler *c, const vm_ast *s)
{
    const vm_ast *targ = s->v.AnnAssign.target, *value = s->v.AnnAssign.value;
    if (value) {
        VISIT(c, value);
        VISIT(c, targ);
    }
    switch (targ->kind) {
    case VM_AST_Name:
        if (forbidden_name(c, targ->v.Name.id, VM_AST_OP_Store))
            return false;
        if (s->v.AnnAssign.simple &&
            (c->u->scope_type == SCOPE_MODULE || c->u->scope_type == SCOPE_CLASS)) {
            if (!visit_annexpr(c, s->v.AnnAssign.annotation))
                return false;
            cg_addop(c, VM_OP_LOAD_NAME, cg_add_name(c, "__annotations__"));
            cg_load_str(c, cg_mangle(c, targ->v.Name.id));
            cg_addop(c, VM_OP_STORE_SUBSCR, 0);
        }
        break;
    case VM_AST_Attribute:
        if (forbidden_name(c, targ->v.Attribute.attr, VM_AST_OP_Store))
            return false;
        if (!value && !check_ann_expr(c, targ->v.Attribute.value))
            return false;
        break;
    case VM_AST_Subscript:
        if (!value && (!check_ann_expr(c, targ->v.Subscript.value) ||
                       !check_ann_subscr(c, targ->v.Subscript.slice)))
            return false;
        break;
    default:
        return cg_error(c, "invalid node type for annotated assignment (internal error)");
    }
    if (!s->v.AnnAssign.simple && !(c->future_flags & VM_CO_FUTURE_ANNOTATIONS) &&
        (c->u->scope_type == SCOPE_MODULE || c->u->scope_type == SCOPE_CLASS))
        return check_ann_expr(c, s->v.AnnAssign.annotation);
    return !c->failed;
}

static bool visit_augassign(cg_compiler *c, const vm_ast *s)
{
    const vm_ast *e = s->v.AugAssign.target;
    cg_loc saved = c->u->loc;
    cg_set_loc(c, e);
    switch (e->kind) {
    case VM_AST_Attribute:
        VISIT(c, e->v.Attribute.value);
        cg_addop(c, VM_OP_COPY, 1);
        loc_to_attr(c, e);
        cg_addop_name(c, VM_OP_LOAD_ATTR, e->v.Attribute.attr);
        break;
    case VM_AST_Subscript:
        VISIT(c, e->v.Subscript.value);
        VISIT(c, e->v.Subscript.slice);
        cg_addop(c, VM_OP_COPY, 2);
        cg_addop(c, VM_OP_COPY, 2);
        cg_addop(c, VM_OP_BINARY_SUBSCR, 0);
        break;
    case VM_AST_Name:
        if (!cg_nameop(c, e->v.Name.id, VM_AST_OP_Load))
            return false;
        break;
    default:
        return cg_error(c, "invalid node type for augmented assignment (internal error)");
    }
    c->u->loc = saved;
    VISIT(c, s->v.AugAssign.value);
    static const int nb[] = {
        [VM_AST_OP_Add] = VM_NB_ADD, [VM_AST_OP_Sub] = VM_NB_SUBTRACT,
        [VM_AST_OP_Mult] = VM_NB_MULTIPLY, [VM_AST_OP_MatMult] = VM_NB_MATRIX_MULTIPLY,
        [VM_AST_OP_Div] = VM_NB_TRUE_DIVIDE, [VM_AST_OP_Mod] = VM_NB_REMAINDER,
        [VM_AST_OP_Pow] = VM_NB_POWER, [VM_AST_OP_LShift] = VM_NB_LSHIFT,
        [VM_AST_OP_RShift] = VM_NB_RSHIFT, [VM_AST_OP_BitOr] = VM_NB_OR,
        [VM_AST_OP_BitXor] = VM_NB_XOR, [VM_AST_OP_BitAnd] = VM_NB_AND,
        [VM_AST_OP_FloorDiv] = VM_NB_FLOOR_DIVIDE};
    cg_addop(c, VM_OP_BINARY_OP, nb[s->v.AugAssign.op] + VM_NB_INPLACE);
    cg_set_loc(c, e);
    switch (e->kind) {
    case VM_AST_Attribute:
        loc_to_attr(c, e);
        cg_addop(c, VM_OP_SWAP, 2);
        cg_addop_name(c, VM_OP_STORE_ATTR, e->v.Attribute.attr);
        break;
    case VM_AST_Subscript:
        cg_addop(c, VM_OP_SWAP, 3);
        cg_addop(c, VM_OP_SWAP, 2);
        cg_addop(c, VM_OP_STORE_SUBSCR, 0);
        break;
    default:
        return cg_nameop(c, e->v.Name.id, VM_AST_OP_Store);
    }
    return !c->failed;
}

static bool visit_stmt_expr(cg_compiler *c, const vm_ast *value)
{
    if (c->interactive && c->nestlevel <= 1) {
        VISIT(c, value);
        cg_addop(c, VM_OP_PRINT_EXPR, 0);
        return !c->failed;
    }
    if (value->kind == VM_AST_Constant) {
        cg_addop(c, VM_OP_NOP, 0);   /* a constant statement: nothing but its line */
        return !c->failed;
    }
    VISIT(c, value);
    unset_loc(c);
    cg_addop(c, VM_OP_POP_TOP, 0);
    return !c->failed;
}

static bool visit_stmt(cg_compiler *c, const vm_ast *s)
{
    if (c->failed)
        return false;
    cg_set_loc(c, s);
    switch (s->kind) {
    case VM_AST_FunctionDef: return visit_function(c, s, false);
    case VM_AST_AsyncFunctionDef: return visit_function(c, s, true);
    case VM_AST_ClassDef: return visit_class(c, s);
    case VM_AST_Return: return visit_return(c, s);
    case VM_AST_Delete:
        for (size_t i = 0; i < LEN(s->v.Delete.targets); i++)
            VISIT(c, NODE(s->v.Delete.targets, i));
        return true;
    case VM_AST_Assign: {
        size_t n = LEN(s->v.Assign.targets);
        VISIT(c, s->v.Assign.value);
        for (size_t i = 0; i < n; i++) {
            if (i < n - 1)
                cg_addop(c, VM_OP_COPY, 1);
            VISIT(c, NODE(s->v.Assign.targets, i));
        }
        return true;
    }
    case VM_AST_AugAssign: return visit_augassign(c, s);
    case VM_AST_AnnAssign: return visit_annassign(c, s);
    case VM_AST_For: return visit_for(c, s);
    case VM_AST_AsyncFor: return visit_async_for(c, s);
    case VM_AST_While: return visit_while(c, s);
    case VM_AST_If: return visit_if(c, s);
    case VM_AST_With: return visit_with(c, s, 0, false);
    case VM_AST_AsyncWith: return visit_with(c, s, 0, true);
    case VM_AST_Match: return cg_match(c, s);
    case VM_AST_Raise: {
        int n = 0;
        if (s->v.Raise.exc) {
            VISIT(c, s->v.Raise.exc);
            n++;
            if (s->v.Raise.cause) {
                VISIT(c, s->v.Raise.cause);
                n++;
            }
        }
        cg_addop(c, VM_OP_RAISE_VARARGS, n);
        next_block(c);
        return !c->failed;
    }
    case VM_AST_Try:
        return LEN(s->v.Try.finalbody) ? visit_try_finally(c, s, false) : visit_try_except(c, s);
    case VM_AST_TryStar:
        return LEN(s->v.TryStar.finalbody) ? visit_try_finally(c, s, true)
                                           : visit_try_star_except(c, s);
    case VM_AST_Assert: return visit_assert(c, s);
    case VM_AST_Import: return visit_import(c, s);
    case VM_AST_ImportFrom: return visit_import_from(c, s);
    case VM_AST_Global:
    case VM_AST_Nonlocal:
        return true;
    case VM_AST_Expr: return visit_stmt_expr(c, s->v.Expr.value);
    case VM_AST_Pass:
        cg_addop(c, VM_OP_NOP, 0);
        return !c->failed;
    case VM_AST_Break: return visit_break_continue(c, true);
    case VM_AST_Continue: return visit_break_continue(c, false);
    default:
        return cg_error(c, "unexpected statement node (internal error)");
    }
}

bool cg_visit_stmts(cg_compiler *c, const vm_ast_seq *body)
{
    for (size_t i = 0; i < LEN(body); i++)
        if (!visit_stmt(c, NODE(body, i)))
            return false;
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Entry points
 */

static vm_code *compile_mod(cg_compiler *c, const vm_ast *mod)
{
    if (!enter_scope(c, "<module>", SCOPE_MODULE, mod, 1))
        return NULL;
    bool ok = true, add_none = true;
    switch (mod->kind) {
    case VM_AST_Module:
        ok = visit_body(c, mod->v.Module.body);
        break;
    case VM_AST_Interactive:
        c->interactive = true;
        if (find_ann(mod->v.Interactive.body))
            cg_addop(c, VM_OP_SETUP_ANNOTATIONS, 0);
        ok = cg_visit_stmts(c, mod->v.Interactive.body);
        break;
    case VM_AST_Expression:
        ok = cg_visit_expr(c, mod->v.Expression.body);
        if (ok)
            cg_addop(c, VM_OP_RETURN_VALUE, 0);
        add_none = false;
        break;
    default:
        ok = cg_error(c, "compile() cannot compile this kind of module");
    }
    vm_code *co = ok && !c->failed ? cg_assemble(c, add_none) : NULL;
    exit_scope(c);
    return co;
}

vm_code *vm_compile_ast(vm_arena *arena, vm_ast *mod, const char *filename, const char *source,
                        size_t source_len, const vm_compile_options *opts, vm_syntax_error *err)
{
    vm_compile_options defaults = {0};
    if (!opts)
        opts = &defaults;
    /* CPython: future features, the optimiser, then the symbol table, then code */
    vm_symtable *st = vm_symtable_build(arena, mod, filename, source, source_len, err);
    if (!st)
        return NULL;
    const char *why = NULL;
    if (!vm_ast_optimize(arena, mod, opts->optimize, st->future_annotations, &why)) {
        /* CPython raises RecursionError here; stmpy's front end reports errors as
         * SyntaxError until the interpreter's exceptions exist */
        cg_compiler fail = {.filename = filename, .err = err};
        cg_error(&fail, "%s", why ? why : "maximum recursion depth exceeded during compilation");
        return NULL;
    }
    vm_arena *out = malloc(sizeof *out);
    if (!out)
        abort();
    vm_arena_init(out);
    cg_compiler c = {
        .arena = arena, .out = out, .st = st, .filename = filename, .source = source,
        .source_len = source_len, .err = err, .optimize = opts->optimize,
        .future_flags = opts->flags | (st->future_annotations ? VM_CO_FUTURE_ANNOTATIONS : 0),
        .interactive = opts->interactive, .future_lineno = st->future_lineno,
    };
    vm_code *co = compile_mod(&c, mod);
    if (!co) {
        vm_arena_free(out);
        free(out);
        return NULL;
    }
    co->arena = out;
    return co;
}

vm_code *vm_compile_file(const char *data, size_t len, const char *filename, vm_parse_mode mode,
                         const vm_compile_options *opts, vm_syntax_error *err)
{
    vm_arena arena;
    vm_arena_init(&arena);
    vm_code *co = NULL;
    vm_ast *mod = vm_parse_file(&arena, data, len, filename, mode, err);
    if (mod)
        co = vm_compile_ast(&arena, mod, filename, data, len, opts, err);
    vm_arena_free(&arena);
    return co;
}

/* vm/symtable.c — symbol tables with CPython 3.11's scoping rules (see vm/symtable.h).
 *
 * How names are resolved
 * ----------------------
 * Two passes, as in CPython, because whether a name is local, free or a cell depends on
 * code that comes after its use (`def f(): g = lambda: x; x = 1` makes x a cell of f).
 *
 * Pass 1 (visit_*) walks the AST in CPython's order and, for each scope, records what the
 * scope itself does with each name: binds it (DEF_LOCAL: assignment, del, for/with/except
 * targets, def, class, match captures; DEF_PARAM; DEF_IMPORT), reads it (USE), declares it
 * (DEF_GLOBAL, DEF_NONLOCAL), annotates it (DEF_ANNOT).  Names are mangled first inside
 * a class (`__x` -> `_C__x`), also in its methods.  The order of visits is CPython's, and
 * it matters: it is the order of child scopes, the order of parameters, and which error
 * is reported first.  The errors that depend only on one scope's own statements are
 * raised here (global after use, duplicate argument, import * in a function...).
 * Comprehensions: the first iterable is evaluated in the enclosing scope (it is the
 * argument `.0` of the comprehension's function), everything else inside the new scope.
 * A walrus inside a comprehension binds in the nearest enclosing function or module: the
 * comprehension gets DEF_NONLOCAL (DEF_GLOBAL at module level or when the function
 * declared it global) and the target scope DEF_LOCAL (module: DEF_GLOBAL).
 *
 * Pass 2 (analyze_block) resolves every name top-down with three sets handed to each
 * child: `bound` (names bound by enclosing function scopes: a free variable can only
 * refer to those), `global` (names declared global above: an unbound name found there is
 * an implicit global), and, coming back up, `free` (names the children need from outside
 * themselves).  In a scope:
 *   declared global            -> GLOBAL_EXPLICIT (and hidden from `bound` below)
 *   declared nonlocal          -> FREE; error unless some enclosing function binds it
 *   bound here                 -> LOCAL, or CELL when a child needs it (decided after
 *                                 the children are analysed)
 *   bound in an enclosing fn   -> FREE
 *   otherwise                  -> GLOBAL_IMPLICIT
 * A class scope is transparent to its children: its own bindings are not in the `bound`
 * its methods see (methods see the class's enclosing functions), its `global`
 * declarations do not reach them, and it adds only the implicit `__class__` cell that
 * super() and `__class__` in a method refer to.  A free name of a child that the scope
 * does not have is added to the scope as FREE (flags 0), so that it is passed down
 * through the closure chain; a class that binds it too marks it DEF_FREE_CLASS.
 *
 * Names are interned per table so that symbol lookups and the analysis sets compare
 * pointers.  Everything except the analysis sets lives in the caller's arena. */
#include "vm/symtable.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct vm_symtable_directive {
    const char *name;           /* mangled, interned */
    int lineno, col_offset, end_lineno, end_col_offset;
    struct vm_symtable_directive *next;     /* newest first */
} directive;

typedef vm_symtable_scope scope;
typedef vm_symtable_symbol symbol;

typedef struct builder {
    vm_symtable *st;
    vm_arena *arena;
    scope *cur;
    scope *module;
    const char *private_name;   /* CPython's st_private: the innermost class's name */
    const char *filename;
    const char *source;
    size_t source_len;
    vm_syntax_error *err;
    bool failed;
    const char *class_name;     /* interned "__class__" */
} builder;

/* ---------------------------------------------------------------------------------------
 * Errors
 */

/* SyntaxError at a node's position.  CPython's symtable reports columns as byte offsets
 * plus one (it does not convert to characters, unlike the parser), so neither do we. */
static void __attribute__((format(printf, 6, 7)))
fail_at(builder *b, int lineno, int col_offset, int end_lineno, int end_col_offset,
        const char *fmt, ...)
{
    b->failed = true;
    va_list ap;
    va_start(ap, fmt);
    vm_syntax_error_vset_bytes(b->err, b->filename, b->source, b->source_len, lineno, col_offset,
                               end_lineno, end_col_offset, fmt, ap);
    va_end(ap);
}

#define LOC(n) (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset

/* ---------------------------------------------------------------------------------------
 * Interning, symbols, the node -> scope map
 */

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;    /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static uint64_t hash_ptr(const void *p)
{
    uint64_t h = (uint64_t)(uintptr_t)p;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

static const char *intern(vm_symtable *st, const char *s)
{
    if (2 * (st->ninterned + 1) > st->interned_cap) {
        size_t cap = st->interned_cap ? 2 * st->interned_cap : 256;
        const char **t = vm_arena_alloc(st->arena, cap * sizeof *t);
        for (size_t i = 0; i < st->interned_cap; i++) {
            const char *e = st->interned[i];
            if (!e)
                continue;
            size_t j = hash_str(e) & (cap - 1);
            while (t[j])
                j = (j + 1) & (cap - 1);
            t[j] = e;
        }
        st->interned = t;
        st->interned_cap = cap;
    }
    size_t j = hash_str(s) & (st->interned_cap - 1);
    for (; st->interned[j]; j = (j + 1) & (st->interned_cap - 1))
        if (!strcmp(st->interned[j], s))
            return st->interned[j];
    const char *copy = vm_arena_strndup(st->arena, s, strlen(s));
    st->interned[j] = copy;
    st->ninterned++;
    return copy;
}

/* Grows an arena array of n elements of `size` bytes to hold at least one more. */
static void *grow(vm_arena *a, void *old, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return old;
    size_t ncap = *cap ? 2 * *cap : 8;
    void *p = vm_arena_alloc(a, ncap * size);
    if (n)
        memcpy(p, old, n * size);
    *cap = ncap;
    return p;
}

static int find_symbol(const scope *s, const char *interned)
{
    if (!s->index_cap)
        return -1;
    size_t j = hash_ptr(interned) & (s->index_cap - 1);
    for (; s->index[j] >= 0; j = (j + 1) & (s->index_cap - 1))
        if (s->symbols[s->index[j]].name == interned)
            return s->index[j];
    return -1;
}

/* The symbol of an interned name in s, created (flags 0) if absent. */
static symbol *get_symbol(vm_arena *a, scope *s, const char *interned)
{
    int i = find_symbol(s, interned);
    if (i >= 0)
        return &s->symbols[i];
    if (2 * (s->nsymbols + 1) > s->index_cap) {
        size_t cap = s->index_cap ? 2 * s->index_cap : 16;
        int *idx = vm_arena_alloc(a, cap * sizeof *idx);
        memset(idx, 0xff, cap * sizeof *idx);
        for (size_t k = 0; k < s->nsymbols; k++) {
            size_t j = hash_ptr(s->symbols[k].name) & (cap - 1);
            while (idx[j] >= 0)
                j = (j + 1) & (cap - 1);
            idx[j] = (int)k;
        }
        s->index = idx;
        s->index_cap = cap;
    }
    s->symbols = grow(a, s->symbols, s->nsymbols, &s->symbols_cap, sizeof *s->symbols);
    symbol *sym = &s->symbols[s->nsymbols];
    sym->name = interned;
    sym->flags = 0;
    sym->where = VM_SYMTABLE_UNRESOLVED;
    size_t j = hash_ptr(interned) & (s->index_cap - 1);
    while (s->index[j] >= 0)
        j = (j + 1) & (s->index_cap - 1);
    s->index[j] = (int)s->nsymbols++;
    return sym;
}

static unsigned symbol_flags(const scope *s, const char *interned)
{
    int i = find_symbol(s, interned);
    return i < 0 ? 0 : s->symbols[i].flags;
}

static void map_node(vm_symtable *st, const vm_ast *node, scope *s)
{
    if (2 * (st->nby_node + 1) > st->by_node_cap) {
        size_t cap = st->by_node_cap ? 2 * st->by_node_cap : 64;
        __typeof__(st->by_node) t = vm_arena_alloc(st->arena, cap * sizeof *t);
        for (size_t i = 0; i < st->by_node_cap; i++) {
            if (!st->by_node[i].node)
                continue;
            size_t j = hash_ptr(st->by_node[i].node) & (cap - 1);
            while (t[j].node)
                j = (j + 1) & (cap - 1);
            t[j] = st->by_node[i];
        }
        st->by_node = t;
        st->by_node_cap = cap;
    }
    size_t j = hash_ptr(node) & (st->by_node_cap - 1);
    while (st->by_node[j].node && st->by_node[j].node != node)
        j = (j + 1) & (st->by_node_cap - 1);
    if (!st->by_node[j].node)
        st->nby_node++;
    st->by_node[j].node = node;
    st->by_node[j].scope = s;
}

const char *vm_symtable_mangle(vm_arena *arena, const char *private_name, const char *name)
{
    size_t n = strlen(name);
    if (!private_name || n < 2 || name[0] != '_' || name[1] != '_')
        return name;
    /* __dunder__ names and dotted import names are left alone */
    if ((name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return name;
    while (*private_name == '_')
        private_name++;
    if (!*private_name)     /* a class named only with underscores mangles nothing */
        return name;
    size_t pn = strlen(private_name);
    char *out = vm_arena_alloc(arena, 1 + pn + n + 1);
    out[0] = '_';
    memcpy(out + 1, private_name, pn);
    memcpy(out + 1 + pn, name, n + 1);
    return out;
}

static const char *mangled(builder *b, const char *name)
{
    return intern(b->st, vm_symtable_mangle(b->arena, b->private_name, name));
}

/* ---------------------------------------------------------------------------------------
 * Pass 1: recording what each scope does with each name
 */

static void enter_scope(builder *b, vm_symtable_block type, const char *name, const vm_ast *node,
                        int lineno, int col_offset)
{
    scope *s = vm_arena_alloc(b->arena, sizeof *s);
    s->type = type;
    s->name = intern(b->st, name);
    s->node = node;
    s->lineno = lineno;
    s->col_offset = col_offset;
    s->parent = b->cur;
    if (b->cur) {
        s->is_nested = b->cur->is_nested || b->cur->type == VM_SYMTABLE_FUNCTION;
        /* a walrus anywhere inside a comprehension's iterable is refused, also in a
         * lambda or comprehension nested there */
        s->comp_iter_expr = b->cur->comp_iter_expr;
        /* annotation scopes (future annotations) are thrown away: CPython never lists or
         * analyses them, it only visits them for their errors */
        if (type != VM_SYMTABLE_ANNOTATION) {
            scope *p = b->cur;
            p->children = grow(b->arena, p->children, p->nchildren, &p->children_cap,
                               sizeof *p->children);
            p->children[p->nchildren++] = s;
        }
    }
    if (node && type != VM_SYMTABLE_ANNOTATION)
        map_node(b->st, node, s);
    b->cur = s;
}

static void exit_scope(builder *b)
{
    b->cur = b->cur->parent;
}

/* Adds flag to an already mangled and interned name in scope s (CPython's
 * symtable_add_def_helper); the position is the one errors are reported at. */
static void add_def_in(builder *b, scope *s, const char *name, const char *shown, unsigned flag,
                       const vm_ast *at)
{
    symbol *sym = get_symbol(b->arena, s, name);
    if ((flag & VM_SYMTABLE_DEF_PARAM) && (sym->flags & VM_SYMTABLE_DEF_PARAM)) {
        fail_at(b, LOC(at), "duplicate argument '%s' in function definition", shown);
        return;
    }
    unsigned val = sym->flags | flag;
    if (s->comp_iter_target) {
        /* an iteration variable: a walrus before it (in an earlier `if`) bound it in the
         * enclosing scope already */
        if (val & (VM_SYMTABLE_DEF_GLOBAL | VM_SYMTABLE_DEF_NONLOCAL)) {
            fail_at(b, LOC(at),
                    "comprehension inner loop cannot rebind assignment expression target '%s'",
                    shown);
            return;
        }
        val |= VM_SYMTABLE_DEF_COMP_ITER;
    }
    sym->flags = val;
    if (flag & VM_SYMTABLE_DEF_PARAM) {
        s->params = grow(b->arena, s->params, s->nparams, &s->params_cap, sizeof *s->params);
        s->params[s->nparams++] = name;
    } else if (flag & VM_SYMTABLE_DEF_GLOBAL) {
        /* CPython also marks the module's own symbol as declared global */
        symbol *g = get_symbol(b->arena, b->module, name);
        g->flags |= flag;
    }
}

static void add_def(builder *b, const char *name, unsigned flag, const vm_ast *at)
{
    add_def_in(b, b->cur, mangled(b, name), name, flag, at);
}

static void record_directive(builder *b, const char *name, const vm_ast *at)
{
    directive *d = vm_arena_alloc(b->arena, sizeof *d);
    d->name = mangled(b, name);
    d->lineno = at->lineno;
    d->col_offset = at->col_offset;
    d->end_lineno = at->end_lineno;
    d->end_col_offset = at->end_col_offset;
    d->next = b->cur->directives;
    b->cur->directives = d;
}

static void visit_stmt(builder *b, const vm_ast *s);
static void visit_expr(builder *b, const vm_ast *e);
static void visit_pattern(builder *b, const vm_ast *p);

static void visit_stmts(builder *b, const vm_ast_seq *seq)
{
    for (size_t i = 0; i < vm_ast_seq_len(seq) && !b->failed; i++)
        visit_stmt(b, vm_ast_seq_node(seq, i));
}

/* Expression lists; NULL items (kw_defaults without a default, `**d` keys) skipped. */
static void visit_exprs(builder *b, const vm_ast_seq *seq)
{
    for (size_t i = 0; i < vm_ast_seq_len(seq) && !b->failed; i++)
        if (vm_ast_seq_node(seq, i))
            visit_expr(b, vm_ast_seq_node(seq, i));
}

static void visit_opt(builder *b, const vm_ast *e)
{
    if (e)
        visit_expr(b, e);
}

static void visit_keywords(builder *b, const vm_ast_seq *seq)
{
    for (size_t i = 0; i < vm_ast_seq_len(seq) && !b->failed; i++)
        visit_expr(b, vm_ast_seq_node(seq, i)->v.keyword.value);
}

static void raise_if_annotation_block(builder *b, const char *what, const vm_ast *e)
{
    if (b->cur->type == VM_SYMTABLE_ANNOTATION)
        fail_at(b, LOC(e), "'%s' can not be used within an annotation", what);
}

/* An annotation: with `from __future__ import annotations` it is a string for the
 * compiler, and CPython visits it in a scope of its own that nobody sees. */
static void visit_annotation(builder *b, const vm_ast *annotation)
{
    if (b->st->future_annotations) {
        enter_scope(b, VM_SYMTABLE_ANNOTATION, "_annotation", NULL, annotation->lineno,
                    annotation->col_offset);
        visit_expr(b, annotation);
        exit_scope(b);
    } else {
        visit_expr(b, annotation);
    }
}

static void visit_arg_annotations(builder *b, const vm_ast_seq *args)
{
    for (size_t i = 0; i < vm_ast_seq_len(args) && !b->failed; i++) {
        const vm_ast *a = vm_ast_seq_node(args, i);
        if (a->v.arg.annotation)
            visit_expr(b, a->v.arg.annotation);
    }
}

/* A def's annotations, evaluated where the def is (CPython's order: positional, *args,
 * **kwargs, keyword-only, return). */
static void visit_annotations(builder *b, const vm_ast *def, const vm_ast *args,
                              const vm_ast *returns)
{
    bool detached = b->st->future_annotations;
    if (detached)
        enter_scope(b, VM_SYMTABLE_ANNOTATION, "_annotation", NULL, def->lineno, def->col_offset);
    const struct vm_ast_arguments *a = &args->v.arguments;
    visit_arg_annotations(b, a->posonlyargs);
    visit_arg_annotations(b, a->args);
    if (a->vararg && a->vararg->v.arg.annotation && !b->failed)
        visit_expr(b, a->vararg->v.arg.annotation);
    if (a->kwarg && a->kwarg->v.arg.annotation && !b->failed)
        visit_expr(b, a->kwarg->v.arg.annotation);
    visit_arg_annotations(b, a->kwonlyargs);
    if (returns && !b->failed)
        visit_expr(b, returns);
    if (detached)
        exit_scope(b);
}

static void visit_params(builder *b, const vm_ast_seq *args)
{
    for (size_t i = 0; i < vm_ast_seq_len(args) && !b->failed; i++) {
        const vm_ast *a = vm_ast_seq_node(args, i);
        add_def(b, a->v.arg.arg, VM_SYMTABLE_DEF_PARAM, a);
    }
}

/* The parameters, in the order they become the function's first locals. */
static void visit_arguments(builder *b, const vm_ast *args)
{
    const struct vm_ast_arguments *a = &args->v.arguments;
    visit_params(b, a->posonlyargs);
    visit_params(b, a->args);
    visit_params(b, a->kwonlyargs);
    if (a->vararg && !b->failed) {
        add_def(b, a->vararg->v.arg.arg, VM_SYMTABLE_DEF_PARAM, a->vararg);
        b->cur->has_varargs = true;
    }
    if (a->kwarg && !b->failed) {
        add_def(b, a->kwarg->v.arg.arg, VM_SYMTABLE_DEF_PARAM, a->kwarg);
        b->cur->has_varkeywords = true;
    }
}

static void visit_function(builder *b, const vm_ast *s, bool is_async)
{
    const struct vm_ast_FunctionDef *f = &s->v.FunctionDef;
    /* AsyncFunctionDef has the same fields in the same order */
    _Static_assert(offsetof(struct vm_ast_FunctionDef, body) ==
                       offsetof(struct vm_ast_AsyncFunctionDef, body) &&
                   offsetof(struct vm_ast_FunctionDef, returns) ==
                       offsetof(struct vm_ast_AsyncFunctionDef, returns),
                   "FunctionDef and AsyncFunctionDef differ");
    add_def(b, f->name, VM_SYMTABLE_DEF_LOCAL, s);
    visit_exprs(b, f->args->v.arguments.defaults);
    visit_exprs(b, f->args->v.arguments.kw_defaults);
    if (b->failed)
        return;
    visit_annotations(b, s, f->args, f->returns);
    visit_exprs(b, f->decorator_list);
    if (b->failed)
        return;
    enter_scope(b, VM_SYMTABLE_FUNCTION, f->name, s, s->lineno, s->col_offset);
    if (is_async)
        b->cur->is_coroutine = true;
    visit_arguments(b, f->args);
    visit_stmts(b, f->body);
    exit_scope(b);
}

static void visit_alias(builder *b, const vm_ast *a)
{
    const char *name = a->v.alias.asname ? a->v.alias.asname : a->v.alias.name;
    if (!strcmp(name, "*")) {
        if (b->cur->type != VM_SYMTABLE_MODULE)
            fail_at(b, LOC(a), "import * only allowed at module level");
        return;
    }
    /* `import a.b.c` binds a */
    const char *dot = a->v.alias.asname ? NULL : strchr(name, '.');
    if (dot)
        name = vm_arena_strndup(b->arena, name, (size_t)(dot - name));
    add_def(b, name, VM_SYMTABLE_DEF_IMPORT, a);
}

/* global and nonlocal: refused after the scope has used, bound or annotated the name. */
static void visit_declaration(builder *b, const vm_ast *s, bool is_global)
{
    const vm_ast_seq *names = is_global ? s->v.Global.names : s->v.Nonlocal.names;
    const char *what = is_global ? "global" : "nonlocal";
    for (size_t i = 0; i < vm_ast_seq_len(names) && !b->failed; i++) {
        const char *name = names->items[i].id;
        unsigned cur = symbol_flags(b->cur, mangled(b, name));
        if (cur & (VM_SYMTABLE_DEF_PARAM | VM_SYMTABLE_DEF_LOCAL | VM_SYMTABLE_USE |
                   VM_SYMTABLE_DEF_ANNOT)) {
            if (cur & VM_SYMTABLE_DEF_PARAM)
                fail_at(b, LOC(s), "name '%s' is parameter and %s", name, what);
            else if (cur & VM_SYMTABLE_USE)
                fail_at(b, LOC(s), "name '%s' is used prior to %s declaration", name, what);
            else if (cur & VM_SYMTABLE_DEF_ANNOT)
                fail_at(b, LOC(s), "annotated name '%s' can't be %s", name, what);
            else
                fail_at(b, LOC(s), "name '%s' is assigned to before %s declaration", name, what);
            return;
        }
        add_def(b, name, is_global ? VM_SYMTABLE_DEF_GLOBAL : VM_SYMTABLE_DEF_NONLOCAL, s);
        record_directive(b, name, s);
    }
}

static void visit_stmt(builder *b, const vm_ast *s)
{
    if (b->failed)
        return;
    switch (s->kind) {
    case VM_AST_FunctionDef:
        visit_function(b, s, false);
        break;
    case VM_AST_AsyncFunctionDef:
        visit_function(b, s, true);
        break;
    case VM_AST_ClassDef: {
        const struct vm_ast_ClassDef *c = &s->v.ClassDef;
        add_def(b, c->name, VM_SYMTABLE_DEF_LOCAL, s);
        visit_exprs(b, c->bases);
        visit_keywords(b, c->keywords);
        visit_exprs(b, c->decorator_list);
        if (b->failed)
            return;
        enter_scope(b, VM_SYMTABLE_CLASS, c->name, s, s->lineno, s->col_offset);
        const char *saved = b->private_name;
        b->private_name = c->name;
        visit_stmts(b, c->body);
        b->private_name = saved;
        exit_scope(b);
        break;
    }
    case VM_AST_Return:
        if (s->v.Return.value) {
            visit_expr(b, s->v.Return.value);
            b->cur->returns_value = true;
        }
        break;
    case VM_AST_Delete:
        visit_exprs(b, s->v.Delete.targets);
        break;
    case VM_AST_Assign:
        visit_exprs(b, s->v.Assign.targets);
        visit_opt(b, s->v.Assign.value);
        break;
    case VM_AST_AnnAssign: {
        const struct vm_ast_AnnAssign *a = &s->v.AnnAssign;
        if (a->target->kind == VM_AST_Name) {
            const vm_ast *t = a->target;
            unsigned cur = symbol_flags(b->cur, mangled(b, t->v.Name.id));
            if ((cur & (VM_SYMTABLE_DEF_GLOBAL | VM_SYMTABLE_DEF_NONLOCAL)) &&
                b->cur != b->module && a->simple) {
                fail_at(b, LOC(s), "annotated name '%s' can't be %s", t->v.Name.id,
                        cur & VM_SYMTABLE_DEF_GLOBAL ? "global" : "nonlocal");
                return;
            }
            if (a->simple)
                add_def(b, t->v.Name.id, VM_SYMTABLE_DEF_ANNOT | VM_SYMTABLE_DEF_LOCAL, t);
            else if (a->value)
                add_def(b, t->v.Name.id, VM_SYMTABLE_DEF_LOCAL, t);
        } else {
            visit_expr(b, a->target);
        }
        if (b->failed)
            return;
        visit_annotation(b, a->annotation);
        visit_opt(b, a->value);
        break;
    }
    case VM_AST_AugAssign:
        visit_expr(b, s->v.AugAssign.target);
        visit_opt(b, s->v.AugAssign.value);
        break;
    case VM_AST_For:
    case VM_AST_AsyncFor:
        /* same layout */
        visit_expr(b, s->v.For.target);
        visit_opt(b, s->v.For.iter);
        visit_stmts(b, s->v.For.body);
        visit_stmts(b, s->v.For.orelse);
        break;
    case VM_AST_While:
        visit_expr(b, s->v.While.test);
        visit_stmts(b, s->v.While.body);
        visit_stmts(b, s->v.While.orelse);
        break;
    case VM_AST_If:
        visit_expr(b, s->v.If.test);
        visit_stmts(b, s->v.If.body);
        visit_stmts(b, s->v.If.orelse);
        break;
    case VM_AST_With:
    case VM_AST_AsyncWith:
        for (size_t i = 0; i < vm_ast_seq_len(s->v.With.items) && !b->failed; i++) {
            const vm_ast *w = vm_ast_seq_node(s->v.With.items, i);
            visit_expr(b, w->v.withitem.context_expr);
            if (w->v.withitem.optional_vars && !b->failed)
                visit_expr(b, w->v.withitem.optional_vars);
        }
        visit_stmts(b, s->v.With.body);
        break;
    case VM_AST_Match:
        visit_expr(b, s->v.Match.subject);
        for (size_t i = 0; i < vm_ast_seq_len(s->v.Match.cases) && !b->failed; i++) {
            const vm_ast *c = vm_ast_seq_node(s->v.Match.cases, i);
            visit_pattern(b, c->v.match_case.pattern);
            if (c->v.match_case.guard && !b->failed)
                visit_expr(b, c->v.match_case.guard);
            visit_stmts(b, c->v.match_case.body);
        }
        break;
    case VM_AST_Raise:
        visit_opt(b, s->v.Raise.exc);
        if (!b->failed)
            visit_opt(b, s->v.Raise.cause);
        break;
    case VM_AST_Try:
    case VM_AST_TryStar:
        /* CPython's order: the else block before the handlers */
        visit_stmts(b, s->v.Try.body);
        visit_stmts(b, s->v.Try.orelse);
        for (size_t i = 0; i < vm_ast_seq_len(s->v.Try.handlers) && !b->failed; i++) {
            const vm_ast *h = vm_ast_seq_node(s->v.Try.handlers, i);
            if (h->v.ExceptHandler.type)
                visit_expr(b, h->v.ExceptHandler.type);
            if (h->v.ExceptHandler.name && !b->failed)
                add_def(b, h->v.ExceptHandler.name, VM_SYMTABLE_DEF_LOCAL, h);
            visit_stmts(b, h->v.ExceptHandler.body);
        }
        visit_stmts(b, s->v.Try.finalbody);
        break;
    case VM_AST_Assert:
        visit_expr(b, s->v.Assert.test);
        if (!b->failed)
            visit_opt(b, s->v.Assert.msg);
        break;
    case VM_AST_Import:
        for (size_t i = 0; i < vm_ast_seq_len(s->v.Import.names) && !b->failed; i++)
            visit_alias(b, vm_ast_seq_node(s->v.Import.names, i));
        break;
    case VM_AST_ImportFrom:
        for (size_t i = 0; i < vm_ast_seq_len(s->v.ImportFrom.names) && !b->failed; i++)
            visit_alias(b, vm_ast_seq_node(s->v.ImportFrom.names, i));
        break;
    case VM_AST_Global:
        visit_declaration(b, s, true);
        break;
    case VM_AST_Nonlocal:
        visit_declaration(b, s, false);
        break;
    case VM_AST_Expr:
        visit_expr(b, s->v.Expr.value);
        break;
    default:    /* Pass, Break, Continue */
        break;
    }
}

/* A walrus inside a comprehension binds in the nearest enclosing function or module
 * (CPython's symtable_extend_namedexpr_scope): the comprehension declares the name
 * nonlocal (global at module level, or when the function declared it global). */
static void extend_namedexpr_scope(builder *b, const vm_ast *target)
{
    const char *name = target->v.Name.id;
    /* CPython looks the iteration variables up without mangling */
    const char *raw = intern(b->st, name);
    for (scope *s = b->cur; s; s = s->parent) {
        if (s->comprehension) {
            if (symbol_flags(s, raw) & VM_SYMTABLE_DEF_COMP_ITER) {
                fail_at(b, LOC(target),
                        "assignment expression cannot rebind comprehension iteration variable '%s'",
                        name);
                return;
            }
            continue;
        }
        if (s->type == VM_SYMTABLE_FUNCTION) {
            unsigned flag = symbol_flags(s, raw) & VM_SYMTABLE_DEF_GLOBAL ? VM_SYMTABLE_DEF_GLOBAL
                                                                           : VM_SYMTABLE_DEF_NONLOCAL;
            add_def(b, name, flag, target);
            if (b->failed)
                return;
            record_directive(b, name, target);
            add_def_in(b, s, mangled(b, name), name, VM_SYMTABLE_DEF_LOCAL, target);
            return;
        }
        if (s->type == VM_SYMTABLE_MODULE) {
            add_def(b, name, VM_SYMTABLE_DEF_GLOBAL, target);
            if (b->failed)
                return;
            record_directive(b, name, target);
            add_def_in(b, s, mangled(b, name), name, VM_SYMTABLE_DEF_GLOBAL, target);
            return;
        }
        if (s->type == VM_SYMTABLE_CLASS) {
            fail_at(b, LOC(target),
                    "assignment expression within a comprehension cannot be used in a class body");
            return;
        }
        /* annotation scopes are looked through */
    }
}

static void visit_comprehension(builder *b, const vm_ast *e, const char *scope_name,
                                vm_symtable_comprehension kind, const vm_ast_seq *generators,
                                const vm_ast *elt, const vm_ast *value)
{
    bool is_generator = e->kind == VM_AST_GeneratorExp;
    const vm_ast *outermost = vm_ast_seq_node(generators, 0);
    /* the first iterable is evaluated outside, and passed in as `.0` */
    b->cur->comp_iter_expr++;
    visit_expr(b, outermost->v.comprehension.iter);
    b->cur->comp_iter_expr--;
    if (b->failed)
        return;
    enter_scope(b, VM_SYMTABLE_FUNCTION, scope_name, e, e->lineno, e->col_offset);
    scope *s = b->cur;
    s->comprehension = kind;
    if (outermost->v.comprehension.is_async)
        s->is_coroutine = true;
    add_def(b, ".0", VM_SYMTABLE_DEF_PARAM, e);
    s->comp_iter_target = true;
    visit_expr(b, outermost->v.comprehension.target);
    s->comp_iter_target = false;
    visit_exprs(b, outermost->v.comprehension.ifs);
    for (size_t i = 1; i < vm_ast_seq_len(generators) && !b->failed; i++) {
        const vm_ast *g = vm_ast_seq_node(generators, i);
        s->comp_iter_target = true;
        visit_expr(b, g->v.comprehension.target);
        s->comp_iter_target = false;
        if (b->failed)
            break;
        s->comp_iter_expr++;
        visit_expr(b, g->v.comprehension.iter);
        s->comp_iter_expr--;
        visit_exprs(b, g->v.comprehension.ifs);
        if (g->v.comprehension.is_async)
            s->is_coroutine = true;
    }
    /* CPython visits a dict comprehension's value before its key */
    if (value && !b->failed)
        visit_expr(b, value);
    if (!b->failed)
        visit_expr(b, elt);
    if (is_generator)
        s->is_generator = true;
    bool is_async = s->is_coroutine && !is_generator;
    exit_scope(b);
    /* an async list comprehension makes its enclosing comprehension async too */
    if (is_async)
        b->cur->is_coroutine = true;
}

static void visit_expr(builder *b, const vm_ast *e)
{
    if (b->failed)
        return;
    switch (e->kind) {
    case VM_AST_NamedExpr:
        raise_if_annotation_block(b, "named expression", e);
        if (b->failed)
            return;
        if (b->cur->comp_iter_expr > 0) {
            fail_at(b, LOC(e),
                    "assignment expression cannot be used in a comprehension iterable expression");
            return;
        }
        if (b->cur->comprehension) {
            extend_namedexpr_scope(b, e->v.NamedExpr.target);
            if (b->failed)
                return;
        }
        visit_expr(b, e->v.NamedExpr.value);
        visit_expr(b, e->v.NamedExpr.target);
        break;
    case VM_AST_BoolOp:
        visit_exprs(b, e->v.BoolOp.values);
        break;
    case VM_AST_BinOp:
        visit_expr(b, e->v.BinOp.left);
        visit_expr(b, e->v.BinOp.right);
        break;
    case VM_AST_UnaryOp:
        visit_expr(b, e->v.UnaryOp.operand);
        break;
    case VM_AST_Lambda: {
        const vm_ast *args = e->v.Lambda.args;
        visit_exprs(b, args->v.arguments.defaults);
        visit_exprs(b, args->v.arguments.kw_defaults);
        if (b->failed)
            return;
        enter_scope(b, VM_SYMTABLE_FUNCTION, "lambda", e, e->lineno, e->col_offset);
        visit_arguments(b, args);
        visit_expr(b, e->v.Lambda.body);
        exit_scope(b);
        break;
    }
    case VM_AST_IfExp:
        visit_expr(b, e->v.IfExp.test);
        visit_expr(b, e->v.IfExp.body);
        visit_expr(b, e->v.IfExp.orelse);
        break;
    case VM_AST_Dict:
        visit_exprs(b, e->v.Dict.keys);
        visit_exprs(b, e->v.Dict.values);
        break;
    case VM_AST_Set:
        visit_exprs(b, e->v.Set.elts);
        break;
    case VM_AST_GeneratorExp:
        visit_comprehension(b, e, "genexpr", VM_SYMTABLE_GENEXPR, e->v.GeneratorExp.generators,
                            e->v.GeneratorExp.elt, NULL);
        break;
    case VM_AST_ListComp:
        visit_comprehension(b, e, "listcomp", VM_SYMTABLE_LISTCOMP, e->v.ListComp.generators,
                            e->v.ListComp.elt, NULL);
        break;
    case VM_AST_SetComp:
        visit_comprehension(b, e, "setcomp", VM_SYMTABLE_SETCOMP, e->v.SetComp.generators,
                            e->v.SetComp.elt, NULL);
        break;
    case VM_AST_DictComp:
        visit_comprehension(b, e, "dictcomp", VM_SYMTABLE_DICTCOMP, e->v.DictComp.generators,
                            e->v.DictComp.key, e->v.DictComp.value);
        break;
    case VM_AST_Yield:
    case VM_AST_YieldFrom: {
        raise_if_annotation_block(b, "yield expression", e);
        if (b->failed)
            return;
        visit_opt(b, e->kind == VM_AST_Yield ? e->v.Yield.value : e->v.YieldFrom.value);
        if (b->failed)
            return;
        b->cur->is_generator = true;
        static const char *const where[] = {
            [VM_SYMTABLE_LISTCOMP] = "list comprehension", [VM_SYMTABLE_SETCOMP] = "set comprehension",
            [VM_SYMTABLE_DICTCOMP] = "dict comprehension", [VM_SYMTABLE_GENEXPR] = "generator expression",
        };
        if (b->cur->comprehension)
            fail_at(b, LOC(e), "'yield' inside %s", where[b->cur->comprehension]);
        break;
    }
    case VM_AST_Await:
        raise_if_annotation_block(b, "await expression", e);
        if (b->failed)
            return;
        visit_expr(b, e->v.Await.value);
        b->cur->is_coroutine = true;
        break;
    case VM_AST_Compare:
        visit_expr(b, e->v.Compare.left);
        visit_exprs(b, e->v.Compare.comparators);
        break;
    case VM_AST_Call:
        visit_expr(b, e->v.Call.func);
        visit_exprs(b, e->v.Call.args);
        visit_keywords(b, e->v.Call.keywords);
        break;
    case VM_AST_FormattedValue:
        visit_expr(b, e->v.FormattedValue.value);
        visit_opt(b, e->v.FormattedValue.format_spec);
        break;
    case VM_AST_JoinedStr:
        visit_exprs(b, e->v.JoinedStr.values);
        break;
    case VM_AST_Attribute:
        visit_expr(b, e->v.Attribute.value);
        break;
    case VM_AST_Subscript:
        visit_expr(b, e->v.Subscript.value);
        visit_expr(b, e->v.Subscript.slice);
        break;
    case VM_AST_Starred:
        visit_expr(b, e->v.Starred.value);
        break;
    case VM_AST_Slice:
        visit_opt(b, e->v.Slice.lower);
        visit_opt(b, e->v.Slice.upper);
        visit_opt(b, e->v.Slice.step);
        break;
    case VM_AST_Name:
        add_def(b, e->v.Name.id,
                e->v.Name.ctx == VM_AST_OP_Load ? VM_SYMTABLE_USE : VM_SYMTABLE_DEF_LOCAL, e);
        /* super() finds the class through the implicit __class__ cell */
        if (e->v.Name.ctx == VM_AST_OP_Load && b->cur->type == VM_SYMTABLE_FUNCTION &&
            !strcmp(e->v.Name.id, "super") && !b->failed)
            add_def(b, "__class__", VM_SYMTABLE_USE, e);
        break;
    case VM_AST_List:
        visit_exprs(b, e->v.List.elts);
        break;
    case VM_AST_Tuple:
        visit_exprs(b, e->v.Tuple.elts);
        break;
    default:    /* Constant */
        break;
    }
}

static void visit_patterns(builder *b, const vm_ast_seq *seq)
{
    for (size_t i = 0; i < vm_ast_seq_len(seq) && !b->failed; i++)
        visit_pattern(b, vm_ast_seq_node(seq, i));
}

static void visit_pattern(builder *b, const vm_ast *p)
{
    if (b->failed)
        return;
    switch (p->kind) {
    case VM_AST_MatchValue:
        visit_expr(b, p->v.MatchValue.value);
        break;
    case VM_AST_MatchSequence:
        visit_patterns(b, p->v.MatchSequence.patterns);
        break;
    case VM_AST_MatchStar:
        if (p->v.MatchStar.name)
            add_def(b, p->v.MatchStar.name, VM_SYMTABLE_DEF_LOCAL, p);
        break;
    case VM_AST_MatchMapping:
        visit_exprs(b, p->v.MatchMapping.keys);
        visit_patterns(b, p->v.MatchMapping.patterns);
        if (p->v.MatchMapping.rest && !b->failed)
            add_def(b, p->v.MatchMapping.rest, VM_SYMTABLE_DEF_LOCAL, p);
        break;
    case VM_AST_MatchClass:
        visit_expr(b, p->v.MatchClass.cls);
        visit_patterns(b, p->v.MatchClass.patterns);
        visit_patterns(b, p->v.MatchClass.kwd_patterns);
        break;
    case VM_AST_MatchAs:
        if (p->v.MatchAs.pattern)
            visit_pattern(b, p->v.MatchAs.pattern);
        if (p->v.MatchAs.name && !b->failed)
            add_def(b, p->v.MatchAs.name, VM_SYMTABLE_DEF_LOCAL, p);
        break;
    case VM_AST_MatchOr:
        visit_patterns(b, p->v.MatchOr.patterns);
        break;
    default:    /* MatchSingleton */
        break;
    }
}

/* The module's future statements, checked as CPython's future.c does before its symtable
 * runs: after an optional docstring, `from __future__ import` statements only; a later one
 * is an error, but only on the same line as the statement that ended them (CPython stops
 * looking at the first line after).  Sets future_annotations. */
static void check_future(builder *b, const vm_ast_seq *body)
{
    static const char *const features[] = {
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
    };
    size_t i = 0;
    bool done = false;
    int prev_line = 0;
    if (vm_ast_seq_len(body) > 0) {
        const vm_ast *s = vm_ast_seq_node(body, 0);
        if (s->kind == VM_AST_Expr && s->v.Expr.value->kind == VM_AST_Constant &&
            s->v.Expr.value->v.Constant.value.kind == VM_CONST_STR)
            i = 1;
    }
    for (; i < vm_ast_seq_len(body) && !b->failed; i++) {
        const vm_ast *s = vm_ast_seq_node(body, i);
        if (done && s->lineno > prev_line)
            return;
        prev_line = s->lineno;
        if (s->kind != VM_AST_ImportFrom || !s->v.ImportFrom.module ||
            strcmp(s->v.ImportFrom.module, "__future__")) {
            done = true;
            continue;
        }
        if (done) {
            /* CPython gives this one's column unconverted, and no end */
            fail_at(b, s->lineno, s->col_offset - 1, s->lineno, -1,
                    "from __future__ imports must occur at the beginning of the file");
            return;
        }
        for (size_t j = 0; j < vm_ast_seq_len(s->v.ImportFrom.names); j++) {
            const char *name = vm_ast_seq_node(s->v.ImportFrom.names, j)->v.alias.name;
            size_t k = 0;
            while (k < sizeof features / sizeof *features && strcmp(features[k], name))
                k++;
            if (k == sizeof features / sizeof *features) {
                if (!strcmp(name, "braces"))
                    fail_at(b, s->lineno, s->col_offset, s->lineno, -1, "not a chance");
                else
                    fail_at(b, s->lineno, s->col_offset, s->lineno, -1,
                            "future feature %.100s is not defined", name);
                return;
            }
            if (!strcmp(name, "annotations"))
                b->st->future_annotations = true;
        }
        b->st->future_lineno = s->lineno;
    }
}

/* ---------------------------------------------------------------------------------------
 * Pass 2: resolving names
 */

/* A set of interned names: open addressing with tombstones. */
#define TOMBSTONE ((const char *)1)
typedef struct nameset {
    const char **slots;
    size_t n, used, cap;    /* used counts tombstones too */
} nameset;

static void set_free(nameset *s)
{
    free(s->slots);
    memset(s, 0, sizeof *s);
}

static bool set_has(const nameset *s, const char *name)
{
    if (!s->cap)
        return false;
    for (size_t j = hash_ptr(name) & (s->cap - 1); s->slots[j]; j = (j + 1) & (s->cap - 1))
        if (s->slots[j] == name)
            return true;
    return false;
}

static void set_add(nameset *s, const char *name);

static void set_rehash(nameset *s, size_t cap)
{
    nameset t = {calloc(cap, sizeof *t.slots), 0, 0, cap};
    if (!t.slots) {
        fprintf(stderr, "stmpy: out of memory in the symbol table\n");
        abort();
    }
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i] && s->slots[i] != TOMBSTONE)
            set_add(&t, s->slots[i]);
    free(s->slots);
    *s = t;
}

static void set_add(nameset *s, const char *name)
{
    if (set_has(s, name))
        return;
    if (2 * (s->used + 1) > s->cap)
        set_rehash(s, s->cap && 4 * s->n >= s->cap ? 2 * s->cap : (s->cap ? s->cap : 16));
    size_t j = hash_ptr(name) & (s->cap - 1);
    while (s->slots[j] && s->slots[j] != TOMBSTONE)
        j = (j + 1) & (s->cap - 1);
    if (!s->slots[j])
        s->used++;
    s->slots[j] = name;
    s->n++;
}

static void set_remove(nameset *s, const char *name)
{
    if (!s->cap)
        return;
    for (size_t j = hash_ptr(name) & (s->cap - 1); s->slots[j]; j = (j + 1) & (s->cap - 1))
        if (s->slots[j] == name) {
            s->slots[j] = TOMBSTONE;
            s->n--;
            return;
        }
}

static void set_union(nameset *into, const nameset *from)
{
    for (size_t i = 0; i < from->cap; i++)
        if (from->slots[i] && from->slots[i] != TOMBSTONE)
            set_add(into, from->slots[i]);
}

static void error_at_directive(builder *b, const scope *s, const char *name, const char *fmt,
                               const char *shown)
{
    const directive *first = NULL;
    for (const directive *d = s->directives; d; d = d->next)
        if (d->name == name)
            first = d;      /* the list is newest first: CPython reports the first one */
    if (first)
        fail_at(b, first->lineno, first->col_offset, first->end_lineno, first->end_col_offset,
                fmt, shown);
    else
        fail_at(b, s->lineno, s->col_offset, s->lineno, s->col_offset, fmt, shown);
}

/* Where one name of scope s lives (CPython's analyze_name).  bound is NULL at module
 * level. */
static void analyze_name(builder *b, scope *s, symbol *sym, nameset *bound, nameset *local,
                         nameset *free, nameset *global)
{
    const char *name = sym->name;
    unsigned flags = sym->flags;
    if (flags & VM_SYMTABLE_DEF_GLOBAL) {
        if (flags & VM_SYMTABLE_DEF_NONLOCAL) {
            error_at_directive(b, s, name, "name '%s' is nonlocal and global", name);
            return;
        }
        sym->where = VM_SYMTABLE_GLOBAL_EXPLICIT;
        set_add(global, name);
        if (bound)
            set_remove(bound, name);
        return;
    }
    if (flags & VM_SYMTABLE_DEF_NONLOCAL) {
        if (!bound) {
            error_at_directive(b, s, name, "nonlocal declaration not allowed at module level%s", "");
            return;
        }
        if (!set_has(bound, name)) {
            error_at_directive(b, s, name, "no binding for nonlocal '%s' found", name);
            return;
        }
        sym->where = VM_SYMTABLE_FREE;
        s->has_free = true;
        set_add(free, name);
        return;
    }
    if (flags & VM_SYMTABLE_DEF_BOUND) {
        sym->where = VM_SYMTABLE_LOCAL;
        set_add(local, name);
        set_remove(global, name);
        return;
    }
    if (bound && set_has(bound, name)) {
        sym->where = VM_SYMTABLE_FREE;
        s->has_free = true;
        set_add(free, name);
        return;
    }
    if (set_has(global, name)) {
        sym->where = VM_SYMTABLE_GLOBAL_IMPLICIT;
        return;
    }
    if (s->is_nested)
        s->has_free = true;
    sym->where = VM_SYMTABLE_GLOBAL_IMPLICIT;
}

static void analyze_block(builder *b, scope *s, nameset *bound, nameset *free, nameset *global);

/* Each child works on copies: siblings must not see each other's declarations. */
static void analyze_child(builder *b, scope *child, const nameset *bound, const nameset *global,
                          nameset *child_free)
{
    nameset cb = {0}, cg = {0};
    set_union(&cb, bound);
    set_union(&cg, global);
    analyze_block(b, child, &cb, child_free, &cg);
    set_free(&cb);
    set_free(&cg);
}

static void analyze_block(builder *b, scope *s, nameset *bound, nameset *free, nameset *global)
{
    nameset local = {0}, newbound = {0}, newglobal = {0}, newfree = {0};
    /* a class's children see what the class saw, not what it declares */
    if (s->type == VM_SYMTABLE_CLASS) {
        set_union(&newglobal, global);
        if (bound)
            set_union(&newbound, bound);
    }
    for (size_t i = 0; i < s->nsymbols && !b->failed; i++)
        analyze_name(b, s, &s->symbols[i], bound, &local, free, global);
    if (b->failed)
        goto done;
    if (s->type != VM_SYMTABLE_CLASS) {
        if (s->type == VM_SYMTABLE_FUNCTION)
            set_union(&newbound, &local);
        if (bound)
            set_union(&newbound, bound);
        set_union(&newglobal, global);
    } else {
        set_add(&newbound, b->class_name);
    }
    for (size_t i = 0; i < s->nchildren && !b->failed; i++) {
        scope *c = s->children[i];
        nameset child_free = {0};
        analyze_child(b, c, &newbound, &newglobal, &child_free);
        set_union(&newfree, &child_free);
        set_free(&child_free);
        if (c->has_free || c->has_child_free)
            s->has_child_free = true;
    }
    if (b->failed)
        goto done;
    if (s->type == VM_SYMTABLE_FUNCTION) {
        /* a local a child needs is a cell, and is resolved here */
        for (size_t i = 0; i < s->nsymbols; i++) {
            symbol *sym = &s->symbols[i];
            if (sym->where == VM_SYMTABLE_LOCAL && set_has(&newfree, sym->name)) {
                sym->where = VM_SYMTABLE_CELL;
                set_remove(&newfree, sym->name);
            }
        }
    } else if (s->type == VM_SYMTABLE_CLASS) {
        if (set_has(&newfree, b->class_name)) {
            set_remove(&newfree, b->class_name);
            s->needs_class_closure = true;
        }
    }
    /* the children's free names pass through this scope on their way up */
    for (size_t i = 0; i < newfree.cap; i++) {
        const char *name = newfree.slots[i];
        if (!name || name == TOMBSTONE)
            continue;
        int k = find_symbol(s, name);
        if (k >= 0) {
            symbol *sym = &s->symbols[k];
            if (s->type == VM_SYMTABLE_CLASS &&
                (sym->flags & (VM_SYMTABLE_DEF_BOUND | VM_SYMTABLE_DEF_GLOBAL)))
                sym->flags |= VM_SYMTABLE_DEF_FREE_CLASS;
            continue;   /* a cell, or already free here */
        }
        if (bound && !set_has(bound, name))
            continue;   /* a global */
        symbol *sym = get_symbol(b->arena, s, name);
        sym->where = VM_SYMTABLE_FREE;
    }
    set_union(free, &newfree);
done:
    set_free(&local);
    set_free(&newbound);
    set_free(&newglobal);
    set_free(&newfree);
}

/* ---------------------------------------------------------------------------------------
 * The interface
 */

vm_symtable *vm_symtable_build(vm_arena *arena, const vm_ast *mod, const char *filename,
                               const char *source, size_t source_len, vm_syntax_error *err)
{
    vm_symtable *st = vm_arena_alloc(arena, sizeof *st);
    st->future_lineno = -1;
    st->arena = arena;
    builder b = {.st = st, .arena = arena, .filename = filename, .source = source,
                 .source_len = source_len, .err = err};
    b.class_name = intern(st, "__class__");
    if (mod->kind == VM_AST_Module || mod->kind == VM_AST_Interactive)
        check_future(&b, mod->kind == VM_AST_Module ? mod->v.Module.body : mod->v.Interactive.body);
    if (b.failed)
        return NULL;
    enter_scope(&b, VM_SYMTABLE_MODULE, "top", mod, 0, 0);
    st->top = b.module = b.cur;
    switch (mod->kind) {
    case VM_AST_Module:
        visit_stmts(&b, mod->v.Module.body);
        break;
    case VM_AST_Interactive:
        visit_stmts(&b, mod->v.Interactive.body);
        break;
    case VM_AST_Expression:
        visit_expr(&b, mod->v.Expression.body);
        break;
    default:
        break;
    }
    if (b.failed)
        return NULL;
    nameset global = {0}, free_names = {0};
    analyze_block(&b, st->top, NULL, &free_names, &global);
    set_free(&global);
    set_free(&free_names);
    return b.failed ? NULL : st;
}

vm_symtable_scope *vm_symtable_scope_of(const vm_symtable *st, const vm_ast *node)
{
    if (!st->by_node_cap)
        return NULL;
    for (size_t j = hash_ptr(node) & (st->by_node_cap - 1); st->by_node[j].node;
         j = (j + 1) & (st->by_node_cap - 1))
        if (st->by_node[j].node == node)
            return st->by_node[j].scope;
    return NULL;
}

const vm_symtable_symbol *vm_symtable_lookup(const vm_symtable_scope *scope, const char *name)
{
    /* names are interned per table; without the table, compare strings */
    for (size_t i = 0; i < scope->nsymbols; i++)
        if (!strcmp(scope->symbols[i].name, name))
            return &scope->symbols[i];
    return NULL;
}

/* ---------------------------------------------------------------------------------------
 * The dump (mirrored by tests/frontend/symtable_check.py)
 */

static int cmp_symbol_name(const void *a, const void *b)
{
    return strcmp((*(const symbol *const *)a)->name, (*(const symbol *const *)b)->name);
}

static const char *where_name(vm_symtable_where w)
{
    switch (w) {
#define X(name, n) case VM_SYMTABLE_##name: return #name;
        VM_SYMTABLE_SCOPES(X)
#undef X
    default:
        return "UNRESOLVED";
    }
}

static void dump_names(vm_buf *out, const char *label, symbol **sorted, size_t n,
                       bool (*pick)(const symbol *))
{
    vm_buf_printf(out, "  %s:", label);
    for (size_t i = 0; i < n; i++)
        if (pick(sorted[i]))
            vm_buf_printf(out, " %s", sorted[i]->name);
    vm_buf_puts(out, "\n");
}

static bool is_local(const symbol *s) { return s->where == VM_SYMTABLE_LOCAL || s->where == VM_SYMTABLE_CELL; }
static bool is_global(const symbol *s) { return s->where == VM_SYMTABLE_GLOBAL_EXPLICIT || s->where == VM_SYMTABLE_GLOBAL_IMPLICIT; }
static bool is_nonlocal(const symbol *s) { return s->flags & VM_SYMTABLE_DEF_NONLOCAL; }
static bool is_free(const symbol *s) { return s->where == VM_SYMTABLE_FREE; }

static void dump_scope(const scope *s, vm_buf *out)
{
    static const char *const types[] = {"function", "class", "module", "annotation"};
    vm_buf_printf(out, "%s %s line %d optimized %d nested %d children %d\n", types[s->type],
                  s->name, s->lineno, s->type == VM_SYMTABLE_FUNCTION, s->is_nested,
                  s->nchildren > 0);
    symbol **sorted = malloc((s->nsymbols ? s->nsymbols : 1) * sizeof *sorted);
    for (size_t i = 0; i < s->nsymbols; i++)
        sorted[i] = &s->symbols[i];
    qsort(sorted, s->nsymbols, sizeof *sorted, cmp_symbol_name);
    if (s->type == VM_SYMTABLE_FUNCTION) {
        /* parameters in the order CPython lists them: insertion order */
        vm_buf_puts(out, "  params:");
        for (size_t i = 0; i < s->nsymbols; i++)
            if (s->symbols[i].flags & VM_SYMTABLE_DEF_PARAM)
                vm_buf_printf(out, " %s", s->symbols[i].name);
        vm_buf_puts(out, "\n");
        dump_names(out, "locals", sorted, s->nsymbols, is_local);
        dump_names(out, "globals", sorted, s->nsymbols, is_global);
        dump_names(out, "nonlocals", sorted, s->nsymbols, is_nonlocal);
        dump_names(out, "frees", sorted, s->nsymbols, is_free);
    }
    for (size_t i = 0; i < s->nsymbols; i++) {
        const symbol *sym = sorted[i];
        vm_buf_printf(out, "  %s %s", sym->name, where_name(sym->where));
#define X(name, bit) \
        if (sym->flags & (bit)) \
            vm_buf_puts(out, " " #name);
        VM_SYMTABLE_FLAGS(X)
#undef X
        /* is_namespace: a child scope of the same (unmangled) name */
        for (size_t k = 0; k < s->nchildren; k++)
            if (!strcmp(s->children[k]->name, sym->name)) {
                vm_buf_puts(out, " namespace");
                break;
            }
        vm_buf_puts(out, "\n");
    }
    free(sorted);
    for (size_t i = 0; i < s->nchildren; i++)
        dump_scope(s->children[i], out);
}

void vm_symtable_dump(const vm_symtable *st, vm_buf *out)
{
    dump_scope(st->top, out);
}

#undef LOC
#undef TOMBSTONE

/* vm/symtable.h — symbol tables: the scopes of a module and where each name lives, with
 * exactly CPython 3.11's rules (what its `symtable` module reports, and the SyntaxErrors
 * its symtable pass raises).
 *
 * vm_symtable_build walks a Module AST once, opening a scope for the module, each class,
 * function, lambda, generator expression and list/set/dict comprehension (each one a
 * function scope of its own in 3.11), and records for every name in every scope what the
 * scope does with it (VM_SYMTABLE_FLAGS).  A second pass resolves each name to one of
 * VM_SYMTABLE_SCOPES.  The compiler asks, per node that opens a scope, for its scope
 * (vm_symtable_scope_of) and, per name, for its symbol (vm_symtable_lookup), mangling
 * private names first (vm_symtable_mangle) as CPython does.
 *
 * Everything lives in the caller's arena. */
#ifndef VM_SYMTABLE_H
#define VM_SYMTABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "vm/arena.h"
#include "vm/ast.h"
#include "vm/tokenizer.h"

/* What a scope does with a name: CPython's DEF_* bits, with its values (the `symtable`
 * module exposes them, so the dump compares them bit for bit). */
#define VM_SYMTABLE_FLAGS(X)                                                               \
    X(DEF_GLOBAL, 1)        /* declared global */                                          \
    X(DEF_LOCAL, 2)         /* bound: assigned, deleted, def/class, for/with/except target */ \
    X(DEF_PARAM, 4)         /* a parameter */                                              \
    X(DEF_NONLOCAL, 8)      /* declared nonlocal (or a walrus target in a comprehension) */ \
    X(USE, 16)              /* read */                                                     \
    X(DEF_FREE, 32)         /* free in a nested scope (kept for CPython's numbering) */    \
    X(DEF_FREE_CLASS, 64)   /* a method's free variable a class also binds */              \
    X(DEF_IMPORT, 128)      /* bound by import */                                          \
    X(DEF_ANNOT, 256)       /* annotated simple name */                                    \
    X(DEF_COMP_ITER, 512)   /* a comprehension's iteration variable */

enum {
#define X(name, bit) VM_SYMTABLE_##name = bit,
    VM_SYMTABLE_FLAGS(X)
#undef X
    VM_SYMTABLE_DEF_BOUND = VM_SYMTABLE_DEF_LOCAL | VM_SYMTABLE_DEF_PARAM | VM_SYMTABLE_DEF_IMPORT,
};

/* Where a name lives once resolved (CPython's numbering: LOCAL is 1). */
#define VM_SYMTABLE_SCOPES(X)                                                              \
    X(LOCAL, 1) X(GLOBAL_EXPLICIT, 2) X(GLOBAL_IMPLICIT, 3) X(FREE, 4) X(CELL, 5)

typedef enum {
    VM_SYMTABLE_UNRESOLVED = 0,
#define X(name, n) VM_SYMTABLE_##name = n,
    VM_SYMTABLE_SCOPES(X)
#undef X
} vm_symtable_where;

typedef enum {
    VM_SYMTABLE_FUNCTION, VM_SYMTABLE_CLASS, VM_SYMTABLE_MODULE,
    VM_SYMTABLE_ANNOTATION  /* `from __future__ import annotations`: never a child */
} vm_symtable_block;

typedef enum {
    VM_SYMTABLE_NOT_COMPREHENSION, VM_SYMTABLE_LISTCOMP, VM_SYMTABLE_SETCOMP,
    VM_SYMTABLE_DICTCOMP, VM_SYMTABLE_GENEXPR
} vm_symtable_comprehension;

typedef struct vm_symtable_symbol {
    const char *name;           /* mangled, interned: compare pointers within one table */
    unsigned flags;             /* VM_SYMTABLE_DEF_* | VM_SYMTABLE_USE ... */
    vm_symtable_where where;
} vm_symtable_symbol;

typedef struct vm_symtable_scope vm_symtable_scope;
struct vm_symtable_scope {
    vm_symtable_block type;
    const char *name;           /* "top", "lambda", "listcomp", "genexpr", or the def/class name */
    const vm_ast *node;         /* the Module, FunctionDef, ClassDef, Lambda or comprehension */
    int lineno, col_offset;
    vm_symtable_scope *parent;
    vm_symtable_scope **children;   /* in source (visit) order */
    size_t nchildren;
    vm_symtable_symbol *symbols;    /* in order of first mention */
    size_t nsymbols;
    const char **params;            /* parameter names in order (".0" for comprehensions) */
    size_t nparams;
    vm_symtable_comprehension comprehension;
    bool is_nested;             /* inside a function (directly or not) */
    bool is_generator;          /* contains yield / yield from, or is a generator expression */
    bool is_coroutine;          /* an async comprehension, or a genexpr awaiting (set by await) */
    bool has_varargs, has_varkeywords;
    bool returns_value;         /* has `return expr` */
    bool needs_class_closure;   /* a class whose methods use __class__ or super() */
    bool has_free;              /* some name here is free */
    bool has_child_free;        /* some nested scope has free names */

    /* private to vm/symtable.c */
    size_t symbols_cap, params_cap, children_cap;
    int *index;                 /* open-addressing index into symbols, -1 empty */
    size_t index_cap;
    const char *private_name;   /* the class name private names are mangled with */
    int comp_iter_expr;         /* >0 while visiting a comprehension's iterable */
    bool comp_iter_target;      /* while visiting a comprehension's target */
    struct vm_symtable_directive *directives;
};

typedef struct vm_symtable {
    vm_symtable_scope *top;
    bool future_annotations;    /* `from __future__ import annotations` */
    int future_lineno;          /* the line of the last leading `from __future__`, or -1
                                   (CPython's ff_lineno: a later one is a compiler error) */
    /* private */
    vm_arena *arena;
    const char **interned;      /* open-addressing string table */
    size_t ninterned, interned_cap;
    struct { const vm_ast *node; vm_symtable_scope *scope; } *by_node;
    size_t nby_node, by_node_cap;
} vm_symtable;

/* Builds the symbol table of a Module (also Interactive, Expression), checking its
 * `from __future__` statements first as CPython does.  Returns NULL with err set (class
 * SyntaxError, CPython's message, line, offset and end) on a scoping or future error.
 * source/source_len (the UTF-8 text, may be NULL) only supply err->text. */
vm_symtable *vm_symtable_build(vm_arena *arena, const vm_ast *mod, const char *filename,
                               const char *source, size_t source_len, vm_syntax_error *err);

/* The scope a FunctionDef, AsyncFunctionDef, ClassDef, Lambda, ListComp, SetComp,
 * DictComp or GeneratorExp node opened; NULL for any other node. */
vm_symtable_scope *vm_symtable_scope_of(const vm_symtable *st, const vm_ast *node);
/* The symbol of an already mangled name in a scope, or NULL. */
const vm_symtable_symbol *vm_symtable_lookup(const vm_symtable_scope *scope, const char *name);
/* CPython's private name mangling: "__x" in class "_C" becomes "_C__x" (the class name
 * without leading underscores); dunder names, dotted names and names outside a class are
 * returned unchanged.  private_name may be NULL. */
const char *vm_symtable_mangle(vm_arena *arena, const char *private_name, const char *name);

/* Prints every scope, depth first, with its facts and its symbols sorted by name, in the
 * format tests/frontend/symtable_check.py prints from CPython's `symtable` module. */
void vm_symtable_dump(const vm_symtable *st, vm_buf *out);

#endif

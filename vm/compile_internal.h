/* vm/compile_internal.h — what the compiler's parts share: the control-flow graph the code
 * generator (vm/compile.c, vm/compile_match.c) writes and the assembler (vm/flowgraph.c)
 * turns into a code object.  Not for use outside the compiler. */
#ifndef VM_COMPILE_INTERNAL_H
#define VM_COMPILE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "vm/code.h"
#include "vm/compile.h"
#include "vm/opcodes.h"
#include "vm/symtable.h"

/* A source span; lineno -1 marks an artificial instruction, which takes the line of what
 * runs before it (CPython's UNSET_LOC). */
typedef struct cg_loc {
    int lineno, end_lineno, col, end_col;
} cg_loc;

struct cg_block;

typedef struct cg_instr {
    uint8_t op;
    int arg;
    struct cg_block *target;        /* jumps and SETUP_* */
    struct cg_block *handler;       /* the exception handler in force (after labelling) */
    cg_loc loc;
} cg_instr;

typedef struct cg_block {
    struct cg_block *next;          /* layout order */
    struct cg_block *all_next;      /* every block of the unit, for freeing and passes */
    cg_instr *instrs;
    int n, cap;
    int offset;                     /* unit index once laid out */
    int startdepth;                 /* stack depth on entry, -1 unknown */
    int predecessors;
    bool visited, reachable, is_handler, preserve_lasti, in_chain;
    struct cg_block **except_stack; /* while labelling handlers */
    int except_depth;
} cg_block;

/* Frame blocks: what break, continue and return must unwind (CPython's fblockinfo). */
typedef enum {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
    FB_ASYNC_WITH, FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER,
    FB_EXCEPTION_GROUP_HANDLER, FB_ASYNC_COMPREHENSION_GENERATOR
} cg_fblock_kind;

typedef struct cg_fblock {
    cg_fblock_kind kind;
    cg_block *block, *exit;
    const void *datum;              /* finally body (vm_ast_seq), with stmt, handler name */
} cg_fblock;

#define CG_MAX_FBLOCKS 20           /* CO_MAXBLOCKS: "too many statically nested blocks" */

typedef enum {
    SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION, SCOPE_ASYNC_FUNCTION, SCOPE_LAMBDA,
    SCOPE_COMPREHENSION
} cg_scope_type;

/* A string -> index table (names, variables, cells, frees). */
typedef struct cg_strtab {
    const char **items;
    int n, cap;
    int *index;                     /* open addressing, -1 empty */
    int index_cap;
} cg_strtab;

/* The unit being compiled: one code object. */
typedef struct cg_unit {
    struct cg_unit *parent;
    vm_symtable_scope *ste;
    cg_scope_type scope_type;
    const char *name, *qualname;
    const char *private_name;       /* the class name for mangling */
    int firstlineno;
    int argcount, posonlyargcount, kwonlyargcount;

    vm_code_const *consts;
    int nconsts, consts_cap;
    int *const_index;               /* open addressing over consts, -1 empty */
    int const_index_cap;
    cg_strtab names, varnames, cellvars, freevars;

    cg_block *blocks;               /* all blocks, newest first */
    cg_block *entry, *cur;
    cg_loc loc;
    cg_fblock fblocks[CG_MAX_FBLOCKS];
    int nfblocks;
    int ncaches;
} cg_unit;

typedef struct cg_compiler {
    vm_arena *arena;                /* the AST's: scratch that dies with the compilation */
    vm_arena *out;                  /* the code objects' */
    vm_symtable *st;
    const char *filename;
    const char *source;
    size_t source_len;
    vm_syntax_error *err;
    bool failed;
    int optimize;
    int future_flags;               /* VM_CO_FUTURE_* */
    int future_lineno;              /* the last leading `from __future__` (CPython's ff_lineno) */
    bool interactive;
    int nestlevel;
    cg_unit *u;
} cg_compiler;

/* vm/compile.c: code generation helpers shared with vm/compile_match.c */
bool cg_error(cg_compiler *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
cg_block *cg_new_block(cg_compiler *c);
void cg_use_next_block(cg_compiler *c, cg_block *b);
void cg_addop(cg_compiler *c, int op, int arg);
void cg_addop_jump(cg_compiler *c, int op, cg_block *target);
int cg_add_const(cg_compiler *c, const vm_ast_const *value);
void cg_load_const(cg_compiler *c, const vm_ast_const *value);
void cg_load_none(cg_compiler *c);
void cg_load_str(cg_compiler *c, const char *s);
int cg_add_name(cg_compiler *c, const char *name);
void cg_addop_name(cg_compiler *c, int op, const char *name);   /* mangles */
bool cg_nameop(cg_compiler *c, const char *name, vm_ast_expr_context ctx);
bool cg_visit_expr(cg_compiler *c, const vm_ast *e);
bool cg_visit_stmts(cg_compiler *c, const vm_ast_seq *body);
void cg_set_loc(cg_compiler *c, const vm_ast *n);
bool cg_jump_if(cg_compiler *c, const vm_ast *e, cg_block *next, bool cond);
const char *cg_mangle(cg_compiler *c, const char *name);
int cg_strtab_find(const cg_strtab *t, const char *s);     /* -1 if absent */

/* vm/compile_match.c */
bool cg_match(cg_compiler *c, const vm_ast *s);

/* vm/flowgraph.c: optimise the unit's graph and assemble its code object */
vm_code *cg_assemble(cg_compiler *c, bool add_none);
int cg_stack_effect(int op, int arg, int jump);   /* jump: 1 taken, 0 not, -1 the max */

#endif

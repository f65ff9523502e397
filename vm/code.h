/* vm/code.h — code objects: what the compiler produces and the interpreter runs.
 *
 * A vm_code is immutable once built.  It holds the bytecode (vm/opcodes.h), the tables
 * the bytecode indexes (constants, names, the fast-locals layout), the exception table,
 * the position table, and CPython's co_* facts (flags, argument counts, names, first
 * line).  Nested code objects (functions, classes, lambdas, comprehensions) are
 * constants of their parent.
 *
 * Memory: a compilation's code objects and everything they point to live in one arena,
 * owned by the outermost code object (vm_code_free frees the tree).  They are not GC
 * heap objects: they never change, so every segment reads them without barriers; the
 * interpreter wraps them (and turns their constants into heap objects) when it loads
 * them.
 *
 * Fast locals ("localsplus", as in CPython 3.11): first the variables (parameters, in
 * order, then the other locals), then the cell variables that are not parameters, then
 * the free variables.  A parameter that is also a cell keeps one slot with both kinds. */
#ifndef VM_CODE_H
#define VM_CODE_H

#include <stdbool.h>
#include <stdint.h>

#include "vm/arena.h"
#include "vm/ast.h"

/* co_flags, with CPython's values */
#define VM_CO_FLAGS(X)                                                                     \
    X(OPTIMIZED, 0x1) X(NEWLOCALS, 0x2) X(VARARGS, 0x4) X(VARKEYWORDS, 0x8)                \
    X(NESTED, 0x10) X(GENERATOR, 0x20) X(NOFREE, 0x40) X(COROUTINE, 0x80)                  \
    X(ITERABLE_COROUTINE, 0x100) X(ASYNC_GENERATOR, 0x200)                                 \
    X(FUTURE_DIVISION, 0x20000) X(FUTURE_ABSOLUTE_IMPORT, 0x40000)                         \
    X(FUTURE_WITH_STATEMENT, 0x80000) X(FUTURE_PRINT_FUNCTION, 0x100000)                   \
    X(FUTURE_UNICODE_LITERALS, 0x200000) X(FUTURE_BARRY_AS_BDFL, 0x400000)                 \
    X(FUTURE_GENERATOR_STOP, 0x800000) X(FUTURE_ANNOTATIONS, 0x1000000)
enum {
#define X(name, v) VM_CO_##name = v,
    VM_CO_FLAGS(X)
#undef X
};

/* The kind of a fast-local slot (CPython's CO_FAST_*). */
enum { VM_FAST_LOCAL = 0x20, VM_FAST_CELL = 0x40, VM_FAST_FREE = 0x80 };

struct vm_code;

/* A constant: an AST constant (vm/ast.h), or a nested code object when code != NULL. */
typedef struct vm_code_const {
    vm_ast_const value;
    const struct vm_code *code;
} vm_code_const;

/* One exception-table entry: an exception raised by an instruction in [start, end)
 * (unit indexes) pops the value stack to `depth` items, pushes the offset of the
 * raising instruction if `lasti`, then the exception, and jumps to `handler`. */
typedef struct vm_code_handler {
    uint32_t start, end, handler;
    uint32_t depth : 31, lasti : 1;
} vm_code_handler;

/* One position-table run: the instructions from unit `start` up to the next run's start
 * come from this source span (1-based lines, 0-based UTF-8 byte columns, as the AST;
 * -1 where CPython has none: line -1 is "no line"). */
typedef struct vm_code_pos {
    uint32_t start;
    int32_t lineno, end_lineno;
    int32_t col, end_col;
} vm_code_pos;

typedef struct vm_code {
    const char *name, *qualname, *filename;
    int firstlineno;
    int argcount, posonlyargcount, kwonlyargcount;
    int flags;                              /* VM_CO_* */
    int stacksize;                          /* the value stack's maximum depth */

    const uint32_t *code;                   /* instructions (vm/opcodes.h) */
    int ncode;                              /* units */
    int ncaches;                            /* inline cache slots */

    const vm_code_const *consts;
    int nconsts;
    const char *const *names;               /* attribute, global and imported names */
    int nnames;
    const char *const *localsplusnames;     /* fast locals (see above) */
    const uint8_t *localspluskinds;         /* VM_FAST_* per slot */
    int nlocalsplus;
    int nlocals, ncellvars, nfreevars;      /* co_nlocals (varnames), cells, frees */

    const vm_code_handler *handlers;        /* sorted by start, disjoint */
    int nhandlers;
    const vm_code_pos *positions;           /* sorted by start, the first at 0 */
    int npositions;

    vm_arena *arena;                        /* owned by the outermost code object */
} vm_code;

void vm_code_free(vm_code *code);

/* Whether two code objects are the same (CPython's code equality: every table, the
 * bytecode, positions and exception table), constants compared with const_same.  The
 * compiler merges equal nested code objects, as CPython's constant cache does: a finally
 * body compiled twice makes each of its functions once. */
bool vm_code_equal(const vm_code *a, const vm_code *b,
                   bool (*const_same)(const vm_ast_const *, const vm_ast_const *));

/* The position of the instruction at a unit index (binary search in the table). */
const vm_code_pos *vm_code_position(const vm_code *code, uint32_t unit);
/* The handler of an exception raised at a unit index, or NULL: the exception leaves the
 * frame. */
const vm_code_handler *vm_code_handler_for(const vm_code *code, uint32_t unit);

/* Checks the invariants the interpreter and the JIT rely on, in this code object and the
 * nested ones: known opcodes, arguments in range, jump targets on instructions, backward
 * jumps only by JUMP_BACKWARD (safe points) or JUMP_BACKWARD_NO_INTERRUPT, no fall off the
 * end, a sorted disjoint exception table whose depths fit the stack, a sorted position
 * table.  Returns NULL, or what is wrong. */
const char *vm_code_verify(const vm_code *code);

/* Prints a code object and, after it, each nested one, as `stmpy -X dis` shows them:
 * a header with the co_* facts, then one line per instruction (source line where it
 * changes, unit index, name, argument and what the argument means), then the exception
 * table. */
void vm_code_dis(const vm_code *code, vm_buf *out);
/* Prints the co_* facts of a code object and its nested ones (pre-order), one per line:
 * "code QUALNAME FIRSTLINENO", name, flags, args, varnames, cellvars, freevars, names, the
 * lines of its instructions (sorted, the first line left out), one
 * "const REPR" per constant (nested code objects as "<code QUALNAME>"). */
void vm_code_dump_facts(const vm_code *code, vm_buf *out);

#endif

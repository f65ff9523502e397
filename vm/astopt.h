/* vm/astopt.h — CPython 3.11's AST optimiser (Python/ast_opt.c, _PyAST_Optimize): constant
 * folding in place, between the symbol table and code generation, and the two equalities
 * of constants that folding and the compiler's constant table need.
 *
 * What folds (exactly 3.11's rules; vm/astopt.c describes each):
 *   - BinOp and UnaryOp of Constants, as Python computes them, unless Python would raise
 *     (1/0, 'a' + 1, overflow) or the result would be too large (ints over 128 bits,
 *     str/bytes over 4096 characters, tuples over 256 items) or the operator is % on a
 *     str or bytes (never evaluated), or @;
 *   - 'a%sb' % (x,) becomes f'a{x!s}b' when every unit is a plain %s, %r or %a;
 *   - `not` over a single `is`, `is not`, `in`, `not in` comparison inverts it;
 *   - a Tuple of Constants in a Load context becomes a tuple Constant;
 *   - a Subscript of a Constant by a Constant index ('abc'[1], (1, 2)[0], b'a'[0]);
 *   - the right operand of a last `in` / `not in` and the iterable of a for loop or
 *     comprehension: a list display becomes a tuple display (a tuple Constant if all its
 *     items are Constants), a set display of Constants a frozenset Constant;
 *   - `__debug__` in a Load context is True (optimize == 0) or False;
 *   - a folded str Constant that would become a docstring is wrapped in a JoinedStr.
 * Annotations are left alone under `from __future__ import annotations`. */
#ifndef VM_ASTOPT_H
#define VM_ASTOPT_H

#include <stdbool.h>
#include <stdint.h>

#include "vm/arena.h"
#include "vm/ast.h"

/* Folds mod (Module, Expression, Interactive or FunctionType) in place; new nodes and
 * constants come from arena.  optimize is compile()'s optimize level (-1 and 0 keep
 * __debug__ True, as the interpreter's own default; 1 and 2 make it False);
 * future_annotations: the module has `from __future__ import annotations`.  Returns false
 * only when the tree nests deeper than CPython allows the optimiser (RecursionError, with
 * CPython's message in *error); the tree is then partly folded and must not be compiled. */
bool vm_ast_optimize(vm_arena *arena, vm_ast *mod, int optimize, bool future_annotations,
                     const char **error);
/* The same with the recursion check's inputs: python_depth, the Python frames active in
 * the thread that compiles (0 for a script's own module; 2 for compile() called at a
 * module's top level) and sys.getrecursionlimit() (vm_ast_optimize: 0 and 1000).  The
 * optimiser fails past 3 * recursion_limit nested expressions, statements and patterns,
 * counting 3 per frame of python_depth. */
bool vm_ast_optimize_at(vm_arena *arena, vm_ast *mod, int optimize, bool future_annotations,
                        int python_depth, int recursion_limit, const char **error);

/* Python's == between constants, as a frozenset uses it to merge items: 1 == 1.0 == True
 * == (1+0j), 0.0 == -0.0, NaN unequal to everything, tuples item by item, frozensets as
 * sets, str never equal to bytes.  vm_ast_const_hash is consistent with it (Python's
 * numeric hash for numbers). */
bool vm_ast_const_equal(const vm_ast_const *a, const vm_ast_const *b);
uint64_t vm_ast_const_hash(const vm_ast_const *c);

/* The compiler's constant-table identity (CPython's _PyCode_ConstantKey): same type and
 * same value.  1, 1.0 and True are three constants; 0.0 and -0.0 are two (also in either
 * part of a complex); floats compare by bit pattern, so a NaN is the same as a NaN with
 * the same bits (CPython keys floats by object, so two NaNs that folding made are two
 * constants there: the compiler keeps NaN-holding constants apart itself); tuples item
 * by item, frozensets as sets of such keys.  INT and BIGINT
 * are one type (int).  vm_ast_const_hash_same is consistent with it. */
bool vm_ast_const_same(const vm_ast_const *a, const vm_ast_const *b);
uint64_t vm_ast_const_hash_same(const vm_ast_const *c);

#endif

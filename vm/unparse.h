/* vm/unparse.h — an expression back to source text, as CPython 3.11's compiler writes it
 * for `from __future__ import annotations` (Python/ast_unparse.c, _PyAST_ExprAsUnicode).
 *
 * This is not the `ast.unparse` of Lib/ast.py: the C unparser has its own rules for
 * parentheses (a ** (-b), (x := (a + b)), (yield)), writes strings, bytes and numbers
 * with repr() (an infinite float as 1e309), Ellipsis as `...`, f-strings as f + the repr
 * of their rebuilt body, and `lambda*a: 0` without a space.  The annotation strings of a
 * module compiled under the future import must be these exact strings. */
#ifndef VM_UNPARSE_H
#define VM_UNPARSE_H

#include "vm/ast.h"

/* Appends the source text of the expression `expr` (any expr node the parser builds) to
 * `out`, exactly as CPython 3.11's _PyAST_ExprAsUnicode returns it.
 *
 * One difference: CPython fails with ValueError on an int constant of more than 4,300
 * decimal digits (its int-to-str limit, e.g. a huge hexadecimal literal); this writes
 * all the digits. */
void vm_ast_unparse_expr(const vm_ast *expr, vm_buf *out);

#endif

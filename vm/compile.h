/* vm/compile.h — Python 3.11 source or AST to stmpy code objects (vm/code.h).
 *
 * The pipeline is CPython's: parse (vm/parser.h), fold constants (vm/astopt.h), build the
 * symbol tables (vm/symtable.h), generate code into a control-flow graph of basic blocks
 * (vm/compile.c), optimise and assemble it (vm/flowgraph.c).  Every SyntaxError CPython's
 * compile() raises for a source, at the same line and column, is raised here too. */
#ifndef VM_COMPILE_H
#define VM_COMPILE_H

#include <stddef.h>

#include "vm/code.h"
#include "vm/parser.h"

typedef struct vm_compile_options {
    int optimize;           /* 0, 1 (-O: no asserts, __debug__ False), 2 (-OO: no docstrings) */
    int flags;              /* VM_CO_FUTURE_* inherited by compile(): none from a file */
    bool interactive;       /* VM_PARSE_SINGLE: expression statements print their value */
} vm_compile_options;

/* Compiles a parsed module (Module, Expression or Interactive node in `arena`; the AST is
 * folded in place).  source/source_len (UTF-8, may be NULL) supply the text of error
 * lines.  Returns the module's code object, or NULL with err set. */
vm_code *vm_compile_ast(vm_arena *arena, vm_ast *mod, const char *filename, const char *source,
                        size_t source_len, const vm_compile_options *opts, vm_syntax_error *err);

/* Parses and compiles a file's bytes (PEP 263 decoding) in the given mode. */
vm_code *vm_compile_file(const char *data, size_t len, const char *filename, vm_parse_mode mode,
                         const vm_compile_options *opts, vm_syntax_error *err);

#endif

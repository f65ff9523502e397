/* vm/parser.h — Python 3.11 source to AST (vm/ast.h), with CPython's SyntaxErrors. */
#ifndef VM_PARSER_H
#define VM_PARSER_H

#include "vm/ast.h"
#include "vm/tokenizer.h"

/* What the source is, as compile()'s mode: a module, one expression, one interactive
 * statement, a function type comment. */
typedef enum { VM_PARSE_EXEC, VM_PARSE_EVAL, VM_PARSE_SINGLE, VM_PARSE_FUNC_TYPE } vm_parse_mode;

/* Parses a file's bytes (decoding them per PEP 263).  Returns the Module (Expression,
 * Interactive, FunctionType) node in `arena`, or NULL with err set to the SyntaxError,
 * IndentationError or TabError CPython 3.11 raises for the same source, at the same line
 * and column. */
vm_ast *vm_parse_file(vm_arena *arena, const char *data, size_t len, const char *filename,
                      vm_parse_mode mode, vm_syntax_error *err);
/* The same for text already in UTF-8 (exec/eval/compile of a str). */
vm_ast *vm_parse_string(vm_arena *arena, const char *text, size_t len, const char *filename,
                        vm_parse_mode mode, vm_syntax_error *err);

#endif

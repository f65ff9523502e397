/* tests/fuzz/fuzz_parser.c — libFuzzer harness for the front end (tokenizer, parser, AST,
 * symbol tables, constant folding, compiler).
 *
 * Each input is a file's bytes: vm_parse_file (PEP 263 decoding, tokenizing, parsing) in a
 * fresh arena, then, on success, vm_ast_dump of the module into a vm_buf, then the
 * compiler (vm_compile_ast), whose code objects must pass vm_code_verify and are printed
 * with vm_code_dis; everything is freed before returning, so LeakSanitizer sees any leak.
 * An "internal compiler error" (a block reached with two stack depths...) is a crash.  The contract of vm/parser.h is
 * checked too: a NULL result comes with the error set (and a message, a known class and
 * positions of at least -1), a module without one.
 *
 * Built and run by tools/fuzz (clang -fsanitize=fuzzer,address,undefined); the seeds are
 * CPython's own test files (the .py files of /usr/lib/python3.11/test/) and the regression corpus
 * tests/syntax/{valid,invalid,invalid_compiler}/ (see tests/fuzz/README.md). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/arena.h"
#include "vm/ast.h"
#include "vm/code.h"
#include "vm/compile.h"
#include "vm/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void contract_failure(const char *what)
{
    fprintf(stderr, "fuzz_parser: contract violated: %s\n", what);
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A private copy without slack: reads past the end are caught by ASan. */
    char *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    if (size)
        memcpy(copy, data, size);

    vm_arena arena;
    vm_arena_init(&arena);
    vm_syntax_error err;
    memset(&err, 0, sizeof err);
    vm_ast *mod = vm_parse_file(&arena, copy, size, "<fuzz>", VM_PARSE_EXEC, &err);
    if (mod) {
        if (err.is_set)
            contract_failure("a module was returned with an error set");
        vm_buf out;
        vm_buf_init(&out);
        vm_ast_dump(mod, &out);
        if (out.len == 0 || strncmp(out.data, "Module(", 7) != 0)
            contract_failure("ast.dump of the module does not start with 'Module('");
        vm_buf_free(&out);
        /* then the compiler: the symbol table, folding, code generation, assembly */
        vm_code *code = vm_compile_ast(&arena, mod, "<fuzz>", copy, size, NULL, &err);
        if (code) {
            if (err.is_set)
                contract_failure("a code object was returned with an error set");
            const char *bad = vm_code_verify(code);
            if (bad) {
                fprintf(stderr, "fuzz_parser: invalid code object: %s\n", bad);
                abort();
            }
            vm_buf_init(&out);
            vm_code_dis(code, &out);
            vm_buf_free(&out);
            vm_code_free(code);
        } else {
            if (!err.is_set)
                contract_failure("the compiler returned NULL without an error");
            if (strstr(err.msg, "internal compiler error"))
                contract_failure(err.msg);
        }
    } else {
        if (!err.is_set)
            contract_failure("NULL was returned without an error");
        if (err.kind != VM_SYNTAX_ERROR && err.kind != VM_INDENTATION_ERROR &&
            err.kind != VM_TAB_ERROR)
            contract_failure("unknown error class");
        if (memchr(err.msg, '\0', sizeof err.msg) == NULL || err.msg[0] == '\0')
            contract_failure("empty or unterminated message");
        /* CPython itself reports -1 offsets (unknown encoding: line 0, offset -1). */
        if (err.lineno < 0 || err.offset < -1 || err.end_lineno < 0 || err.end_offset < -1)
            contract_failure("position below -1");
    }
    vm_syntax_error_clear(&err);
    vm_arena_free(&arena);
    free(copy);
    return 0;
}

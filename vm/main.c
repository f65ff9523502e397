/* vm/main.c — the stmpy command line.
 *
 * Today: the front end's developer switches, `-X dump-ast FILE` (CPython 3.11's
 * ast.dump(ast.parse(source)) for the file), `-X check-syntax FILE` (one machine-readable
 * line: "ok", or the error's class, line, offset, end line, end offset and message,
 * tab-separated: what CPython's compile() reports), `-X dump-symtable FILE` and
 * `-X dis FILE` (the bytecode, vm/code.h).
 * Running a program needs the interpreter (the next issue): stmpy says so and exits 2. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/ast.h"
#include "vm/compile.h"
#include "vm/parser.h"
#include "vm/symtable.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: stmpy [option] ... [file]\n"
            "  -X dump-ast  print the file's AST as CPython's ast.dump(ast.parse(source))\n"
            "  -X check-syntax  compile the file; print 'ok' or the SyntaxError's class,\n"
            "               line, offset, end line, end offset and message, tab-separated\n"
            "  -X dis       compile the file and print its bytecode, code object by code object\n"
            "  -X dump-code  compile the file and print its code objects' co_* facts\n"
            "               (tests/frontend/code_parity.py prints CPython's in the same format)\n"
            "  -X dump-symtable  print the file's symbol tables (tests/frontend/symtable_check.py\n"
            "               prints CPython's in the same format), or the SyntaxError as check-syntax\n"
            "  -V, --version  print the Python version stmpy implements\n");
}

/* Reads a whole file; NULL with errno set on failure. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    *len = n;
    return buf;
}

static const char *const error_class[] = {"SyntaxError", "IndentationError", "TabError"};

typedef enum { DUMP_AST, CHECK_SYNTAX, DUMP_SYMTABLE, DIS, DUMP_CODE } front_end_job;

/* Runs the front end over a file: -X dump-ast prints the AST (a SyntaxError as CPython
 * prints it); -X check-syntax runs the parser and the symbol table, as compile() would
 * before its code generation, and prints one machine-readable line; -X dump-symtable
 * prints the symbol tables, for comparison with CPython's symtable module
 * (tests/frontend/symtable_check.py), errors as -X check-syntax does. */
static int front_end(const char *path, front_end_job job)
{
    size_t len;
    char *data = read_file(path, &len);
    if (!data) {
        fprintf(stderr, "stmpy: can't open file '%s': [Errno %d] %s\n", path, errno,
                strerror(errno));
        return 2;
    }
    vm_arena arena;
    vm_arena_init(&arena);
    vm_syntax_error err = {0};
    vm_ast *mod = vm_parse_file(&arena, data, len, path, VM_PARSE_EXEC, &err);
    /* the raw bytes serve as the error's source line: right for UTF-8 files */
    vm_symtable *st = mod && job == DUMP_SYMTABLE
                          ? vm_symtable_build(&arena, mod, path, data, len, &err) : NULL;
    /* check-syntax and dis run the whole compiler, as compile() does */
    vm_code *code = mod && (job == CHECK_SYNTAX || job == DIS || job == DUMP_CODE)
                        ? vm_compile_ast(&arena, mod, path, data, len, NULL, &err) : NULL;
    const char *bad = code ? vm_code_verify(code) : NULL;
    if (bad) {
        fprintf(stderr, "stmpy: internal compiler error in %s: %s\n", path, bad);
        vm_code_free(code);
        vm_arena_free(&arena);
        free(data);
        return 3;
    }
    bool ok = job == DUMP_AST ? mod != NULL : job == DUMP_SYMTABLE ? st != NULL : code != NULL;
    vm_buf out;
    vm_buf_init(&out);
    if (ok && job == DUMP_AST) {
        vm_ast_dump(mod, &out);
        vm_buf_put(&out, "\n", 1);
    } else if (ok && job == DUMP_SYMTABLE) {
        vm_symtable_dump(st, &out);
    } else if (ok && job == DIS) {
        vm_code_dis(code, &out);
    } else if (ok && job == DUMP_CODE) {
        vm_code_dump_facts(code, &out);
    } else if (ok) {
        vm_buf_puts(&out, "ok\n");
    } else if (job == DUMP_AST || job == DIS) {
        vm_syntax_error_print(&err, stderr);
    } else {
        vm_buf_printf(&out, "%s\t%d\t%d\t%d\t%d\t%s\n", error_class[err.kind], err.lineno,
                      err.offset, err.end_lineno, err.end_offset, err.msg);
    }
    fwrite(out.data, 1, out.len, stdout);
    vm_buf_free(&out);
    vm_syntax_error_clear(&err);
    vm_code_free(code);
    vm_arena_free(&arena);
    free(data);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *xopt = NULL;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-X")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "Argument expected for the -X option\n");
                usage(stderr);
                return 2;
            }
            xopt = argv[++i];
        } else if (!strncmp(a, "-X", 2)) {
            xopt = a + 2;
        } else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
            printf("Python 3.11 (stmpy)\n");
            return 0;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--")) {
            i++;
            break;
        } else {
            fprintf(stderr, "stmpy: option %s is not supported yet\n", a);
            return 2;
        }
    }
    static const struct { const char *name; front_end_job job; } jobs[] = {
        {"dump-ast", DUMP_AST}, {"check-syntax", CHECK_SYNTAX}, {"dump-symtable", DUMP_SYMTABLE}, {"dis", DIS}, {"dump-code", DUMP_CODE}};
    for (size_t j = 0; xopt && j < sizeof jobs / sizeof jobs[0]; j++) {
        if (strcmp(xopt, jobs[j].name) != 0)
            continue;
        if (i >= argc) {
            fprintf(stderr, "stmpy: -X %s needs a file\n", xopt);
            return 2;
        }
        return front_end(argv[i], jobs[j].job);
    }
    fprintf(stderr, "stmpy: running Python programs needs the interpreter, which is not built "
                    "yet; -X dump-ast FILE prints a file's AST\n");
    return 2;
}

/* vm/main.c — the stmpy command line.
 *
 * Today: the front end's developer switches, `-X dump-ast FILE` (CPython 3.11's
 * ast.dump(ast.parse(source)) for the file), `-X check-syntax FILE` (one machine-readable
 * line: "ok", or the error's class, line, offset, end line, end offset and message,
 * tab-separated: what CPython's compile() reports) and, once the compiler lands,
 * `-X dis FILE`.
 * Running a program needs the interpreter (the next issue): stmpy says so and exits 2. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/ast.h"
#include "vm/parser.h"
#include "vm/symtable.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: stmpy [option] ... [file]\n"
            "  -X dump-ast  print the file's AST as CPython's ast.dump(ast.parse(source))\n"
            "  -X check-syntax  parse the file; print 'ok' or the SyntaxError's class, line,\n"
            "               offset, end line, end offset and message, tab-separated\n"
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

static int dump_ast(const char *path, bool machine)
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
    int status = 0;
    if (machine) {
        if (mod) {
            printf("ok\n");
        } else {
            printf("%s\t%d\t%d\t%d\t%d\t%s\n", error_class[err.kind], err.lineno, err.offset,
                   err.end_lineno, err.end_offset, err.msg);
            status = 1;
        }
    } else if (mod) {
        vm_buf out;
        vm_buf_init(&out);
        vm_ast_dump(mod, &out);
        vm_buf_put(&out, "\n", 1);
        fwrite(out.data, 1, out.len, stdout);
        vm_buf_free(&out);
    } else {
        vm_syntax_error_print(&err, stderr);
        status = 1;
    }
    vm_syntax_error_clear(&err);
    vm_arena_free(&arena);
    free(data);
    return status;
}

/* -X dump-symtable: the symbol tables of a file, for comparison with CPython's symtable
 * module (tests/frontend/symtable_check.py); errors print as -X check-syntax does. */
static int dump_symtable(const char *path)
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
    vm_symtable *st = mod ? vm_symtable_build(&arena, mod, path, data, len, &err) : NULL;
    int status = 0;
    if (st) {
        vm_buf out;
        vm_buf_init(&out);
        vm_symtable_dump(st, &out);
        fwrite(out.data, 1, out.len, stdout);
        vm_buf_free(&out);
    } else {
        printf("%s\t%d\t%d\t%d\t%d\t%s\n", error_class[err.kind], err.lineno, err.offset,
               err.end_lineno, err.end_offset, err.msg);
        status = 1;
    }
    vm_syntax_error_clear(&err);
    vm_arena_free(&arena);
    free(data);
    return status;
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
    if (xopt && (!strcmp(xopt, "dump-ast") || !strcmp(xopt, "check-syntax"))) {
        if (i >= argc) {
            fprintf(stderr, "stmpy: -X %s needs a file\n", xopt);
            return 2;
        }
        return dump_ast(argv[i], !strcmp(xopt, "check-syntax"));
    }
    if (xopt && !strcmp(xopt, "dump-symtable")) {
        if (i >= argc) {
            fprintf(stderr, "stmpy: -X dump-symtable needs a file\n");
            return 2;
        }
        return dump_symtable(argv[i]);
    }
    fprintf(stderr, "stmpy: running Python programs needs the interpreter, which is not built "
                    "yet; -X dump-ast FILE prints a file's AST\n");
    return 2;
}

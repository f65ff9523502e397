/* tests/frontend/unparse_dump.c — vm_ast_unparse_expr over a file of expressions, for
 * unparse_check.py to compare with CPython 3.11's annotation strings.
 *
 *   unparse_dump FILE      one expression per line
 *   unparse_dump -0 FILE   expressions separated by NUL bytes (they may span lines)
 *
 * Each expression is parsed in eval mode and its body unparsed (one that starts with `*`
 * and is no expression, such as *Ts, as the annotation of `def f(*x: *Ts)`); the output has exactly
 * one line per expression: "= TEXT", with backslash, newline and carriage return in TEXT
 * written as \\, \n and \r (the unparser should never produce the last two: a newline
 * here is a bug to see, not to lose), or "! MESSAGE" when the expression does not parse. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/ast.h"
#include "vm/parser.h"
#include "vm/unparse.h"

static void put_escaped(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\\')
            fputs("\\\\", stdout);
        else if (s[i] == '\n')
            fputs("\\n", stdout);
        else if (s[i] == '\r')
            fputs("\\r", stdout);
        else
            putchar(s[i]);
    }
}

static void dump_one(const char *text, size_t len)
{
    vm_arena arena;
    vm_arena_init(&arena);
    vm_syntax_error err = {0};
    vm_ast *mod = vm_parse_string(&arena, text, len, "<unparse>", VM_PARSE_EVAL, &err);
    const vm_ast *expr = mod ? mod->v.Expression.body : NULL;
    if (!mod && text[0] == '*') {
        /* *Ts is an expression only as the annotation of *args (PEP 646) */
        vm_buf src;
        vm_buf_init(&src);
        vm_buf_puts(&src, "def f(*x: ");
        vm_buf_put(&src, text, len);
        vm_buf_puts(&src, "): pass\n");
        vm_syntax_error err2 = {0};
        mod = vm_parse_string(&arena, src.data, src.len, "<unparse>", VM_PARSE_EXEC, &err2);
        if (mod)
            expr = vm_ast_seq_node(mod->v.Module.body, 0)->v.FunctionDef.args->v.arguments.vararg->v.arg.annotation;
        vm_syntax_error_clear(&err2);
        vm_buf_free(&src);
    }
    if (mod) {
        vm_buf out;
        vm_buf_init(&out);
        vm_ast_unparse_expr(expr, &out);
        fputs("= ", stdout);
        put_escaped(out.data, out.len);
        putchar('\n');
        vm_buf_free(&out);
    } else {
        fputs("! ", stdout);
        put_escaped(err.msg, strlen(err.msg));
        putchar('\n');
    }
    vm_syntax_error_clear(&err);
    vm_arena_free(&arena);
}

int main(int argc, char **argv)
{
    char sep = '\n';
    if (argc == 3 && strcmp(argv[1], "-0") == 0) {
        sep = '\0';
        argv++;
        argc--;
    }
    if (argc != 2) {
        fprintf(stderr, "usage: unparse_dump [-0] FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    size_t cap = 1 << 16, len = 0, got;
    char *data = malloc(cap);
    while ((got = fread(data + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap)
            data = realloc(data, cap *= 2);
    }
    fclose(f);
    /* records end at sep; a last record without one counts too */
    size_t start = 0;
    while (start < len) {
        char *end = memchr(data + start, sep, len - start);
        size_t rec_len = end ? (size_t)(end - (data + start)) : len - start;
        /* a NUL-terminated copy: the parser may look one past the end */
        char *rec = malloc(rec_len + 1);
        memcpy(rec, data + start, rec_len);
        rec[rec_len] = '\0';
        dump_one(rec, rec_len);
        free(rec);
        start += rec_len + 1;
    }
    free(data);
    return 0;
}
